//! The target planner. Per criterion, `to_full`: how many more numerator items (the denominator
//! unchanged) bring it to its maximum as rounded. Per unit, the fewest dossiers that bring its
//! total to a target, found exactly under the rule set's rounding (a knapsack over the criteria
//! whose counts are dossiers, each a step curve of points against dossiers added), with what
//! procedures, petitions or units could add besides.

pub mod whole;

use std::collections::BTreeMap;

use crate::core::analysis::Analysis;
use crate::core::model::format::number;
use crate::core::model::lang::Lang;
use crate::core::rules::{Counts, Criterion, RuleSet};
use crate::core::scoring::band::Band;
use crate::core::scoring::CriterionResult;
use crate::core::scoring::{counts_hundredths, fewest_to_reach, hundredths_to_points, points_to_hundredths};
use crate::core::scoring::{Status, UnitResult};

/// A criterion the unit can raise: its counts, and where its score stands.
struct Raisable<'a> {
    criterion: &'a Criterion,
    numerator: f64,
    denominator: f64,
    /// The score now, in hundredths.
    now: i64,
    /// The most items that can be added (up to the denominator).
    room: u64,
}

impl Raisable<'_> {
    fn of<'a>(criterion: &'a Criterion, unit: &UnitResult, result: &CriterionResult) -> Option<Raisable<'a>> {
        if !unit.can_change(criterion, result) || result.status != Status::Ok {
            return None;
        }
        let (n, d) = (result.numerator?, result.denominator?);
        (d > 0.0).then_some(())?;
        Some(Raisable {
            criterion,
            numerator: n,
            denominator: d,
            now: points_to_hundredths(result.score.unwrap_or(0.0)),
            room: (d - n).max(0.0).floor() as u64,
        })
    }

    /// The gain in hundredths from `add` more items.
    fn gain(&self, add: u64) -> i64 {
        counts_hundredths(self.criterion, self.numerator + add as f64, self.denominator).unwrap_or(0) - self.now
    }

    /// The fewest items that gain at least `wanted` hundredths; `None` when even the whole room
    /// does not.
    fn fewest_for(&self, wanted: i64) -> Option<u64> {
        fewest_to_reach(self.criterion, self.numerator, self.denominator, self.room, self.now + wanted)
    }

    fn full(&self) -> i64 {
        points_to_hundredths(self.criterion.max) - self.now
    }

    /// Every distinct gain on the way to full, with the fewest items that reach it.
    fn ladder(&self) -> Vec<(u64, i64)> {
        let mut steps = Vec::new();
        let mut wanted = 1;
        while wanted <= self.full() {
            let Some(add) = self.fewest_for(wanted) else { break };
            let gain = self.gain(add);
            steps.push((add, gain));
            wanted = gain + 1;
        }
        steps
    }
}

/// The fewest additional numerator items after which the criterion scores its maximum as
/// rounded: 0 when it already does, `None` when the unit cannot change it (set or taken from
/// above, no denominator, a rate without counts, a data error) or the rule set lacks it.
pub fn to_full(rules: &RuleSet, unit: &UnitResult, result: &CriterionResult) -> Option<u64> {
    criterion_to_full(rules.criterion(&result.code)?, unit, result)
}

fn criterion_to_full(criterion: &Criterion, unit: &UnitResult, result: &CriterionResult) -> Option<u64> {
    if result.score.is_some_and(|s| points_to_hundredths(s) >= points_to_hundredths(criterion.max)) {
        return Some(0);
    }
    let raisable = Raisable::of(criterion, unit, result)?;
    raisable.fewest_for(raisable.full())
}

/// Items to add on one criterion (dossiers, or what else it counts) and the points they bring.
#[derive(Clone, Debug, PartialEq)]
pub struct Step {
    pub criterion: String,
    pub add: u64,
    pub counts: Counts,
    pub points: f64,
}

/// Every criterion the unit can bring to full itself (not inherited, with counts), as a step to
/// full, in rule-set order.
fn to_full_steps<'a>(unit: &'a UnitResult, rules: &'a RuleSet) -> impl Iterator<Item = Step> + 'a {
    rules.criteria.iter().filter_map(|c| {
        let r = unit.criterion(&c.code)?;
        let add = criterion_to_full(c, unit, r).filter(|&add| add > 0)?;
        Some(Step { criterion: c.code.clone(), add, counts: c.counts, points: r.points_lost() })
    })
}

#[derive(Clone, Debug, PartialEq)]
pub struct Plan {
    pub unit: String,
    pub current: f64,
    pub target: f64,
    /// Whether dossiers alone reach the target.
    pub reachable: bool,
    /// The total once the steps are taken.
    pub total_after: f64,
    /// The total with every dossier criterion at full.
    pub best_reachable: f64,
    /// Dossiers, in order of points per dossier, most first.
    pub steps: Vec<Step>,
    /// What criteria counted in procedures, petitions or units would add at full.
    pub other_steps: Vec<Step>,
}

/// The fewest dossiers that bring `unit`'s total to at least `target` (to the best reachable
/// when dossiers cannot get there).
pub fn plan(unit: &UnitResult, rules: &RuleSet, target: f64) -> Plan {
    let pairs = || rules.criteria.iter().filter_map(|c| Some((c, unit.criterion(&c.code)?)));
    let raisable: Vec<Raisable> = pairs()
        .filter(|(c, _)| c.counts == Counts::Dossiers)
        .filter_map(|(c, r)| Raisable::of(c, unit, r))
        .filter(|r| r.full() > 0)
        .collect();
    let ladders: Vec<Vec<(u64, i64)>> = raisable.iter().map(Raisable::ladder).collect();
    let current = points_to_hundredths(unit.total);
    let need = points_to_hundredths(target) - current;
    let best: i64 = ladders.iter().filter_map(|l| l.last()).map(|(_, gain)| gain).sum();
    let chosen: Vec<Option<(u64, i64)>> = if need <= 0 {
        vec![None; ladders.len()]
    } else if best < need {
        ladders.iter().map(|l| l.last().copied()).collect()
    } else {
        fewest(&ladders, need)
    };
    let mut steps: Vec<Step> = raisable
        .iter()
        .zip(&chosen)
        .filter_map(|(r, choice)| {
            let (add, gain) = (*choice)?;
            Some(Step {
                criterion: r.criterion.code.clone(),
                add,
                counts: Counts::Dossiers,
                points: hundredths_to_points(gain),
            })
        })
        .collect();
    // Most points per dossier first; the rule set's order among equals.
    steps.sort_by(|a, b| (b.points / b.add as f64).total_cmp(&(a.points / a.add as f64)));
    let gained: i64 = chosen.iter().flatten().map(|(_, gain)| gain).sum();
    let other_steps = to_full_steps(unit, rules).filter(|s| s.counts != Counts::Dossiers).collect();
    Plan {
        unit: unit.name.clone(),
        current: unit.total,
        target,
        reachable: need <= best,
        total_after: hundredths_to_points(current + gained),
        best_reachable: hundredths_to_points(current + best),
        steps,
        other_steps,
    }
}

/// One rung (or none) of each ladder, gaining at least `need` in all with the fewest items:
/// a grouped knapsack over gains capped at `need`, which is at most the total's 10,000
/// hundredths.
fn fewest(ladders: &[Vec<(u64, i64)>], need: i64) -> Vec<Option<(u64, i64)>> {
    let need = need as usize;
    let mut cost = vec![u64::MAX; need + 1];
    cost[0] = 0;
    // Per ladder, per gain reached: the gain before it and the rung taken, if one was.
    let mut came_from: Vec<Vec<Option<(usize, usize)>>> = Vec::with_capacity(ladders.len());
    for ladder in ladders {
        let mut next = cost.clone();
        let mut from = vec![None; need + 1];
        for (g, &c) in cost.iter().enumerate().filter(|(_, c)| **c != u64::MAX) {
            for (rung, &(add, gain)) in ladder.iter().enumerate() {
                let reached = (g + gain as usize).min(need);
                if c + add < next[reached] {
                    next[reached] = c + add;
                    from[reached] = Some((g, rung));
                }
            }
        }
        cost = next;
        came_from.push(from);
    }
    let mut chosen = vec![None; ladders.len()];
    let mut g = need;
    for (k, from) in came_from.iter().enumerate().rev() {
        if let Some((before, rung)) = from[g] {
            chosen[k] = Some(ladders[k][rung]);
            g = before;
        }
    }
    chosen
}

/// The target a unit's plan starts from: the next grading band's floor, or full points at the top.
pub fn default_target(total: f64, rules: &RuleSet) -> f64 {
    Band::next_above(total).map_or(rules.total_max(), Band::floor)
}

/// What the default target is («Mức tiếp theo «Khá»: 70»); empty at the top band.
pub fn next_band_hint(total: f64, lang: Lang) -> String {
    Band::next_above(total).map_or_else(String::new, |b| {
        format!("{} «{}»: {}", lang.pick("Mức tiếp theo", "Next band"), b.label(lang), number(b.floor(), 2))
    })
}

impl Step {
    /// «Hồ sơ thanh toán trực tuyến: thêm 129 hồ sơ, +3,55 điểm».
    pub fn line(&self, rules: &RuleSet, lang: Lang) -> String {
        format!(
            "{}: {} {} {}, +{} {}",
            rules.criterion(&self.criterion).map_or(self.criterion.clone(), |c| c.label_in(lang).to_string()),
            lang.pick("thêm", "add"),
            number(self.add as f64, 0),
            self.counts.noun(lang),
            number(self.points, 2),
            lang.pick("điểm", "points")
        )
    }
}

/// The `n` most valuable things a unit can do itself: the criteria it can bring to full (not
/// inherited, with figures), the most points first, each with what it takes.
pub fn top_actions(unit: &UnitResult, rules: &RuleSet, n: usize) -> Vec<Step> {
    let mut actions: Vec<Step> = to_full_steps(unit, rules).collect();
    actions.sort_by(|a, b| b.points.total_cmp(&a.points));
    actions.truncate(n);
    actions
}

/// Per criterion, how many of `unit`'s dossiers in the loaded lists count against it and can
/// still be fixed there (the action list's), so that a plan starts with them.
pub fn fixable(analysis: &Analysis, unit: &str) -> BTreeMap<String, usize> {
    fixable_where(analysis, |u| u == unit).remove(unit).unwrap_or_default()
}

/// [`fixable`] of every unit that has any, by unit.
pub fn fixable_by_unit(analysis: &Analysis) -> BTreeMap<String, BTreeMap<String, usize>> {
    fixable_where(analysis, |_| true)
}

fn fixable_where(analysis: &Analysis, wanted: impl Fn(&str) -> bool) -> BTreeMap<String, BTreeMap<String, usize>> {
    let mut out: BTreeMap<String, BTreeMap<String, usize>> = BTreeMap::new();
    for a in analysis.tables.iter().flat_map(|t| &t.actions).filter(|a| wanted(&a.unit)) {
        *out.entry(a.unit.clone()).or_default().entry(a.code.clone()).or_default() += a.recovery.fixable;
    }
    out
}

impl Plan {
    /// Dossiers in all the steps.
    pub fn dossiers(&self) -> u64 {
        self.steps.iter().map(|s| s.add).sum()
    }

    /// The plan in words, a line per step («Hồ sơ thanh toán trực tuyến: thêm 129 hồ sơ, +3,55
    /// điểm»), then the other steps; a step some of whose dossiers are already in a loaded list
    /// and can be fixed there (`fixable`, per criterion) starts with those.
    pub fn lines(&self, rules: &RuleSet, lang: Lang, fixable: &BTreeMap<String, usize>) -> Vec<String> {
        let line = |step: &Step| {
            let mut text = step.line(rules, lang);
            let in_list = fixable.get(&step.criterion).map_or(0, |&k| (k as u64).min(step.add));
            if step.counts == Counts::Dossiers && in_list > 0 {
                text += &match lang {
                    Lang::Vi => format!(" — trước hết sửa {} hồ sơ đã có trong danh sách", number(in_list as f64, 0)),
                    Lang::En => format!(" — first fix {} dossiers already in the list", number(in_list as f64, 0)),
                };
            }
            text
        };
        self.steps.iter().chain(&self.other_steps).map(line).collect()
    }

    /// One sentence on the outcome.
    pub fn summary(&self, lang: Lang) -> String {
        let points = |x: f64| number(x, 2);
        if self.current >= self.target {
            return match lang {
                Lang::Vi => format!("Đã đạt {} điểm (hiện có {}).", points(self.target), points(self.current)),
                Lang::En => format!("{} points already reached ({} now).", points(self.target), points(self.current)),
            };
        }
        let dossiers = number(self.dossiers() as f64, 0);
        match (self.reachable, lang) {
            (true, Lang::Vi) => format!(
                "Thêm {dossiers} hồ sơ đạt yêu cầu thì đạt {} điểm (từ {} điểm).",
                points(self.total_after),
                points(self.current)
            ),
            (true, Lang::En) => format!(
                "{dossiers} more dossiers meeting the criteria bring the total to {} (from {}).",
                points(self.total_after),
                points(self.current)
            ),
            (false, Lang::Vi) => format!(
                "Chỉ với hồ sơ thì chưa đạt {} điểm: tối đa {} điểm (thêm {dossiers} hồ sơ); phần còn lại cần TTHC, PAKN hoặc các tiêu chí khác.",
                points(self.target),
                points(self.best_reachable)
            ),
            (false, Lang::En) => format!(
                "Dossiers alone cannot reach {}: at most {} ({dossiers} more dossiers); the rest needs procedures, petitions or other criteria.",
                points(self.target),
                points(self.best_reachable)
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::figures::UnitRow;
    use crate::core::scoring::{score_units, Source};

    fn unit(figures: &[(&str, f64, f64)]) -> UnitRow {
        UnitRow::with_counts("Xã An Bình", figures)
    }

    fn scored(figures: &[(&str, f64, f64)]) -> (RuleSet, UnitResult) {
        let rules = RuleSet::default_rules().unwrap();
        let unit = score_units(&[unit(figures)], &rules).units.remove(0);
        (rules, unit)
    }

    fn to_full_of(rules: &RuleSet, unit: &UnitResult, code: &str) -> Option<u64> {
        to_full(rules, unit, unit.criterion(code).unwrap())
    }

    #[test]
    fn to_full_is_the_fewest_items_to_the_rounded_maximum() {
        let (rules, unit) = scored(&[
            // 20 × 995/1000 = 19,90; 20 × 999/1000 = 19,98: full only at 1000, 5 more.
            ("ON_TIME", 995.0, 1000.0),
            // Target 50 %: 6 × 40/100 / 0,5 = 4,8; 50 online dossiers give full: 10 more.
            ("ONLINE_DOSSIERS", 40.0, 100.0),
            // 6 × 19999/20000 = 5,9997 → 6,00 as rounded: full at 19,999 already.
            ("DOSSIER_SYNC", 19_999.0, 20_000.0),
            // 2 × 1/3 = 0,67: full only at 3/3.
            ("ELECTRONIC_CERTIFIED_COPY", 1.0, 3.0),
        ]);
        assert_eq!(to_full_of(&rules, &unit, "ON_TIME"), Some(5));
        assert_eq!(to_full_of(&rules, &unit, "ONLINE_DOSSIERS"), Some(10));
        assert_eq!(to_full_of(&rules, &unit, "DOSSIER_SYNC"), Some(0));
        assert_eq!(to_full_of(&rules, &unit, "ELECTRONIC_CERTIFIED_COPY"), Some(2));
        // No figures: nothing to add to.
        assert_eq!(to_full_of(&rules, &unit, "PAY_DOSSIERS"), None);
        // A zero denominator scored full needs nothing; scored zero cannot be raised.
        let (rules, unit) = scored(&[("PETITION_PROCESSING_ON_TIME", 0.0, 0.0), ("ON_TIME", 0.0, 0.0)]);
        assert_eq!(to_full_of(&rules, &unit, "PETITION_PROCESSING_ON_TIME"), Some(0));
        assert_eq!(to_full_of(&rules, &unit, "ON_TIME"), None);
    }

    #[test]
    fn the_payment_criteria_use_the_portals_rounding() {
        // PAY_DOSSIERS (6, linear, percent first): 1999/2000 = 99,95 % → 5,997 → toFixed 6,00;
        // 1998/2000 = 99,90 % → 5,994 → 5,99. From 1000/2000, 999 more.
        let (rules, unit) = scored(&[("PAY_DOSSIERS", 1000.0, 2000.0)]);
        assert_eq!(to_full_of(&rules, &unit, "PAY_DOSSIERS"), Some(999));
    }

    #[test]
    fn inherited_criteria_cannot_be_planned() {
        let rules = RuleSet::default_rules().unwrap();
        let mut province = unit(&[("PUBLISH_ON_TIME", 8.0, 10.0)]);
        province.name = "Tỉnh".into();
        let mut commune = unit(&[("ON_TIME", 9.0, 10.0)]);
        commune.parent = Some("Tỉnh".into());
        let scores = score_units(&[province, commune], &rules);
        let commune = scores.units.iter().find(|u| u.name == "Xã An Bình").unwrap();
        assert!(matches!(commune.criterion("PUBLISH_ON_TIME").unwrap().source, Source::Inherited(_)));
        assert_eq!(to_full_of(&rules, commune, "PUBLISH_ON_TIME"), None);
        assert_eq!(to_full_of(&rules, commune, "ON_TIME"), Some(1));
    }

    #[test]
    fn a_plan_takes_the_fewest_dossiers_most_points_per_dossier_first() {
        // ON_TIME 80/100: 20 × 0,8 = 16,00, 0,2 a dossier. ONLINE_DOSSIERS 10/100 against 50 %:
        // 6 × 0,1 / 0,5 = 1,20, 0,12 a dossier, full (+4,80) at 50. DOSSIER_SYNC 50/100: 3,00,
        // 0,06 a dossier. Total 20,20. For 25,00 (+4,80): ON_TIME alone gives +4,00 with all
        // 20; ONLINE_DOSSIERS alone +4,80 with 40; 20 on time and 7 online (+0,84) is 27.
        // Fewest: ON_TIME 20 (+4,00) and ONLINE_DOSSIERS 7 (+0,84) = 27 dossiers, 25,04.
        let (rules, unit) =
            scored(&[("ON_TIME", 80.0, 100.0), ("ONLINE_DOSSIERS", 10.0, 100.0), ("DOSSIER_SYNC", 50.0, 100.0)]);
        assert_eq!(unit.total, 20.2);
        let p = plan(&unit, &rules, 25.0);
        assert!(p.reachable);
        let steps: Vec<(&str, u64, f64)> = p.steps.iter().map(|s| (s.criterion.as_str(), s.add, s.points)).collect();
        assert_eq!(steps, [("ON_TIME", 20, 4.0), ("ONLINE_DOSSIERS", 7, 0.84)]);
        assert_eq!(p.total_after, 25.04);
        assert_eq!(p.dossiers(), 27);
        // Every dossier criterion at full: 20 + 6 + 6 = 32.
        assert_eq!(p.best_reachable, 32.0);
        assert_eq!(p.lines(&rules, Lang::Vi, &BTreeMap::new())[1], "Hồ sơ nộp trực tuyến: thêm 7 hồ sơ, +0,84 điểm");
        let in_list = BTreeMap::from([("ON_TIME".to_string(), 3), ("ONLINE_DOSSIERS".to_string(), 12)]);
        assert_eq!(
            p.lines(&rules, Lang::Vi, &in_list),
            [
                "Hồ sơ đúng hạn, trong hạn: thêm 20 hồ sơ, +4 điểm — trước hết sửa 3 hồ sơ đã có trong danh sách",
                "Hồ sơ nộp trực tuyến: thêm 7 hồ sơ, +0,84 điểm — trước hết sửa 7 hồ sơ đã có trong danh sách",
            ]
        );
    }

    #[test]
    fn a_plan_recomputed_reaches_its_target() {
        let figures = [
            ("ON_TIME", 4358.0, 4474.0),
            ("PAY_DOSSIERS", 120.0, 370.0),
            ("ORIGINAL_RESULT_AVAILABLE", 2900.0, 4474.0),
        ];
        let (rules, unit) = scored(&figures);
        for target in [unit.total + 0.01, unit.total + 1.5, unit.total + 5.0] {
            let p = plan(&unit, &rules, target);
            assert!(p.reachable, "{target}");
            let raised: Vec<(&str, f64, f64)> = figures
                .iter()
                .map(|&(code, n, d)| {
                    let add = p.steps.iter().find(|s| s.criterion == code).map_or(0, |s| s.add);
                    (code, n + add as f64, d)
                })
                .collect();
            let (_, after) = scored(&raised);
            assert_eq!(after.total, p.total_after, "{target}");
            assert!(after.total >= target - 1e-9, "{target}: {}", after.total);
            // One dossier fewer on any step falls short.
            for s in &p.steps {
                let fewer: Vec<(&str, f64, f64)> = raised
                    .iter()
                    .map(|&(code, n, d)| (code, if code == s.criterion { n - 1.0 } else { n }, d))
                    .collect();
                assert!(scored(&fewer).1.total < target - 1e-9, "{target}: {} − 1", s.criterion);
            }
        }
    }

    #[test]
    fn the_plan_aims_at_the_next_band() {
        let rules = RuleSet::default_rules().unwrap();
        assert_eq!(default_target(62.4, &rules), 70.0);
        assert_eq!(default_target(93.0, &rules), 100.0);
        assert_eq!(next_band_hint(62.4, Lang::Vi), "Mức tiếp theo «Khá»: 70");
        assert_eq!(next_band_hint(93.0, Lang::Vi), "");
    }

    #[test]
    fn out_of_reach_with_dossiers_alone() {
        // ON_TIME 9/10 (18,00) and HAS_ONLINE 1/4 procedures (1,00): total 19. Dossiers can add
        // 2 (ON_TIME to full); HAS_ONLINE is counted in procedures: 3 more, +3.
        let (rules, unit) = scored(&[("ON_TIME", 9.0, 10.0), ("HAS_ONLINE", 1.0, 4.0)]);
        let p = plan(&unit, &rules, 30.0);
        assert!(!p.reachable);
        assert_eq!((p.best_reachable, p.total_after), (21.0, 21.0));
        assert_eq!(p.steps, [Step { criterion: "ON_TIME".into(), add: 1, counts: Counts::Dossiers, points: 2.0 }]);
        assert_eq!(
            p.other_steps,
            [Step { criterion: "HAS_ONLINE".into(), add: 3, counts: Counts::Procedures, points: 3.0 }]
        );
        assert!(p.summary(Lang::Vi).contains("tối đa 21 điểm (thêm 1 hồ sơ)"));
        let done = plan(&unit, &rules, 10.0);
        assert!(done.reachable && done.steps.is_empty());
    }

    #[test]
    fn the_top_actions_are_what_the_unit_can_do_most_points_first() {
        // ON_TIME 9/10 (2 lost, 1 more), HAS_ONLINE 1/4 procedures (3 lost, 3 more), DOSSIER_SYNC
        // 5/10 (3 lost, 5 more), PAY_DOSSIERS 3/4 (1,5 lost, 1 more): the three most points.
        let (rules, unit) = scored(&[
            ("ON_TIME", 9.0, 10.0),
            ("HAS_ONLINE", 1.0, 4.0),
            ("DOSSIER_SYNC", 5.0, 10.0),
            ("PAY_DOSSIERS", 3.0, 4.0),
        ]);
        let top: Vec<(String, u64, f64)> =
            top_actions(&unit, &rules, 3).into_iter().map(|s| (s.criterion, s.add, s.points)).collect();
        assert_eq!(top, [("DOSSIER_SYNC".into(), 5, 3.0), ("HAS_ONLINE".into(), 3, 3.0), ("ON_TIME".into(), 1, 2.0)]);
        assert_eq!(
            top_actions(&unit, &rules, 1)[0].line(&rules, Lang::Vi),
            "Hồ sơ đồng bộ lên Cổng DVCQG: thêm 5 hồ sơ, +3 điểm"
        );
    }
}
