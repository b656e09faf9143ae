//! The engine worker: files are parsed here, off the page's thread, so that a huge file never
//! freezes the page and a reader failure (on wasm32 a panic aborts the instance) takes down only
//! this worker, which the page then replaces; the workbooks read stay here and are analysed here
//! on the page's request (`core::engine`); and the files the user downloads are made here from
//! that analysis, so that the page's wasm carries no reader, no analysis and no writer. Messages:
//!
//! page → worker: `{job: "read", id, name, bytes: Uint8Array, limits: "<Limits as JSON>",
//! rules: "<TOML>", quiet}`, `{job: "analyse", payload}` (`core::engine::Inputs`),
//! `{job: "make", file, payload}` (a `core::report::job::Job`), `{job: "forget", id}`
//! worker → page: `{kind: "ready"}` once, then per reading `{kind: "progress", done, total}`, and
//! per job but "forget" `{kind: "done", payload: Uint8Array}` (the outcome: `core::read::wire`
//! with `found`, the table chiso finds; `core::engine::pack`'s results, the rest of them in
//! `parts`; or `core::report::job::encode_outcome`). A quiet reading, of a file the page holds already,
//! answers with an empty payload.

use std::cell::RefCell;
use std::rc::Rc;

use chiso::browser::{field, message};
use chiso::core::engine::{self, Engine, EngineError, Inputs};
use chiso::core::read::{read_with, wire, Limits, Loaded};
use chiso::core::report::error::ReportError;
use chiso::core::report::job::{encode_outcome, Job};
use js_sys::{Array, Uint8Array};
use wasm_bindgen::prelude::*;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

fn bytes(value: &[u8]) -> Uint8Array {
    Uint8Array::from(value)
}

fn main() {
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let post = scope.clone();
    let engine = Rc::new(RefCell::new(Engine::default()));
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
        let data = event.data();
        let get = |key: &str| field(&data, key);
        let mut engine = engine.borrow_mut();
        let mut reply = vec![];
        let mut transfer: Vec<JsValue> = vec![];
        let payload = match get("job").as_string().as_deref() {
            Some("forget") => {
                engine.forget(get("id").as_f64().unwrap_or(-1.0) as u32);
                return;
            }
            Some("make") => {
                let outcome = Job::decode(&Uint8Array::new(&get("payload")).to_vec())
                    .map_err(|e| ReportError::writing(&get("file").as_string().unwrap_or_default(), e))
                    .and_then(|job| engine.make(&job, &String::from(js_sys::Date::new_0().to_iso_string())));
                bytes(&encode_outcome(&outcome))
            }
            Some("analyse") => {
                let outcome = engine::decode::<Inputs>(&Uint8Array::new(&get("payload")).to_vec())
                    .map_err(EngineError::Failed)
                    .and_then(|inputs| engine.results(&inputs));
                let mut parts = engine::pack(outcome).into_iter().map(|p| bytes(&p));
                let head = parts.next().unwrap_or_else(|| bytes(&[]));
                let rest: Array = parts.collect();
                transfer.extend(rest.iter().map(|s| s.unchecked_into::<Uint8Array>().buffer().into()));
                reply.push(("parts", rest.into()));
                head
            }
            _ => {
                let (payload, found) = read(&data, &post, &mut engine);
                reply.push(("found", found.into()));
                payload
            }
        };
        reply.extend([("kind", "done".into()), ("payload", payload.clone().into())]);
        transfer.push(payload.buffer().into());
        // The buffers are handed over, not copied.
        let _ = post.post_message_with_transfer(&message(&reply), &transfer.into_iter().collect::<Array>());
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    let _ = scope.post_message(&message(&[("kind", "ready".into())]));
}

/// Reads the file of a "read" job, reporting progress, and keeps its workbook: the outcome as
/// `wire` bytes, and the table found with no choice made as `engine` bytes.
fn read(data: &JsValue, post: &DedicatedWorkerGlobalScope, engine: &mut Engine) -> (Uint8Array, Uint8Array) {
    let get = |key: &str| field(data, key);
    let name = get("name").as_string().unwrap_or_default();
    let input = Uint8Array::new(&get("bytes")).to_vec();
    let limits: Limits = get("limits").as_string().and_then(|t| serde_json::from_str(&t).ok()).unwrap_or_default();
    let mut progress = |p: chiso::core::read::Progress| {
        let fields = [
            ("kind", "progress".into()),
            ("done", (p.rows_done as f64).into()),
            ("total", (p.rows_total as f64).into()),
        ];
        let _ = post.post_message(&message(&fields));
    };
    let outcome = read_with(&name, &input, &limits, &mut progress);
    drop(input);
    // The page holds an outline of the workbook; the whole stays here.
    let payload = match &outcome {
        _ if get("quiet").is_truthy() => Vec::new(),
        Ok(loaded) => wire::encode(&Ok(Loaded { workbook: loaded.workbook.outline(), notes: loaded.notes.clone() })),
        Err(_) => wire::encode(&outcome),
    };
    let found = match outcome {
        Ok(loaded) => {
            let id = get("id").as_f64().unwrap_or(-1.0) as u32;
            engine.keep(id, loaded.workbook, &get("rules").as_string().unwrap_or_default())
        }
        Err(_) => None,
    };
    (bytes(&payload), bytes(&engine::encode(&found)))
}
