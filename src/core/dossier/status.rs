//! What a dossier's status means, as the rule set says: a dossier never accepted is not a dossier
//! received and leaves every count; one accepted and then refused, stopped or withdrawn stays
//! counted, its processing ended at that event; one in progress is open, whatever finish date its
//! row carries; a status the rule set does not know counts as in progress, and is listed so that
//! the operator can add it.

use std::collections::BTreeMap;
use std::sync::Arc;

use chrono::NaiveDateTime;

use super::list::DossierList;
use crate::core::model::window::Window;
use crate::core::rules::RuleSet;

/// The dossiers a status took out of the counts.
#[derive(Clone, Debug, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct LeftOut {
    /// Per dossier left out: its status (index into the list's statuses) and receipt date.
    dossiers: Vec<(u32, Option<NaiveDateTime>)>,
    /// Receipt dates of the dossiers refused, stopped or withdrawn on no date the list gives:
    /// taken to have ended by their due date.
    #[serde(default)]
    pub ended_undated: Vec<Option<NaiveDateTime>>,
}

/// How many dossiers of one status, and the row of the first.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StatusCount {
    pub status: String,
    pub count: usize,
    pub first_row: u32,
}

/// The list as its statuses make it: left-out dossiers removed, open ones without a finish. A
/// list without a status column is returned as it is.
pub fn apply(list: Arc<DossierList>, rules: &RuleSet) -> (Arc<DossierList>, LeftOut) {
    if list.statuses.is_empty() {
        return (list, LeftOut::default());
    }
    let meaning: Vec<(bool, bool, bool)> = list
        .statuses
        .iter()
        .map(|s| rules.status(s).map_or((true, false, false), |m| (m.counted, m.finished, m.ends)))
        .collect();
    let mut left_out = LeftOut::default();
    let mut kept = Vec::with_capacity(list.dossiers.len());
    for d in &list.dossiers {
        let (counted, finished, ends) = d.status.map_or((true, true, false), |s| meaning[s as usize]);
        // Withdrawn without a receipt date: whether it was ever accepted cannot be told.
        if !counted || (ends && d.received.is_none()) {
            left_out.dossiers.push((d.status.unwrap_or(0), d.received));
            continue;
        }
        let mut d = d.clone();
        if ends {
            d.ended = d.ended.or(d.finished);
            if d.ended.is_none() {
                // No date says when: taken as ended by its due date, and said once.
                d.ended = d.due.or(d.received);
                left_out.ended_undated.push(d.received);
            }
        }
        if !finished {
            d.finished = None;
        }
        kept.push(d);
    }
    (Arc::new(list.with_dossiers(kept)), left_out)
}

impl LeftOut {
    /// Per status, the dossiers received in `window` that it left out, in the list's order of
    /// statuses. Their rows are not kept; `first_row` is 0.
    pub fn in_window(&self, list: &DossierList, window: &Window) -> Vec<StatusCount> {
        let mut counts: BTreeMap<u32, usize> = BTreeMap::new();
        for (status, received) in &self.dossiers {
            if window.contains(*received) {
                *counts.entry(*status).or_default() += 1;
            }
        }
        counts
            .into_iter()
            .map(|(s, count)| StatusCount { status: list.status_name(Some(s)).to_string(), count, first_row: 0 })
            .collect()
    }
}

/// The statuses the rule set does not know, with how many dossiers of the window carry each and
/// the first one's row.
pub fn unknown(list: &DossierList, window: &Window, rules: &RuleSet) -> Vec<StatusCount> {
    let unknown: Vec<bool> = list.statuses.iter().map(|s| rules.status(s).is_none()).collect();
    if !unknown.contains(&true) {
        return Vec::new();
    }
    let mut counts: BTreeMap<u32, (usize, u32)> = BTreeMap::new();
    for d in list.dossiers.iter().filter(|d| window.contains(d.received)) {
        if let Some(s) = d.status.filter(|s| unknown[*s as usize]) {
            counts.entry(s).or_insert((0, d.row)).0 += 1;
        }
    }
    counts
        .into_iter()
        .map(|(s, (count, first_row))| StatusCount { status: list.status_name(Some(s)).to_string(), count, first_row })
        .collect()
}
