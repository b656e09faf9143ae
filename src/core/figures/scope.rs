//! Which tables of a workbook make the month. A portal export holds several tables of different
//! scope, a sheet each (real-formats.md §4: «Điểm năm» and «Điểm tháng» of the 34 provinces, «Sở
//! Ban» and «Xã Phường» of one province): each is read as a table of its own, with the scope its
//! rows have and the period its sheet's name says, and the user chooses which make the month.

use crate::core::figures::sources::level;
use crate::core::figures::UnitRow;
use crate::core::layout::kind::{kind_of, Kind};
use crate::core::model::format::number;
use crate::core::model::lang::Lang;
use crate::core::model::period::Period;
use crate::core::model::text::fold_words;

/// The period a sheet's name gives its rows: one written in it («Tháng 10-2025»), else the file's
/// period narrowed or widened as the name says («Điểm năm» of a file of 10/2025 is the year 2025).
pub fn sheet_period(sheet: &str, file: Option<&Period>) -> Option<Period> {
    if let Some(p) = Period::find_in(sheet) {
        return Some(p);
    }
    let words = fold_words(sheet);
    let has = |w: &str| words.split(' ').any(|x| x == w);
    let (year, month) = match file? {
        Period::Month { year, month } => (*year, Some(*month)),
        Period::Quarter { year, quarter } => (*year, Some(quarter * 3)),
        Period::Year(year) => (*year, None),
        Period::Named(_) => return None,
    };
    if has("nam") {
        Some(Period::Year(year))
    } else if has("quy") {
        month.map(|m| Period::Quarter { year, quarter: m.div_ceil(3) })
    } else {
        None
    }
}

/// What a table's rows are: «34 đơn vị · Cấp tỉnh», «21 đơn vị · Sở, ban, ngành».
pub fn scope(rows: &[UnitRow], lang: Lang) -> String {
    let mut kinds: Vec<(String, usize)> = Vec::new();
    for r in rows {
        let kind = kind_of(&r.name, r.kind.as_deref()).unwrap_or_else(|| lang.pick("khác", "other").to_string());
        match kinds.iter_mut().find(|(k, _)| *k == kind) {
            Some((_, n)) => *n += 1,
            None => kinds.push((kind, 1)),
        }
    }
    kinds.sort_by_key(|k| std::cmp::Reverse(k.1));
    let named: Vec<String> = kinds.iter().take(2).map(|(k, _)| k.clone()).collect();
    match lang {
        Lang::Vi => format!("{} đơn vị · {}", number(rows.len() as f64, 0), named.join(", ")),
        Lang::En => format!("{} units · {}", rows.len(), named.join(", ")),
    }
}

/// One table of a workbook as its card lists it: «Sở Ban: 3 đơn vị · Sở, ban, ngành · kỳ 10/2025».
pub fn table_line(sheet: &str, rows: &[UnitRow], lang: Lang) -> String {
    let period = rows.iter().find_map(|r| r.period.as_ref()).map(|p| p.label(lang));
    match (period, lang) {
        (Some(p), Lang::Vi) => format!("{sheet}: {} · kỳ {p}", scope(rows, lang)),
        (Some(p), Lang::En) => format!("{sheet}: {} · {p}", scope(rows, lang)),
        (None, _) => format!("{sheet}: {}", scope(rows, lang)),
    }
}

/// Only provinces (or province-level cities): the country's table, not one province's month.
fn provinces_only(rows: &[UnitRow]) -> bool {
    !rows.is_empty()
        && rows.iter().all(|r| {
            let stated = r.kind.as_deref().and_then(Kind::stated);
            stated == Some(Kind::Province) || (stated.is_none() && level(&r.name, None) >= 3)
        })
}

/// Which of a workbook's tables make the month when the user has not said: the province's own
/// units before the country's provinces, a month before a longer period; each table alone when it
/// is the only one of its kind.
pub fn default_use(tables: &[(&[UnitRow], Option<&Period>)]) -> Vec<bool> {
    let below_province = tables.iter().any(|(rows, _)| !provinces_only(rows));
    let monthly = |p: Option<&Period>| matches!(p, Some(Period::Month { .. }) | None);
    let any_month = tables.iter().any(|(rows, p)| monthly(*p) && !(below_province && provinces_only(rows)));
    tables.iter().map(|(rows, p)| !(below_province && provinces_only(rows)) && (!any_month || monthly(*p))).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sheet_name_narrows_or_widens_the_file_period() {
        let october = Period::Month { year: 2025, month: 10 };
        assert_eq!(sheet_period("Điểm năm", Some(&october)), Some(Period::Year(2025)));
        assert_eq!(sheet_period("Điểm quý", Some(&october)), Some(Period::Quarter { year: 2025, quarter: 4 }));
        assert_eq!(sheet_period("Điểm tháng", Some(&october)), None, "the file's own period stands");
        assert_eq!(sheet_period("Tháng 9-2025", Some(&october)), Some(Period::Month { year: 2025, month: 9 }));
        assert_eq!(sheet_period("Sở Ban", None), None);
    }
}
