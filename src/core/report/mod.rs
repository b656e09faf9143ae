//! Results as files: JSON (the automation contract's shape), CSV for Excel, and an XLSX workbook
//! with the results and every criterion's figures. Every export names the rule set it used.
//! [`export::Export`] lists them for the app and the CLI; [`error::ReportError`] says why one failed.

pub mod charts;
pub mod csv;
pub mod docx;
pub mod error;
pub mod export;
pub mod fix_list;
pub mod job;
pub mod json;
pub mod letter;
pub mod sheets;
pub mod summary;
pub mod template;
pub mod xlsx;

use crate::core::scoring::Status;

fn status_code(status: Status) -> &'static str {
    match status {
        Status::Ok => "ok",
        Status::NoData => "no_data",
        Status::DataError => "data_error",
    }
}

/// A file name stem that carries the period: "chiso-2026-11-ket-qua". The period is the first
/// unit's `Kỳ` ("11/2026" → "2026-11", "Quý 4/2023" → "2023-q4", "Năm 2026" → "2026").
pub fn file_stem(scores: &crate::core::scoring::Scores, what: &str) -> String {
    let period = scores.units.iter().find_map(|u| u.period.as_ref()).map(|p| p.slug()).filter(|p| !p.is_empty());
    match period {
        Some(p) => format!("chiso-{p}-{what}"),
        None => format!("chiso-{what}"),
    }
}

/// Ratio as a percentage with two decimals, as the portal shows it.
fn percent(ratio: Option<f64>) -> Option<f64> {
    ratio.map(|r| (r * 10_000.0).round() / 100.0)
}
