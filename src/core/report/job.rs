//! The files the page asks the engine worker to make (`core::engine::protocol` carries the
//! request there and the made file back), so that the page's wasm holds no writer
//! (rust_xlsxwriter, docx-rs, zip): only what a job says. The worker makes them from the results
//! it holds and the rule set it was sent: a job names only what those do not.

use std::sync::Arc;

use serde::{Deserialize, Serialize};

use super::error::ReportError;
use super::export::{Export, Sources, XLSX_MIME};
use super::fix_list;
use super::letter::LetterFields;
use crate::core::analysis::Analysis;
use crate::core::dossier::units::DossierTable;
use crate::core::insight::alerts::Alert;
use crate::core::insight::compare::Comparison;
use crate::core::insight::plan::whole::plan_whole;
use crate::core::report::template;
use crate::core::rules::RuleSet;
use crate::core::scoring::Scores;

/// The sample workbook's file name, as it is downloaded and as it shows once loaded.
pub const SAMPLE_NAME: &str = "chiso-du-lieu-mau-an-hoa.xlsx";
pub const TEMPLATE_NAME: &str = "chiso-mau-so-lieu.xlsx";

/// What the results files are made from: the analysis, the alerts its scores raise, and the
/// comparison with the period before when two are loaded.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Results {
    pub analysis: Analysis,
    pub alerts: Vec<Alert>,
    pub comparison: Option<Comparison>,
}

/// A file to make from the results held and the rule set in use.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Job {
    /// One of the result files; the letter is the user's fields, or the default letter.
    Export { export: Export, letter: Option<Box<LetterFields>> },
    /// The to-fix workbook of the dossier list read from `file`: of one unit, or of every unit
    /// when `unit` is `None`.
    FixList { file: String, unit: Option<String> },
    /// The blank template of unit figures.
    Template,
    /// The sample town's workbook.
    Sample,
    /// The plan for the whole to `target` points, as a workbook.
    WholePlan { target: f64 },
}

/// A made file, ready to be downloaded.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Made {
    pub file: String,
    pub mime: String,
    pub bytes: Vec<u8>,
}

/// The results a job is made from, or why there are none.
fn held<'a>(results: Option<&'a Results>, file: &str) -> Result<&'a Results, ReportError> {
    results.ok_or_else(|| ReportError::writing(file, "no results have been computed yet"))
}

fn sources<'a>(
    results: &'a Results,
    rules: &'a RuleSet,
    letter: Option<&'a LetterFields>,
    made_at: &'a str,
) -> Sources<'a> {
    let Results { analysis, alerts, comparison } = results;
    Sources { analysis, rules, alerts, comparison: comparison.as_ref(), letter, made_at }
}

/// A job with everything it is made from, as the engine worker hands it (through the page) to
/// the writer worker, which alone holds the writer crates: the engine loads without them, and
/// the writer holds no results of its own. Only what the job draws on crosses: of a year's
/// dossier records, those of the list a to-fix workbook is made from, or none.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Writing {
    pub job: Job,
    pub results: Option<Results>,
    pub rules: RuleSet,
    pub made_at: String,
}

impl Writing {
    pub fn new(job: Job, results: Option<&Results>, rules: &RuleSet, made_at: &str) -> Writing {
        let results = results.filter(|_| job.needs_results()).map(|results| {
            let mut wanted = results.clone();
            for table in &mut wanted.analysis.tables {
                let kept = matches!(&job, Job::FixList { file, .. } if *file == table.file);
                if let Some(d) = table.dossiers.as_mut().filter(|_| !kept) {
                    d.list = Arc::new(d.list.with_dossiers(Vec::new()));
                }
            }
            wanted
        });
        Writing { job, results, rules: rules.clone(), made_at: made_at.to_string() }
    }

    pub fn run(&self) -> Result<Made, ReportError> {
        self.job.run(self.results.as_ref(), &self.rules, &self.made_at)
    }
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
            Job::Template => TEMPLATE_NAME.to_string(),
            Job::Sample => SAMPLE_NAME.to_string(),
            Job::WholePlan { .. } => {
                format!("{}.xlsx", super::file_stem(analysis.map_or(&Scores::default(), |a| &a.scores), "ke-hoach"))
            }
        }
    }

    /// Whether it is a text file, which the engine makes without the writer.
    pub fn is_text(&self) -> bool {
        matches!(self, Job::Export { export, .. } if export.is_text())
    }

    /// Whether it is made from the results (the blank template and the sample are not).
    fn needs_results(&self) -> bool {
        !matches!(self, Job::Template | Job::Sample)
    }

    /// Makes a text file (JSON, CSV), which needs no writer crate, from `results`: `None` for
    /// the other jobs, which the writer worker makes ([`Writing`]).
    pub fn run_text(&self, results: Option<&Results>, rules: &RuleSet) -> Option<Result<Made, ReportError>> {
        let Job::Export { export, letter } = self else { return None };
        if !export.is_text() {
            return None;
        }
        let file = self.file_name(results.map(|r| &r.analysis));
        let made = held(results, &file).map(|held| {
            let bytes = export.write_text(&sources(held, rules, letter.as_deref(), "")).unwrap_or_default();
            Made { file: file.clone(), mime: export.mime().to_string(), bytes }
        });
        Some(made)
    }

    /// Makes the file from `results` (the results files need them) with `rules`.
    pub fn run(&self, results: Option<&Results>, rules: &RuleSet, made_at: &str) -> Result<Made, ReportError> {
        let analysis = results.map(|r| &r.analysis);
        let file = self.file_name(analysis);
        let xlsx = |bytes: Result<Vec<u8>, rust_xlsxwriter::XlsxError>| {
            bytes
                .map(|bytes| Made { file: file.clone(), mime: XLSX_MIME.to_string(), bytes })
                .map_err(|e| ReportError::writing(&file, e))
        };
        let held = || held(results, &file);
        match self {
            Job::Export { export, letter } => {
                let bytes = export.write(&sources(held()?, rules, letter.as_deref(), made_at))?;
                Ok(Made { file: file.clone(), mime: export.mime().to_string(), bytes })
            }
            Job::FixList { file: source, unit } => {
                let analysis = &held()?.analysis;
                let table = list_of(analysis, source)
                    .ok_or_else(|| ReportError::writing(&file, format!("no dossier list read from {source}")))?;
                let units: Vec<u32> = unit.as_deref().and_then(|u| table.unit_index(u)).into_iter().collect();
                xlsx(fix_list::to_bytes(table, &units, &analysis.scores, rules, source))
            }
            Job::Template => xlsx(template::template(rules)),
            Job::Sample => xlsx(template::demo(rules)),
            Job::WholePlan { target } => {
                let analysis = &held()?.analysis;
                let fixable = crate::core::insight::plan::fixable_by_unit(analysis);
                let plan = plan_whole(&analysis.scores, rules, *target, &fixable)
                    .ok_or_else(|| ReportError::writing(&file, "no units to plan for"))?;
                xlsx(super::sheets::whole_plan(&plan, rules))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::rules::DEFAULT_RULES;

    #[test]
    fn the_template_needs_no_results_and_an_export_says_it_lacks_them() {
        let rules = RuleSet::from_toml(DEFAULT_RULES).unwrap();
        let made = Job::Template.run(None, &rules, "2026-12-07T00:00:00Z").unwrap();
        assert_eq!(made.file, "chiso-mau-so-lieu.xlsx");
        assert_eq!(made.mime, XLSX_MIME);
        // An xlsx is a zip: it starts with the local file header's signature.
        assert_eq!(&made.bytes[..4], b"PK\x03\x04");
        let export = Job::Export { export: Export::Csv, letter: None };
        // Only the text formats are the engine's to make; every other job is the writer's.
        assert!(export.is_text() && Job::Export { export: Export::Json, letter: None }.is_text());
        assert!(![Job::Template, Job::Sample, Job::Export { export: Export::Docx, letter: None }]
            .iter()
            .any(Job::is_text));
        let refused = export.run(None, &rules, "2026-12-07T00:00:00Z");
        assert!(matches!(refused, Err(ReportError::Write { file, .. }) if file == "chiso-ket-qua.csv"));
    }
}
