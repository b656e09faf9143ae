//! The engine worker (`src/bin/worker.rs`): it reads files, with progress, a time budget and a
//! cancel, and makes the files the user downloads. One job at a time. A worker that dies, overruns
//! or is cancelled is terminated and the next job starts a fresh one; the page and what it holds
//! are untouched. The page itself holds no reader and no writer, so that it loads fast: where no
//! worker can run at all, nothing can be read and the user is told why.

use std::cell::RefCell;
use std::rc::Rc;

use js_sys::{Array, Function, Object, Promise, Reflect, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::{ErrorEvent, MessageEvent, Worker};

use crate::core::read::{wire, Limits, Loaded, Progress, ReadError};
use crate::core::report::error::ReportError;
use crate::core::report::job::{decode_outcome, Job, Made};

/// Where the built site puts the worker (Trunk's loader shim for the `chiso-worker` binary).
const WORKER_URL: &str = "./chiso-worker_loader.js";
/// The single-file edition carries the worker's script as the text of this inert element.
const INLINE_SOURCE_ID: &str = "chiso-worker-source";
/// How long a new worker may take to load its wasm.
const START_MS: i32 = 20_000;
/// How long making one file may take.
const MAKE_MS: i32 = 300_000;

thread_local! {
    static WORKER: RefCell<Option<Worker>> = const { RefCell::new(None) };
    /// Settles the job in flight with "cancel" when the user stops it.
    static SETTLE: RefCell<Option<Function>> = const { RefCell::new(None) };
    /// A job is in flight: the worker takes one at a time.
    static BUSY: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

async fn sleep(ms: i32) {
    let promise = Promise::new(&mut |resolve, _| {
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
        }
    });
    let _ = JsFuture::from(promise).await;
}

fn get(value: &JsValue, key: &str) -> JsValue {
    Reflect::get(value, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

fn text(value: &JsValue) -> String {
    value.as_string().unwrap_or_else(|| format!("{value:?}"))
}

/// Event handlers kept alive until the promise they settle has settled.
type Handlers = Rc<RefCell<Vec<Closure<dyn FnMut(JsValue)>>>>;

/// A promise settled by the first of: a message `on_message` maps to `Some`, a worker error
/// (as "crash:…"), or the timeout (as "timeout"). The handlers are removed when it settles.
async fn settle(
    worker: &Worker,
    timeout_ms: i32,
    on_message: impl Fn(&JsValue) -> Option<JsValue> + 'static,
) -> JsValue {
    let handlers: Handlers = Rc::default();
    let mut timer = None;
    let mut on_message = Some(on_message);
    let promise = Promise::new(&mut |resolve, _| {
        let done = resolve.clone();
        let Some(on_message) = on_message.take() else { return };
        let message = Closure::<dyn FnMut(JsValue)>::new(move |event: JsValue| {
            if let Some(value) = on_message(&event.unchecked_into::<MessageEvent>().data()) {
                let _ = done.call1(&JsValue::NULL, &value);
            }
        });
        let done = resolve.clone();
        let error = Closure::<dyn FnMut(JsValue)>::new(move |event: JsValue| {
            let detail = event.dyn_ref::<ErrorEvent>().map(ErrorEvent::message).unwrap_or_else(|| text(&event));
            let _ = done.call1(&JsValue::NULL, &JsValue::from_str(&format!("crash:{detail}")));
        });
        worker.set_onmessage(Some(message.as_ref().unchecked_ref()));
        worker.set_onerror(Some(error.as_ref().unchecked_ref()));
        handlers.borrow_mut().extend([message, error]);
        let timeout = resolve.bind1(&JsValue::NULL, &JsValue::from_str("timeout"));
        timer = web_sys::window().and_then(|w| {
            w.set_timeout_with_callback_and_timeout_and_arguments_0(timeout.unchecked_ref(), timeout_ms).ok()
        });
        SETTLE.with(|s| *s.borrow_mut() = Some(resolve));
    });
    let outcome = JsFuture::from(promise).await.unwrap_or(JsValue::UNDEFINED);
    SETTLE.with(|s| s.borrow_mut().take());
    if let (Some(window), Some(timer)) = (web_sys::window(), timer) {
        window.clear_timeout_with_handle(timer);
    }
    worker.set_onmessage(None);
    worker.set_onerror(None);
    drop(handlers);
    outcome
}

fn spawn() -> Result<Worker, JsValue> {
    let inline = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(INLINE_SOURCE_ID))
        .and_then(|e| e.text_content());
    match inline {
        Some(source) => {
            let options = web_sys::BlobPropertyBag::new();
            options.set_type("text/javascript");
            let blob =
                web_sys::Blob::new_with_str_sequence_and_options(&Array::of1(&JsValue::from_str(&source)), &options)?;
            // Not revoked: the worker fetches it after this returns.
            Worker::new(&web_sys::Url::create_object_url_with_blob(&blob)?)
        }
        None => Worker::new(WORKER_URL),
    }
}

/// Why no worker is at hand.
enum NoWorker {
    /// None can run here (no Worker, or its script does not load).
    Unavailable,
    /// The user stopped the reading while a new worker was starting.
    Cancelled,
}

/// The live worker, or a new one once it says it is ready.
async fn worker() -> Result<Worker, NoWorker> {
    if let Some(w) = WORKER.with(|w| w.borrow().clone()) {
        return Ok(w);
    }
    let worker = spawn().map_err(|_| NoWorker::Unavailable)?;
    let ready =
        settle(&worker, START_MS, |data| (text(&get(data, "kind")) == "ready").then(|| JsValue::from_str("ready")))
            .await;
    match ready.as_string().as_deref() {
        Some("ready") => {
            WORKER.with(|w| *w.borrow_mut() = Some(worker.clone()));
            Ok(worker)
        }
        outcome => {
            worker.terminate();
            Err(if outcome == Some("cancel") { NoWorker::Cancelled } else { NoWorker::Unavailable })
        }
    }
}

fn retire() {
    if let Some(worker) = WORKER.with(|w| w.borrow_mut().take()) {
        worker.terminate();
    }
}

/// Stops the reading in flight, if any; it ends as [`ReadError::Cancelled`].
pub fn cancel() {
    if let Some(settle) = SETTLE.with(|s| s.borrow().clone()) {
        let _ = settle.call1(&JsValue::NULL, &JsValue::from_str("cancel"));
    }
}

/// Runs `job` when no other job is using the worker.
async fn alone<T>(job: impl std::future::Future<Output = T>) -> T {
    while BUSY.with(|b| b.replace(true)) {
        sleep(50).await;
    }
    let outcome = job.await;
    BUSY.with(|b| b.set(false));
    outcome
}

/// Starts the worker ahead of the first file, so that reading one loads no code. False when no
/// worker can run here.
pub async fn prepare() -> bool {
    alone(worker()).await.is_ok()
}

/// Reads one file within `limits` and `seconds`, reporting rows read to `progress`.
pub async fn read(
    name: &str,
    bytes: &[u8],
    limits: &Limits,
    seconds: f64,
    progress: impl Fn(Progress) + 'static,
) -> Result<Loaded, ReadError> {
    alone(read_alone(name, bytes, limits, seconds, progress)).await
}

async fn read_alone(
    name: &str,
    bytes: &[u8],
    limits: &Limits,
    seconds: f64,
    progress: impl Fn(Progress) + 'static,
) -> Result<Loaded, ReadError> {
    let worker = match worker().await {
        Ok(worker) => worker,
        Err(NoWorker::Cancelled) => return Err(ReadError::Cancelled),
        Err(NoWorker::Unavailable) => return Err(ReadError::NoEngine),
    };
    let job = Object::new();
    let _ = Reflect::set(&job, &"job".into(), &"read".into());
    let _ = Reflect::set(&job, &"name".into(), &name.into());
    let _ = Reflect::set(&job, &"bytes".into(), &Uint8Array::from(bytes));
    let _ = Reflect::set(&job, &"limits".into(), &serde_json::to_string(limits).unwrap_or_default().into());
    if let Err(e) = worker.post_message(&job) {
        retire();
        return Err(ReadError::Crashed { detail: text(&e) });
    }
    let outcome = settle(&worker, (seconds * 1000.0).clamp(1.0, f64::from(i32::MAX)) as i32, move |data| {
        match text(&get(data, "kind")).as_str() {
            "progress" => {
                let number = |key| get(data, key).as_f64().unwrap_or(0.0) as u64;
                progress(Progress { rows_done: number("done"), rows_total: number("total") });
                None
            }
            "done" => Some(get(data, "payload")),
            _ => None,
        }
    })
    .await;
    match outcome.as_string() {
        None => wire::decode(&Uint8Array::new(&outcome).to_vec()),
        Some(word) => {
            retire();
            Err(match word.as_str() {
                "timeout" => ReadError::TimedOut { seconds: seconds.ceil() as u32 },
                "cancel" => ReadError::Cancelled,
                other => ReadError::Crashed { detail: other.trim_start_matches("crash:").to_string() },
            })
        }
    }
}

/// Makes a file in the worker.
pub async fn make(job: &Job) -> Result<Made, ReportError> {
    let file = job.file_name();
    alone(make_alone(job, &file)).await.map_err(|detail| ReportError::writing(&file, detail))?
}

/// The worker's answer, or why there is none.
async fn make_alone(job: &Job, file: &str) -> Result<Result<Made, ReportError>, String> {
    let worker = worker().await.map_err(|_| "no Web Worker can run in this browser".to_string())?;
    let message = Object::new();
    let payload = Uint8Array::from(job.encode().as_slice());
    let _ = Reflect::set(&message, &"job".into(), &"make".into());
    let _ = Reflect::set(&message, &"file".into(), &file.into());
    let _ = Reflect::set(&message, &"payload".into(), &payload);
    if let Err(e) = worker.post_message_with_transfer(&message, &Array::of1(&payload.buffer())) {
        retire();
        return Err(text(&e));
    }
    let outcome =
        settle(&worker, MAKE_MS, |data| (text(&get(data, "kind")) == "done").then(|| get(data, "payload"))).await;
    match outcome.as_string() {
        None => Ok(decode_outcome(&Uint8Array::new(&outcome).to_vec(), file)),
        Some(word) => {
            retire();
            Err(word.trim_start_matches("crash:").to_string())
        }
    }
}
