//! Reporting periods as offices write them ("11/2023", "Tháng 11 năm 2023", "Quý 4/2023",
//! "Năm 2026"), put in order so that two loaded periods can be compared, earlier with later.

use std::cmp::Ordering;

use chrono::NaiveDate;

use crate::core::model::lang::Lang;
use crate::core::model::text::fold_words;

#[derive(Clone, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum Period {
    Month {
        year: i32,
        month: u32,
    },
    Quarter {
        year: i32,
        quarter: u32,
    },
    Year(i32),
    /// Any other label ("Đợt 2"), kept as written; ordered after the dated ones.
    Named(String),
}

impl Period {
    /// The period a `Kỳ` cell or a user's entry names; `None` for a blank one.
    pub fn parse(text: &str) -> Option<Period> {
        let text = text.trim();
        if text.is_empty() {
            return None;
        }
        Some(dated(&fold_words(text)).unwrap_or_else(|| Period::Named(text.to_string())))
    }

    /// A period written somewhere in a longer text, such as a file name
    /// ("bao-cao-thang-11-2023.xlsx", "KetQua_2023-11.xlsx", "quy 4 2023.csv").
    pub fn find_in(text: &str) -> Option<Period> {
        let words = fold_words(text);
        let words: Vec<&str> = words.split(' ').collect();
        (0..words.len()).find_map(|start| {
            let end = (start + 4).min(words.len());
            (start + 1..=end).rev().find_map(|stop| dated(&words[start..stop].join(" ")))
        })
    }

    /// How the period is shown: "11/2023", "Quý 4/2023", "Năm 2026".
    pub fn label(&self, lang: Lang) -> String {
        match (self, lang) {
            (Period::Month { year, month }, _) => format!("{month}/{year}"),
            (Period::Quarter { year, quarter }, Lang::Vi) => format!("Quý {quarter}/{year}"),
            (Period::Quarter { year, quarter }, Lang::En) => format!("Q{quarter} {year}"),
            (Period::Year(year), Lang::Vi) => format!("Năm {year}"),
            (Period::Year(year), Lang::En) => format!("Year {year}"),
            (Period::Named(text), _) => text.clone(),
        }
    }

    /// Its first day; `None` for a named period.
    pub fn first_day(&self) -> Option<NaiveDate> {
        let day = |y: i32, m: u32| NaiveDate::from_ymd_opt(y, m, 1).unwrap_or(NaiveDate::MIN);
        match *self {
            Period::Month { year, month } => Some(day(year, month)),
            Period::Quarter { year, quarter } => Some(day(year, 3 * quarter.clamp(1, 4) - 2)),
            Period::Year(year) => Some(day(year, 1)),
            Period::Named(_) => None,
        }
    }

    /// Its last day (the end of time past the calendar's end); `None` for a named period.
    pub fn last_day(&self) -> Option<NaiveDate> {
        let before = |y: i32, m: u32| {
            let (y, m) = if m > 12 { (y.checked_add(1), 1) } else { (Some(y), m) };
            y.and_then(|y| NaiveDate::from_ymd_opt(y, m, 1)).and_then(|d| d.pred_opt()).unwrap_or(NaiveDate::MAX)
        };
        match *self {
            Period::Month { year, month } => Some(before(year, month + 1)),
            Period::Quarter { year, quarter } => Some(before(year, 3 * quarter.clamp(1, 4) + 1)),
            Period::Year(year) => Some(before(year, 13)),
            Period::Named(_) => None,
        }
    }

    /// The period written for machines (the automation contract): «06/2026», «Q4/2023», «2026».
    pub fn code(&self) -> String {
        match self {
            Period::Month { year, month } => format!("{month:02}/{year}"),
            Period::Quarter { year, quarter } => format!("Q{quarter}/{year}"),
            Period::Year(year) => year.to_string(),
            Period::Named(text) => text.clone(),
        }
    }

    /// The period inside a Vietnamese sentence: "tháng 11/2023", "quý 4/2023", "năm 2026".
    pub fn phrase(&self) -> String {
        match self {
            Period::Month { year, month } => format!("tháng {month}/{year}"),
            Period::Quarter { year, quarter } => format!("quý {quarter}/{year}"),
            Period::Year(year) => format!("năm {year}"),
            Period::Named(text) => format!("kỳ {text}"),
        }
    }

    /// The period just after this one, of the same length; named periods have none.
    pub fn next(&self) -> Option<Period> {
        match self {
            Period::Month { year, month: 12 } => Some(Period::Month { year: year + 1, month: 1 }),
            Period::Month { year, month } => Some(Period::Month { year: *year, month: month + 1 }),
            Period::Quarter { year, quarter: 4 } => Some(Period::Quarter { year: year + 1, quarter: 1 }),
            Period::Quarter { year, quarter } => Some(Period::Quarter { year: *year, quarter: quarter + 1 }),
            Period::Year(year) => Some(Period::Year(year + 1)),
            Period::Named(_) => None,
        }
    }

    /// This earlier period as a letter refers to it from `current`: «tháng trước» when it is the
    /// month just before (and «quý trước», «năm trước»), otherwise by its name («tháng 9/2026»).
    pub fn seen_from(&self, current: Option<&Period>) -> String {
        match (self, current) {
            (Period::Month { .. }, Some(c)) if self.next().as_ref() == Some(c) => "tháng trước".into(),
            (Period::Quarter { .. }, Some(c)) if self.next().as_ref() == Some(c) => "quý trước".into(),
            (Period::Year(_), Some(c)) if self.next().as_ref() == Some(c) => "năm trước".into(),
            _ => self.phrase(),
        }
    }

    /// The period in a file name: "2023-11", "2023-q4", "2026", "dot-2".
    pub fn slug(&self) -> String {
        match self {
            Period::Month { year, month } => format!("{year}-{month:02}"),
            Period::Quarter { year, quarter } => format!("{year}-q{quarter}"),
            Period::Year(year) => year.to_string(),
            Period::Named(text) => fold_words(text).replace(' ', "-"),
        }
    }

    /// Where the period ends, as (year, month), for ordering; named periods have none.
    fn end(&self) -> Option<(i32, u32)> {
        match self {
            Period::Month { year, month } => Some((*year, *month)),
            Period::Quarter { year, quarter } => Some((*year, quarter * 3)),
            Period::Year(year) => Some((*year, 12)),
            Period::Named(_) => None,
        }
    }

    /// Longer periods after shorter ones ending in the same month (11/2023 < Quý 4/2023 < Năm 2023).
    fn span(&self) -> u8 {
        match self {
            Period::Month { .. } => 0,
            Period::Quarter { .. } => 1,
            Period::Year(_) => 2,
            Period::Named(_) => 3,
        }
    }
}

impl Ord for Period {
    fn cmp(&self, other: &Self) -> Ordering {
        match (self.end(), other.end()) {
            (Some(a), Some(b)) => a.cmp(&b).then(self.span().cmp(&other.span())),
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (None, None) => self.label(Lang::Vi).cmp(&other.label(Lang::Vi)),
        }
    }
}

impl PartialOrd for Period {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

fn year(word: &str) -> Option<i32> {
    (word.len() == 4).then(|| word.parse().ok()).flatten().filter(|y| (1990..=2100).contains(y))
}

fn number_in(word: &str, range: std::ops::RangeInclusive<u32>) -> Option<u32> {
    (word.len() <= 2).then(|| word.parse().ok()).flatten().filter(|n| range.contains(n))
}

/// A dated period in folded words, the whole text and nothing else: "11 2023", "thang 11 nam 2023",
/// "t11 2023", "2023 11", "quy 4 2023", "q4 2023", "quy iv 2023", "nam 2026", "2026".
fn dated(words: &str) -> Option<Period> {
    let words: Vec<&str> =
        words.split(' ').filter(|w| !matches!(*w, "nam" | "ky" | "thang" | "year" | "month")).collect();
    let roman = |w: &str| ["i", "ii", "iii", "iv"].iter().position(|r| *r == w).map(|i| i as u32 + 1);
    let quarter = |w: &str| number_in(w, 1..=4).or_else(|| roman(w));
    match words.as_slice() {
        [y] => year(y).map(Period::Year),
        [q, n, y] if matches!(*q, "quy" | "quarter") => Some(Period::Quarter { year: year(y)?, quarter: quarter(n)? }),
        [q, y] if q.starts_with("quy") => Some(Period::Quarter { year: year(y)?, quarter: quarter(&q[3..])? }),
        [q, y] if q.starts_with('q') && q.len() > 1 => {
            Some(Period::Quarter { year: year(y)?, quarter: quarter(&q[1..])? })
        }
        [m, y] if m.starts_with('t') && m.len() > 1 => {
            Some(Period::Month { year: year(y)?, month: number_in(&m[1..], 1..=12)? })
        }
        [m, y] if year(y).is_some() => Some(Period::Month { year: year(y)?, month: number_in(m, 1..=12)? }),
        [y, m] => Some(Period::Month { year: year(y)?, month: number_in(m, 1..=12)? }),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn month(year: i32, month: u32) -> Option<Period> {
        Some(Period::Month { year, month })
    }

    #[test]
    fn periods_as_offices_write_them() {
        assert_eq!(Period::parse("11/2023"), month(2023, 11));
        assert_eq!(Period::parse("3/2026"), month(2026, 3));
        assert_eq!(Period::parse("T11/2023"), month(2023, 11));
        assert_eq!(Period::parse("Tháng 11 năm 2023"), month(2023, 11));
        assert_eq!(Period::parse("Tháng 11/2023"), month(2023, 11));
        assert_eq!(Period::parse("2023-11"), month(2023, 11));
        assert_eq!(Period::parse("Quý 4/2023"), Some(Period::Quarter { year: 2023, quarter: 4 }));
        assert_eq!(Period::parse("Quý IV năm 2023"), Some(Period::Quarter { year: 2023, quarter: 4 }));
        assert_eq!(Period::parse("Q4/2023"), Some(Period::Quarter { year: 2023, quarter: 4 }));
        assert_eq!(Period::parse("Quý4/2023"), Some(Period::Quarter { year: 2023, quarter: 4 }));
        assert_eq!(Period::parse("Năm 2026"), Some(Period::Year(2026)));
        assert_eq!(Period::parse("Đợt 2"), Some(Period::Named("Đợt 2".into())));
        assert_eq!(Period::parse("13/2023"), Some(Period::Named("13/2023".into())));
        assert_eq!(Period::parse("  "), None);
    }

    #[test]
    fn periods_in_file_names() {
        assert_eq!(Period::find_in("bao-cao-thang-11-2023.xlsx"), month(2023, 11));
        assert_eq!(Period::find_in("KetQua_2023-10.xlsx"), month(2023, 10));
        assert_eq!(Period::find_in("chiso T9 2026 (2).csv"), month(2026, 9));
        assert_eq!(Period::find_in("so lieu quy 3 2026.xlsx"), Some(Period::Quarter { year: 2026, quarter: 3 }));
        assert_eq!(Period::find_in("don-vi.xlsx"), None);
    }

    #[test]
    fn labels_and_slugs() {
        let q = Period::Quarter { year: 2023, quarter: 4 };
        assert_eq!(q.label(Lang::Vi), "Quý 4/2023");
        assert_eq!(q.label(Lang::En), "Q4 2023");
        assert_eq!(q.slug(), "2023-q4");
        assert_eq!(Period::parse("03/2026").unwrap().label(Lang::Vi), "3/2026");
        // For machines, as the automation contract writes periods, and read back the same.
        for (text, code) in [("3/2026", "03/2026"), ("Quý 4/2023", "Q4/2023"), ("Năm 2026", "2026"), ("Đợt 2", "Đợt 2")]
        {
            let period = Period::parse(text).unwrap();
            assert_eq!(period.code(), code);
            assert_eq!(Period::parse(code), Some(period));
        }
        assert_eq!(Period::parse("3/2026").unwrap().slug(), "2026-03");
        assert_eq!(Period::Year(2026).slug(), "2026");
        assert_eq!(Period::parse("Đợt 2").unwrap().slug(), "dot-2");
    }

    #[test]
    fn the_period_before_is_named_as_a_letter_does() {
        let (nov, dec, jan) = (month(2026, 11).unwrap(), month(2026, 12).unwrap(), month(2027, 1).unwrap());
        assert_eq!(nov.seen_from(Some(&dec)), "tháng trước");
        assert_eq!(dec.seen_from(Some(&jan)), "tháng trước");
        assert_eq!(nov.seen_from(Some(&jan)), "tháng 11/2026");
        let q = |quarter| Period::Quarter { year: 2026, quarter };
        assert_eq!(q(3).seen_from(Some(&q(4))), "quý trước");
        assert_eq!(Period::Year(2025).seen_from(Some(&Period::Year(2026))), "năm trước");
        assert_eq!(q(3).seen_from(Some(&dec)), "quý 3/2026");
        assert_eq!(nov.seen_from(None), "tháng 11/2026");
    }

    #[test]
    fn earlier_before_later() {
        let mut periods: Vec<Period> = ["Đợt 2", "Năm 2023", "12/2023", "Quý 4/2023", "11/2023", "1/2024"]
            .iter()
            .filter_map(|t| Period::parse(t))
            .collect();
        periods.sort();
        let labels: Vec<String> = periods.iter().map(|p| p.label(Lang::Vi)).collect();
        assert_eq!(labels, ["11/2023", "12/2023", "Quý 4/2023", "Năm 2023", "1/2024", "Đợt 2"]);
    }
}
