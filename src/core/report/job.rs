//! The files the page asks the engine worker to make. A job crosses to the worker as postcard
//! bytes and the made file comes back the same way, so that the page's wasm holds no writer
//! (rust_xlsxwriter, docx-rs, zip): only what a job says.

use std::sync::Arc;

use serde::{Deserialize, Serialize};

use super::error::ReportError;
use super::export::{Export, Sources, XLSX_MIME};
use super::fix_list;
use super::letter::LetterFields;
use crate::core::alerts::Alert;
use crate::core::analysis::Analysis;
use crate::core::compare::Comparison;
use crate::core::dossier::units::DossierTable;
use crate::core::plan::whole::plan_whole;
use crate::core::report::template;
use crate::core::rules::RuleSet;
use crate::core::score::Scores;

/// The sample workbook's file name, as it is downloaded and as it shows once loaded.
pub const SAMPLE_NAME: &str = "chiso-du-lieu-mau-an-hoa.xlsx";
pub const TEMPLATE_NAME: &str = "chiso-mau-so-lieu.xlsx";

/// A file to make. Rule sets travel as their TOML text (the worker parses it again); the
/// results are the engine's last analysis (`core::engine`), which it holds.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Job {
    /// One of the result files; the letter is the user's fields, or the default letter.
    Export {
        export: Export,
        rules: String,
        alerts: Vec<Alert>,
        comparison: Option<Arc<Comparison>>,
        letter: Option<Box<LetterFields>>,
    },
    /// The to-fix workbook of the dossier list read from `file`: of one unit, or of every unit
    /// when `unit` is `None`.
    FixList { file: String, unit: Option<String>, rules: String },
    /// The blank template of unit figures.
    Template { rules: String },
    /// The sample town's workbook.
    Sample { rules: String },
    /// The plan for the whole to `target` points, as a workbook.
    WholePlan { target: f64, rules: String },
}

/// A made file, ready to be downloaded.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Made {
    pub file: String,
    pub mime: String,
    pub bytes: Vec<u8>,
}

/// The dossier list read from `file` in `analysis`.
fn list_of<'a>(analysis: &'a Analysis, file: &str) -> Option<&'a DossierTable> {
    analysis.tables.iter().filter(|t| t.file == file).find_map(|t| t.dossiers.as_ref())
}

impl Job {
    /// The file this job makes from `analysis`, as it will be named: known before it is made,
    /// for messages.
    pub fn file_name(&self, analysis: Option<&Analysis>) -> String {
        match self {
            Job::Export { export, .. } => match analysis {
                Some(a) => export.file_name_for(&a.scores),
                None => export.file_name_for(&Scores::default()),
            },
            Job::FixList { file, unit, .. } => match analysis.and_then(|a| list_of(a, file)) {
                Some(table) => fix_list::file_name(table, unit.as_deref()),
                None => format!("{file}.xlsx"),
            },
            Job::Template { .. } => TEMPLATE_NAME.to_string(),
            Job::Sample { .. } => SAMPLE_NAME.to_string(),
            Job::WholePlan { .. } => {
                format!("{}.xlsx", super::file_stem(analysis.map_or(&Scores::default(), |a| &a.scores), "ke-hoach"))
            }
        }
    }

    /// The rule set's TOML the job is made with.
    pub fn rules(&self) -> &str {
        match self {
            Job::Export { rules, .. }
            | Job::FixList { rules, .. }
            | Job::Template { rules }
            | Job::Sample { rules }
            | Job::WholePlan { rules, .. } => rules,
        }
    }

    /// Makes the file from `analysis` (the results files need one) with `rules`.
    pub fn run(&self, analysis: Option<&Analysis>, rules: &RuleSet, made_at: &str) -> Result<Made, ReportError> {
        let file = self.file_name(analysis);
        let xlsx = |bytes: Result<Vec<u8>, rust_xlsxwriter::XlsxError>| {
            bytes
                .map(|bytes| Made { file: file.clone(), mime: XLSX_MIME.to_string(), bytes })
                .map_err(|e| ReportError::writing(&file, e))
        };
        let results = || analysis.ok_or_else(|| ReportError::writing(&file, "no results have been computed yet"));
        match self {
            Job::Export { export, alerts, comparison, letter, .. } => {
                let from = Sources {
                    analysis: results()?,
                    rules,
                    alerts,
                    comparison: comparison.as_deref(),
                    letter: letter.as_deref(),
                    made_at,
                };
                let bytes = export.write(&from)?;
                Ok(Made { file: file.clone(), mime: export.mime().to_string(), bytes })
            }
            Job::FixList { file: source, unit, .. } => {
                let analysis = results()?;
                let table = list_of(analysis, source)
                    .ok_or_else(|| ReportError::writing(&file, format!("no dossier list read from {source}")))?;
                let units: Vec<u32> = unit.as_deref().and_then(|u| table.unit_index(u)).into_iter().collect();
                xlsx(fix_list::to_bytes(table, &units, &analysis.scores, rules, source))
            }
            Job::Template { .. } => xlsx(template::template(rules)),
            Job::Sample { .. } => xlsx(template::demo(rules)),
            Job::WholePlan { target, .. } => {
                let analysis = results()?;
                let fixable = crate::core::plan::fixable_by_unit(analysis);
                let plan = plan_whole(&analysis.scores, rules, *target, &fixable)
                    .ok_or_else(|| ReportError::writing(&file, "no units to plan for"))?;
                xlsx(super::sheets::whole_plan(&plan, rules))
            }
        }
    }

    pub fn encode(&self) -> Vec<u8> {
        postcard::to_allocvec(self).unwrap_or_default()
    }

    pub fn decode(bytes: &[u8]) -> Result<Job, String> {
        postcard::from_bytes(bytes).map_err(|e| e.to_string())
    }
}

/// What the worker answers a job with.
pub fn encode_outcome(outcome: &Result<Made, ReportError>) -> Vec<u8> {
    postcard::to_allocvec(outcome).unwrap_or_default()
}

pub fn decode_outcome(bytes: &[u8], file: &str) -> Result<Made, ReportError> {
    postcard::from_bytes(bytes).unwrap_or_else(|e| Err(ReportError::writing(file, e)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::rules::DEFAULT_RULES;

    #[test]
    fn a_job_and_its_outcome_survive_the_trip_to_the_worker() {
        let job = Job::Template { rules: DEFAULT_RULES.to_string() };
        let back = Job::decode(&job.encode()).unwrap();
        assert_eq!(back, job);
        let made = back.run(None, &RuleSet::from_toml(back.rules()).unwrap(), "2026-12-07T00:00:00Z").unwrap();
        assert_eq!(made.file, "chiso-mau-so-lieu.xlsx");
        assert_eq!(made.mime, XLSX_MIME);
        // An xlsx is a zip: it starts with the local file header's signature.
        assert_eq!(&made.bytes[..4], b"PK\x03\x04");
        assert_eq!(decode_outcome(&encode_outcome(&Ok(made.clone())), "x"), Ok(made));
    }

    #[test]
    fn a_broken_answer_is_said_as_the_file_not_made() {
        let outcome = decode_outcome(&[0xff, 0xff], "chiso-ket-qua.xlsx");
        assert!(matches!(outcome, Err(ReportError::Write { file, .. }) if file == "chiso-ket-qua.xlsx"));
    }
}
