//! What the lines above a table say: the reporting unit («Đơn vị báo cáo: …») and the period
//! («Kỳ báo cáo: Tháng 11/2026», «Từ ngày 15/10/2026 đến ngày 14/11/2026»), as report forms and
//! one-stop exports print them.

use chrono::{Datelike, NaiveDate};

use crate::core::layout::header_rows::cell_text;
use crate::core::model::period::Period;
use crate::core::model::table::Sheet;
use crate::core::model::text::fold_words;
use crate::core::model::window::Window;

/// What the title block says.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Title {
    /// «Đơn vị báo cáo: …».
    pub reporter: Option<String>,
    /// «Kỳ báo cáo: …» or «Từ ngày … đến ngày …».
    pub period: Option<Period>,
    /// «Từ ngày … đến ngày …»: the first two dates of a line.
    pub range: Option<(NaiveDate, NaiveDate)>,
}

/// The title block above the header: the reporting unit and the period.
pub fn title(sheet: &Sheet, above: usize) -> Title {
    let mut title = Title::default();
    let mut range = None;
    for r in 0..above {
        let Some(cells) = sheet.row(r) else { break };
        let line = cells.iter().map(|c| cell_text(Some(c))).filter(|t| !t.is_empty()).collect::<Vec<_>>().join(" ");
        let bare = line.trim_start_matches(['-', '–', '•', ' ']);
        let words = fold_words(bare);
        let after_colon = || bare.split_once(':').map(|(_, rest)| rest.trim().to_string()).filter(|t| !t.is_empty());
        if words.starts_with("don vi bao cao") {
            title.reporter = title.reporter.or_else(after_colon);
        } else if words.starts_with("ky bao cao") {
            let named = after_colon().map(|t| t.split('(').next().unwrap_or("").trim().to_string());
            title.period = title.period.or_else(|| named.as_deref().and_then(Period::find_in));
        }
        range = range.or_else(|| date_range(&line));
    }
    title.period = title.period.or_else(|| range.map(|(from, to)| period_of_range(from, to)));
    title.range = range;
    title
}

/// «Từ ngày 15/10/2026 đến ngày 14/11/2026»: the first two dates of a line.
fn date_range(line: &str) -> Option<(NaiveDate, NaiveDate)> {
    let dates: Vec<NaiveDate> = line
        .split(|c: char| !(c.is_ascii_digit() || c == '/'))
        .filter_map(|w| NaiveDate::parse_from_str(w, "%d/%m/%Y").ok())
        .collect();
    match dates.as_slice() {
        [from, to, ..] if from <= to => Some((*from, *to)),
        _ => None,
    }
}

/// The reporting period a range of days is: a whole month, quarter or year as that, else its
/// days. Thông tư 01/2020/TT-VPCP closes a month's report on the 14th: 15 October to 14 November
/// is November's, and a quarter or a year likewise.
fn period_of_range(from: NaiveDate, to: NaiveDate) -> Period {
    if from.day() == 15 && to.day() == 14 {
        let months = (to.year() - from.year()) * 12 + to.month() as i32 - from.month() as i32;
        let (year, month) = (to.year(), to.month());
        match months {
            1 => return Period::Month { year, month },
            3 if month % 3 == 0 => return Period::Quarter { year, quarter: month / 3 },
            12 if month == 12 => return Period::Year(year),
            _ => {}
        }
    }
    Window::of_days(from, to).period()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn periods_of_ranges_as_the_circular_closes_them() {
        assert_eq!(period_of_range(day(2026, 10, 15), day(2026, 11, 14)), Period::Month { year: 2026, month: 11 });
        assert_eq!(period_of_range(day(2026, 11, 1), day(2026, 11, 30)), Period::Month { year: 2026, month: 11 });
        assert_eq!(period_of_range(day(2026, 7, 1), day(2026, 9, 30)), Period::Quarter { year: 2026, quarter: 3 });
        assert_eq!(period_of_range(day(2026, 6, 15), day(2026, 9, 14)), Period::Quarter { year: 2026, quarter: 3 });
        assert_eq!(period_of_range(day(2026, 1, 1), day(2026, 12, 31)), Period::Year(2026));
        assert_eq!(period_of_range(day(2026, 11, 3), day(2026, 11, 20)), Period::Named("03/11/2026–20/11/2026".into()));
    }
}
