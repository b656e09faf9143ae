//! The period a dossier list is scored over: a month, a quarter, a year or a range of days
//! (`DossierList::window` infers it: by default the month in which most dossiers were received).

use chrono::{Datelike, NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

use crate::core::model::lang::Lang;
use crate::core::model::period::Period;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Window {
    Month {
        year: i32,
        month: u32,
    },
    Quarter {
        year: i32,
        quarter: u32,
    },
    Year(i32),
    /// From the first day to the last, both included.
    Days {
        from: NaiveDate,
        to: NaiveDate,
    },
}

/// The kinds of window a user can choose.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WindowKind {
    Month,
    Quarter,
    Year,
    Days,
}

impl WindowKind {
    pub const ALL: [WindowKind; 4] = [WindowKind::Month, WindowKind::Quarter, WindowKind::Year, WindowKind::Days];

    /// The value a select carries.
    pub fn code(self) -> &'static str {
        match self {
            WindowKind::Month => "month",
            WindowKind::Quarter => "quarter",
            WindowKind::Year => "year",
            WindowKind::Days => "days",
        }
    }

    /// The kind a select's value names; a month for anything else.
    pub fn from_code(code: &str) -> WindowKind {
        WindowKind::ALL.into_iter().find(|k| k.code() == code).unwrap_or(WindowKind::Month)
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            WindowKind::Month => lang.pick("Tháng", "Month"),
            WindowKind::Quarter => lang.pick("Quý", "Quarter"),
            WindowKind::Year => lang.pick("Năm", "Year"),
            WindowKind::Days => lang.pick("Khoảng ngày", "Range of days"),
        }
    }
}

/// Dossiers received outside the window, and those with no receipt date at all.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Outside {
    pub before: usize,
    pub after: usize,
    pub undated: usize,
}

impl Outside {
    pub fn total(&self) -> usize {
        self.before + self.after + self.undated
    }

    /// «Ngoài kỳ, không tính: 2 tiếp nhận trước kỳ, 0 sau kỳ, 0 không có ngày tiếp nhận.»
    pub fn text(&self, lang: Lang) -> String {
        match lang {
            Lang::Vi => format!(
                "Ngoài kỳ, không tính: {} tiếp nhận trước kỳ, {} sau kỳ, {} không có ngày tiếp nhận.",
                self.before, self.after, self.undated
            ),
            Lang::En => format!(
                "Outside the period, not counted: {} received before, {} after, {} with no receipt date.",
                self.before, self.after, self.undated
            ),
        }
    }
}

impl Window {
    /// The window from `from` to `to`: a whole month, quarter or year as that, else the days.
    pub fn of_days(from: NaiveDate, to: NaiveDate) -> Window {
        let whole = [
            Window::Month { year: from.year(), month: from.month() },
            Window::Quarter { year: from.year(), quarter: from.month().div_ceil(3) },
            Window::Year(from.year()),
        ];
        whole.into_iter().find(|w| w.first_day() == from && w.last_day() == to).unwrap_or(Window::Days { from, to })
    }

    pub fn kind(&self) -> WindowKind {
        match self {
            Window::Month { .. } => WindowKind::Month,
            Window::Quarter { .. } => WindowKind::Quarter,
            Window::Year(_) => WindowKind::Year,
            Window::Days { .. } => WindowKind::Days,
        }
    }

    /// The window of `kind` that holds this one's first day (a range of days keeps this one's days).
    pub fn as_kind(&self, kind: WindowKind) -> Window {
        let day = self.first_day();
        match kind {
            WindowKind::Month => Window::Month { year: day.year(), month: day.month() },
            WindowKind::Quarter => Window::Quarter { year: day.year(), quarter: day.month().div_ceil(3) },
            WindowKind::Year => Window::Year(day.year()),
            WindowKind::Days => Window::Days { from: day, to: self.last_day() },
        }
    }

    /// This window with its first (or, with `end`, its last) day moved to `day`; `None` when the
    /// range would run backwards.
    pub fn with_day(&self, day: NaiveDate, end: bool) -> Option<Window> {
        let (from, to) = if end { (self.first_day(), day) } else { (day, self.last_day()) };
        (from <= to).then_some(Window::Days { from, to })
    }

    pub fn first_day(&self) -> NaiveDate {
        let day = |y: i32, m: u32| NaiveDate::from_ymd_opt(y, m, 1).unwrap_or(NaiveDate::MIN);
        match *self {
            Window::Month { year, month } => day(year, month),
            Window::Quarter { year, quarter } => day(year, 3 * quarter.clamp(1, 4) - 2),
            Window::Year(year) => day(year, 1),
            Window::Days { from, .. } => from,
        }
    }

    pub fn last_day(&self) -> NaiveDate {
        let before = |y: i32, m: u32| {
            let (y, m) = if m > 12 { (y.checked_add(1), 1) } else { (Some(y), m) };
            y.and_then(|y| NaiveDate::from_ymd_opt(y, m, 1)).and_then(|d| d.pred_opt()).unwrap_or(NaiveDate::MAX)
        };
        match *self {
            Window::Month { year, month } => before(year, month + 1),
            Window::Quarter { year, quarter } => before(year, 3 * quarter.clamp(1, 4) + 1),
            Window::Year(year) => before(year, 13),
            Window::Days { to, .. } => to,
        }
    }

    /// The window's last moment: a dossier still open then and due later is not overdue.
    pub fn end(&self) -> NaiveDateTime {
        self.last_day().and_hms_opt(23, 59, 59).unwrap_or(NaiveDateTime::MAX)
    }

    /// Whether a dossier received then counts in the window.
    pub fn contains(&self, received: Option<NaiveDateTime>) -> bool {
        received.is_some_and(|r| (self.first_day()..=self.last_day()).contains(&r.date()))
    }

    /// Whether a dossier received then counts in the window; if not, it is counted in `outside`.
    pub fn place(&self, received: Option<NaiveDateTime>, outside: &mut Outside) -> bool {
        match received.map(|r| r.date()) {
            None => outside.undated += 1,
            Some(d) if d < self.first_day() => outside.before += 1,
            Some(d) if d > self.last_day() => outside.after += 1,
            Some(_) => return true,
        }
        false
    }

    /// The window a dated reporting period covers; `None` for a named one.
    pub fn of_period(period: &Period) -> Option<Window> {
        match *period {
            Period::Month { year, month } => Some(Window::Month { year, month }),
            Period::Quarter { year, quarter } => Some(Window::Quarter { year, quarter }),
            Period::Year(year) => Some(Window::Year(year)),
            Period::Named(_) => None,
        }
    }

    /// The reporting period it is, for sorting and comparing with unit figures.
    pub fn period(&self) -> Period {
        match *self {
            Window::Month { year, month } => Period::Month { year, month },
            Window::Quarter { year, quarter } => Period::Quarter { year, quarter },
            Window::Year(year) => Period::Year(year),
            Window::Days { .. } => Period::Named(self.label(Lang::Vi)),
        }
    }

    pub fn label(&self, lang: Lang) -> String {
        match self {
            Window::Days { from, to } => format!("{}–{}", from.format("%d/%m/%Y"), to.format("%d/%m/%Y")),
            other => other.period().label(lang),
        }
    }

    /// The window written for machines: its period's code, or its days as shown.
    pub fn code(&self) -> String {
        match self {
            Window::Days { .. } => self.label(Lang::Vi),
            other => other.period().code(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn bounds_of_each_kind() {
        let feb = Window::Month { year: 2028, month: 2 };
        assert_eq!((feb.first_day(), feb.last_day()), (day(2028, 2, 1), day(2028, 2, 29)));
        let dec = Window::Month { year: 2026, month: 12 };
        assert_eq!(dec.last_day(), day(2026, 12, 31));
        let q4 = Window::Quarter { year: 2026, quarter: 4 };
        assert_eq!((q4.first_day(), q4.last_day()), (day(2026, 10, 1), day(2026, 12, 31)));
        let q1 = Window::Quarter { year: 2026, quarter: 1 };
        assert_eq!(q1.last_day(), day(2026, 3, 31));
        assert_eq!(Window::Year(2026).last_day(), day(2026, 12, 31));
        let days = Window::Days { from: day(2026, 11, 1), to: day(2026, 11, 15) };
        assert_eq!(days.label(Lang::Vi), "01/11/2026–15/11/2026");
        assert_eq!(days.end(), day(2026, 11, 15).and_hms_opt(23, 59, 59).unwrap());
        assert_eq!(q4.period().label(Lang::Vi), "Quý 4/2026");
        // A year past the calendar's end has no last day: the window runs to the end of time.
        assert_eq!(Window::Year(i32::MAX).last_day(), NaiveDate::MAX);
    }

    #[test]
    fn a_window_changes_kind_around_its_first_day() {
        let nov = Window::Month { year: 2026, month: 11 };
        assert_eq!(nov.as_kind(WindowKind::Quarter), Window::Quarter { year: 2026, quarter: 4 });
        assert_eq!(nov.as_kind(WindowKind::Year), Window::Year(2026));
        assert_eq!(nov.as_kind(WindowKind::Days), Window::Days { from: day(2026, 11, 1), to: day(2026, 11, 30) });
        let q1 = Window::Quarter { year: 2027, quarter: 1 };
        assert_eq!(q1.as_kind(WindowKind::Month), Window::Month { year: 2027, month: 1 });
        assert_eq!(nov.kind(), WindowKind::Month);
        assert_eq!(
            nov.with_day(day(2026, 11, 15), true),
            Some(Window::Days { from: day(2026, 11, 1), to: day(2026, 11, 15) })
        );
        assert_eq!(nov.with_day(day(2026, 12, 2), false), None, "a range that runs backwards");
        for k in WindowKind::ALL {
            assert_eq!(WindowKind::from_code(k.code()), k);
        }
        assert_eq!(WindowKind::Days.label(Lang::Vi), "Khoảng ngày");
    }

    #[test]
    fn a_stated_range_is_its_month_quarter_or_year_when_whole() {
        assert_eq!(Window::of_days(day(2026, 11, 1), day(2026, 11, 30)), Window::Month { year: 2026, month: 11 });
        assert_eq!(Window::of_days(day(2026, 10, 1), day(2026, 12, 31)), Window::Quarter { year: 2026, quarter: 4 });
        assert_eq!(Window::of_days(day(2026, 1, 1), day(2026, 12, 31)), Window::Year(2026));
        let circular = Window::of_days(day(2026, 10, 15), day(2026, 11, 14));
        assert_eq!(circular, Window::Days { from: day(2026, 10, 15), to: day(2026, 11, 14) });
    }

    #[test]
    fn placing_counts_what_falls_outside() {
        let nov = Window::Month { year: 2026, month: 11 };
        let mut outside = Outside::default();
        let at = |d: NaiveDate| Some(d.and_hms_opt(16, 30, 0).unwrap());
        assert!(nov.place(at(day(2026, 11, 30)), &mut outside));
        assert!(nov.place(at(day(2026, 11, 1)), &mut outside));
        assert!(!nov.place(at(day(2026, 10, 31)), &mut outside));
        assert!(!nov.place(at(day(2026, 12, 1)), &mut outside));
        assert!(!nov.place(None, &mut outside));
        assert_eq!(outside, Outside { before: 1, after: 1, undated: 1 });
        assert_eq!(
            outside.text(Lang::Vi),
            "Ngoài kỳ, không tính: 1 tiếp nhận trước kỳ, 1 sau kỳ, 1 không có ngày tiếp nhận."
        );
    }
}
