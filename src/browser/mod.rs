//! Thin web-sys glue the UI needs and the browser tests exercise: reading a `File`, timing an
//! analysis with the Performance API, waiting for the next painted frame, and remembering settings.

pub mod blob;
pub mod engine;
pub mod offline;
pub mod remembered;
pub mod session;
pub mod wake;
pub mod worker;

use js_sys::{Array, Promise, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::Blob;

use crate::core::engine::protocol::{Posted, Reply};

/// A message of the engine's protocol (`core::engine::protocol::Posted`) as it crosses between
/// the page and the worker: an array of byte arrays, and the buffers to transfer with it.
pub fn crossing(arrays: &[&[u8]], blobs: &[&Blob]) -> (Array, Array) {
    let message: Array = arrays.iter().map(|a| JsValue::from(Uint8Array::from(*a))).collect();
    let transfer: Array = message.iter().map(|a| JsValue::from(a.unchecked_into::<Uint8Array>().buffer())).collect();
    // A Blob crosses by reference: no bytes are copied on this thread.
    for blob in blobs {
        message.push(blob);
    }
    (message, transfer)
}

/// Posts a worker's reply to the page, its arrays handed over, not copied.
pub fn reply_to_page(scope: &web_sys::DedicatedWorkerGlobalScope, reply: Posted<Reply>) {
    let arrays = reply.encode();
    let (message, transfer) = crossing(&arrays.iter().map(Vec::as_slice).collect::<Vec<_>>(), &[]);
    let _ = scope.post_message_with_transfer(&message, &transfer);
}

/// The byte arrays of a message that crossed; none when it is not one of the protocol's. A Blob
/// among them is read here, on the receiving (worker's) thread.
pub fn crossed(data: &JsValue) -> Vec<Vec<u8>> {
    let Some(arrays) = data.dyn_ref::<Array>() else { return Vec::new() };
    arrays
        .iter()
        .map(|a| match a.dyn_ref::<Blob>() {
            // A Blob the browser can no longer read (its file gone) arrives empty, and the reader
            // says of an empty file what it says of any unreadable one.
            Some(blob) => web_sys::FileReaderSync::new()
                .and_then(|reader| reader.read_as_array_buffer(blob))
                .map(|buffer| Uint8Array::new(&buffer).to_vec())
                .unwrap_or_default(),
            // Read in place: `Uint8Array::new` on an array would first copy it whole.
            None => a.dyn_ref::<Uint8Array>().map(Uint8Array::to_vec).unwrap_or_default(),
        })
        .collect()
}

/// Resolves after `ms` milliseconds: with 0, once the browser has run the tasks waiting.
pub async fn sleep(ms: i32) {
    let promise = Promise::new(&mut |resolve, _| {
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
        }
    });
    let _ = JsFuture::from(promise).await;
}

/// Resolves when the browser is idle, or after a second where it cannot say (Safari).
pub async fn idle() {
    let promise = Promise::new(&mut |resolve, _| {
        let Some(window) = web_sys::window() else {
            let _ = resolve.call0(&JsValue::NULL);
            return;
        };
        if window.request_idle_callback(&resolve).is_err() {
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 1000);
        }
    });
    let _ = JsFuture::from(promise).await;
}

/// The name of the mark set when files arrive and of the measure taken when results are on screen
/// (the automation contract's `chiso:analysis`); `chiso:read` is its reading part.
pub const ANALYSIS: &str = "chiso:analysis";
const READ: &str = "chiso:read";
const RECEIVED_MARK: &str = "chiso:received";

/// Reads the whole content of a file the user picked or dropped.
pub async fn file_bytes(file: &web_sys::File) -> Result<Vec<u8>, String> {
    let buffer = JsFuture::from(file.array_buffer()).await.map_err(describe)?;
    Ok(Uint8Array::new(&buffer).to_vec())
}

/// Resolves after the browser has had a chance to paint: the next animation frame, or a zero
/// timeout where frames are not delivered (a hidden tab).
pub async fn next_frame() {
    let promise = Promise::new(&mut |resolve, _| {
        if let Some(window) = web_sys::window() {
            let resolve2 = resolve.clone();
            let frame = window.request_animation_frame(&resolve).is_ok();
            // A background tab may never deliver frames; the timeout keeps the app moving.
            let _ =
                window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve2, if frame { 100 } else { 0 });
        } else {
            let _ = resolve.call0(&JsValue::NULL);
        }
    });
    let _ = JsFuture::from(promise).await;
}

fn performance() -> Option<web_sys::Performance> {
    web_sys::window().and_then(|w| w.performance())
}

/// Sets a performance mark named `name`: benchmarks and tests read them.
pub fn mark(name: &str) {
    if let Some(p) = performance() {
        let _ = p.mark(name);
    }
}

/// Marks the moment files were received, forgetting any earlier analysis.
/// Puts `text` on the clipboard; false where the browser refuses (no permission, not a secure
/// context).
pub async fn copy_text(text: &str) -> bool {
    let Some(window) = web_sys::window() else { return false };
    JsFuture::from(window.navigator().clipboard().write_text(text)).await.is_ok()
}

pub fn mark_received() {
    if let Some(p) = performance() {
        p.clear_marks_with_mark_name(RECEIVED_MARK);
        p.clear_measures_with_measure_name(ANALYSIS);
        let _ = p.mark(RECEIVED_MARK);
    }
}

/// Records `chiso:read` from the last [`mark_received`] to now: the part of an analysis spent
/// reading files (in the worker, and handing the result over), for benchmarks.
pub fn measure_read() {
    if let Some(p) = performance() {
        p.clear_measures_with_measure_name(READ);
        let _ = p.measure_with_start_mark(READ, RECEIVED_MARK);
    }
}

/// Records `chiso:analysis` from the last [`mark_received`] to now; returns its duration in ms.
pub fn measure_analysis() -> Option<f64> {
    let p = performance()?;
    p.measure_with_start_mark(ANALYSIS, RECEIVED_MARK).ok()?;
    let entries = p.get_entries_by_name_with_entry_type(ANALYSIS, "measure");
    let last = entries.get(entries.length().checked_sub(1)?);
    js_sys::Reflect::get(&last, &JsValue::from_str("duration")).ok()?.as_f64()
}

/// Whether the screen is a phone's (600 px wide or less, as the style sheet's narrow layout).
pub fn narrow_screen() -> bool {
    web_sys::window().and_then(|w| w.match_media("(max-width: 600px)").ok().flatten()).is_some_and(|m| m.matches())
}

/// The URL's hash («#xep-hang»), empty when it has none.
pub fn hash() -> String {
    web_sys::window().and_then(|w| w.location().hash().ok()).unwrap_or_default()
}

/// Sets the URL's hash, adding a history entry (the back button's step).
pub fn set_hash(hash: &str) {
    if let Some(location) = web_sys::window().map(|w| w.location()) {
        if location.hash().ok().as_deref() != Some(hash) {
            let _ = location.set_hash(hash);
        }
    }
}

/// Offers `bytes` as a download named `file_name`. Everything stays local: the bytes become a
/// blob: URL of this page, revoked a minute later.
pub fn download(bytes: &[u8], file_name: &str, mime: &str) -> Result<(), String> {
    let window = web_sys::window().ok_or("no window")?;
    let document = window.document().ok_or("no document")?;
    let parts = js_sys::Array::of1(&Uint8Array::from(bytes));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options).map_err(describe)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(describe)?;
    let anchor: web_sys::HtmlAnchorElement = document.create_element("a").map_err(describe)?.unchecked_into();
    anchor.set_href(&url);
    anchor.set_download(file_name);
    anchor.click();
    // Revoking at once can cancel the download in some browsers; a minute later it is done.
    let revoke = wasm_bindgen::closure::Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), 60_000);
    Ok(())
}

/// Reads a text file (a rule set) as UTF-8.
pub async fn file_text(file: &web_sys::File) -> Result<String, String> {
    let bytes = file_bytes(file).await?;
    String::from_utf8(bytes).map_err(|_| "not UTF-8 text".to_string())
}

pub(crate) fn describe(error: JsValue) -> String {
    error
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| error.as_string())
        .unwrap_or_else(|| format!("{error:?}"))
}
