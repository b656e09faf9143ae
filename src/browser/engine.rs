//! The page's end of the engine worker (`src/bin/worker.rs`), in the protocol of
//! `core::engine::protocol`: it reads files, with progress, a time budget and a cancel, keeps
//! them and analyses them as the page chooses, and makes the files the user downloads. One
//! request at a time; the rule set is sent when it changes. A worker that dies, overruns or is
//! cancelled is terminated and the next request starts a fresh one, which is given the rule set
//! and the files the page holds again before it analyses; the page and what it holds are
//! untouched. The page itself holds no reader, no analysis and no writer, so that it loads fast
//! and never computes on its own thread: where no worker can run at all, nothing can be read and
//! the user is told why.

use std::cell::RefCell;
use std::collections::VecDeque;
use std::rc::Rc;

use futures_channel::oneshot;
use js_sys::Array;
use wasm_bindgen::prelude::*;
use web_sys::{Blob, ErrorEvent, MessageEvent, Worker};

use super::blob::FileBytes;
use super::{crossed, crossing, sleep};
use crate::core::analysis::Analysis;
use crate::core::dossier::book::Book;
use crate::core::engine::protocol::{unpack_part, Posted, Reply, Request};
use crate::core::engine::{EngineError, Inputs, Results};
use crate::core::layout::header::Mapping;
use crate::core::read::{Limits, Note, Progress, ReadError};
use crate::core::report::error::ReportError;
use crate::core::report::job::{Job, Made, SAMPLE_NAME};
use crate::core::rules::{RuleError, RuleSet};

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
    bytes: FileBytes,
    limits: Limits,
}

/// The worker at work, and the rule set it was last sent.
struct Live {
    worker: Worker,
    rules: Option<String>,
}

/// Who uses the worker now, and who waits for it.
#[derive(Default)]
struct Turns {
    busy: bool,
    waiting: VecDeque<oneshot::Sender<()>>,
}

thread_local! {
    static LIVE: RefCell<Option<Live>> = const { RefCell::new(None) };
    /// Ends the wait in flight as cancelled when the user stops it.
    static CANCEL: RefCell<Option<Slot>> = const { RefCell::new(None) };
    static TURNS: RefCell<Turns> = RefCell::new(Turns::default());
    static HELD: RefCell<Vec<Held>> = const { RefCell::new(Vec::new()) };
    /// The inputs and rule set of the last analysis, and whether the live worker holds its
    /// results (downloads are made from them).
    static LAST: RefCell<Option<(Inputs, String, bool)>> = const { RefCell::new(None) };
}

/// How a wait for the worker ended.
enum Heard {
    Reply(Box<Posted<Reply>>),
    Crashed(String),
    TimedOut,
    Cancelled,
}

/// The sender that ends a wait, shared by the handlers that may end it.
type Slot = Rc<RefCell<Option<oneshot::Sender<Heard>>>>;

fn end(slot: &Slot, heard: Heard) {
    if let Some(sender) = slot.borrow_mut().take() {
        let _ = sender.send(heard);
    }
}

fn text(value: &JsValue) -> String {
    value.as_string().unwrap_or_else(|| format!("{value:?}"))
}

/// The first of: a reply other than progress (which goes to `progress`), a worker error, the
/// timeout, or the user's cancel. The handlers are removed when it has come.
async fn hear(worker: &Worker, timeout_ms: i32, mut progress: impl FnMut(Progress) + 'static) -> Heard {
    let (sender, receiver) = oneshot::channel();
    let slot: Slot = Rc::new(RefCell::new(Some(sender)));
    let ends = slot.clone();
    let on_message =
        Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
            match Posted::<Reply>::decode(crossed(&event.data())) {
                Ok(Posted { message: Reply::Progress(p), .. }) => progress(p),
                Ok(posted) => end(&ends, Heard::Reply(Box::new(posted))),
                Err(detail) => end(&ends, Heard::Crashed(detail)),
            }
        });
    let ends = slot.clone();
    let on_error = Closure::<dyn FnMut(JsValue)>::new(move |event: JsValue| {
        let detail = event.dyn_ref::<ErrorEvent>().map(ErrorEvent::message).unwrap_or_else(|| text(&event));
        end(&ends, Heard::Crashed(detail));
    });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    let ends = slot.clone();
    // Dropped once the wait ends, its timer cleared: no closure is left behind per request.
    let on_timeout = Closure::once(move || end(&ends, Heard::TimedOut));
    let window = web_sys::window();
    let timer = window.as_ref().and_then(|w| {
        w.set_timeout_with_callback_and_timeout_and_arguments_0(on_timeout.as_ref().unchecked_ref(), timeout_ms).ok()
    });
    CANCEL.with(|c| *c.borrow_mut() = Some(slot));
    let heard = receiver.await.unwrap_or_else(|_| Heard::Crashed("no answer".to_string()));
    CANCEL.with(|c| c.borrow_mut().take());
    if let (Some(window), Some(timer)) = (window, timer) {
        window.clear_timeout_with_handle(timer);
    }
    worker.set_onmessage(None);
    worker.set_onerror(None);
    drop((on_message, on_error, on_timeout));
    heard
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

/// Why a request got no answer.
enum Unanswered {
    /// No worker can run here (no Worker, or its script does not load).
    NoWorker,
    Crashed(String),
    TimedOut,
    Cancelled,
}

impl Unanswered {
    /// In words, for the requests that report a failure as text.
    fn detail(self) -> String {
        match self {
            Unanswered::NoWorker => "no Web Worker can run in this browser".to_string(),
            Unanswered::Crashed(detail) => detail,
            Unanswered::TimedOut => "timeout".to_string(),
            Unanswered::Cancelled => "cancel".to_string(),
        }
    }
}

/// The live worker, or a new one once it says it is ready.
async fn worker() -> Result<Worker, Unanswered> {
    if let Some(worker) = LIVE.with(|l| l.borrow().as_ref().map(|l| l.worker.clone())) {
        return Ok(worker);
    }
    let worker = spawn().map_err(|_| Unanswered::NoWorker)?;
    match hear(&worker, START_MS, |_| ()).await {
        Heard::Reply(posted) if posted.message == Reply::Ready => {
            LIVE.with(|l| *l.borrow_mut() = Some(Live { worker: worker.clone(), rules: None }));
            Ok(worker)
        }
        Heard::Cancelled => {
            worker.terminate();
            Err(Unanswered::Cancelled)
        }
        _ => {
            worker.terminate();
            Err(Unanswered::NoWorker)
        }
    }
}

fn retire() {
    if let Some(live) = LIVE.with(|l| l.borrow_mut().take()) {
        live.worker.terminate();
    }
    LAST.with(|l| l.borrow_mut().as_mut().map(|(_, _, held)| *held = false));
}

/// Stops the request in flight, if any; a reading ends as [`ReadError::Cancelled`].
pub fn cancel() {
    if let Some(slot) = CANCEL.with(|c| c.borrow().clone()) {
        end(&slot, Heard::Cancelled);
    }
}

/// Runs `job` when no other job is using the worker; those waiting take their turns in order.
async fn alone<T>(job: impl std::future::Future<Output = T>) -> T {
    let wait = TURNS.with(|t| {
        let mut turns = t.borrow_mut();
        if turns.busy {
            let (sender, receiver) = oneshot::channel();
            turns.waiting.push_back(sender);
            Some(receiver)
        } else {
            turns.busy = true;
            None
        }
    });
    if let Some(turn) = wait {
        // Handed over by the job before: the worker stays busy.
        let _ = turn.await;
    }
    let outcome = job.await;
    TURNS.with(|t| {
        let mut turns = t.borrow_mut();
        // A waiter that went away (its future dropped) passes its turn on.
        while let Some(next) = turns.waiting.pop_front() {
            if next.send(()).is_ok() {
                return;
            }
        }
        turns.busy = false;
    });
    outcome
}

/// Posts `request` with `files` beside it, the rule set first when the worker does not hold
/// `rules` (none while the page has none yet), and waits up to `timeout_ms` for its answer,
/// passing progress on meanwhile.
async fn ask(
    request: Request,
    files: &[&Blob],
    rules: &str,
    timeout_ms: i32,
    progress: impl FnMut(Progress) + 'static,
) -> Result<Posted<Reply>, Unanswered> {
    let worker = worker().await?;
    let stale = LIVE.with(|l| l.borrow().as_ref().is_some_and(|l| l.rules.as_deref() != Some(rules)));
    if stale && !rules.is_empty() {
        // A refused set is said by the answer to the request itself (EngineError::Rules).
        let _ = hold_rules(&worker, rules).await?;
    }
    answer(&worker, request, files, timeout_ms, progress).await
}

/// Posts `request` to `worker` and waits for its answer; a worker that fails to answer is
/// retired.
async fn answer(
    worker: &Worker,
    request: Request,
    files: &[&Blob],
    timeout_ms: i32,
    progress: impl FnMut(Progress) + 'static,
) -> Result<Posted<Reply>, Unanswered> {
    post(worker, request, files)?;
    let unanswered = match hear(worker, timeout_ms, progress).await {
        Heard::Reply(posted) => return Ok(*posted),
        Heard::TimedOut => Unanswered::TimedOut,
        Heard::Cancelled => Unanswered::Cancelled,
        Heard::Crashed(detail) => Unanswered::Crashed(detail),
    };
    retire();
    Err(unanswered)
}

/// Gives `worker` the rule set `text` for every later request: the set parsed, or why not.
async fn hold_rules(worker: &Worker, text: &str) -> Result<Result<RuleSet, RuleError>, Unanswered> {
    let posted = answer(worker, Request::SetRules(text.to_string()), &[], MAKE_MS, |_| ()).await?;
    let Reply::Rules(parsed) = posted.message else {
        retire();
        return Err(Unanswered::Crashed("an answer that is not a rule set".to_string()));
    };
    LIVE.with(|l| l.borrow_mut().as_mut().map(|l| l.rules = Some(text.to_string())));
    Ok(*parsed)
}

/// The rule set `text` parsed by the engine, which holds it from now on; the page parses no
/// TOML of its own. `Err` with the reason when no worker answers.
pub async fn rules(text: &str) -> Result<Result<RuleSet, RuleError>, String> {
    alone(async {
        let worker = worker().await?;
        hold_rules(&worker, text).await
    })
    .await
    .map_err(Unanswered::detail)
}

/// Posts one request, its arrays transferred, not copied; the page records its kind and size
/// (`chiso:request <kind> <bytes>`, for benchmarks and tests).
fn post(worker: &Worker, request: Request, files: &[&Blob]) -> Result<(), Unanswered> {
    let kind = request.kind();
    let encoded = Posted::new(request).encode();
    let arrays: Vec<&[u8]> = encoded.iter().map(Vec::as_slice).collect();
    super::mark(&format!("chiso:request {kind} {}", encoded[0].len()));
    let (message, transfer) = crossing(&arrays, files);
    worker.post_message_with_transfer(&message, &transfer).map_err(|e| {
        retire();
        Unanswered::Crashed(text(&e))
    })
}

/// Starts the worker ahead of the first file, so that reading one loads no code, and gives it
/// the first of `choices` that parses (the remembered rule set, then the default) before any
/// file is read with it: which one, parsed. `Err` when no worker can run here.
pub async fn prepare(choices: &[&str]) -> Result<Option<(usize, RuleSet)>, String> {
    alone(async {
        let worker = worker().await?;
        for (i, text) in choices.iter().enumerate() {
            if let Ok(rules) = hold_rules(&worker, text).await? {
                return Ok(Some((i, rules)));
            }
        }
        Ok(None)
    })
    .await
    .map_err(Unanswered::detail)
}

/// Where a file to read comes from.
pub enum Source {
    /// A file the user chose, dropped or kept.
    File { name: String, bytes: FileBytes },
    /// The sample town, made in the worker.
    Sample,
}

/// What reading a file gives the page: the outline of the book read, what to tell the user of
/// it, the table chiso finds in it with no choice made (where a remembered mapping may apply),
/// and the file's bytes.
pub struct Read {
    pub book: Book,
    pub notes: Vec<Note>,
    pub found: Option<(usize, Mapping)>,
    pub bytes: FileBytes,
}

/// Reads one file within `limits` and `seconds`, reporting rows read to `progress`; the worker
/// then keeps it under `id` for analyses, until [`release`].
pub async fn read(
    id: u32,
    source: Source,
    limits: &Limits,
    rules: &str,
    seconds: f64,
    progress: impl Fn(Progress) + 'static,
) -> Result<Read, ReadError> {
    let timeout_ms = (seconds * 1000.0).clamp(1.0, f64::from(i32::MAX)) as i32;
    let (name, request, bytes) = match source {
        Source::File { name, bytes } => {
            // Refused before a byte is read, on either side.
            limits.check_file_size(bytes.size())?;
            let request = Request::Read { id, name: name.clone(), limits: limits.clone(), quiet: false };
            (name, request, Some(bytes))
        }
        Source::Sample => (SAMPLE_NAME.to_string(), Request::Sample { id }, None),
    };
    let sent: Vec<&Blob> = bytes.iter().map(FileBytes::blob).collect();
    let answer = alone(ask(request, &sent, rules, timeout_ms, progress)).await;
    let ((book, notes), found, bytes) = match answer {
        Ok(Posted { message: Reply::Read { outline: Some(outline), found }, buffers }) => {
            let made = || FileBytes::of_bytes(&buffers.into_iter().next().unwrap_or_default());
            let bytes = match bytes {
                Some(bytes) => bytes,
                None => made().map_err(|detail| ReadError::Crashed { detail })?,
            };
            (outline?, found, bytes)
        }
        Ok(_) => return Err(ReadError::Crashed { detail: "an answer that is not a reading".to_string() }),
        Err(Unanswered::Cancelled) => return Err(ReadError::Cancelled),
        Err(Unanswered::NoWorker) => return Err(ReadError::NoEngine),
        Err(Unanswered::TimedOut) => return Err(ReadError::TimedOut { seconds: seconds.ceil() as u32 }),
        Err(Unanswered::Crashed(detail)) => return Err(ReadError::Crashed { detail }),
    };
    HELD.with(|h| h.borrow_mut().push(Held { id, name, bytes: bytes.clone(), limits: limits.clone() }));
    Ok(Read { book, notes, found, bytes })
}

/// The page no longer holds file `id`: neither does the worker.
pub fn release(id: u32) {
    HELD.with(|h| h.borrow_mut().retain(|f| f.id != id));
    if let Some(worker) = LIVE.with(|l| l.borrow().as_ref().map(|l| l.worker.clone())) {
        let _ = post(&worker, Request::Forget(id), &[]);
    }
}

/// The results of the files the worker keeps, as `inputs` choose, with `rules`. A new worker is
/// given the files it lacks first.
pub async fn analyse(inputs: Inputs, rules: &str) -> Result<Results, EngineError> {
    alone(analyse_alone(inputs, rules)).await
}

async fn analyse_alone(inputs: Inputs, rules: &str) -> Result<Results, EngineError> {
    let mut outcome = ask_analysis(&inputs, rules).await;
    if let Err(EngineError::Missing(ids)) = &outcome {
        let lacking: Vec<Held> = HELD.with(|h| h.borrow().iter().filter(|f| ids.contains(&f.id)).cloned().collect());
        for Held { id, name, bytes, limits } in lacking {
            // A file read before reads again, quietly: the page has its outline.
            let request = Request::Read { id, name, limits, quiet: true };
            let _ = ask(request, &[bytes.blob()], rules, MAKE_MS, |_| ()).await;
        }
        outcome = ask_analysis(&inputs, rules).await;
    }
    let held = outcome.is_ok();
    LAST.with(|l| *l.borrow_mut() = Some((inputs, rules.to_string(), held)));
    outcome
}

async fn ask_analysis(inputs: &Inputs, rules: &str) -> Result<Results, EngineError> {
    let answer = ask(Request::Analyse(inputs.clone()), &[], rules, MAKE_MS, |_| ())
        .await
        .map_err(|e| EngineError::Failed(e.detail()))?;
    let Posted { message: Reply::Analysed(head), buffers } = answer else {
        return Err(EngineError::Failed("an answer that is not results".to_string()));
    };
    let mut results = (*head)?;
    for part in &buffers {
        // Each part decoded in its own task: the page stays responsive meanwhile.
        sleep(0).await;
        unpack_part(&mut results, part)?;
    }
    Ok(results)
}

/// Makes a file in the worker from its last results (`analysis` is the page's copy of them,
/// for naming the file in messages) with `rules`.
pub async fn make(job: Job, rules: &str, analysis: Option<&Analysis>) -> Result<Made, ReportError> {
    let file = job.file_name(analysis);
    alone(make_alone(job, rules, &file)).await.map_err(|detail| ReportError::writing(&file, detail))?
}

/// The worker's answer, or why there is none.
async fn make_alone(job: Job, rules: &str, file: &str) -> Result<Result<Made, ReportError>, String> {
    // A new worker holds no results: it makes the last ones again first.
    let stale = LAST.with(|l| l.borrow().as_ref().filter(|(_, _, held)| !held).map(|(i, r, _)| (i.clone(), r.clone())));
    if let Some((inputs, last_rules)) = stale {
        analyse_alone(inputs, &last_rules).await.map_err(|e| e.to_string())?;
    }
    let answer = ask(Request::Make(job), &[], rules, MAKE_MS, |_| ()).await.map_err(Unanswered::detail)?;
    Ok(answer.into_made(file))
}
