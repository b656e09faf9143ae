//! The page's two workers, and how it talks to either in the protocol of
//! `core::engine::protocol`: the engine (`src/bin/worker.rs`: reading, analysis, text downloads)
//! and the writer (`src/bin/writer.rs`: the documents). Each is started when first needed, one
//! request at a time takes its turn, and one that dies or overruns is terminated, the next
//! request starting a fresh one; the page and what it holds are untouched.

use std::cell::RefCell;
use std::collections::VecDeque;
use std::rc::Rc;
use std::thread::LocalKey;

use futures_channel::oneshot;
use js_sys::Array;
use wasm_bindgen::prelude::*;
use web_sys::{Blob, ErrorEvent, MessageEvent, Worker};

use super::{crossed, crossing};
use crate::core::engine::protocol::{Posted, Reply, Request};
use crate::core::read::Progress;

/// How long a new worker may take to load its wasm.
const START_MS: i32 = 20_000;

/// Which worker.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Engine,
    Writer,
}

/// A worker at work: started as the `epoch`th of its role (the engine's results belong to the
/// one that made them), and the rule set it was last sent.
#[derive(Clone)]
pub struct Live {
    pub worker: Worker,
    pub epoch: u32,
    pub rules: Option<String>,
}

/// Who uses a worker now, and who waits for it.
#[derive(Default)]
struct Turns {
    busy: bool,
    waiting: VecDeque<oneshot::Sender<()>>,
}

thread_local! {
    static ENGINE: RefCell<Option<Live>> = const { RefCell::new(None) };
    static WRITER: RefCell<Option<Live>> = const { RefCell::new(None) };
    static ENGINE_TURNS: RefCell<Turns> = RefCell::new(Turns::default());
    static WRITER_TURNS: RefCell<Turns> = RefCell::new(Turns::default());
    static EPOCH: RefCell<u32> = const { RefCell::new(0) };
    /// Ends the engine's wait in flight as cancelled when the user stops it.
    static CANCEL: RefCell<Option<Slot>> = const { RefCell::new(None) };
}

impl Role {
    /// Where the built site puts its script (Trunk's loader shim for the binary).
    fn url(self) -> &'static str {
        match self {
            Role::Engine => "./chiso-worker_loader.js",
            Role::Writer => "./chiso-writer_loader.js",
        }
    }

    /// The inert element the single-file edition carries its script in.
    pub fn inline_id(self) -> &'static str {
        match self {
            Role::Engine => "chiso-worker-source",
            Role::Writer => "chiso-writer-source",
        }
    }

    fn live(self) -> &'static LocalKey<RefCell<Option<Live>>> {
        match self {
            Role::Engine => &ENGINE,
            Role::Writer => &WRITER,
        }
    }

    fn turns(self) -> &'static LocalKey<RefCell<Turns>> {
        match self {
            Role::Engine => &ENGINE_TURNS,
            Role::Writer => &WRITER_TURNS,
        }
    }

    /// The worker at work, if one is.
    pub fn current(self) -> Option<Live> {
        self.live().with(|l| l.borrow().clone())
    }

    /// Records the rule set the live worker now holds.
    pub fn holds_rules(self, text: &str) {
        self.live().with(|l| l.borrow_mut().as_mut().map(|l| l.rules = Some(text.to_string())));
    }

    /// Terminates the live worker, if any: the next request starts a fresh one.
    pub fn retire(self) {
        if let Some(live) = self.live().with(|l| l.borrow_mut().take()) {
            live.worker.terminate();
        }
    }

    /// The live worker, or a new one once it says it is ready.
    pub async fn worker(self) -> Result<Live, Unanswered> {
        if let Some(live) = self.current() {
            return Ok(live);
        }
        let worker = spawn(self).map_err(|_| Unanswered::NoWorker)?;
        match hear(self, &worker, START_MS, |_| ()).await {
            Heard::Reply(posted) if matches!(posted.message, Reply::Ready) => {
                let epoch = EPOCH.with(|e| {
                    *e.borrow_mut() += 1;
                    *e.borrow()
                });
                let live = Live { worker, epoch, rules: None };
                self.live().with(|l| *l.borrow_mut() = Some(live.clone()));
                Ok(live)
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

    /// Runs `job` when no other job is using this worker; those waiting take their turns in
    /// order.
    pub async fn alone<T>(self, job: impl std::future::Future<Output = T>) -> T {
        let wait = self.turns().with(|t| {
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
        self.turns().with(|t| {
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

    /// Posts `request` to `worker` with `buffers` and `files` beside it and waits up to
    /// `timeout_ms` for its answer, passing progress on meanwhile; a worker that fails to answer
    /// is retired.
    pub async fn answer(
        self,
        worker: &Worker,
        request: Posted<Request>,
        files: &[&Blob],
        timeout_ms: i32,
        progress: impl FnMut(Progress) + 'static,
    ) -> Result<Posted<Reply>, Unanswered> {
        self.post(worker, request, files)?;
        let unanswered = match hear(self, worker, timeout_ms, progress).await {
            Heard::Reply(posted) => return Ok(*posted),
            Heard::TimedOut => Unanswered::TimedOut,
            Heard::Cancelled => Unanswered::Cancelled,
            Heard::Crashed(detail) => Unanswered::Crashed(detail),
        };
        self.retire();
        Err(unanswered)
    }

    /// Posts one request, its arrays transferred, not copied; the page records its kind and
    /// size (`chiso:request <kind> <bytes>`, for benchmarks and tests).
    pub fn post(self, worker: &Worker, request: Posted<Request>, files: &[&Blob]) -> Result<(), Unanswered> {
        let kind = request.message.kind();
        let encoded = request.encode();
        let arrays: Vec<&[u8]> = encoded.iter().map(Vec::as_slice).collect();
        super::mark(&format!("chiso:request {kind} {}", encoded[0].len()));
        let (message, transfer) = crossing(&arrays, files);
        worker.post_message_with_transfer(&message, &transfer).map_err(|e| {
            self.retire();
            Unanswered::Crashed(text(&e))
        })
    }
}

/// Stops the engine's request in flight, if any; a reading ends as cancelled. A document being
/// made is not stopped: it is short, and the user asked for it.
pub fn cancel() {
    if let Some(slot) = CANCEL.with(|c| c.borrow().clone()) {
        end(&slot, Heard::Cancelled);
    }
}

/// Why a request got no answer.
pub enum Unanswered {
    /// No worker can run here (no Worker, or its script does not load).
    NoWorker,
    Crashed(String),
    TimedOut,
    Cancelled,
}

impl Unanswered {
    /// In words, for the requests that report a failure as text.
    pub fn detail(self) -> String {
        match self {
            Unanswered::NoWorker => "no Web Worker can run in this browser".to_string(),
            Unanswered::Crashed(detail) => detail,
            Unanswered::TimedOut => "timeout".to_string(),
            Unanswered::Cancelled => "cancel".to_string(),
        }
    }
}

/// How a wait for a worker ended.
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
/// timeout, or (the engine's) the user's cancel. The handlers are removed when it has come.
async fn hear(role: Role, worker: &Worker, timeout_ms: i32, mut progress: impl FnMut(Progress) + 'static) -> Heard {
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
    let cancellable = role == Role::Engine;
    if cancellable {
        CANCEL.with(|c| *c.borrow_mut() = Some(slot));
    }
    let heard = receiver.await.unwrap_or_else(|_| Heard::Crashed("no answer".to_string()));
    if cancellable {
        CANCEL.with(|c| c.borrow_mut().take());
    }
    if let (Some(window), Some(timer)) = (window, timer) {
        window.clear_timeout_with_handle(timer);
    }
    worker.set_onmessage(None);
    worker.set_onerror(None);
    drop((on_message, on_error, on_timeout));
    heard
}

fn spawn(role: Role) -> Result<Worker, JsValue> {
    let inline = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(role.inline_id()))
        .and_then(|e| e.text_content());
    match inline {
        Some(source) => {
            let options = web_sys::BlobPropertyBag::new();
            options.set_type("text/javascript");
            let blob = Blob::new_with_str_sequence_and_options(&Array::of1(&JsValue::from_str(&source)), &options)?;
            // Not revoked: the worker fetches it after this returns.
            Worker::new(&web_sys::Url::create_object_url_with_blob(&blob)?)
        }
        None => Worker::new(role.url()),
    }
}
