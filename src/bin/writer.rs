//! The writer worker: makes the documents the user downloads (XLSX through rust_xlsxwriter, DOCX
//! through docx-rs) from the writings the engine worker hands the page (`core::report::job::
//! Writing`). Apart from the engine so that the engine's download, the one a first result waits
//! for, carries no writer: the page starts this one on the first export, or when the browser is
//! idle after results. It holds nothing between requests; this only moves bytes.

use chiso::browser::{crossed, reply_to_page};
use chiso::core::engine::protocol::{write, Posted, Reply, Request};
use wasm_bindgen::prelude::*;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

fn main() {
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let post = scope.clone();
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
        match Posted::<Request>::decode(crossed(&event.data())) {
            Ok(request) => reply_to_page(&post, write(request)),
            // A page of another version: thrown, the page hears it as this worker's failure.
            Err(detail) => wasm_bindgen::throw_str(&format!("a request the writer cannot read: {detail}")),
        }
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    reply_to_page(&scope, Posted::new(Reply::Ready));
}
