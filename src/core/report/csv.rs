//! The results table as CSV for Excel: UTF-8 with a BOM, `;` between fields and decimal commas,
//! which is what Excel expects on a Vietnamese Windows. A first line names the rule set; the headers
//! are the groups' names, so chiso reads the file back as a score-only table. Names taken from a
//! file are written so that Excel never runs them as formulas.

use crate::core::analysis::Analysis;
use crate::core::model::format;
use crate::core::rules::RuleSet;

pub fn to_bytes(analysis: &Analysis, rules: &RuleSet) -> Vec<u8> {
    let mut writer = ::csv::WriterBuilder::new()
        .delimiter(b';')
        // The rule set line has one field, the table ten.
        .flexible(true)
        .terminator(::csv::Terminator::CRLF)
        .from_writer(vec![0xEF, 0xBB, 0xBF]);
    // Writing to a Vec cannot fail; a failed record would only drop that line.
    let _ = writer.write_record([format!("Bộ quy tắc: {}", rules.title(crate::core::model::lang::Lang::Vi))]);
    let mut header = vec!["Xếp hạng".to_string(), "Đơn vị".to_string(), "Đơn vị cấp trên".to_string()];
    header.extend(rules.groups.iter().map(|g| g.name.clone()));
    header.extend(["Tổng điểm".to_string(), "Xếp loại".to_string()]);
    let _ = writer.write_record(&header);
    let scores = &analysis.scores;
    for i in scores.ranked_order() {
        let u = &scores.units[i];
        let mut record = vec![
            u.rank.map(|r| r.to_string()).unwrap_or_default(),
            inert(&u.name),
            inert(u.parent.as_deref().unwrap_or_default()),
        ];
        record.extend(u.groups.iter().map(|g| format::fixed(g.score, 2)));
        record.push(format::fixed(u.total, 2));
        record
            .push(crate::core::scoring::band::Band::of(u.total).label(crate::core::model::lang::Lang::Vi).to_string());
        let _ = writer.write_record(&record);
    }
    writer.into_inner().unwrap_or_default()
}

/// A text field Excel will not run: one that begins with `=`, `+`, `-`, `@`, a tab or a carriage
/// return (a unit name taken from a file, `=HYPERLINK(…)`) gets a leading apostrophe, as OWASP
/// advises against CSV injection.
pub fn inert(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::inert;

    #[test]
    fn a_field_excel_would_run_is_made_inert() {
        assert_eq!(inert("=HYPERLINK(\"http://x\";\"y\")"), "'=HYPERLINK(\"http://x\";\"y\")");
        for text in ["+84 1", "-1", "@SUM(A1)", "\tx", "\rx"] {
            assert!(inert(text).starts_with('\''), "{text}");
        }
        assert_eq!(inert("UBND xã A"), "UBND xã A");
        assert_eq!(inert(""), "");
    }
}
