//! The action list: for every unit of a dossier list and every criterion counted from its
//! dossiers, the dossiers counted against it, those the unit can still fix, and the points
//! fixing them wins back; ranked by points won.

use std::collections::HashMap;

use super::recover::{action, recover, Recovery};
use super::tally::all_shortfalls;
use super::units::DossierTable;
use crate::core::figures::Figure;
use crate::core::model::lang::Lang;
use crate::core::rules::{FromDossiers, Measure, RuleSet};
use crate::core::scoring::{Scores, UnitResult};

#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Action {
    pub unit: String,
    pub code: String,
    pub measure: Measure,
    pub recovery: Recovery,
}

impl Action {
    pub fn text(&self, rules: &RuleSet, lang: Lang) -> String {
        rules.criterion(&self.code).map(|c| action(self.measure, c, &self.recovery, lang)).unwrap_or_default()
    }
}

/// Per unit, the dossiers counted against a criterion, and how many of them can be fixed.
fn counts(table: &DossierTable, from: &FromDossiers) -> HashMap<u32, (usize, usize)> {
    let mut out: HashMap<u32, (usize, usize)> = HashMap::new();
    for (d, reasons) in all_shortfalls(&table.list, &table.tally, from) {
        let entry = out.entry(d.unit).or_default();
        entry.0 += 1;
        if reasons.iter().all(|r| r.fixable()) {
            entry.1 += 1;
        }
    }
    out
}

/// Every action worth taking, the most points first (then the fewest dossiers).
pub fn actions(table: &DossierTable, scores: &Scores, rules: &RuleSet) -> Vec<Action> {
    let mut out = Vec::new();
    let scored: HashMap<&str, &UnitResult> = scores.units.iter().map(|u| (u.name.as_str(), u)).collect();
    for c in &rules.criteria {
        let Some(numerator) = c.dossiers.numerator.filter(|m| table.list.mapping.can_count(*m)) else { continue };
        for (unit, (against, fixable)) in counts(table, &c.dossiers) {
            let name = &table.names[unit as usize];
            let Some(result) = scored.get(name.as_str()).and_then(|u| u.criterion(&c.code)) else {
                continue;
            };
            let figure = Figure { numerator: result.numerator, denominator: result.denominator, rate: None };
            if let Some(recovery) = recover(c, &figure, against, fixable) {
                out.push(Action { unit: name.clone(), code: c.code.clone(), measure: numerator, recovery });
            }
        }
    }
    out.sort_by(|a, b| {
        b.recovery
            .gain
            .total_cmp(&a.recovery.gain)
            .then(a.recovery.needed.cmp(&b.recovery.needed))
            .then(a.unit.cmp(&b.unit))
            .then(a.code.cmp(&b.code))
    });
    out
}
