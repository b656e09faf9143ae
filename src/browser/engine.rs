//! The page's end of the engine worker (`src/bin/worker.rs`), in the protocol of
//! `core::engine::protocol`: it reads files, with progress, a time budget and a cancel, keeps
//! them and analyses them as the page chooses, and makes the files the user downloads, passing
//! a document's writing on to the writer worker. The rule set is sent when it changes. A new
//! engine (one died, overran or was cancelled: see `super::worker`) is given the rule set and
//! the files the page holds again before it analyses. The page itself holds no reader, no
//! analysis and no writer, so that it loads fast and never computes on its own thread: where no
//! worker can run at all, nothing can be read and the user is told why.

use std::cell::RefCell;

use web_sys::Blob;

use super::blob::FileBytes;
use super::sleep;
use super::worker::{Role, Unanswered};
use crate::core::analysis::Analysis;
use crate::core::dossier::book::Book;
use crate::core::engine::protocol::{unpack_part, Posted, Reply, Request};
use crate::core::engine::{EngineError, Inputs, Results};
use crate::core::layout::header::Mapping;
use crate::core::read::{Limits, Note, Progress, ReadError};
use crate::core::report::error::ReportError;
use crate::core::report::job::{Job, Made};
use crate::core::rules::{RuleError, RuleSet};

pub use super::worker::cancel;

/// How long making one file, an analysis or reading a file again may take.
const MAKE_MS: i32 = 300_000;
/// A writing heavier than this (a to-fix workbook of a province's list: its records) leaves
/// the writer retired once made.
const RETIRE_AFTER: usize = 32 * 1024 * 1024;

/// A file the worker keeps for the page, as it was read: a new worker is given it again.
#[derive(Clone)]
struct Held {
    id: u32,
    name: String,
    bytes: FileBytes,
    limits: Limits,
}

thread_local! {
    static HELD: RefCell<Vec<Held>> = const { RefCell::new(Vec::new()) };
    /// The inputs and rule set of the last analysis, and which engine (its epoch) holds its
    /// results (downloads are made from them).
    static LAST: RefCell<Option<(Inputs, String, u32)>> = const { RefCell::new(None) };
}

const ENGINE: Role = Role::Engine;

/// Posts `request` with `files` beside it, the rule set first when the engine does not hold
/// `rules` (none while the page has none yet), and waits up to `timeout_ms` for its answer,
/// passing progress on meanwhile.
async fn ask(
    request: Request,
    files: &[&Blob],
    rules: &str,
    timeout_ms: i32,
    progress: impl FnMut(Progress) + 'static,
) -> Result<Posted<Reply>, Unanswered> {
    let live = ENGINE.worker().await?;
    if live.rules.as_deref() != Some(rules) && !rules.is_empty() {
        // A refused set is said by the answer to the request itself (EngineError::Rules).
        let _ = hold_rules(&live.worker, rules).await?;
    }
    ENGINE.answer(&live.worker, Posted::new(request), files, timeout_ms, progress).await
}

/// Gives `worker` the rule set `text` for every later request: the set parsed, or why not.
async fn hold_rules(worker: &web_sys::Worker, text: &str) -> Result<Result<RuleSet, RuleError>, Unanswered> {
    let request = Posted::new(Request::SetRules(text.to_string()));
    let posted = ENGINE.answer(worker, request, &[], MAKE_MS, |_| ()).await?;
    let Reply::Rules(parsed) = posted.message else {
        ENGINE.retire();
        return Err(Unanswered::Crashed("an answer that is not a rule set".to_string()));
    };
    ENGINE.holds_rules(text);
    Ok(*parsed)
}

/// The rule set `text` parsed by the engine, which holds it from now on; the page parses no
/// TOML of its own. `Err` with the reason when no worker answers.
pub async fn rules(text: &str) -> Result<Result<RuleSet, RuleError>, String> {
    ENGINE
        .alone(async {
            let live = ENGINE.worker().await?;
            hold_rules(&live.worker, text).await
        })
        .await
        .map_err(Unanswered::detail)
}

/// Starts the worker ahead of the first file, so that reading one loads no code, and gives it
/// the first of `choices` that parses (the remembered rule set, then the default) before any
/// file is read with it: which one, parsed. `Err` when no worker can run here.
pub async fn prepare(choices: &[&str]) -> Result<Option<(usize, RuleSet)>, String> {
    ENGINE
        .alone(async {
            let live = ENGINE.worker().await?;
            for (i, text) in choices.iter().enumerate() {
                if let Ok(rules) = hold_rules(&live.worker, text).await? {
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
    /// The sample town, made by the writer from the rule set in use.
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
    let (name, bytes) = match source {
        Source::File { name, bytes } => {
            // Refused before a byte is read, on either side.
            limits.check_file_size(bytes.size())?;
            (name, bytes)
        }
        Source::Sample => {
            let made =
                make(Job::Sample, rules, None).await.map_err(|e| ReadError::Crashed { detail: e.to_string() })?;
            (made.file, FileBytes::of_bytes(&made.bytes).map_err(|detail| ReadError::Crashed { detail })?)
        }
    };
    let request = Request::Read { id, name: name.clone(), limits: limits.clone(), quiet: false };
    let answer = ENGINE.alone(ask(request, &[bytes.blob()], rules, timeout_ms, progress)).await;
    let ((book, notes), found) = match answer {
        Ok(Posted { message: Reply::Read { outline: Some(outline), found }, .. }) => (outline?, found),
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
    if let Some(live) = ENGINE.current() {
        let _ = ENGINE.post(&live.worker, Posted::new(Request::Forget(id)), &[]);
    }
}

/// The results of the files the worker keeps, as `inputs` choose, with `rules`. A new worker is
/// given the files it lacks first.
pub async fn analyse(inputs: Inputs, rules: &str) -> Result<Results, EngineError> {
    ENGINE.alone(analyse_alone(inputs, rules)).await
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
    // No engine holds results that failed.
    let holder = ENGINE.current().filter(|_| outcome.is_ok()).map_or(0, |live| live.epoch);
    LAST.with(|l| *l.borrow_mut() = Some((inputs, rules.to_string(), holder)));
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

/// Makes a file from the engine's last results (`analysis` is the page's copy of them, for
/// naming the file in messages) with `rules`: a text file in the engine, a document in the
/// writer, from the writing the engine hands over.
pub async fn make(job: Job, rules: &str, analysis: Option<&Analysis>) -> Result<Made, ReportError> {
    let file = job.file_name(analysis);
    let failed = |detail: String| ReportError::writing(&file, detail);
    if !job.is_text() {
        // The writer loads meanwhile: on a first download, or the sample on a cold visit (the
        // engine itself still loading), the two wait side by side, not one after the other.
        wasm_bindgen_futures::spawn_local(start_writer());
    }
    let answer = ENGINE.alone(make_alone(job, rules)).await.map_err(failed)?;
    if !matches!(answer.message, Reply::Write) {
        return answer.into_made(&file);
    }
    let weight: usize = answer.buffers.iter().map(Vec::len).sum();
    let request = Posted { message: Request::Write, buffers: answer.buffers };
    let made = Role::Writer
        .alone(async {
            let live = Role::Writer.worker().await?;
            let made = Role::Writer.answer(&live.worker, request, &[], MAKE_MS, |_| ()).await;
            // A wasm memory never shrinks: a writer that took a year's list in gives it back
            // by ending, and the next download starts a fresh one.
            if weight > RETIRE_AFTER {
                Role::Writer.retire();
            }
            made
        })
        .await;
    made.map_err(|e| failed(e.detail()))?.into_made(&file)
}

/// The engine's answer to a [`Request::Make`], or why there is none.
async fn make_alone(job: Job, rules: &str) -> Result<Posted<Reply>, String> {
    // A new engine holds no results: it makes the last ones again first.
    let live = ENGINE.current().map(|l| l.epoch);
    let stale = LAST.with(|l| {
        l.borrow().as_ref().filter(|(_, _, holder)| Some(*holder) != live).map(|(i, r, _)| (i.clone(), r.clone()))
    });
    if let Some((inputs, last_rules)) = stale {
        analyse_alone(inputs, &last_rules).await.map_err(|e| e.to_string())?;
    }
    ask(Request::Make(job), &[], rules, MAKE_MS, |_| ()).await.map_err(Unanswered::detail)
}

/// Starts the writer worker ahead of the first download once the browser is idle (after the
/// results are drawn): never in the way of a file being read. It waits its turn behind a
/// download already asked for.
pub async fn warm_writer() {
    super::idle().await;
    start_writer().await;
}

/// Starts the writer worker unless one is at work, holding its turn until it is ready.
async fn start_writer() {
    let _ = Role::Writer.alone(Role::Writer.worker()).await;
}
