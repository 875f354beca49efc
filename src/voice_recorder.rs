//! Recording a voice note with the browser's `MediaRecorder`.
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::{closure::Closure, JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Why no recording was made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RecordError {
    /// The user or the browser's settings refused the microphone.
    Denied,
    /// No microphone, or another problem, with the browser's words.
    Failed(String),
}

/// Whether this browser can record sound at all (the record button is
/// left out where it cannot).
pub fn supported() -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let has =
        |target: &JsValue, name: &str| js_sys::Reflect::has(target, &name.into()).unwrap_or(false);
    has(&window, "MediaRecorder") && has(&window.navigator(), "mediaDevices")
}

/// A recording under way.
pub struct Recording {
    recorder: web_sys::MediaRecorder,
    stream: web_sys::MediaStream,
    chunks: Rc<RefCell<Vec<web_sys::Blob>>>,
    started: f64,
    _on_data: Closure<dyn FnMut(web_sys::BlobEvent)>,
}

fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

fn failed(e: JsValue) -> RecordError {
    match e.dyn_ref::<web_sys::DomException>() {
        Some(e) if matches!(e.name().as_str(), "NotAllowedError" | "SecurityError") => {
            RecordError::Denied
        }
        Some(e) => RecordError::Failed(format!("{}: {}", e.name(), e.message())),
        None => RecordError::Failed(crate::browser::js_words(&e)),
    }
}

/// Asks for the microphone and starts recording.
pub async fn start() -> Result<Recording, RecordError> {
    let devices = web_sys::window()
        .ok_or_else(|| RecordError::Failed("no window".into()))?
        .navigator()
        .media_devices()
        .map_err(failed)?;
    let constraints = web_sys::MediaStreamConstraints::new();
    constraints.set_audio(&JsValue::TRUE);
    let stream: web_sys::MediaStream = JsFuture::from(
        devices
            .get_user_media_with_constraints(&constraints)
            .map_err(failed)?,
    )
    .await
    .map_err(failed)?
    // What getUserMedia resolves to (checked by no instanceof: each is
    // another browser function in the first load's glue).
    .unchecked_into();
    let recorder = web_sys::MediaRecorder::new_with_media_stream(&stream).map_err(failed)?;
    let chunks = Rc::new(RefCell::new(Vec::new()));
    let sink = chunks.clone();
    let on_data = Closure::<dyn FnMut(web_sys::BlobEvent)>::new(move |ev: web_sys::BlobEvent| {
        if let Some(blob) = ev.data() {
            sink.borrow_mut().push(blob);
        }
    });
    recorder.set_ondataavailable(Some(on_data.as_ref().unchecked_ref()));
    recorder.start().map_err(failed)?;
    Ok(Recording {
        recorder,
        stream,
        chunks,
        started: now_ms(),
        _on_data: on_data,
    })
}

impl Recording {
    /// How long it has been recording, in milliseconds.
    pub fn elapsed_ms(&self) -> u32 {
        (now_ms() - self.started).max(0.0) as u32
    }

    /// Stops, lets the microphone go, and returns the sound and its length.
    pub async fn stop(self) -> Result<(web_sys::Blob, u32), RecordError> {
        let duration = self.elapsed_ms();
        let stopped = js_sys::Promise::new(&mut |resolve, _| {
            self.recorder.set_onstop(Some(&resolve));
        });
        self.recorder.stop().map_err(failed)?;
        JsFuture::from(stopped).await.map_err(failed)?;
        self.release();
        let parts = js_sys::Array::new();
        for chunk in self.chunks.borrow().iter() {
            parts.push(chunk);
        }
        let options = web_sys::BlobPropertyBag::new();
        let mime = self.recorder.mime_type();
        options.set_type(mime.split(';').next().unwrap_or("audio/webm"));
        let blob =
            web_sys::Blob::new_with_blob_sequence_and_options(&parts, &options).map_err(failed)?;
        Ok((blob, duration))
    }

    /// Stops every track: the browser's recording light goes out.
    fn release(&self) {
        for track in self.stream.get_tracks().iter() {
            track.unchecked_into::<web_sys::MediaStreamTrack>().stop();
        }
    }

    /// Abandons the recording (the page is left mid-recording).
    pub fn cancel(self) {
        let _ = self.recorder.stop();
        self.release();
    }
}
