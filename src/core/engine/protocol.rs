//! The one conversation between the page and the engine worker, both ends of it: what the page
//! asks ([`Request`]), what the worker answers ([`Reply`]), and how either crosses ([`Posted`]).
//!
//! A message is a JS array of byte arrays, all transferred rather than copied: the first is the
//! request or reply in postcard (compact, and a province's month is millions of cells, which
//! serde-wasm-bindgen would turn into millions of JS objects); the others are bytes that need no
//! encoding at all (a file to read, a file made) or later parts of a large answer, which the page
//! decodes a task at a time (the results' dossier records, alerts and history, see [`pack`]).
//! `src/bin/worker.rs` and `src/browser/engine.rs` only move these arrays.

use std::borrow::Cow;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use super::{EngineError, Inputs};
use crate::core::dossier::book::Book;
use crate::core::dossier::list::Dossier;
use crate::core::insight::alerts::Alert;
use crate::core::layout::header::Mapping;
use crate::core::model::period::Period;
use crate::core::read::{Limits, Note, Progress, ReadError};
use crate::core::report::error::ReportError;
use crate::core::report::job::{Job, Made, Results, Writing};
use crate::core::rules::{RuleError, RuleSet};
use crate::core::scoring::Scores;

/// What the page asks of the worker. The rule set is sent once, when it changes (and to each
/// new worker), not with every request; a download names only what the results do not hold.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Request {
    /// The rule set's TOML, used by every later request. Answered with the set it parses to, or
    /// why it is refused: the page shows the rules without parsing TOML itself.
    SetRules(String),
    /// Read the file whose bytes come with the request and keep it under `id`; a quiet reading
    /// (of a file the page holds already, for a new worker) answers without the outline.
    Read { id: u32, name: String, limits: Limits, quiet: bool },
    /// The page no longer holds this file. No reply.
    Forget(u32),
    /// The results of the files kept, as the page chose.
    Analyse(Inputs),
    /// A file made from the last results: a text file is made by the engine, a document is
    /// answered with its [`Writing`] for the writer worker.
    Make(Job),
    /// To the writer worker: make the [`Writing`] that comes as the first buffer, as the engine
    /// answered a [`Request::Make`] (the page passes it on untouched).
    Write,
}

impl Request {
    /// The request's name, as the page records it for benchmarks and tests.
    pub fn kind(&self) -> &'static str {
        match self {
            Request::SetRules(_) => "rules",
            Request::Read { .. } => "read",
            Request::Forget(_) => "forget",
            Request::Analyse(_) => "analyse",
            Request::Make(_) => "make",
            Request::Write => "write",
        }
    }
}

/// What the worker answers.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Reply {
    /// Once, when its wasm is loaded.
    Ready,
    /// Rows read so far, while a file is read.
    Progress(Progress),
    /// The rule set sent, parsed, or why it is refused (the worker keeps either).
    Rules(Box<Result<RuleSet, RuleError>>),
    /// A file read: its outline (none for a quiet reading; the whole workbook stays in the
    /// worker), and the table chiso finds in it with no choice made, whose headers may match a
    /// mapping the user corrected earlier.
    Read { outline: Option<Result<(Book, Vec<Note>), ReadError>>, found: Option<(usize, Mapping)> },
    /// The results without the parts that follow as buffers ([`pack`]).
    Analysed(Box<Result<Results, EngineError>>),
    /// A file made; its bytes are the first buffer.
    Made(Result<Made, ReportError>),
    /// A document to make, by the writer worker: its [`Writing`] is the first buffer.
    Write,
}

/// A request or a reply with the buffers that cross beside it.
#[derive(Clone, Debug, PartialEq)]
pub struct Posted<T> {
    pub message: T,
    pub buffers: Vec<Vec<u8>>,
}

impl<T: Serialize + for<'a> Deserialize<'a>> Posted<T> {
    pub fn new(message: T) -> Self {
        Posted { message, buffers: Vec::new() }
    }

    /// The arrays that cross: the message, then its buffers.
    pub fn encode(self) -> Vec<Vec<u8>> {
        std::iter::once(encode(&self.message)).chain(self.buffers).collect()
    }

    /// Arrays from [`Posted::encode`].
    pub fn decode(mut arrays: Vec<Vec<u8>>) -> Result<Self, String> {
        if arrays.is_empty() {
            return Err("an empty message".to_string());
        }
        let message = decode(&arrays.remove(0))?;
        Ok(Posted { message, buffers: arrays })
    }
}

impl Posted<Reply> {
    /// A made file, its bytes as a buffer rather than inside the encoded reply.
    pub fn made(outcome: Result<Made, ReportError>) -> Self {
        match outcome {
            Ok(mut made) => {
                let bytes = std::mem::take(&mut made.bytes);
                Posted { message: Reply::Made(Ok(made)), buffers: vec![bytes] }
            }
            Err(e) => Posted::new(Reply::Made(Err(e))),
        }
    }

    /// A document's job and what it is made from, for the writer worker.
    pub fn writing(writing: &Writing) -> Self {
        Posted { message: Reply::Write, buffers: vec![encode(writing)] }
    }

    /// The made file of a [`Posted::made`] with its bytes back in place.
    pub fn into_made(self, file: &str) -> Result<Made, ReportError> {
        match self.message {
            Reply::Made(Ok(made)) => {
                let bytes = self.buffers.into_iter().next().unwrap_or_default();
                Ok(Made { bytes, ..made })
            }
            // A writing the writer could not even decode names no file: the page knows it.
            Reply::Made(Err(ReportError::Write { file: unnamed, detail })) if unnamed.is_empty() => {
                Err(ReportError::writing(file, detail))
            }
            Reply::Made(Err(e)) => Err(e),
            other => Err(ReportError::writing(file, format!("unexpected answer {}", other.kind()))),
        }
    }
}

impl Reply {
    fn kind(&self) -> &'static str {
        match self {
            Reply::Ready => "ready",
            Reply::Progress(_) => "progress",
            Reply::Rules(_) => "rules",
            Reply::Read { .. } => "read",
            Reply::Analysed(_) => "analysed",
            Reply::Made(_) => "made",
            Reply::Write => "write",
        }
    }
}

/// The writer worker's answer to a [`Request::Write`]: the file made, or why not.
pub fn write(request: Posted<Request>) -> Posted<Reply> {
    let writing = match (&request.message, request.buffers.first()) {
        (Request::Write, Some(bytes)) => decode::<Writing>(bytes),
        (other, _) => Err(format!("a request the writer does not make: {}", other.kind())),
    };
    Posted::made(writing.map_err(|detail| ReportError::writing("", detail)).and_then(|w| w.run()))
}

/// Records (or alerts) a part carries: decoding one takes the page tens of milliseconds.
pub const SLICE: usize = 20_000;

/// A part of the results that crosses on its own, after the rest.
#[derive(Serialize, Deserialize)]
enum Part<'a> {
    /// Dossiers of the list of table `.0`.
    Records(usize, Cow<'a, [Dossier]>),
    Alerts(Cow<'a, [Alert]>),
    /// Every period's scores (the trend's).
    History(Cow<'a, [(Period, Scores)]>),
}

/// The results as they cross to the page: first the results without their dossier lists'
/// records, their alerts and their history, then those, a slice at a time, so that the page
/// decodes a province's results between frames rather than in one long task.
pub fn pack(outcome: Result<&mut Results, EngineError>) -> Posted<Reply> {
    let results = match outcome {
        Ok(results) => results,
        Err(e) => return Posted::new(Reply::Analysed(Box::new(Err(e)))),
    };
    // The head is copied without the alerts and the history, taken out meanwhile and put back
    // (the engine keeps the whole for downloads). The lists are shared, not copied: the head's
    // are replaced by empty ones.
    let alerts = std::mem::take(&mut results.alerts);
    let history = std::mem::take(&mut results.analysis.history);
    let mut head = results.clone();
    results.alerts = alerts;
    results.analysis.history = history;
    let mut parts = Vec::new();
    for (index, table) in head.analysis.tables.iter_mut().enumerate() {
        if let Some(d) = &mut table.dossiers {
            let without = Arc::new(d.list.with_dossiers(Vec::new()));
            let list = std::mem::replace(&mut d.list, without);
            parts.extend(list.dossiers.chunks(SLICE).map(|s| encode(&Part::Records(index, s.into()))));
        }
    }
    parts.extend(results.alerts.chunks(SLICE).map(|s| encode(&Part::Alerts(s.into()))));
    parts.push(encode(&Part::History(results.analysis.history.as_slice().into())));
    Posted { message: Reply::Analysed(Box::new(Ok(head))), buffers: parts }
}

/// Adds one part from [`pack`] to `results`.
pub fn unpack_part(results: &mut Results, bytes: &[u8]) -> Result<(), EngineError> {
    match decode::<Part>(bytes).map_err(EngineError::Failed)? {
        Part::Records(index, records) => {
            let list = results.analysis.tables.get_mut(index).and_then(|t| t.dossiers.as_mut()).map(|d| &mut d.list);
            let list =
                list.ok_or_else(|| EngineError::Failed(format!("records for table {index}, which has no list")))?;
            // The list was just decoded: the page holds it alone, and extending it copies nothing.
            Arc::make_mut(list).dossiers.extend(records.into_owned());
        }
        Part::Alerts(alerts) => results.alerts.extend(alerts.into_owned()),
        Part::History(history) => results.analysis.history.extend(history.into_owned()),
    }
    Ok(())
}

/// The codec of every message and part.
fn encode<T: Serialize>(value: &T) -> Vec<u8> {
    postcard::to_allocvec(value).unwrap_or_default()
}

fn decode<T: for<'a> Deserialize<'a>>(bytes: &[u8]) -> Result<T, String> {
    postcard::from_bytes(bytes).map_err(|e| e.to_string())
}
