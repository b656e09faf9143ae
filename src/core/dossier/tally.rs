//! Per unit, over the dossiers received in the window, every measure a rule set asks for: the
//! numerators and denominators of the dossier-derived criteria and the tracked values. One pass
//! over the records.

use std::collections::{BTreeMap, HashSet};

use super::list::{Dossier, DossierList};
use super::reasons::{meets, shortfall, Context, Reason};
use crate::core::figures::Figure;
use crate::core::model::window::{Outside, Window};
use crate::core::rules::{FromDossiers, Measure, RuleSet};

/// The measures counted dossier by dossier.
const COUNTED: [Measure; 14] = [
    Measure::Received,
    Measure::OnTime,
    Measure::Online,
    Measure::OnlineOnTime,
    Measure::Synced,
    Measure::WithFee,
    Measure::PaidOnline,
    Measure::ElectronicResult,
    Measure::Digitised,
    Measure::Reused,
    Measure::PersonalStore,
    Measure::PopulationData,
    Measure::Satisfied,
    Measure::Completed,
];

#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct UnitTally {
    /// Index into the list's units.
    pub unit: u32,
    counts: [u32; COUNTED.len()],
    days: f64,
    procedures_online: usize,
}

impl UnitTally {
    pub fn value(&self, measure: Measure) -> f64 {
        match measure {
            Measure::ProceduresOnline => self.procedures_online as f64,
            Measure::AverageDays => {
                let finished = self.count(Measure::Completed);
                if finished == 0 {
                    f64::NAN
                } else {
                    self.days / f64::from(finished)
                }
            }
            other => f64::from(self.count(other)),
        }
    }

    fn count(&self, measure: Measure) -> u32 {
        COUNTED.iter().position(|m| *m == measure).map_or(0, |i| self.counts[i])
    }
}

#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Tally {
    pub window: Window,
    pub context: Context,
    pub outside: Outside,
    /// Units with at least one dossier in the window, in the list's order.
    pub units: Vec<UnitTally>,
}

pub fn tally(list: &DossierList, window: &Window) -> Tally {
    let context = Context { end: window.end(), as_of: list.as_of() };
    let mut outside = Outside::default();
    let mut units: Vec<Option<(UnitTally, HashSet<u32>)>> = vec![None; list.units.len()];
    for d in &list.dossiers {
        if !window.place(d.received, &mut outside) {
            continue;
        }
        let (unit, procedures) = units[d.unit as usize].get_or_insert_with(|| {
            (UnitTally { unit: d.unit, counts: [0; COUNTED.len()], days: 0.0, procedures_online: 0 }, HashSet::new())
        });
        for (i, m) in COUNTED.iter().enumerate() {
            if meets(*m, d, &context) {
                unit.counts[i] += 1;
            }
        }
        // Finished dossiers only, the time waiting for a supplement deducted.
        if let (Some(r), Some(f)) = (d.received, d.finished) {
            unit.days += (f - r - super::reasons::waiting(d)).num_seconds().max(0) as f64 / 86_400.0;
        }
        if d.channel == super::values::Channel::Online {
            if let Some(p) = d.procedure {
                procedures.insert(p);
            }
        }
    }
    let units = units
        .into_iter()
        .flatten()
        .map(|(mut u, procedures)| {
            u.procedures_online = procedures.len();
            u
        })
        .collect();
    Tally { window: window.clone(), context, outside, units }
}

/// A unit's figures from its tally, for every criterion and tracked value the rule set derives
/// from dossiers and the list has the columns for; a part the list cannot count is `None`.
pub struct UnitFigures {
    pub figures: BTreeMap<String, Figure>,
    pub tracked: BTreeMap<String, Figure>,
}

pub fn figures(unit: &UnitTally, list: &DossierList, rules: &RuleSet) -> UnitFigures {
    let mut out = UnitFigures { figures: BTreeMap::new(), tracked: BTreeMap::new() };
    let part =
        |m: Option<Measure>| m.filter(|m| list.mapping.can_count(*m)).map(|m| unit.value(m)).filter(|v| v.is_finite());
    let put = |code: &str, from: &FromDossiers, into: &mut BTreeMap<String, Figure>| {
        let (n, d) = (part(from.numerator), part(from.denominator));
        if n.is_some() || d.is_some() {
            into.insert(code.to_string(), Figure { numerator: n, denominator: d, rate: None });
        }
    };
    for c in &rules.criteria {
        put(&c.code, &c.dossiers, &mut out.figures);
    }
    for t in &rules.tracked {
        put(&t.code, &t.dossiers, &mut out.tracked);
    }
    out
}

/// The dossiers of every unit in the window that count in the denominator of `from` but not in
/// its numerator, each with why.
pub fn all_shortfalls<'a>(
    list: &'a DossierList,
    tally: &'a Tally,
    from: &FromDossiers,
) -> impl Iterator<Item = (&'a Dossier, Vec<Reason>)> + 'a {
    let numerator = from.numerator.filter(|m| list.mapping.can_count(*m));
    let denominator = from.denominator.filter(|m| list.mapping.can_count(*m)).unwrap_or(Measure::Received);
    list.dossiers
        .iter()
        .filter(move |d| {
            numerator.is_some() && tally.window.contains(d.received) && meets(denominator, d, &tally.context)
        })
        .filter_map(move |d| {
            let reasons = shortfall(numerator?, d, &tally.context);
            (!reasons.is_empty()).then_some((d, reasons))
        })
}

/// [`all_shortfalls`] of one unit.
pub fn shortfalls<'a>(
    list: &'a DossierList,
    tally: &'a Tally,
    unit: u32,
    from: &FromDossiers,
) -> Vec<(&'a Dossier, Vec<Reason>)> {
    all_shortfalls(list, tally, from).filter(|(d, _)| d.unit == unit).collect()
}
