//! The engine worker: files are parsed here, off the page's thread, so that a huge file never
//! freezes the page and a reader failure (on wasm32 a panic aborts the instance) takes down only
//! this worker, which the page then replaces; the workbooks read stay here and are analysed here
//! on the page's request; and the files the user downloads are made here from those results, so
//! that the page's wasm carries no reader, no analysis and no writer. The conversation is
//! `core::engine::protocol`, answered by `core::engine::Engine`: this only moves its bytes.

use std::cell::RefCell;
use std::rc::Rc;

use chiso::browser::{crossed, crossing};
use chiso::core::engine::protocol::{Posted, Reply, Request};
use chiso::core::engine::Engine;
use wasm_bindgen::prelude::*;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

/// Posts a reply, its arrays handed over, not copied.
fn send(scope: &DedicatedWorkerGlobalScope, reply: Posted<Reply>) {
    let arrays = reply.encode();
    let (message, transfer) = crossing(&arrays.iter().map(Vec::as_slice).collect::<Vec<_>>(), &[]);
    let _ = scope.post_message_with_transfer(&message, &transfer);
}

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
        let mut progress = |p| send(&post, Posted::new(Reply::Progress(p)));
        let reply = engine.borrow_mut().handle(message, buffers, &mut progress, &made_at);
        if let Some(reply) = reply {
            send(&post, reply);
        }
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    // The engine's memory, for benchmarks to read its peak (wasm memory only grows).
    let _ = js_sys::Reflect::set(&scope, &JsValue::from_str("chisoMemory"), &wasm_bindgen::memory());
    send(&scope, Posted::new(Reply::Ready));
}
