//! Two periods side by side: each unit's change in total, rank and groups, the biggest movers, and
//! the alerts that appeared or cleared between them.

use std::collections::{HashMap, HashSet};

use crate::core::analysis::Analysis;
use crate::core::figures::unit_key;
use crate::core::insight::alerts::{evaluate, Alert, AlertRule};
use crate::core::model::period::Period;
use crate::core::model::text::fold_words;
use crate::core::rules::RuleSet;
use crate::core::scoring::{Scores, UnitResult};

/// A score in both periods; `None` where the unit has no score in that period.
#[derive(Clone, Copy, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Change {
    pub now: Option<f64>,
    pub before: Option<f64>,
}

impl Change {
    /// Now minus before, exact to the hundredth (scores are whole hundredths).
    pub fn delta(&self) -> Option<f64> {
        let hundredths = |x: f64| (x * 100.0).round() as i64;
        Some((hundredths(self.now?) - hundredths(self.before?)) as f64 / 100.0)
    }
}

/// A change in words, as the letter and the summary say it: «tăng 2,35 điểm so với tháng trước»,
/// «giảm 0,4 điểm so với tháng 9/2026», «không đổi so với tháng trước».
pub fn change_phrase(delta: f64, decimals: usize, previous: &Period, current: Option<&Period>) -> String {
    let since = previous.seen_from(current);
    let size = crate::core::model::format::number(delta.abs(), decimals);
    match delta {
        d if d > 0.0 => format!("tăng {size} điểm so với {since}"),
        d if d < 0.0 => format!("giảm {size} điểm so với {since}"),
        _ => format!("không đổi so với {since}"),
    }
}

#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct UnitChange {
    pub name: String,
    pub parent: Option<String>,
    pub total: Change,
    /// Rank among its siblings now and before.
    pub rank: (Option<usize>, Option<usize>),
    /// Rank among the units of its kind now and before.
    pub kind_rank: (Option<usize>, Option<usize>),
    /// Per group code, in rule-set order.
    pub groups: Vec<(String, Change)>,
}

impl UnitChange {
    /// Places gained in the ranking, or within its kind (positive: moved up).
    pub fn places_gained(&self, within_kind: bool) -> Option<i64> {
        let (now, before) = if within_kind { self.kind_rank } else { self.rank };
        Some(before? as i64 - now? as i64)
    }
}

#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Comparison {
    pub current: Period,
    pub previous: Period,
    /// Units in the current ranking's order, then those found only in the earlier period.
    pub units: Vec<UnitChange>,
    /// Raised now, not before, for units in both periods; most points at stake first.
    pub new_alerts: Vec<Alert>,
    /// Raised before, not now, for units in both periods.
    pub cleared_alerts: Vec<Alert>,
}

impl Comparison {
    /// The change of one unit, found by name and parent as written in either period.
    pub fn unit(&self, name: &str, parent: Option<&str>) -> Option<&UnitChange> {
        let key = unit_key(name, parent);
        self.units.iter().find(|u| unit_key(&u.name, u.parent.as_deref()) == key)
    }

    /// The `n` biggest rises and the `n` biggest falls of the total, largest first.
    pub fn movers(&self, n: usize) -> (Vec<&UnitChange>, Vec<&UnitChange>) {
        let mut moved: Vec<(&UnitChange, f64)> =
            self.units.iter().filter_map(|u| Some((u, u.total.delta()?))).filter(|(_, d)| *d != 0.0).collect();
        moved.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.name.cmp(&b.0.name)));
        let rises = moved.iter().filter(|(_, d)| *d > 0.0).take(n).map(|(u, _)| *u).collect();
        let falls = moved.iter().rev().filter(|(_, d)| *d < 0.0).take(n).map(|(u, _)| *u).collect();
        (rises, falls)
    }
}

fn key_of(u: &UnitResult) -> (String, String) {
    unit_key(&u.name, u.parent.as_deref())
}

/// The comparison of the analysis's period with the one before it, when two were loaded.
pub fn compare(analysis: &Analysis, alert_rules: &[AlertRule], rules: &RuleSet) -> Option<Comparison> {
    let current = analysis.period.clone()?;
    let (previous, before) = analysis.previous.as_ref()?;
    let now = &analysis.scores;
    let before_by_key: HashMap<_, &UnitResult> = before.units.iter().map(|u| (key_of(u), u)).collect();
    let now_keys: HashSet<_> = now.units.iter().map(key_of).collect();
    let change = |any: &UnitResult, n: Option<&UnitResult>, b: Option<&UnitResult>| UnitChange {
        name: any.name.clone(),
        parent: any.parent.clone(),
        total: Change { now: n.map(|u| u.total), before: b.map(|u| u.total) },
        rank: (n.and_then(|u| u.rank), b.and_then(|u| u.rank)),
        kind_rank: (n.and_then(|u| u.kind_rank), b.and_then(|u| u.kind_rank)),
        groups: rules
            .groups
            .iter()
            .map(|g| {
                (
                    g.code.clone(),
                    Change {
                        now: n.and_then(|u| u.group(&g.code)).map(|x| x.score),
                        before: b.and_then(|u| u.group(&g.code)).map(|x| x.score),
                    },
                )
            })
            .collect(),
    };
    let mut units: Vec<UnitChange> = now
        .ranked_order()
        .into_iter()
        .map(|i| &now.units[i])
        .map(|u| change(u, Some(u), before_by_key.get(&key_of(u)).copied()))
        .collect();
    units.extend(before.units.iter().filter(|u| !now_keys.contains(&key_of(u))).map(|u| change(u, None, Some(u))));

    let folded = |scores: &Scores| -> HashSet<String> { scores.units.iter().map(|u| fold_words(&u.name)).collect() };
    let (names_now, names_before) = (folded(now), folded(before));
    let in_both = |name: &str| {
        let name = fold_words(name);
        names_now.contains(&name) && names_before.contains(&name)
    };
    let raised = |scores: &Scores| -> Vec<Alert> {
        evaluate(alert_rules, scores, rules).into_iter().filter(|a| in_both(&a.unit)).collect()
    };
    let identity = |a: &Alert| (fold_words(&a.unit), a.rule, a.code().to_string());
    let (alerts_now, alerts_before) = (raised(now), raised(before));
    let ids_now: HashSet<_> = alerts_now.iter().map(identity).collect();
    let ids_before: HashSet<_> = alerts_before.iter().map(identity).collect();
    Some(Comparison {
        current,
        previous: previous.clone(),
        units,
        new_alerts: alerts_now.into_iter().filter(|a| !ids_before.contains(&identity(a))).collect(),
        cleared_alerts: alerts_before.into_iter().filter(|a| !ids_now.contains(&identity(a))).collect(),
    })
}
