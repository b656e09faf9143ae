//! The result files chiso writes, one list for the app's buttons and the CLI's `--format`:
//! each with its extension, MIME type and writer.

use super::error::ReportError;
use super::letter::{compose, LetterFields};
use super::{csv, docx, file_stem, json, xlsx};
use crate::core::analysis::Analysis;
use crate::core::insight::alerts::Alert;
use crate::core::insight::compare::Comparison;
use crate::core::rules::RuleSet;
use crate::core::scoring::Scores;

#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Export {
    /// The automation contract's JSON.
    Json,
    /// The results for Excel (UTF-8 with BOM, `;`).
    Csv,
    /// The results and every criterion's figures.
    Xlsx,
    /// The announcement letter and its appendix.
    Docx,
    /// The letter's appendix alone, as a workbook.
    Appendix,
}

/// What the writers draw on. The letter is composed from the user's fields, or is the default
/// letter.
pub struct Sources<'a> {
    pub analysis: &'a Analysis,
    pub rules: &'a RuleSet,
    pub alerts: &'a [Alert],
    pub comparison: Option<&'a Comparison>,
    pub letter: Option<&'a LetterFields>,
    /// When the files are made (ISO 8601): the letter's document properties say it.
    pub made_at: &'a str,
}

pub const XLSX_MIME: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

impl Export {
    pub const ALL: [Export; 5] = [Export::Json, Export::Csv, Export::Xlsx, Export::Docx, Export::Appendix];

    /// The format named as the CLI and the contract name it ("json", "csv", "xlsx", "docx",
    /// "appendix-xlsx").
    pub fn parse(name: &str) -> Option<Export> {
        Export::ALL.into_iter().find(|e| e.code() == name)
    }

    pub fn code(self) -> &'static str {
        match self {
            Export::Appendix => "appendix-xlsx",
            other => other.extension(),
        }
    }

    pub fn extension(self) -> &'static str {
        match self {
            Export::Json => "json",
            Export::Csv => "csv",
            Export::Xlsx | Export::Appendix => "xlsx",
            Export::Docx => "docx",
        }
    }

    pub fn mime(self) -> &'static str {
        match self {
            Export::Json => "application/json",
            Export::Csv => "text/csv",
            Export::Xlsx | Export::Appendix => XLSX_MIME,
            Export::Docx => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        }
    }

    /// "chiso-2026-11-ket-qua.xlsx"; the letter is "…-cong-bo.docx".
    pub fn file_name(self, from: &Sources) -> String {
        self.file_name_for(&from.analysis.scores)
    }

    pub fn file_name_for(self, scores: &Scores) -> String {
        let what = match self {
            Export::Docx => "cong-bo",
            Export::Appendix => "phu-luc",
            _ => "ket-qua",
        };
        format!("{}.{}", file_stem(scores, what), self.extension())
    }

    pub fn write(self, from: &Sources) -> Result<Vec<u8>, ReportError> {
        let failed = |detail: String| ReportError::Write { file: self.file_name(from), detail };
        match self {
            Export::Json | Export::Csv => Ok(self.write_text(from).unwrap_or_default()),
            Export::Xlsx => xlsx::to_bytes(from.analysis, from.rules).map_err(|e| failed(e.to_string())),
            Export::Docx => docx::to_bytes(&from.letter(), from.made_at).map_err(failed),
            Export::Appendix => super::sheets::appendix(&from.letter()).map_err(|e| failed(e.to_string())),
        }
    }

    /// The text formats, which need no writer crate: the engine worker makes these itself (and
    /// calls only this, so that it links no writer); the documents wait for the writer worker.
    /// `None` for a document.
    pub fn write_text(self, from: &Sources) -> Option<Vec<u8>> {
        match self {
            Export::Json => Some(json::to_string(from.analysis, from.rules, from.alerts, from.comparison).into_bytes()),
            Export::Csv => Some(csv::to_bytes(from.analysis, from.rules)),
            Export::Xlsx | Export::Docx | Export::Appendix => None,
        }
    }

    /// Whether [`Export::write_text`] makes it.
    pub fn is_text(self) -> bool {
        matches!(self, Export::Json | Export::Csv)
    }
}

impl Sources<'_> {
    /// The letter of the user's fields, or the default letter.
    fn letter(&self) -> super::letter::Letter {
        let analysis = self.analysis;
        match self.letter {
            Some(fields) => compose(fields, &analysis.scores, analysis.before(), self.rules),
            None => super::letter::compose_default(&analysis.scores, self.rules),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_format_is_found_by_its_extension() {
        for export in Export::ALL {
            assert_eq!(Export::parse(export.code()), Some(export));
        }
        assert_eq!(Export::parse("pdf"), None);
        assert_eq!(Export::Xlsx.mime(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    }
}
