//! The reading worker: files are parsed here, off the page's thread, so that a huge file never
//! freezes the page and a reader failure (on wasm32 a panic aborts the instance) takes down only
//! this worker, which the page then replaces. Messages:
//!
//! page → worker: `{id, name, bytes: Uint8Array, limits: "<Limits as JSON>"}`
//! worker → page: `{kind: "ready"}` once, then per job `{id, kind: "progress", done, total}` and
//! `{id, kind: "done", payload: Uint8Array}` (the outcome, `core::read::wire`).

use chiso::core::read::{read_with, wire, Limits};
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

fn main() {
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let post = scope.clone();
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
        let data = event.data();
        let get = |key: &str| Reflect::get(&data, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED);
        let id = get("id");
        let name = get("name").as_string().unwrap_or_default();
        let bytes = Uint8Array::new(&get("bytes")).to_vec();
        let limits: Limits = get("limits").as_string().and_then(|t| serde_json::from_str(&t).ok()).unwrap_or_default();
        let mut progress = |p: chiso::core::read::Progress| {
            let fields = [
                ("id", id.clone()),
                ("kind", "progress".into()),
                ("done", (p.rows_done as f64).into()),
                ("total", (p.rows_total as f64).into()),
            ];
            let _ = post.post_message(&message(&fields));
        };
        let outcome = read_with(&name, &bytes, &limits, &mut progress);
        drop(bytes);
        let payload = Uint8Array::from(wire::encode(&outcome).as_slice());
        drop(outcome);
        let reply = message(&[("id", id.clone()), ("kind", "done".into()), ("payload", payload.clone().into())]);
        // The payload's buffer is handed over, not copied.
        let _ = post.post_message_with_transfer(&reply, &Array::of1(&payload.buffer()));
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    let _ = scope.post_message(&message(&[("kind", "ready".into())]));
}
