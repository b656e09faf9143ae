//! The period a dossier list is scored over: a month, a quarter, a year or a range of days
//! (`DossierList::window` infers it: by default the month in which most dossiers were received).

use chrono::{Datelike, NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

use crate::core::model::lang::Lang;
use crate::core::model::period::Period;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Window {
    /// A month, a quarter or a year (a named period is no window: [`Window::of_period`]).
    Period(Period),
    /// From the first day to the last, both included.
    Days { from: NaiveDate, to: NaiveDate },
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
    pub fn month(year: i32, month: u32) -> Window {
        Window::Period(Period::Month { year, month })
    }

    pub fn quarter(year: i32, quarter: u32) -> Window {
        Window::Period(Period::Quarter { year, quarter })
    }

    pub fn year(year: i32) -> Window {
        Window::Period(Period::Year(year))
    }

    /// The window from `from` to `to`: a whole month, quarter or year as that, else the days.
    pub fn of_days(from: NaiveDate, to: NaiveDate) -> Window {
        let whole = [
            Window::month(from.year(), from.month()),
            Window::quarter(from.year(), from.month().div_ceil(3)),
            Window::year(from.year()),
        ];
        whole.into_iter().find(|w| w.first_day() == from && w.last_day() == to).unwrap_or(Window::Days { from, to })
    }

    pub fn kind(&self) -> WindowKind {
        match self {
            Window::Period(Period::Month { .. }) => WindowKind::Month,
            Window::Period(Period::Quarter { .. }) => WindowKind::Quarter,
            Window::Period(Period::Year(_)) => WindowKind::Year,
            Window::Period(Period::Named(_)) | Window::Days { .. } => WindowKind::Days,
        }
    }

    /// The window of `kind` that holds this one's first day (a range of days keeps this one's days).
    pub fn as_kind(&self, kind: WindowKind) -> Window {
        let day = self.first_day();
        match kind {
            WindowKind::Month => Window::month(day.year(), day.month()),
            WindowKind::Quarter => Window::quarter(day.year(), day.month().div_ceil(3)),
            WindowKind::Year => Window::year(day.year()),
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
        match self {
            Window::Period(period) => period.first_day().unwrap_or(NaiveDate::MIN),
            Window::Days { from, .. } => *from,
        }
    }

    pub fn last_day(&self) -> NaiveDate {
        match self {
            Window::Period(period) => period.last_day().unwrap_or(NaiveDate::MAX),
            Window::Days { to, .. } => *to,
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
        period.first_day().map(|_| Window::Period(period.clone()))
    }

    /// The reporting period it is, for sorting and comparing with unit figures.
    pub fn period(&self) -> Period {
        match self {
            Window::Period(period) => period.clone(),
            Window::Days { .. } => Period::Named(self.label(Lang::Vi)),
        }
    }

    pub fn label(&self, lang: Lang) -> String {
        match self {
            Window::Period(period) => period.label(lang),
            Window::Days { from, to } => format!("{}–{}", from.format("%d/%m/%Y"), to.format("%d/%m/%Y")),
        }
    }

    /// The window written for machines: its period's code, or its days as shown.
    pub fn code(&self) -> String {
        match self {
            Window::Period(period) => period.code(),
            Window::Days { .. } => self.label(Lang::Vi),
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
        let feb = Window::month(2028, 2);
        assert_eq!((feb.first_day(), feb.last_day()), (day(2028, 2, 1), day(2028, 2, 29)));
        let dec = Window::month(2026, 12);
        assert_eq!(dec.last_day(), day(2026, 12, 31));
        let q4 = Window::quarter(2026, 4);
        assert_eq!((q4.first_day(), q4.last_day()), (day(2026, 10, 1), day(2026, 12, 31)));
        let q1 = Window::quarter(2026, 1);
        assert_eq!(q1.last_day(), day(2026, 3, 31));
        assert_eq!(Window::year(2026).last_day(), day(2026, 12, 31));
        let days = Window::Days { from: day(2026, 11, 1), to: day(2026, 11, 15) };
        assert_eq!(days.label(Lang::Vi), "01/11/2026–15/11/2026");
        assert_eq!(days.end(), day(2026, 11, 15).and_hms_opt(23, 59, 59).unwrap());
        assert_eq!(q4.period().label(Lang::Vi), "Quý 4/2026");
        // A year past the calendar's end has no last day: the window runs to the end of time.
        assert_eq!(Window::year(i32::MAX).last_day(), NaiveDate::MAX);
    }

    #[test]
    fn a_window_changes_kind_around_its_first_day() {
        let nov = Window::month(2026, 11);
        assert_eq!(nov.as_kind(WindowKind::Quarter), Window::quarter(2026, 4));
        assert_eq!(nov.as_kind(WindowKind::Year), Window::year(2026));
        assert_eq!(nov.as_kind(WindowKind::Days), Window::Days { from: day(2026, 11, 1), to: day(2026, 11, 30) });
        let q1 = Window::quarter(2027, 1);
        assert_eq!(q1.as_kind(WindowKind::Month), Window::month(2027, 1));
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
        assert_eq!(Window::of_days(day(2026, 11, 1), day(2026, 11, 30)), Window::month(2026, 11));
        assert_eq!(Window::of_days(day(2026, 10, 1), day(2026, 12, 31)), Window::quarter(2026, 4));
        assert_eq!(Window::of_days(day(2026, 1, 1), day(2026, 12, 31)), Window::year(2026));
        let circular = Window::of_days(day(2026, 10, 15), day(2026, 11, 14));
        assert_eq!(circular, Window::Days { from: day(2026, 10, 15), to: day(2026, 11, 14) });
    }

    #[test]
    fn placing_counts_what_falls_outside() {
        let nov = Window::month(2026, 11);
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
