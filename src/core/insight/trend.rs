//! Many periods in a row: each unit's total and groups period by period, in period order, with
//! the change against the period before. Two periods are a comparison ([`crate::core::insight::compare`]);
//! a trend needs three or more.

use std::collections::HashMap;

use crate::core::figures::unit_key;
use crate::core::insight::compare::Change;
use crate::core::model::period::Period;
use crate::core::rules::RuleSet;
use crate::core::scoring::{Scores, UnitResult};

/// The fewest periods a trend is drawn for.
pub const MIN_PERIODS: usize = 3;

/// One unit in one period; `None` where it has no score in that period.
#[derive(Clone, Debug, PartialEq)]
pub struct TrendPoint {
    pub period: Period,
    pub total: Option<f64>,
    /// Per group code, in rule-set order.
    pub groups: Vec<(String, Option<f64>)>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct UnitTrend {
    pub name: String,
    pub parent: Option<String>,
    /// The whole the other units make up (unranked).
    pub whole: bool,
    /// One per period of the trend, in period order.
    pub points: Vec<TrendPoint>,
}

impl UnitTrend {
    /// The total of point `i` against the point before it, exact to the hundredth.
    pub fn change(&self, i: usize) -> Option<f64> {
        let before = self.points.get(i.checked_sub(1)?)?.total;
        Change { now: self.points.get(i)?.total, before }.delta()
    }

    /// Each period's total, for a chart.
    pub fn totals(&self) -> Vec<Option<f64>> {
        self.points.iter().map(|p| p.total).collect()
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Trend {
    pub periods: Vec<Period>,
    /// The latest period's units in its ranking's reading order (the whole first), then units
    /// found only in earlier periods.
    pub units: Vec<UnitTrend>,
}

impl Trend {
    pub fn whole(&self) -> Option<&UnitTrend> {
        self.units.iter().find(|u| u.whole)
    }
}

fn point(period: &Period, unit: Option<&UnitResult>, rules: &RuleSet) -> TrendPoint {
    TrendPoint {
        period: period.clone(),
        total: unit.map(|u| u.total),
        groups: rules
            .groups
            .iter()
            .map(|g| (g.code.clone(), unit.and_then(|u| u.group(&g.code)).map(|x| x.score)))
            .collect(),
    }
}

/// The trend over `history` (every period's scores, earliest first); `None` with fewer than
/// [`MIN_PERIODS`] periods.
pub fn trend(history: &[(Period, Scores)], rules: &RuleSet) -> Option<Trend> {
    if history.len() < MIN_PERIODS {
        return None;
    }
    let by_key: Vec<HashMap<(String, String), &UnitResult>> = history
        .iter()
        .map(|(_, s)| s.units.iter().map(|u| (unit_key(&u.name, u.parent.as_deref()), u)).collect())
        .collect();
    let mut seen = std::collections::HashSet::new();
    let mut units = Vec::new();
    for (_, scores) in history.iter().rev() {
        for i in scores.ranked_order() {
            let u = &scores.units[i];
            let key = unit_key(&u.name, u.parent.as_deref());
            if !seen.insert(key.clone()) {
                continue;
            }
            let points = history.iter().zip(&by_key).map(|((p, _), units)| point(p, units.get(&key).copied(), rules));
            units.push(UnitTrend {
                name: u.name.clone(),
                parent: u.parent.clone(),
                whole: u.is_whole(),
                points: points.collect(),
            });
        }
    }
    Some(Trend { periods: history.iter().map(|(p, _)| p.clone()).collect(), units })
}
