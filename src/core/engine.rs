//! What the engine worker holds between the page's requests: the workbooks it has read and the
//! analysis it made of them last. The page sends its choices and receives the analysis; the
//! workbooks never go back to the worker, and the downloads are made from the analysis held
//! here, so that neither crosses twice. Pure, so that the conversation is tested natively;
//! `src/bin/worker.rs` only moves its bytes.

use std::collections::BTreeMap;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::core::alerts::{evaluate, Alert, AlertSettings};
use crate::core::analysis::{analyse, table_of, Analysis, Choice, Focus};
use crate::core::compare::{compare, Comparison};
use crate::core::dossier::list::Dossier;
use crate::core::dossier::units::Typed;
use crate::core::header::Mapping;
use crate::core::lang::Lang;
use crate::core::message::Message;
use crate::core::period::Period;
use crate::core::report::error::ReportError;
use crate::core::report::job::{Job, Made};
use crate::core::rules::{RuleError, RuleSet};
use crate::core::score::Scores;
use crate::core::table::Workbook;

/// Everything the results depend on, as the page holds it: each loaded file (by the id the
/// engine keeps it under) with the user's choices, the rule set's TOML, the periods in focus,
/// the figures typed in and the user's alert rules.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Inputs {
    pub files: Vec<(u32, Choice)>,
    pub rules: String,
    pub focus: Focus,
    pub typed: Typed,
    pub alerts: AlertSettings,
}

/// What the page draws: the analysis, the alerts its scores raise, and the comparison with the
/// period before when two are loaded.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Results {
    pub analysis: Analysis,
    pub alerts: Vec<Alert>,
    pub comparison: Option<Comparison>,
}

/// Why the engine gave no analysis.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum EngineError {
    /// It does not hold these files (a new worker after a crash): the page reads them again.
    Missing(Vec<u32>),
    /// The rule set does not parse (the page checked it: only a damaged message gets here).
    Rules(RuleError),
    /// No engine answered (it failed or the browser cannot run one).
    Failed(String),
}

impl From<RuleError> for EngineError {
    fn from(error: RuleError) -> Self {
        EngineError::Rules(error)
    }
}

impl Message for EngineError {
    fn message(&self, lang: Lang) -> String {
        let what = match (self, lang) {
            (EngineError::Missing(ids), Lang::Vi) => format!(
                "trình tính toán vừa khởi động lại và chưa có {} tệp đã mở",
                crate::core::format::number(ids.len() as f64, 0)
            ),
            (EngineError::Missing(ids), Lang::En) => {
                format!("the engine restarted and does not hold {} of the files opened", ids.len())
            }
            (EngineError::Rules(e), Lang::Vi) => format!("bộ quy tắc đang dùng không hợp lệ ({})", e.what(Lang::Vi)),
            (EngineError::Rules(e), Lang::En) => format!("the rule set in use is not valid ({})", e.what(Lang::En)),
            (EngineError::Failed(detail), Lang::Vi) => format!("trình tính toán dừng giữa chừng ({detail})"),
            (EngineError::Failed(detail), Lang::En) => format!("the engine stopped ({detail})"),
        };
        match lang {
            Lang::Vi => format!(
                "chiso chưa tính được kết quả: {what}. Các tệp đã mở vẫn còn nguyên; hãy tải lại trang hoặc mở lại tệp."
            ),
            Lang::En => format!(
                "chiso could not compute the results: {what}. The files opened are untouched; reload the page or open the files again."
            ),
        }
    }
}

impl std::fmt::Display for EngineError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Lang::Vi))
    }
}

impl std::error::Error for EngineError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            EngineError::Rules(e) => Some(e),
            _ => None,
        }
    }
}

/// The engine's state.
#[derive(Default)]
pub struct Engine {
    books: BTreeMap<u32, Arc<Workbook>>,
    /// The last rule set parsed, with its TOML: most requests bring the same one.
    rules: Option<(String, Arc<RuleSet>)>,
    last: Option<Arc<Analysis>>,
}

impl Engine {
    fn rules(&mut self, text: &str) -> Result<Arc<RuleSet>, RuleError> {
        match &self.rules {
            Some((held, rules)) if held == text => Ok(rules.clone()),
            _ => {
                let rules = Arc::new(RuleSet::from_toml(text)?);
                self.rules = Some((text.to_string(), rules.clone()));
                Ok(rules)
            }
        }
    }

    /// Keeps a workbook read under `id`, replacing one kept under it before. Returns the table
    /// of unit figures chiso finds in it with no choice made, whose headers may match a mapping
    /// the user corrected earlier (the page remembers those). A dossier list read as records is
    /// matched by its own headers, which the page has: it is not tallied for this.
    pub fn keep(&mut self, id: u32, book: Workbook, rules: &str) -> Option<(usize, Mapping)> {
        let streamed = book.sheets.iter().any(|s| s.dossiers.is_some());
        let found = self
            .rules(rules)
            .ok()
            .filter(|_| !streamed)
            .and_then(|rules| table_of(&book, &rules, &Choice::default()).ok())
            .map(|t| (t.sheet_index, t.table.mapping));
        self.books.insert(id, Arc::new(book));
        found
    }

    /// Lets go of a file the page no longer holds.
    pub fn forget(&mut self, id: u32) {
        self.books.remove(&id);
    }

    /// The results of the files `inputs` name, as the page chose; the analysis is kept for
    /// downloads.
    pub fn results(&mut self, inputs: &Inputs) -> Result<Results, EngineError> {
        let analysis = self.analyse(inputs)?;
        let rules = self.rules(&inputs.rules)?;
        let alert_rules = inputs.alerts.rules();
        Ok(Results {
            alerts: evaluate(&alert_rules, &analysis.scores, &rules),
            comparison: compare(&analysis, &alert_rules, &rules),
            analysis: (*analysis).clone(),
        })
    }

    fn analyse(&mut self, inputs: &Inputs) -> Result<Arc<Analysis>, EngineError> {
        let missing: Vec<u32> =
            inputs.files.iter().map(|(id, _)| *id).filter(|id| !self.books.contains_key(id)).collect();
        if !missing.is_empty() {
            return Err(EngineError::Missing(missing));
        }
        let rules = self.rules(&inputs.rules)?;
        let books: Vec<(&Workbook, Choice)> =
            inputs.files.iter().map(|(id, choice)| (&*self.books[id], choice.clone())).collect();
        let analysis = Arc::new(analyse(&books, &rules, &inputs.focus, &inputs.typed));
        self.last = Some(analysis.clone());
        Ok(analysis)
    }

    /// Makes a download from the last analysis; `made_at` (ISO 8601) dates the files that carry a
    /// date of their own (the letter's document properties).
    pub fn make(&mut self, job: &Job, made_at: &str) -> Result<Made, ReportError> {
        let rules =
            self.rules(job.rules()).map_err(|e| ReportError::writing(&job.file_name(self.last.as_deref()), e))?;
        job.run(self.last.as_deref(), &rules, made_at)
    }
}

/// Records (or alerts) a slice carries: decoding one takes the page tens of milliseconds.
pub const SLICE: usize = 20_000;

/// A part of the results that crosses on its own, after the rest.
#[derive(Serialize, Deserialize)]
enum Part<'a> {
    /// Dossiers of the list of table `.0`.
    Records(usize, std::borrow::Cow<'a, [Dossier]>),
    Alerts(std::borrow::Cow<'a, [Alert]>),
    /// Every period's scores (the trend's).
    History(std::borrow::Cow<'a, [(Period, Scores)]>),
}

/// The results as they cross to the page: first the results without their dossier lists'
/// records, their alerts and their history, then those, a slice at a time, so that the page
/// decodes a province's results between frames rather than in one long task.
pub fn pack(outcome: Result<Results, EngineError>) -> Vec<Vec<u8>> {
    // Taken apart, not copied: the head keeps what the parts do not carry.
    let mut head = match outcome {
        Ok(results) => results,
        Err(e) => return vec![encode(&Err::<Results, _>(e))],
    };
    let alerts = std::mem::take(&mut head.alerts);
    let history = std::mem::take(&mut head.analysis.history);
    let mut parts = Vec::new();
    for (index, table) in head.analysis.tables.iter_mut().enumerate() {
        if let Some(d) = &mut table.dossiers {
            let without = Arc::new(d.list.with_dossiers(Vec::new()));
            let list = std::mem::replace(&mut d.list, without);
            parts.extend(list.dossiers.chunks(SLICE).map(|s| encode(&Part::Records(index, s.into()))));
        }
    }
    parts.extend(alerts.chunks(SLICE).map(|s| encode(&Part::Alerts(s.into()))));
    parts.push(encode(&Part::History(history.as_slice().into())));
    std::iter::once(encode(&Ok::<_, EngineError>(head))).chain(parts).collect()
}

/// The first part of [`pack`]: the results, the rest still to come.
pub fn unpack_head(bytes: &[u8]) -> Result<Results, EngineError> {
    decode::<Result<Results, EngineError>>(bytes).map_err(EngineError::Failed)?
}

/// Adds one later part from [`pack`] to `results`.
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

/// Requests and answers as postcard bytes, for the trip between the page and the worker.
pub fn encode<T: Serialize>(value: &T) -> Vec<u8> {
    postcard::to_allocvec(value).unwrap_or_default()
}

pub fn decode<T: for<'a> Deserialize<'a>>(bytes: &[u8]) -> Result<T, String> {
    postcard::from_bytes(bytes).map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::read::read_file;
    use crate::core::report::export::Export;
    use crate::core::rules::DEFAULT_RULES;

    /// Two units: Xã A settled 8 of its 10 dossiers on time, Xã B all 5 of its.
    const CSV: &str =
        "Đơn vị;Hồ sơ đúng hạn, trong hạn (tử số);Hồ sơ đúng hạn, trong hạn (mẫu số)\nXã A;8;10\nXã B;5;5\n";

    fn inputs(ids: &[u32]) -> Inputs {
        Inputs {
            files: ids.iter().map(|id| (*id, Choice::default())).collect(),
            rules: DEFAULT_RULES.to_string(),
            ..Inputs::default()
        }
    }

    #[test]
    fn the_engine_analyses_what_it_holds_and_says_what_it_lacks() {
        let mut engine = Engine::default();
        let book = read_file("xa.csv", CSV.as_bytes()).unwrap().workbook;
        let found = engine.keep(7, book.clone(), DEFAULT_RULES);
        assert_eq!(found.map(|(sheet, m)| (sheet, m.headers.len())), Some((0, 3)));
        // The same request, sent as bytes, gives what analysing the workbook directly gives.
        let request: Inputs = decode(&encode(&inputs(&[7]))).unwrap();
        let results = engine.results(&request).unwrap();
        let analysis = &results.analysis;
        let rules = RuleSet::from_toml(DEFAULT_RULES).unwrap();
        let direct = analyse(&[(&book, Choice::default())], &rules, &Focus::default(), &Typed::default());
        assert_eq!(*analysis, direct);
        // Only on-time figures: the ranking marks what the units lack.
        assert!(analysis.scores.lacks_figures());
        // Xã A settled 80 % on time, under the target: its alert comes with the results.
        assert!(results.alerts.iter().any(|a| a.unit == "Xã A") && !results.alerts.iter().any(|a| a.unit == "Xã B"));
        let names: Vec<&str> = analysis.scores.units.iter().map(|u| u.name.as_str()).collect();
        assert_eq!(names, ["Xã A", "Xã B"]);
        // Sent in parts (the alerts apart), it arrives whole.
        let parts = pack(Ok(results.clone()));
        let mut back = unpack_head(&parts[0]).unwrap();
        assert!(back.alerts.is_empty() && back.analysis.history.is_empty());
        for part in &parts[1..] {
            unpack_part(&mut back, part).unwrap();
        }
        assert_eq!(back, results);
        // A worker started afresh holds nothing: the page is told which files to send again.
        assert_eq!(Engine::default().results(&inputs(&[7, 9])), Err(EngineError::Missing(vec![7, 9])));
        engine.forget(7);
        assert_eq!(engine.results(&inputs(&[7])), Err(EngineError::Missing(vec![7])));
    }

    #[test]
    fn downloads_are_made_from_the_last_analysis() {
        let mut engine = Engine::default();
        let job = Job::Export {
            export: Export::Csv,
            rules: DEFAULT_RULES.to_string(),
            alerts: Vec::new(),
            comparison: None,
            letter: None,
        };
        // Nothing analysed yet: said, not made empty.
        assert!(matches!(engine.make(&job, "2026-12-07T00:00:00Z"), Err(ReportError::Write { .. })));
        engine.keep(1, read_file("xa.csv", CSV.as_bytes()).unwrap().workbook, DEFAULT_RULES);
        engine.results(&inputs(&[1])).unwrap();
        let made = engine.make(&job, "2026-12-07T00:00:00Z").unwrap();
        let text = String::from_utf8(made.bytes).unwrap();
        // Ranked by the analysis held: all on time comes first.
        let rank =
            |unit: &str| text.lines().find(|l| l.contains(unit)).and_then(|l| l.split(';').next()).map(str::to_string);
        assert_eq!((rank("Xã B").as_deref(), rank("Xã A").as_deref()), (Some("1"), Some("2")), "{text}");
    }

    #[test]
    fn a_dossier_list_crosses_in_slices_and_arrives_whole() {
        let mut engine = Engine::default();
        // 45,000 dossiers of two communes, all received in November 2026: three slices.
        let mut text = String::from("Số hồ sơ,Đơn vị,Ngày tiếp nhận,Ngày hẹn trả,Ngày có kết quả\n");
        for i in 0..45_000 {
            let unit = if i % 3 == 0 { "Xã A" } else { "Xã B" };
            text.push_str(&format!("H{i},{unit},{:02}/11/2026,28/11/2026,{:02}/11/2026\n", 1 + i % 27, 2 + i % 27));
        }
        let book = read_file("ho-so.csv", text.as_bytes()).unwrap().workbook;
        assert!(book.sheets[0].dossiers.is_some(), "read as a dossier list");
        assert_eq!(engine.keep(3, book, DEFAULT_RULES), None);
        let results = engine.results(&inputs(&[3]));
        let parts = pack(results.clone());
        // The head, three slices of records and the history; every dossier was settled on
        // time, so there is no alert to send.
        assert_eq!(results.as_ref().map(|r| r.alerts.len()), Ok(0));
        assert_eq!(parts.len(), 1 + 3 + 1);
        let mut back = unpack_head(&parts[0]).unwrap();
        let list = |r: &Results| r.analysis.tables[0].dossiers.as_ref().map(|d| d.list.dossiers.len());
        assert_eq!(list(&back), Some(0));
        for part in &parts[1..] {
            unpack_part(&mut back, part).unwrap();
        }
        assert_eq!(list(&back), Some(45_000));
        assert_eq!(Ok(&back), results.as_ref());
        let names: Vec<&str> = back.analysis.scores.units.iter().map(|u| u.name.as_str()).collect();
        assert_eq!(names, ["Xã A", "Xã B"]);
        // An error is one part, and a slice for a table without a list is refused.
        let missing = Err(EngineError::Missing(vec![4]));
        let packed = pack(missing.clone());
        assert_eq!(packed.len(), 1);
        assert_eq!(unpack_head(&packed[0]), missing);
        assert!(unpack_part(&mut back, &encode(&Part::Records(5, Vec::new().into()))).is_err());
    }

    /// An engine error says itself in Vietnamese and composes: a rule set's error is its source.
    #[test]
    fn engine_errors_compose() {
        let error: EngineError = RuleError::NoGroups.into();
        assert_eq!(
            error.to_string(),
            "chiso chưa tính được kết quả: bộ quy tắc đang dùng không hợp lệ (tệp không khai báo nhóm nào ([[groups]])). Các tệp đã mở vẫn còn nguyên; hãy tải lại trang hoặc mở lại tệp."
        );
        let composed: Box<dyn std::error::Error> = Box::new(error);
        assert_eq!(
            composed.source().map(|s| s.to_string()).as_deref(),
            Some("tệp không khai báo nhóm nào ([[groups]])")
        );
        assert!(!EngineError::Missing(vec![7, 9]).to_string().contains("[7, 9]"), "no Debug text reaches a user");
        assert!(EngineError::Missing(vec![7, 9]).to_string().contains("chưa có 2 tệp đã mở"));
    }
}
