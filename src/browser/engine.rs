//! The engine worker (`src/bin/worker.rs`): it reads files, with progress, a time budget and a
//! cancel, keeps them and analyses them as the page chooses, and makes the files the user
//! downloads. One job at a time. A worker that dies, overruns or is cancelled is terminated and
//! the next job starts a fresh one, which is given the files the page holds again before it
//! analyses; the page and what it holds are untouched. The page itself holds no reader, no
//! analysis and no writer, so that it loads fast and never computes on its own thread: where no
//! worker can run at all, nothing can be read and the user is told why.

use std::cell::RefCell;
use std::rc::Rc;
use std::sync::Arc;

use js_sys::{Array, Function, Promise, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::{ErrorEvent, MessageEvent, Worker};

use super::{field, message};
use crate::core::analysis::Analysis;
use crate::core::engine::{self, EngineError, Inputs, Results};
use crate::core::header::Mapping;
use crate::core::read::{wire, Limits, Loaded, Progress, ReadError};
use crate::core::report::error::ReportError;
use crate::core::report::job::{decode_outcome, Job, Made};

/// Where the built site puts the worker (Trunk's loader shim for the `chiso-worker` binary).
const WORKER_URL: &str = "./chiso-worker_loader.js";
/// The single-file edition carries the worker's script as the text of this inert element.
pub(crate) const INLINE_SOURCE_ID: &str = "chiso-worker-source";
/// How long a new worker may take to load its wasm.
const START_MS: i32 = 20_000;
/// How long making one file, an analysis or reading a file again may take.
const MAKE_MS: i32 = 300_000;

/// A file the worker keeps for the page, as it was read: a new worker is given it again.
#[derive(Clone)]
struct Held {
    id: u32,
    name: String,
    bytes: Arc<Vec<u8>>,
    limits: Limits,
}

thread_local! {
    static WORKER: RefCell<Option<Worker>> = const { RefCell::new(None) };
    /// Settles the job in flight with "cancel" when the user stops it.
    static SETTLE: RefCell<Option<Function>> = const { RefCell::new(None) };
    /// A job is in flight: the worker takes one at a time.
    static BUSY: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    static HELD: RefCell<Vec<Held>> = const { RefCell::new(Vec::new()) };
    /// The inputs of the last analysis, and whether the live worker holds it (downloads are
    /// made from it).
    static LAST: RefCell<Option<(Inputs, bool)>> = const { RefCell::new(None) };
}

pub async fn sleep(ms: i32) {
    let promise = Promise::new(&mut |resolve, _| {
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
        }
    });
    let _ = JsFuture::from(promise).await;
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
        settle(&worker, START_MS, |data| (text(&field(data, "kind")) == "ready").then(|| JsValue::from_str("ready")))
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
    LAST.with(|l| l.borrow_mut().as_mut().map(|(_, held)| *held = false));
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

/// What reading a file gives the page: the workbook, and the table chiso finds in it with no
/// choice made (where a remembered mapping may apply).
pub type Read = (Loaded, Option<(usize, Mapping)>);

/// Reads one file within `limits` and `seconds`, reporting rows read to `progress`; the worker
/// then keeps it under `id` for analyses, until [`release`].
pub async fn read(
    id: u32,
    name: &str,
    bytes: Arc<Vec<u8>>,
    limits: &Limits,
    rules: &str,
    seconds: f64,
    progress: impl Fn(Progress) + 'static,
) -> Result<Read, ReadError> {
    let held = Held { id, name: name.to_string(), bytes, limits: limits.clone() };
    let outcome = alone(read_alone(&held, rules, seconds, progress)).await;
    if outcome.is_ok() {
        HELD.with(|h| h.borrow_mut().push(held));
    }
    outcome
}

/// The page no longer holds file `id`: neither does the worker.
pub fn release(id: u32) {
    HELD.with(|h| h.borrow_mut().retain(|f| f.id != id));
    if let Some(worker) = WORKER.with(|w| w.borrow().clone()) {
        let _ = worker.post_message(&message(&[("job", "forget".into()), ("id", id.into())]));
    }
}

async fn read_alone(
    held: &Held,
    rules: &str,
    seconds: f64,
    progress: impl Fn(Progress) + 'static,
) -> Result<Read, ReadError> {
    let timeout_ms = (seconds * 1000.0).clamp(1.0, f64::from(i32::MAX)) as i32;
    let rows = move |data: &JsValue| {
        let number = |key| field(data, key).as_f64().unwrap_or(0.0) as u64;
        progress(Progress { rows_done: number("done"), rows_total: number("total") });
    };
    match answer(&read_message(held, rules, false), timeout_ms, rows).await {
        Ok(done) => {
            let [payload, found] = ["payload", "found"].map(|key| Uint8Array::new(&field(&done, key)).to_vec());
            Ok((wire::decode(&payload)?, engine::decode(&found).ok().flatten()))
        }
        Err(Unanswered::NoWorker(NoWorker::Cancelled) | Unanswered::Cancelled) => Err(ReadError::Cancelled),
        Err(Unanswered::NoWorker(NoWorker::Unavailable)) => Err(ReadError::NoEngine),
        Err(Unanswered::TimedOut) => Err(ReadError::TimedOut { seconds: seconds.ceil() as u32 }),
        Err(Unanswered::Crashed(detail)) => Err(ReadError::Crashed { detail }),
    }
}

/// The message that has the worker read `held` and keep it; a quiet one answers nothing but
/// "done" (the page has the file's outline already).
fn read_message(held: &Held, rules: &str, quiet: bool) -> [(&'static str, JsValue); 7] {
    let Held { id, name, bytes, limits } = held;
    [
        ("job", "read".into()),
        ("id", (*id).into()),
        ("name", name.into()),
        ("bytes", Uint8Array::from(bytes.as_slice()).into()),
        ("limits", serde_json::to_string(limits).unwrap_or_default().into()),
        ("rules", rules.into()),
        ("quiet", quiet.into()),
    ]
}

/// The results of the files the worker keeps, as `inputs` choose. A new worker is given the
/// files it lacks first.
pub async fn analyse(inputs: Inputs) -> Result<Results, EngineError> {
    alone(analyse_alone(inputs)).await
}

async fn analyse_alone(inputs: Inputs) -> Result<Results, EngineError> {
    let mut outcome = ask_analysis(&inputs).await;
    if let Err(EngineError::Missing(ids)) = &outcome {
        let lacking: Vec<Held> = HELD.with(|h| h.borrow().iter().filter(|f| ids.contains(&f.id)).cloned().collect());
        for held in &lacking {
            // A file read before reads again, quietly: the worker keeps it.
            let _ = ask(&read_message(held, &inputs.rules, true)).await;
        }
        outcome = ask_analysis(&inputs).await;
    }
    let held = outcome.is_ok();
    LAST.with(|l| *l.borrow_mut() = Some((inputs, held)));
    outcome
}

async fn ask_analysis(inputs: &Inputs) -> Result<Results, EngineError> {
    let payload = Uint8Array::from(engine::encode(inputs).as_slice());
    let answer = answer(&[("job", "analyse".into()), ("payload", payload.into())], MAKE_MS, |_| ())
        .await
        .map_err(|e| EngineError::Failed(e.detail()))?;
    let mut results = engine::unpack_head(&Uint8Array::new(&field(&answer, "payload")).to_vec())?;
    for part in Array::from(&field(&answer, "parts")).iter() {
        // Each part decoded in its own task: the page stays responsive meanwhile.
        sleep(0).await;
        engine::unpack_part(&mut results, &Uint8Array::new(&part).to_vec())?;
    }
    Ok(results)
}

/// Posts a job whose answer is one "done" message; its payload, or why there is none.
async fn ask(fields: &[(&str, JsValue)]) -> Result<Vec<u8>, String> {
    let done = answer(fields, MAKE_MS, |_| ()).await.map_err(Unanswered::detail)?;
    Ok(Uint8Array::new(&field(&done, "payload")).to_vec())
}

/// Why a job got no answer.
enum Unanswered {
    NoWorker(NoWorker),
    Crashed(String),
    TimedOut,
    Cancelled,
}

impl Unanswered {
    /// In words, for the jobs that report a failure as text.
    fn detail(self) -> String {
        match self {
            Unanswered::NoWorker(_) => "no Web Worker can run in this browser".to_string(),
            Unanswered::Crashed(detail) => detail,
            Unanswered::TimedOut => "timeout".to_string(),
            Unanswered::Cancelled => "cancel".to_string(),
        }
    }
}

/// Posts a job (its byte arrays transferred, not copied) and waits up to `timeout_ms` for its
/// "done" message, passing each "progress" message to `progress` meanwhile; a worker that fails
/// to answer is retired.
async fn answer(
    fields: &[(&str, JsValue)],
    timeout_ms: i32,
    progress: impl Fn(&JsValue) + 'static,
) -> Result<JsValue, Unanswered> {
    let worker = worker().await.map_err(Unanswered::NoWorker)?;
    let transfer: Array = fields.iter().filter_map(|(_, v)| v.dyn_ref::<Uint8Array>().map(|a| a.buffer())).collect();
    if let Err(e) = worker.post_message_with_transfer(&message(fields), &transfer) {
        retire();
        return Err(Unanswered::Crashed(text(&e)));
    }
    let outcome = settle(&worker, timeout_ms, move |data| match text(&field(data, "kind")).as_str() {
        "progress" => {
            progress(data);
            None
        }
        "done" => Some(data.clone()),
        _ => None,
    })
    .await;
    match outcome.as_string() {
        None => Ok(outcome),
        Some(word) => {
            retire();
            Err(match word.as_str() {
                "timeout" => Unanswered::TimedOut,
                "cancel" => Unanswered::Cancelled,
                other => Unanswered::Crashed(other.trim_start_matches("crash:").to_string()),
            })
        }
    }
}

/// Makes a file in the worker from its last analysis (`analysis` is the page's copy of it, for
/// naming the file in messages).
pub async fn make(job: &Job, analysis: Option<&Analysis>) -> Result<Made, ReportError> {
    let file = job.file_name(analysis);
    alone(make_alone(job, &file)).await.map_err(|detail| ReportError::writing(&file, detail))?
}

/// The worker's answer, or why there is none.
async fn make_alone(job: &Job, file: &str) -> Result<Result<Made, ReportError>, String> {
    // A new worker holds no analysis: it makes the last one again first.
    if let Some(inputs) = LAST.with(|l| l.borrow().as_ref().filter(|(_, held)| !held).map(|(i, _)| i.clone())) {
        analyse_alone(inputs).await.map_err(|e| e.to_string())?;
    }
    let payload = Uint8Array::from(job.encode().as_slice());
    let answer = ask(&[("job", "make".into()), ("file", file.into()), ("payload", payload.into())]).await?;
    Ok(decode_outcome(&answer, file))
}
