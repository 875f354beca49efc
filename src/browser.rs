//! Small browser helpers that are not storage: file download and upload.
use wasm_bindgen::{JsCast, JsValue};

/// Offers `text` to the user as a file download named `filename`.
pub fn download_text(filename: &str, mime: &str, text: &str) -> Result<(), String> {
    let err = |e: JsValue| format!("{e:?}");
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).map_err(err)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(err)?;
    let link: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(err)?
        .dyn_into()
        .map_err(|_| "not a link".to_string())?;
    link.set_href(&url);
    link.set_download(filename);
    link.click();
    let _ = web_sys::Url::revoke_object_url(&url);
    Ok(())
}

/// The text of the first file chosen in a file input, if any.
pub async fn read_chosen_file(input: &web_sys::HtmlInputElement) -> Option<Result<String, String>> {
    let file = input.files()?.get(0)?;
    let text = wasm_bindgen_futures::JsFuture::from(file.text()).await;
    Some(match text {
        Ok(value) => value.as_string().ok_or_else(|| "not text".to_string()),
        Err(e) => Err(format!("{e:?}")),
    })
}
