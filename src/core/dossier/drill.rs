//! The drill-down behind a shortfall: which criteria a list can be drilled on, and the dossiers
//! of one unit that count against one criterion, each with its reasons, filtered and sorted as
//! the user asks.

use std::cmp::Ordering;

use chrono::NaiveDateTime;

use super::list::Dossier;
use super::tally::shortfalls;
use super::units::DossierTable;
use crate::core::model::lang::Lang;
use crate::core::model::text::fold_words;
use crate::core::rules::{Criterion, Measure, RuleSet};

/// What the drill-down table can be sorted by.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DrillKey {
    Row,
    Id,
    Procedure,
    Received,
    Due,
    Reason,
}

impl DrillKey {
    /// The column heading, on screen and as the sort button's stable name.
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            DrillKey::Row => lang.pick("Dòng", "Row"),
            DrillKey::Id => lang.pick("Mã hồ sơ", "Dossier"),
            DrillKey::Procedure => lang.pick("Thủ tục", "Procedure"),
            DrillKey::Received => lang.pick("Ngày tiếp nhận", "Received"),
            DrillKey::Due => lang.pick("Ngày hẹn trả", "Due"),
            DrillKey::Reason => lang.pick("Lý do", "Reason"),
        }
    }
}

/// The sort in force: a key and its direction. Choosing the key in force again turns it round;
/// another key starts ascending.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DrillSort {
    pub key: DrillKey,
    pub ascending: bool,
}

impl Default for DrillSort {
    fn default() -> DrillSort {
        DrillSort { key: DrillKey::Row, ascending: true }
    }
}

impl DrillSort {
    pub fn choose(self, key: DrillKey) -> DrillSort {
        DrillSort { key, ascending: self.key != key || !self.ascending }
    }

    /// The column's `aria-sort` value.
    pub fn aria(self, key: DrillKey) -> &'static str {
        match (self.key == key, self.ascending) {
            (false, _) => "none",
            (true, true) => "ascending",
            (true, false) => "descending",
        }
    }

    /// The arrow after the heading of the column in force.
    pub fn arrow(self, key: DrillKey) -> &'static str {
        match (self.key == key, self.ascending) {
            (false, _) => "",
            (true, true) => " ▲",
            (true, false) => " ▼",
        }
    }
}

/// One dossier counted against the criterion.
#[derive(Clone, Debug)]
pub struct DrillRow<'a> {
    pub dossier: &'a Dossier,
    pub procedure: &'a str,
    /// Every reason, joined: «Hoàn thành quá hạn 1 ngày; …».
    pub reasons: String,
    /// Whether every reason can still be put right this period.
    pub fixable: bool,
}

/// The criteria a list can be drilled on: counted from its dossiers with a numerator column the
/// list has. A procedure-level numerator (procedures with an online dossier) names no dossier.
pub fn drillable<'r>(rules: &'r RuleSet, table: &DossierTable) -> Vec<&'r Criterion> {
    rules
        .criteria
        .iter()
        .filter(|c| {
            c.dossiers.numerator.is_some_and(|m| table.list.mapping.can_count(m))
                && c.dossiers.numerator != Some(Measure::ProceduresOnline)
        })
        .collect()
}

/// What a choice becomes on another list: kept when the list has it, else `preferred` (the user's
/// own unit) when the list has that, else the list's first; none on an empty list.
pub fn kept_or_first<'o>(options: &'o [String], current: &str, preferred: Option<&str>) -> Option<&'o String> {
    let find = |wanted: &str| options.iter().find(|o| *o == wanted);
    find(current).or_else(|| preferred.and_then(find)).or_else(|| options.first())
}

/// The dossiers of `unit` counted against `criterion` whose number, procedure or reasons hold
/// `filter` (without regard to case or diacritics), in the order of `sort`.
pub fn drill<'a>(
    table: &'a DossierTable,
    unit: u32,
    criterion: &Criterion,
    filter: &str,
    sort: DrillSort,
    lang: Lang,
) -> Vec<DrillRow<'a>> {
    let needle = fold_words(filter);
    let mut rows: Vec<DrillRow<'a>> = shortfalls(&table.list, &table.tally, unit, &criterion.dossiers)
        .into_iter()
        .map(|(d, reasons)| DrillRow {
            dossier: d,
            procedure: table.list.procedure_name(d.procedure),
            reasons: reasons.iter().map(|r| r.text(lang)).collect::<Vec<_>>().join("; "),
            fixable: reasons.iter().all(|r| r.fixable()),
        })
        .filter(|r| {
            needle.is_empty()
                || fold_words(&format!("{} {} {}", r.dossier.id, r.procedure, r.reasons)).contains(&needle)
        })
        .collect();
    let date = |d: Option<NaiveDateTime>, e: Option<NaiveDateTime>| d.cmp(&e);
    rows.sort_by(|a, b| {
        let (x, y) = (a.dossier, b.dossier);
        let order: Ordering = match sort.key {
            DrillKey::Row => x.row.cmp(&y.row),
            DrillKey::Id => x.id.cmp(&y.id),
            DrillKey::Procedure => a.procedure.cmp(b.procedure),
            DrillKey::Received => date(x.received, y.received),
            DrillKey::Due => date(x.due, y.due),
            DrillKey::Reason => a.reasons.cmp(&b.reasons),
        };
        if sort.ascending {
            order
        } else {
            order.reverse()
        }
    });
    rows
}

/// A date as the drill-down and its users write it: «12/11/2026 17:00», midnight left off.
pub fn date_text(d: Option<NaiveDateTime>) -> String {
    d.map(|d| d.format("%d/%m/%Y %H:%M").to_string().trim_end_matches(" 00:00").to_string()).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    #[test]
    fn choosing_a_key_twice_turns_it_round() {
        let s = DrillSort::default().choose(DrillKey::Due);
        assert_eq!(
            (s.key, s.ascending, s.aria(DrillKey::Due), s.arrow(DrillKey::Due)),
            (DrillKey::Due, true, "ascending", " ▲")
        );
        let s = s.choose(DrillKey::Due);
        assert_eq!((s.ascending, s.aria(DrillKey::Due), s.arrow(DrillKey::Due)), (false, "descending", " ▼"));
        assert_eq!((s.aria(DrillKey::Row), s.arrow(DrillKey::Row)), ("none", ""));
        assert!(s.choose(DrillKey::Id).ascending, "another key starts ascending");
    }

    #[test]
    fn a_choice_is_kept_else_mine_else_the_first() {
        let units = ["Xã An".to_string(), "Xã Bình".to_string(), "Phường Cường".to_string()];
        assert_eq!(kept_or_first(&units, "Xã Bình", Some("Phường Cường")).unwrap(), "Xã Bình");
        assert_eq!(kept_or_first(&units, "Xã Khác", Some("Phường Cường")).unwrap(), "Phường Cường");
        assert_eq!(kept_or_first(&units, "", Some("Xã Khác")).unwrap(), "Xã An");
        assert_eq!(kept_or_first(&units, "", None).unwrap(), "Xã An");
        assert_eq!(kept_or_first(&[], "Xã An", Some("Xã An")), None);
    }

    #[test]
    fn dates_leave_midnight_off() {
        let day = NaiveDate::from_ymd_opt(2026, 11, 12).unwrap();
        assert_eq!(date_text(day.and_hms_opt(17, 0, 0)), "12/11/2026 17:00");
        assert_eq!(date_text(day.and_hms_opt(0, 0, 0)), "12/11/2026");
        assert_eq!(date_text(None), "");
    }
}
