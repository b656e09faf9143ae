//! The engine worker: files are parsed here, off the page's thread, so that a huge file never
//! freezes the page and a reader failure (on wasm32 a panic aborts the instance) takes down only
//! this worker, which the page then replaces; the workbooks read stay here and are analysed here
//! on the page's request; the text downloads are made here from those results, and the documents'
//! writings handed to the writer worker (`src/bin/writer.rs`), so that the page's wasm carries no
//! reader and no analysis and this one no writer. The conversation is `core::engine::protocol`,
//! answered by `core::engine::Engine`: this only moves its bytes.

use std::cell::RefCell;
use std::rc::Rc;

use chiso::browser::{crossed, reply_to_page};
use chiso::core::engine::protocol::{Posted, Reply, Request};
use chiso::core::engine::Engine;
use wasm_bindgen::prelude::*;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

fn main() {
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let post = scope.clone();
    let engine = Rc::new(RefCell::new(Engine::default()));
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
        let Posted { message, buffers } = match Posted::<Request>::decode(crossed(&event.data())) {
            Ok(request) => request,
            // A page of another version: thrown, the page hears it as this worker's failure.
            Err(detail) => wasm_bindgen::throw_str(&format!("a request the engine cannot read: {detail}")),
        };
        let made_at = String::from(js_sys::Date::new_0().to_iso_string());
        let mut progress = |p| reply_to_page(&post, Posted::new(Reply::Progress(p)));
        let reply = engine.borrow_mut().handle(message, buffers, &mut progress, &made_at);
        if let Some(reply) = reply {
            reply_to_page(&post, reply);
        }
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    // The engine's memory, for benchmarks to read its peak (wasm memory only grows).
    let _ = js_sys::Reflect::set(&scope, &JsValue::from_str("chisoMemory"), &wasm_bindgen::memory());
    reply_to_page(&scope, Posted::new(Reply::Ready));
}
