//! Results as files: JSON (the automation contract's shape), CSV for Excel, and an XLSX workbook
//! with the results and every criterion's figures. Every export names the rule set it used.

pub mod charts;
pub mod csv;
pub mod docx;
pub mod json;
pub mod letter;
pub mod xlsx;

use crate::core::lang::Lang;
use crate::core::score::{Source, Status};

fn status_code(status: Status) -> &'static str {
    match status {
        Status::Ok => "ok",
        Status::NoData => "no_data",
        Status::DataError => "data_error",
    }
}

fn status_text(status: Status, lang: Lang) -> &'static str {
    match status {
        Status::Ok => lang.pick("đạt dữ liệu", "ok"),
        Status::NoData => lang.pick("không có dữ liệu", "no data"),
        Status::DataError => lang.pick("lỗi dữ liệu", "data error"),
    }
}

fn source_text(source: &Source, lang: Lang) -> String {
    match (source, lang) {
        (Source::Own, Lang::Vi) => "số liệu của đơn vị".into(),
        (Source::Own, Lang::En) => "own figures".into(),
        (Source::Pooled, Lang::Vi) => "cộng gộp với đơn vị trực thuộc".into(),
        (Source::Pooled, Lang::En) => "pooled with units below".into(),
        (Source::Inherited(from), Lang::Vi) => format!("lấy theo {from}"),
        (Source::Inherited(from), Lang::En) => format!("taken from {from}"),
    }
}

/// A file name stem that carries the period: "chiso-2026-11-ket-qua". The period is the first
/// unit's `Kỳ` ("11/2026" → "2026-11", "Quý 4/2023" → "2023-q4", "Năm 2026" → "2026").
pub fn file_stem(scores: &crate::core::score::Scores, what: &str) -> String {
    let period = scores.units.iter().find_map(|u| u.period.as_deref()).map(period_slug).filter(|p| !p.is_empty());
    match period {
        Some(p) => format!("chiso-{p}-{what}"),
        None => format!("chiso-{what}"),
    }
}

fn period_slug(period: &str) -> String {
    let words = crate::core::text::fold_words(period);
    let numbers: Vec<&str> = words.split(' ').filter(|w| w.chars().all(|c| c.is_ascii_digit())).collect();
    match (words.split(' ').next(), numbers.as_slice()) {
        (Some("quy"), [q, y]) => format!("{y}-q{q}"),
        (Some("nam"), [y]) => y.to_string(),
        (_, [m, y]) if m.len() <= 2 && y.len() == 4 => format!("{y}-{m:0>2}"),
        _ => words.replace(' ', "-"),
    }
}

#[cfg(test)]
mod tests {
    use super::period_slug;

    #[test]
    fn periods_in_file_names() {
        assert_eq!(period_slug("11/2023"), "2023-11");
        assert_eq!(period_slug("3/2026"), "2026-03");
        assert_eq!(period_slug("Quý 4/2023"), "2023-q4");
        assert_eq!(period_slug("Năm 2026"), "2026");
        assert_eq!(period_slug("Tháng 11 năm 2023"), "2023-11");
        assert_eq!(period_slug("Đợt 2"), "dot-2");
    }
}

/// Ratio as a percentage with two decimals, as the portal shows it.
fn percent(ratio: Option<f64>) -> Option<f64> {
    ratio.map(|r| (r * 10_000.0).round() / 100.0)
}
