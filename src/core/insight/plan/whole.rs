//! «Kế hoạch nâng điểm toàn …»: the fewest dossiers, spread over the units, that lift the whole
//! (a town or a province, pooled from its units) to a target. The whole's figure on a dossier
//! criterion is its units' counts summed, so a dossier added anywhere under it is one added to the
//! whole: the fewest for the whole are the unit planner's on the whole's figures, exact under the
//! rule set's rounding. Each criterion's dossiers then go to the units that can take them — those
//! with the most dossiers to fix in a loaded list first, then those with the most room, so that
//! the fewest units are asked.

use std::collections::BTreeMap;

use super::{plan, Raisable};
use crate::core::figures::{Figure, UnitRow};
use crate::core::layout::kind::whole_label;
use crate::core::model::format::number;
use crate::core::model::lang::Lang;
use crate::core::rules::RuleSet;
use crate::core::scoring::{hundredths_to_points, points_to_hundredths, score_units, Scores, Status, UnitResult};

/// Dossiers one unit is to add on one criterion, and the points they bring the whole.
#[derive(Clone, Debug, PartialEq)]
pub struct WholeStep {
    pub unit: String,
    pub criterion: String,
    pub add: u64,
    /// The whole's gain from these dossiers, on top of the same criterion's steps before them:
    /// a criterion's steps add up to its gain exactly.
    pub points: f64,
}

#[derive(Clone, Debug, PartialEq)]
pub struct WholePlan {
    /// The whole's name; empty when no unit stands above the others and they are pooled.
    pub whole: String,
    pub current: f64,
    pub target: f64,
    pub reachable: bool,
    pub total_after: f64,
    pub best_reachable: f64,
    /// Criterion by criterion (most points per dossier first), unit by unit.
    pub steps: Vec<WholeStep>,
}

/// How the «chỉ tiêu giao» paragraph of [`WholePlan::assignment`] begins: the letter finds the one
/// it put in before by it.
pub const ASSIGNMENT_START: &str = "Giao chỉ tiêu để ";

/// Dossiers still to fix in the loaded lists, by unit and criterion ([`super::fixable_by_unit`]).
pub type Fixable = BTreeMap<String, BTreeMap<String, usize>>;

/// The whole, and the units directly under it that its figures pool: the whole of the scores, or
/// the units without a parent pooled when none stands above them. `None` without units.
fn whole_and_parts<'a>(
    scores: &'a Scores,
    rules: &RuleSet,
) -> Option<(std::borrow::Cow<'a, UnitResult>, Vec<&'a UnitResult>)> {
    if let Some(whole) = scores.whole() {
        let parts = scores.units.iter().filter(|u| u.parent.as_deref() == Some(whole.name.as_str())).collect();
        return Some((std::borrow::Cow::Borrowed(whole), parts));
    }
    let tops: Vec<&UnitResult> = scores.units.iter().filter(|u| u.parent.is_none()).collect();
    Some((std::borrow::Cow::Owned(pooled(&tops, rules)?), tops))
}

/// The units' counts pooled as a parent without a row pools them (the same scoring).
fn pooled(units: &[&UnitResult], rules: &RuleSet) -> Option<UnitResult> {
    // A name no row can have: the parent the units are given for the pooling alone.
    const POOLED: &str = "\u{0}";
    let rows: Vec<UnitRow> = units
        .iter()
        .map(|u| {
            let mut row = UnitRow::with_counts(&u.name, &[]);
            row.parent = Some(POOLED.to_string());
            row.figures = u
                .criteria
                .iter()
                .filter_map(|r| {
                    let figure =
                        Figure { numerator: Some(r.numerator?), denominator: Some(r.denominator?), rate: None };
                    Some((r.code.clone(), figure))
                })
                .collect();
            row
        })
        .collect();
    let whole = score_units(&rows, rules).units.into_iter().find(|u| u.name == POOLED)?;
    Some(UnitResult { name: String::new(), ..whole })
}

/// The fewest dossiers over the units that bring the whole's total to at least `target` (to the
/// best reachable when dossiers cannot get there); `None` without units.
pub fn plan_whole(scores: &Scores, rules: &RuleSet, target: f64, fixable: &Fixable) -> Option<WholePlan> {
    let (whole, parts) = whole_and_parts(scores, rules)?;
    let whole = whole.as_ref();
    let whole_plan = plan(whole, rules, target);
    let mut steps = Vec::new();
    for step in &whole_plan.steps {
        let Some(c) = rules.criterion(&step.criterion) else { continue };
        let Some(raisable) = whole.criterion(&c.code).and_then(|r| Raisable::of(c, whole, r)) else { continue };
        let room = |u: &UnitResult| {
            let r = u.criterion(&c.code).filter(|r| r.status == Status::Ok)?;
            Some((r.denominator? - r.numerator?).max(0.0).floor() as u64)
        };
        let to_fix = |u: &UnitResult| fixable.get(&u.name).and_then(|f| f.get(&c.code)).copied().unwrap_or(0);
        let mut takers: Vec<(&UnitResult, usize, u64)> =
            parts.iter().filter_map(|u| Some((*u, to_fix(u), room(u).filter(|&r| r > 0)?))).collect();
        takers.sort_by(|a, b| b.1.cmp(&a.1).then(b.2.cmp(&a.2)).then_with(|| a.0.name.cmp(&b.0.name)));
        // Each unit's points are what its dossiers add to the whole after those given before.
        let mut given = 0u64;
        let mut shares: Vec<(&str, u64)> = Vec::new();
        for (unit, _, room) in takers {
            let add = room.min(step.add - given);
            if add == 0 {
                break;
            }
            given += add;
            shares.push((&unit.name, add));
        }
        // The whole's own row counts more room than its units' rows hold: the rest is the whole's.
        if given < step.add {
            shares.push((&whole.name, step.add - given));
        }
        let (mut so_far, mut gained) = (0u64, 0i64);
        for (unit, add) in shares {
            so_far += add;
            let now = raisable.gain(so_far);
            steps.push(WholeStep {
                unit: unit.to_string(),
                criterion: c.code.clone(),
                add,
                points: hundredths_to_points(now - gained),
            });
            gained = now;
        }
    }
    Some(WholePlan {
        whole: whole.name.clone(),
        current: whole_plan.current,
        target,
        reachable: whole_plan.reachable,
        total_after: whole_plan.total_after,
        best_reachable: whole_plan.best_reachable,
        steps,
    })
}

impl WholePlan {
    pub fn dossiers(&self) -> u64 {
        self.steps.iter().map(|s| s.add).sum()
    }

    /// «Toàn thị xã An Hòa», or the units together when no unit stands above them.
    pub fn whole_name(&self, lang: Lang) -> String {
        if self.whole.is_empty() {
            lang.pick("Toàn bộ các đơn vị", "All the units").to_string()
        } else {
            whole_label(&self.whole, lang)
        }
    }

    /// The whole's name inside a sentence («toàn thị xã An Hòa»).
    fn whole_in_sentence(&self, lang: Lang) -> String {
        let whole = self.whole_name(lang);
        let mut chars = whole.chars();
        chars.next().into_iter().flat_map(char::to_lowercase).chain(chars).collect()
    }

    /// «Kế hoạch nâng điểm toàn thị xã An Hòa», as the card and the workbook are titled.
    pub fn title(&self, lang: Lang) -> String {
        format!("{} {}", lang.pick("Kế hoạch nâng điểm", "Plan to lift"), self.whole_in_sentence(lang))
    }

    /// The points the steps bring the whole.
    pub fn gain(&self) -> f64 {
        hundredths_to_points(points_to_hundredths(self.total_after) - points_to_hundredths(self.current))
    }

    /// One sentence on the outcome.
    pub fn summary(&self, lang: Lang) -> String {
        let whole = self.whole_name(lang);
        let (points, dossiers) = (|x: f64| number(x, 2), number(self.dossiers() as f64, 0));
        let units = number(self.units().len() as f64, 0);
        match (self.current >= self.target, self.reachable, lang) {
            (true, _, Lang::Vi) => {
                format!("{whole} đã đạt {} điểm (hiện có {}).", points(self.target), points(self.current))
            }
            (true, _, Lang::En) => {
                format!("{whole} already has {} points ({} now).", points(self.target), points(self.current))
            }
            (false, true, Lang::Vi) => format!(
                "{whole} đạt {} điểm (từ {}) khi {units} đơn vị thêm tổng cộng {dossiers} hồ sơ đạt yêu cầu.",
                points(self.total_after),
                points(self.current)
            ),
            (false, true, Lang::En) => format!(
                "{whole} reaches {} (from {}) with {dossiers} more dossiers meeting the criteria, from {units} units.",
                points(self.total_after),
                points(self.current)
            ),
            (false, false, Lang::Vi) => format!(
                "Chỉ với hồ sơ thì {whole} chưa đạt {} điểm: tối đa {} điểm (thêm {dossiers} hồ sơ).",
                points(self.target),
                points(self.best_reachable)
            ),
            (false, false, Lang::En) => format!(
                "Dossiers alone cannot bring {whole} to {}: at most {} ({dossiers} more dossiers).",
                points(self.target),
                points(self.best_reachable)
            ),
        }
    }

    /// The plan in words, a line per step: «UBND xã B — Hồ sơ đúng hạn, trong hạn: thêm 8 hồ sơ,
    /// +0,53 điểm».
    pub fn lines(&self, rules: &RuleSet, lang: Lang) -> Vec<String> {
        self.steps
            .iter()
            .map(|s| {
                let label = rules.criterion(&s.criterion).map_or(s.criterion.as_str(), |c| c.label_in(lang));
                let unit = if s.unit.is_empty() { self.whole_name(lang) } else { s.unit.clone() };
                format!(
                    "{unit} — {label}: {} {} {}, +{} {}",
                    lang.pick("thêm", "add"),
                    number(s.add as f64, 0),
                    lang.pick("hồ sơ", "dossiers"),
                    number(s.points, 2),
                    lang.pick("điểm", "points")
                )
            })
            .collect()
    }

    /// The units asked for dossiers, in the order they first appear in the steps.
    pub fn units(&self) -> Vec<&str> {
        let mut out: Vec<&str> = Vec::new();
        for s in &self.steps {
            if !out.contains(&s.unit.as_str()) {
                out.push(&s.unit);
            }
        }
        out
    }

    /// The letter's «chỉ tiêu giao» paragraph: what each unit is to add, unit by unit, A to Z.
    pub fn assignment(&self, rules: &RuleSet) -> String {
        let mut by_unit: BTreeMap<String, Vec<String>> = BTreeMap::new();
        for s in &self.steps {
            let label = rules.criterion(&s.criterion).map_or(s.criterion.as_str(), |c| c.label.as_str());
            let unit = if s.unit.is_empty() { self.whole_name(Lang::Vi) } else { s.unit.clone() };
            by_unit.entry(unit).or_default().push(format!("{label}: thêm {} hồ sơ", number(s.add as f64, 0)));
        }
        let parts: Vec<String> =
            by_unit.into_iter().map(|(unit, adds)| format!("{unit} ({})", adds.join("; "))).collect();
        let whole = self.whole_in_sentence(Lang::Vi);
        format!(
            "{ASSIGNMENT_START}{whole} đạt {} điểm trở lên, các đơn vị tăng thêm số hồ sơ đạt yêu cầu như sau: {}.",
            number(self.target, 2),
            parts.join("; ")
        )
    }
}
