//! A dossier list as units to score: its tally over the window becomes one row per unit. The
//! figures dossiers cannot give (procedure-level and petition criteria) come from the other
//! sources of the month (see `figures::sources`).

use std::collections::BTreeMap;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use super::list::DossierList;
use super::status::{self, LeftOut};
use super::tally::{figures, tally, Tally};
use crate::core::figures::{Issue, IssueKind, Place, UnitRow};
use crate::core::model::format::number;
use crate::core::model::lang::Lang;
use crate::core::model::text::fold_words;
use crate::core::model::window::Window;
use crate::core::rules::{Measure, RuleSet};

pub use crate::core::figures::sources::Typed;

/// One unit's tracked figures in a list's window; `None` where the list has no column for it.
#[derive(Clone, Debug, PartialEq)]
pub struct UnitLine {
    pub name: String,
    pub received: f64,
    pub completed: Option<f64>,
    pub average_days: Option<f64>,
    pub on_time: Option<f64>,
}

impl UnitLine {
    /// «13 (81,25 %)»: on time, and its share of those received.
    pub fn on_time_text(&self) -> Option<String> {
        self.on_time.map(|n| {
            format!("{} ({} %)", number(n, 0), crate::core::model::format::fixed(100.0 * n / self.received.max(1.0), 2))
        })
    }
}

/// A dossier list read into units for one window.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DossierTable {
    pub list: Arc<DossierList>,
    pub tally: Tally,
    /// The window chiso proposed (the one the list's title states, or the month most dossiers
    /// fall in).
    pub inferred: Window,
    /// Each unit index's name as scored: a list without a unit column is one unit, named
    /// after its file.
    pub names: Vec<String>,
    /// The dossiers their status took out of the counts.
    pub left_out: LeftOut,
}

impl DossierTable {
    /// The list as its statuses make it (see [`super::status`]), tallied over `window`, or else
    /// the period its title states (`stated`), or else the month most of its dossiers were
    /// received in; `None` when no dossier has a receipt date.
    pub fn new(
        list: Arc<DossierList>,
        file: &str,
        window: Option<Window>,
        stated: Option<Window>,
        rules: &RuleSet,
    ) -> Option<DossierTable> {
        let (list, left_out) = status::apply(list, rules);
        let inferred = list.window()?;
        let inferred = stated.unwrap_or(inferred);
        let window = window.unwrap_or_else(|| inferred.clone());
        let tally = tally(&list, &window);
        let stem = crate::core::model::table::stem(file).to_string();
        let names = list.units.iter().map(|u| if u.is_empty() { stem.clone() } else { u.clone() }).collect();
        Some(DossierTable { list, tally, inferred, names, left_out })
    }

    /// The index of the unit scored as `name`.
    pub fn unit_index(&self, name: &str) -> Option<u32> {
        let key = fold_words(name);
        self.names.iter().position(|n| fold_words(n) == key).map(|i| i as u32)
    }

    /// One row per unit with dossiers in the window, and what the user must hear: problems in
    /// cells, and dossiers left outside the window.
    pub fn units(&self, file: &str, sheet: &str, rules: &RuleSet) -> (Vec<UnitRow>, Vec<Issue>) {
        let period = self.tally.window.label(Lang::Vi);
        let header_row = self.list.origin.0 + self.list.mapping.header_row + 1;
        let rows = self
            .tally
            .units
            .iter()
            .map(|u| {
                let f = figures(u, &self.list, rules);
                let name = self.names[u.unit as usize].clone();
                UnitRow {
                    name,
                    kind: None,
                    parent: None,
                    period: Some(self.tally.window.period()),
                    source: Place {
                        file: file.to_string(),
                        sheet: sheet.to_string(),
                        row: header_row,
                        column: String::new(),
                    },
                    figures: f.figures,
                    tracked: f.tracked,
                    group_scores: BTreeMap::new(),
                    total_score: None,
                    origins: Default::default(),
                }
            })
            .collect();
        let place = |row: u32, column: &str| Place {
            file: file.to_string(),
            sheet: sheet.to_string(),
            row: row as usize,
            column: column.to_string(),
        };
        let mut issues: Vec<Issue> = self
            .list
            .problems
            .iter()
            .map(|p| Issue { place: place(p.row, &p.column), kind: IssueKind::Dossier(p.kind.clone()) })
            .collect();
        if self.list.problem_count > self.list.problems.len() {
            issues.push(Issue {
                place: place(header_row as u32, ""),
                kind: IssueKind::MoreDossierProblems { count: self.list.problem_count - self.list.problems.len() },
            });
        }
        let window = &self.tally.window;
        for s in self.left_out.in_window(&self.list, window) {
            let kind = IssueKind::StatusLeftOut { status: s.status, count: s.count, period: period.clone() };
            issues.push(Issue { place: place(header_row as u32, &self.status_column()), kind });
        }
        for assumed in super::assumed::assumed(&self.list, &self.left_out, window) {
            issues.push(Issue { place: place(header_row as u32, ""), kind: IssueKind::RuleAssumed(assumed) });
        }
        for s in status::unknown(&self.list, window, rules) {
            let kind = IssueKind::UnknownStatus { status: s.status, count: s.count };
            issues.push(Issue { place: place(s.first_row, &self.status_column()), kind });
        }
        let o = self.tally.outside;
        if o.total() > 0 {
            issues.push(Issue {
                place: place(header_row as u32, ""),
                kind: IssueKind::OutsidePeriod { period, before: o.before, after: o.after, undated: o.undated },
            });
        }
        (rows, issues)
    }
}

impl DossierTable {
    /// «so-ho-so.csv: 44 hồ sơ, 42 hồ sơ tiếp nhận trong kỳ 11/2026, 3 đơn vị.»
    pub fn summary(&self, file: &str, lang: Lang) -> String {
        let received: f64 = self.tally.units.iter().map(|u| u.value(Measure::Received)).sum();
        let (all, units, period) =
            (self.list.dossiers.len() as f64, self.tally.units.len(), self.tally.window.label(lang));
        match lang {
            Lang::Vi => format!(
                "{file}: {} hồ sơ, {} hồ sơ tiếp nhận trong kỳ {period}, {units} đơn vị.",
                number(all, 0),
                number(received, 0)
            ),
            Lang::En => format!("{file}: {all} dossiers, {received} received in {period}, {units} units."),
        }
    }

    /// Each unit's tracked figures in the window, as far as the list's columns give them.
    pub fn unit_lines(&self) -> Vec<UnitLine> {
        let has = |m: Measure| self.list.mapping.can_count(m);
        self.tally
            .units
            .iter()
            .map(|u| {
                let received = u.value(Measure::Received);
                let days = u.value(Measure::AverageDays);
                UnitLine {
                    name: self.names[u.unit as usize].clone(),
                    received,
                    completed: has(Measure::Completed).then(|| u.value(Measure::Completed)),
                    average_days: (has(Measure::AverageDays) && days.is_finite()).then_some(days),
                    on_time: has(Measure::OnTime).then(|| u.value(Measure::OnTime)),
                }
            })
            .collect()
    }

    fn status_column(&self) -> String {
        let column = self.list.mapping.column(super::Field::Status);
        column.map(|c| crate::core::model::format::column_letters(self.list.origin.1 + c)).unwrap_or_default()
    }
}
