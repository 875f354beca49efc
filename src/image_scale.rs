//! A photo made smaller on the device before it is stored.
//!
//! The picture is decoded by an `<img>`, which turns it the way its EXIF
//! orientation says, and drawn straight onto a canvas of the stored size:
//! no canvas is ever as large as the original (a 12-megapixel canvas is
//! over Safari's limit). Encoding it again as JPEG also drops the camera's
//! metadata, its location among them.
use crate::domain::media::fit_within;
use wasm_bindgen::{closure::Closure, JsCast};
use wasm_bindgen_futures::JsFuture;

/// A photo as stored: JPEG bytes and their size in pixels.
pub struct Scaled {
    pub blob: web_sys::Blob,
    pub width: u32,
    pub height: u32,
}

/// Why a picture could not be made smaller.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ScaleError {
    /// The file is not a picture this browser can read.
    NotAPicture,
    /// The browser could not draw or encode it (out of memory, mostly).
    Failed,
}

/// `file` with its longest side at most `max_side` pixels, as a JPEG of
/// `quality` (0-1), turned as its orientation says.
pub async fn scale(
    file: &web_sys::Blob,
    max_side: u32,
    quality: f64,
) -> Result<Scaled, ScaleError> {
    let url = web_sys::Url::create_object_url_with_blob(file).map_err(|_| ScaleError::Failed)?;
    let result = scale_from_url(&url, max_side, quality).await;
    let _ = web_sys::Url::revoke_object_url(&url);
    result
}

async fn scale_from_url(url: &str, max_side: u32, quality: f64) -> Result<Scaled, ScaleError> {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or(ScaleError::Failed)?;
    let image = document
        .create_element("img")
        .map_err(|_| ScaleError::Failed)?
        // An <img> is always one (and no instanceof check is another
        // browser function in the first load's glue).
        .unchecked_into::<web_sys::HtmlImageElement>();
    image.set_src(url);
    JsFuture::from(image.decode())
        .await
        .map_err(|_| ScaleError::NotAPicture)?;
    let (width, height) = fit_within(image.natural_width(), image.natural_height(), max_side);
    let canvas = document
        .create_element("canvas")
        .map_err(|_| ScaleError::Failed)?
        .unchecked_into::<web_sys::HtmlCanvasElement>();
    canvas.set_width(width);
    canvas.set_height(height);
    let context = canvas
        .get_context("2d")
        .ok()
        .flatten()
        .ok_or(ScaleError::Failed)?
        // What "2d" gives, when it gives anything.
        .unchecked_into::<web_sys::CanvasRenderingContext2d>();
    context.set_image_smoothing_enabled(true);
    // Not in web-sys: the best smoothing the browser has.
    let _ = js_sys::Reflect::set(&context, &"imageSmoothingQuality".into(), &"high".into());
    // A transparent picture (a PNG) gets a white ground, as JPEG has no alpha.
    context.set_fill_style_str("#fff");
    context.fill_rect(0.0, 0.0, f64::from(width), f64::from(height));
    context
        .draw_image_with_html_image_element_and_dw_and_dh(
            &image,
            0.0,
            0.0,
            f64::from(width),
            f64::from(height),
        )
        .map_err(|_| ScaleError::Failed)?;
    let blob = to_jpeg(&canvas, quality).await?;
    Ok(Scaled {
        blob,
        width,
        height,
    })
}

/// The canvas as JPEG bytes.
async fn to_jpeg(
    canvas: &web_sys::HtmlCanvasElement,
    quality: f64,
) -> Result<web_sys::Blob, ScaleError> {
    let mut failed = false;
    let promise = js_sys::Promise::new(&mut |resolve, reject| {
        let done = Closure::once_into_js(move |blob: wasm_bindgen::JsValue| {
            let _ = resolve.call1(&wasm_bindgen::JsValue::NULL, &blob);
        });
        if canvas
            .to_blob_with_type_and_encoder_options(
                done.unchecked_ref(),
                "image/jpeg",
                &quality.into(),
            )
            .is_err()
        {
            failed = true;
            let _ = reject.call0(&wasm_bindgen::JsValue::NULL);
        }
    });
    if failed {
        return Err(ScaleError::Failed);
    }
    JsFuture::from(promise)
        .await
        .ok()
        .and_then(|b| b.dyn_into::<web_sys::Blob>().ok())
        .ok_or(ScaleError::Failed)
}
