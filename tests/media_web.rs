//! Photos and recordings on the device, in headless Chromium: IndexedDB
//! through `media_store`, and pictures made smaller by `image_scale`.
#![cfg(target_arch = "wasm32")]
#![allow(clippy::expect_used, clippy::unwrap_used)]

use js_sys::{Function, Promise, Uint8Array};
use showplan::image_scale::scale;
use showplan::media_store::{self, MediaError, Stored};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Runs `body` (JavaScript, may `await`) with `args`, and awaits its result.
async fn js(params: &str, body: &str, args: &[JsValue]) -> JsValue {
    let f = Function::new_with_args(params, &format!("return (async () => {{ {body} }})();"));
    let this = JsValue::NULL;
    let promise: Promise = match args {
        [] => f.call0(&this),
        [a] => f.call1(&this, a),
        [a, b] => f.call2(&this, a, b),
        _ => panic!("at most two arguments"),
    }
    .expect("call")
    .dyn_into()
    .expect("a promise");
    JsFuture::from(promise).await.expect("the script ran")
}

/// A JPEG `width` x `height`, its left half red and its right half blue.
/// With `orientation`, an EXIF block saying how to turn it is put first.
async fn two_colour_jpeg(width: u32, height: u32, orientation: Option<u16>) -> web_sys::Blob {
    let bytes = js(
        "w, h",
        "const c = document.createElement('canvas'); c.width = w; c.height = h;
         const x = c.getContext('2d');
         x.fillStyle = '#f00'; x.fillRect(0, 0, w / 2, h);
         x.fillStyle = '#00f'; x.fillRect(w / 2, 0, w / 2, h);
         const b = await new Promise((r) => c.toBlob(r, 'image/jpeg', 0.95));
         return new Uint8Array(await b.arrayBuffer());",
        &[width.into(), height.into()],
    )
    .await;
    let mut bytes = Uint8Array::new(&bytes).to_vec();
    if let Some(o) = orientation {
        // APP1 "Exif": a big-endian TIFF header and one IFD entry,
        // Orientation (0x0112), SHORT, count 1.
        let mut exif = vec![0xFF, 0xE1, 0x00, 0x22];
        exif.extend_from_slice(b"Exif\0\0MM\0\x2A\0\0\0\x08\0\x01\x01\x12\0\x03\0\0\0\x01");
        exif.extend_from_slice(&[(o >> 8) as u8, o as u8, 0, 0, 0, 0, 0, 0]);
        bytes.splice(2..2, exif);
    }
    blob(&bytes, "image/jpeg")
}

fn blob(bytes: &[u8], mime: &str) -> web_sys::Blob {
    let parts = js_sys::Array::of1(&Uint8Array::from(bytes));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options).expect("a blob")
}

async fn bytes_of(blob: &web_sys::Blob) -> Vec<u8> {
    let buffer = JsFuture::from(blob.array_buffer()).await.expect("bytes");
    Uint8Array::new(&buffer).to_vec()
}

/// The colour ("red", "blue" or "other") at a fraction of the picture's
/// width and height, and its size.
async fn colour_at(picture: &web_sys::Blob, fx: f64, fy: f64) -> (String, u32, u32) {
    let answer = js(
        "b, at",
        "const bmp = await createImageBitmap(b);
         const c = document.createElement('canvas'); c.width = bmp.width; c.height = bmp.height;
         const x = c.getContext('2d'); x.drawImage(bmp, 0, 0);
         const [r, g, bl] = x.getImageData(Math.floor(at[0] * bmp.width), Math.floor(at[1] * bmp.height), 1, 1).data;
         const name = r > 200 && bl < 60 ? 'red' : bl > 200 && r < 60 ? 'blue' : `other ${r},${g},${bl}`;
         return [name, bmp.width, bmp.height];",
        &[picture.into(), js_sys::Array::of2(&fx.into(), &fy.into()).into()],
    )
    .await;
    let a: js_sys::Array = answer.dyn_into().expect("an array");
    (
        a.get(0).as_string().expect("a name"),
        a.get(1).as_f64().expect("a width") as u32,
        a.get(2).as_f64().expect("a height") as u32,
    )
}

fn stored(blob: web_sys::Blob) -> Stored {
    Stored {
        id: uuid::Uuid::new_v4(),
        property: uuid::Uuid::new_v4(),
        blob,
        added_ms: 1_790_000_000_000,
    }
}

#[wasm_bindgen_test]
async fn a_photo_and_a_recording_are_stored_read_back_and_deleted() {
    let photo = stored(two_colour_jpeg(64, 48, None).await);
    let sound: Vec<u8> = (0..20_000u32).map(|i| (i * 7 % 251) as u8).collect();
    let recording = stored(blob(&sound, "audio/webm"));
    media_store::put(&photo).await.expect("the photo is kept");
    media_store::put(&recording)
        .await
        .expect("the recording is kept");

    let ids = media_store::ids().await.expect("ids");
    assert!(ids.contains(&photo.id) && ids.contains(&recording.id));
    let back = media_store::get(recording.id)
        .await
        .expect("read")
        .expect("there");
    assert_eq!(back.property, recording.property);
    assert_eq!(back.blob.type_(), "audio/webm");
    assert_eq!(bytes_of(&back.blob).await, sound);
    let back = media_store::get(photo.id)
        .await
        .expect("read")
        .expect("there");
    assert_eq!(bytes_of(&back.blob).await, bytes_of(&photo.blob).await);

    media_store::delete(photo.id).await.expect("deleted");
    assert!(media_store::get(photo.id).await.expect("read").is_none());
    assert!(media_store::get(recording.id)
        .await
        .expect("read")
        .is_some());
    media_store::delete(recording.id).await.expect("deleted");
}

#[wasm_bindgen_test]
async fn unreferenced_media_are_marked_first_and_deleted_after_the_grace() {
    let kept = stored(blob(b"kept", "image/jpeg"));
    let dropped = stored(blob(b"dropped", "image/jpeg"));
    media_store::put(&kept).await.unwrap();
    media_store::put(&dropped).await.unwrap();
    let referenced = [kept.id].into_iter().collect();
    let now = 1_800_000_000_000;
    assert_eq!(
        media_store::sweep_unreferenced(&referenced, now)
            .await
            .unwrap(),
        0
    );
    assert!(media_store::get(dropped.id).await.unwrap().is_some());
    let later = now + showplan::domain::media::UNREFERENCED_GRACE_MS;
    assert_eq!(
        media_store::sweep_unreferenced(&referenced, later)
            .await
            .unwrap(),
        1
    );
    assert!(media_store::get(dropped.id).await.unwrap().is_none());
    assert!(media_store::get(kept.id).await.unwrap().is_some());
    media_store::delete(kept.id).await.unwrap();
}

#[wasm_bindgen_test]
async fn a_large_photo_is_made_smaller_keeping_its_shape() {
    let (w, h) = (4000, 3000);
    let scaled = scale(&two_colour_jpeg(w, h, None).await, 1600, 0.8)
        .await
        .expect("scaled");
    assert_eq!((scaled.width, scaled.height), (1600, 1200));
    assert_eq!(scaled.blob.type_(), "image/jpeg");
    assert_eq!(
        colour_at(&scaled.blob, 0.25, 0.5).await,
        ("red".into(), 1600, 1200)
    );
    assert_eq!(colour_at(&scaled.blob, 0.75, 0.5).await.0, "blue");
}

#[wasm_bindgen_test]
async fn a_photo_taken_sideways_is_turned_as_its_orientation_says() {
    // Orientation 6: the camera was turned; shown turned 90° clockwise,
    // the stored left half (red) is the top.
    let scaled = scale(&two_colour_jpeg(400, 300, Some(6)).await, 160, 0.9)
        .await
        .expect("scaled");
    assert_eq!((scaled.width, scaled.height), (120, 160));
    assert_eq!(
        colour_at(&scaled.blob, 0.5, 0.25).await,
        ("red".into(), 120, 160)
    );
    assert_eq!(colour_at(&scaled.blob, 0.5, 0.75).await.0, "blue");
}

#[wasm_bindgen_test]
async fn a_file_that_is_not_a_picture_says_so() {
    let text = blob(b"not a picture", "image/jpeg");
    assert!(matches!(
        scale(&text, 1600, 0.8).await,
        Err(showplan::image_scale::ScaleError::NotAPicture)
    ));
}

#[wasm_bindgen_test]
async fn a_full_device_is_named_as_such() {
    // The browser refuses this one write as a full disk does (only this
    // record's: the other tests run in between).
    let photo = stored(blob(b"photo", "image/jpeg"));
    js(
        "id",
        "const put = IDBObjectStore.prototype.put;
         IDBObjectStore.prototype.put = function (value, ...rest) {
           if (value && value.id === id) {
             throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
           }
           return put.call(this, value, ...rest);
         };",
        &[photo.id.to_string().into()],
    )
    .await;
    assert_eq!(media_store::put(&photo).await, Err(MediaError::Quota));
    assert!(media_store::get(photo.id).await.unwrap().is_none());
}

#[wasm_bindgen_test]
async fn a_browser_that_refuses_blobs_keeps_the_bytes_instead() {
    // Some private modes cannot keep a Blob in IndexedDB (DataCloneError):
    // the bytes are kept as an ArrayBuffer, and read back as the same file.
    let photo = stored(two_colour_jpeg(32, 24, None).await);
    js(
        "id",
        "const put = IDBObjectStore.prototype.put;
         IDBObjectStore.prototype.put = function (value, ...rest) {
           if (value && value.id === id && value.blob instanceof Blob) {
             throw new DOMException('Blobs cannot be stored here.', 'DataCloneError');
           }
           return put.call(this, value, ...rest);
         };",
        &[photo.id.to_string().into()],
    )
    .await;
    media_store::put(&photo).await.expect("kept as bytes");
    let back = media_store::get(photo.id).await.unwrap().expect("there");
    assert_eq!(back.blob.type_(), "image/jpeg");
    assert_eq!(bytes_of(&back.blob).await, bytes_of(&photo.blob).await);
    media_store::delete(photo.id).await.unwrap();
}
