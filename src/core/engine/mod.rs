//! What the engine worker holds between the page's requests: the rule set, the workbooks it has
//! read and the results it made of them last. The page sends its choices and receives the
//! results; the workbooks never go back to the worker, and downloads are made from the results
//! held here, so that nothing crosses twice. Pure, so that the whole conversation
//! ([`protocol`]) is tested natively; `src/bin/worker.rs` only moves its bytes.

mod error;
pub mod protocol;
#[cfg(test)]
mod tests;

use std::collections::BTreeMap;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

pub use self::error::EngineError;
use self::protocol::{pack, Posted, Reply, Request};
use crate::core::analysis::{analyse, table_of, Choice, Focus};
use crate::core::dossier::book::{self, Book};
use crate::core::dossier::units::Typed;
use crate::core::insight::alerts::{evaluate, AlertSettings};
use crate::core::insight::compare::compare;
use crate::core::layout::header::Mapping;
use crate::core::read::{Limits, Progress};
use crate::core::report::error::ReportError;
pub use crate::core::report::job::Results;
use crate::core::report::job::{Job, Writing};
use crate::core::rules::{RuleError, RuleSet};

/// Everything the results depend on but the rule set (held since [`Request::SetRules`]), as the
/// page holds it: each loaded file (by the id the engine keeps it under) with the user's
/// choices, the periods in focus, the figures typed in and the user's alert rules.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Inputs {
    pub files: Vec<(u32, Choice)>,
    pub focus: Focus,
    pub typed: Typed,
    pub alerts: AlertSettings,
}

/// The engine's state.
#[derive(Default)]
pub struct Engine {
    books: BTreeMap<u32, Arc<Book>>,
    /// The rule set sent last, parsed (or why it does not parse).
    rules: Option<Result<Arc<RuleSet>, RuleError>>,
    last: Option<Results>,
}

impl Engine {
    /// Answers one request; `buffers` are the bytes that came beside it, `progress` hears of the
    /// rows read, `made_at` (ISO 8601) dates the files that carry a date of their own (the
    /// letter's document properties). `None` for the requests that get no reply.
    pub fn handle(
        &mut self,
        request: Request,
        buffers: Vec<Vec<u8>>,
        progress: &mut dyn FnMut(Progress),
        made_at: &str,
    ) -> Option<Posted<Reply>> {
        Some(match request {
            Request::SetRules(text) => {
                let parsed = RuleSet::from_toml(&text);
                self.rules = Some(parsed.clone().map(Arc::new));
                Posted::new(Reply::Rules(Box::new(parsed)))
            }
            Request::Forget(id) => {
                self.books.remove(&id);
                return None;
            }
            Request::Read { id, name, limits, quiet } => {
                let bytes = buffers.into_iter().next().unwrap_or_default();
                Posted::new(self.read(id, &name, &bytes, &limits, quiet, progress))
            }
            Request::Analyse(inputs) => pack(self.results(&inputs)),
            Request::Make(job) => self.make(job, made_at),
            // The writer worker's request (`protocol::write`): the engine holds no writer.
            Request::Write => Posted::made(Err(ReportError::writing("", "the engine makes no documents"))),
        })
    }

    fn rules(&self) -> Result<Arc<RuleSet>, EngineError> {
        match &self.rules {
            Some(Ok(rules)) => Ok(rules.clone()),
            Some(Err(e)) => Err(EngineError::Rules(e.clone())),
            None => Err(EngineError::Failed("no rule set was sent".to_string())),
        }
    }

    /// Reads a file and keeps its workbook under `id`, replacing one kept under it before; the
    /// page receives the outline (the whole stays here).
    fn read(
        &mut self,
        id: u32,
        name: &str,
        bytes: &[u8],
        limits: &Limits,
        quiet: bool,
        progress: &mut dyn FnMut(Progress),
    ) -> Reply {
        let outcome = book::read(name, bytes, limits, progress);
        let outline = match &outcome {
            _ if quiet => None,
            Ok((book, notes)) => Some(Ok((book.outline(), notes.clone()))),
            Err(e) => Some(Err(e.clone())),
        };
        let found = outcome.ok().and_then(|(book, _)| self.keep(id, book));
        Reply::Read { outline, found }
    }

    /// Keeps a workbook read under `id`. Returns the table of unit figures chiso finds in it
    /// with no choice made, whose headers may match a mapping the user corrected earlier (the
    /// page remembers those). A dossier list read as records is matched by its own headers,
    /// which the page has: it is not tallied for this.
    fn keep(&mut self, id: u32, book: Book) -> Option<(usize, Mapping)> {
        let streamed = book.streamed();
        let found = self
            .rules()
            .ok()
            .filter(|_| !streamed)
            .and_then(|rules| table_of(&book, &rules, &Choice::default()).ok())
            .map(|t| (t.sheet_index, t.table.mapping));
        self.books.insert(id, Arc::new(book));
        found
    }

    /// The results of the files `inputs` name, as the page chose; they are kept for downloads.
    fn results(&mut self, inputs: &Inputs) -> Result<&mut Results, EngineError> {
        let missing: Vec<u32> =
            inputs.files.iter().map(|(id, _)| *id).filter(|id| !self.books.contains_key(id)).collect();
        if !missing.is_empty() {
            return Err(EngineError::Missing(missing));
        }
        let rules = self.rules()?;
        let books: Vec<(&Book, Choice)> =
            inputs.files.iter().map(|(id, choice)| (&*self.books[id], choice.clone())).collect();
        let analysis = analyse(&books, &rules, &inputs.focus, &inputs.typed);
        let alert_rules = inputs.alerts.rules();
        let results = Results {
            alerts: evaluate(&alert_rules, &analysis.scores, &rules),
            comparison: compare(&analysis, &alert_rules, &rules),
            analysis,
        };
        Ok(self.last.insert(results))
    }

    /// Makes a text download from the last results, or hands a document's job, with what it is
    /// made from, to the writer worker.
    fn make(&self, job: Job, made_at: &str) -> Posted<Reply> {
        let results = self.last.as_ref();
        let rules = match self.rules() {
            Ok(rules) => rules,
            Err(e) => return Posted::made(Err(ReportError::writing(&job.file_name(results.map(|r| &r.analysis)), e))),
        };
        match job.run_text(results, &rules) {
            Some(made) => Posted::made(made),
            None => Posted::writing(&Writing::new(job, results, &rules, made_at)),
        }
    }
}
