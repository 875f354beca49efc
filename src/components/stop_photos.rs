//! A stop's home, at a glance: the first photos the agent took there, a
//! link to the home's page with all of them.
use crate::components::home_media::home_media;
use crate::components::media_styles::media_styled;
use crate::components::photo_urls::{PhotoUrl, PhotoUrls};
use crate::domain::media::MediaKind;
use crate::domain::model::Id;
use crate::i18n::{t_string, use_i18n};
use crate::paths::href;
use leptos::prelude::*;

/// How many photos the strip shows.
const SHOWN: usize = 4;

/// Up to four thumbnails of the home's photos, nothing when it has none
/// (drawn once their styles apply).
#[component]
pub fn StopPhotos(property: Id) -> impl IntoView {
    let i18n = use_i18n();
    let urls = PhotoUrls::new();
    let photos = home_media(property, MediaKind::Photo);
    move || {
        let list = photos.get();
        let count = list.len();
        (count > 0 && media_styled()).then(|| {
            let more = count.saturating_sub(SHOWN);
            view! {
                <a class="stop-photos" data-testid="stop-photos" href=href(&format!("/properties/{property}"))
                    aria-label=t_string!(i18n, stop_photos, count = count).to_string()>
                    {list.into_iter().take(SHOWN).map(|id| {
                        let url = urls.get(id);
                        move || match url.get() {
                            PhotoUrl::Ready(src) => view! { <img src=src alt="" /> }.into_any(),
                            _ => view! { <span class="stop-photo-placeholder"></span> }.into_any(),
                        }
                    }).collect_view()}
                    {(more > 0).then(|| view! { <span class="stop-photos-more">"+"{more}</span> })}
                </a>
            }
        })
    }
}
