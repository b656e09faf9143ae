//! The engine worker: files are parsed here, off the page's thread, so that a huge file never
//! freezes the page and a reader failure (on wasm32 a panic aborts the instance) takes down only
//! this worker, which the page then replaces; and the files the user downloads are made here, so
//! that the page's wasm carries no reader and no writer. Messages:
//!
//! page → worker: `{job: "read", name, bytes: Uint8Array, limits: "<Limits as JSON>"}`, or
//! `{job: "make", file, payload: Uint8Array}` (a `core::report::job::Job`)
//! worker → page: `{kind: "ready"}` once, then per reading `{kind: "progress", done, total}`, and
//! per job `{kind: "done", payload: Uint8Array}` (the outcome: `core::read::wire`, or
//! `core::report::job::encode_outcome`).

use chiso::core::read::{read_with, wire, Limits};
use chiso::core::report::error::ReportError;
use chiso::core::report::job::{encode_outcome, Job};
use js_sys::{Array, Object, Reflect, Uint8Array};
use wasm_bindgen::prelude::*;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

fn message(fields: &[(&str, JsValue)]) -> Object {
    let object = Object::new();
    for (key, value) in fields {
        let _ = Reflect::set(&object, &JsValue::from_str(key), value);
    }
    object
}

/// A field of a message from the page; undefined when it has none.
fn field(data: &JsValue, key: &str) -> JsValue {
    Reflect::get(data, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

fn main() {
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let post = scope.clone();
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
        let data = event.data();
        let get = |key: &str| field(&data, key);
        let payload = if get("job").as_string().as_deref() == Some("make") {
            let outcome = Job::decode(&Uint8Array::new(&get("payload")).to_vec())
                .map_err(|e| ReportError::writing(&get("file").as_string().unwrap_or_default(), e))
                .and_then(|job| job.run());
            Uint8Array::from(encode_outcome(&outcome).as_slice())
        } else {
            read(&data, &post)
        };
        let reply = message(&[("kind", "done".into()), ("payload", payload.clone().into())]);
        // The payload's buffer is handed over, not copied.
        let _ = post.post_message_with_transfer(&reply, &Array::of1(&payload.buffer()));
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    let _ = scope.post_message(&message(&[("kind", "ready".into())]));
}

/// Reads the file of a "read" job, reporting progress; the outcome as `wire` bytes.
fn read(data: &JsValue, post: &DedicatedWorkerGlobalScope) -> Uint8Array {
    let get = |key: &str| field(data, key);
    let name = get("name").as_string().unwrap_or_default();
    let bytes = Uint8Array::new(&get("bytes")).to_vec();
    let limits: Limits = get("limits").as_string().and_then(|t| serde_json::from_str(&t).ok()).unwrap_or_default();
    let mut progress = |p: chiso::core::read::Progress| {
        let fields = [
            ("kind", "progress".into()),
            ("done", (p.rows_done as f64).into()),
            ("total", (p.rows_total as f64).into()),
        ];
        let _ = post.post_message(&message(&fields));
    };
    let outcome = read_with(&name, &bytes, &limits, &mut progress);
    drop(bytes);
    Uint8Array::from(wire::encode(&outcome).as_slice())
}
