//! Alert rules and what they find: which unit falls short where, against which threshold, and how
//! many points are at stake. The rules are local practice, not the decision: they are data the
//! user edits, with the reference's common defaults.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::core::format::number;
use crate::core::lang::Lang;
use crate::core::rules::{Rule, RuleSet};
use crate::core::score::{Scores, Status, UnitResult};
use crate::core::text::fold_words;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum AlertRule {
    /// A group below a share of its maximum: red under `red`, yellow under `yellow`.
    GroupShare { red: f64, yellow: f64 },
    /// A target-rule criterion whose rate is below its target.
    CriterionBelowTarget,
    /// A total below a grading band's lower bound (50: "Yếu").
    TotalBelow { points: f64 },
    /// The `n` lowest units of a group among their siblings.
    BottomOfGroup { group: String, n: usize },
    /// A named criterion below a rate, e.g. online payment below 50 %.
    CriterionBelowRate { criterion: String, rate: f64 },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    Red,
    Yellow,
}

/// What an alert is about: a group, a criterion, or the total.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Subject {
    Group(String),
    Criterion(String),
    Total,
}

/// Which kind of rule raised an alert.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Reason {
    GroupShare,
    BelowTarget,
    TotalBelow,
    BottomOfGroup,
    BelowRate,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Alert {
    pub unit: String,
    pub subject: Subject,
    pub reason: Reason,
    /// A score in points, or a rate as a fraction for criterion rules.
    pub value: f64,
    pub threshold: f64,
    pub points_at_stake: f64,
    pub severity: Severity,
    /// Index of the rule that raised it.
    pub rule: usize,
}

impl Alert {
    /// The code the contract's `data-criterion` carries: a criterion or group code, or TOTAL.
    pub fn code(&self) -> &str {
        match &self.subject {
            Subject::Group(c) | Subject::Criterion(c) => c,
            Subject::Total => "TOTAL",
        }
    }
}

/// The alert rules as a user sets them (and the app remembers): one value per rule kind.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct AlertSettings {
    /// Group share thresholds (fractions of the group's maximum); 0 turns the rule off.
    pub red: f64,
    pub yellow: f64,
    pub below_target: bool,
    /// Total below these points; 0 turns it off.
    pub total_below: f64,
    /// A criterion watched against a minimum rate (online payment under 50 %); an empty code turns
    /// it off. (The units the letter names are the letter's own: `LetterFields::named`.)
    pub rate_criterion: String,
    pub rate: f64,
    /// The n lowest of a group; n = 0 turns it off.
    pub bottom_group: String,
    pub bottom_n: usize,
}

/// The reference's common local practice: red under 50 %, yellow under 70 % of a group's
/// maximum; criteria under target; totals under 50 ("Yếu"); online payment under 50 %.
impl Default for AlertSettings {
    fn default() -> Self {
        AlertSettings {
            red: 0.5,
            yellow: 0.7,
            below_target: true,
            total_below: 50.0,
            rate_criterion: "PAY_DOSSIERS".into(),
            rate: 0.5,
            bottom_group: "TTTT".into(),
            bottom_n: 0,
        }
    }
}

impl AlertSettings {
    pub fn rules(&self) -> Vec<AlertRule> {
        let mut rules = Vec::new();
        if self.red > 0.0 || self.yellow > 0.0 {
            rules.push(AlertRule::GroupShare { red: self.red, yellow: self.yellow.max(self.red) });
        }
        if self.below_target {
            rules.push(AlertRule::CriterionBelowTarget);
        }
        if self.total_below > 0.0 {
            rules.push(AlertRule::TotalBelow { points: self.total_below });
        }
        if let Some(rule) = self.rate_rule() {
            rules.push(rule);
        }
        if self.bottom_n > 0 && !self.bottom_group.is_empty() {
            rules.push(AlertRule::BottomOfGroup { group: self.bottom_group.clone(), n: self.bottom_n });
        }
        rules
    }

    /// The rule on a named criterion's rate, when it is on.
    fn rate_rule(&self) -> Option<AlertRule> {
        (!self.rate_criterion.is_empty() && self.rate > 0.0)
            .then(|| AlertRule::CriterionBelowRate { criterion: self.rate_criterion.clone(), rate: self.rate })
    }
}

/// The default rules (local practice).
pub fn default_rules() -> Vec<AlertRule> {
    AlertSettings::default().rules()
}

fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

/// Every alert the rules raise, unit by unit: the unit that can win back the most points itself
/// first (the lowest total first among equals, then by name, for a stable list), and each unit's
/// alerts most points at stake first.
pub fn evaluate(alert_rules: &[AlertRule], scores: &Scores, rules: &RuleSet) -> Vec<Alert> {
    let mut alerts = Vec::new();
    for (index, rule) in alert_rules.iter().enumerate() {
        for unit in &scores.units {
            raise(index, rule, unit, scores, rules, &mut alerts);
        }
    }
    let standing: HashMap<&str, (f64, f64)> =
        scores.units.iter().map(|u| (u.name.as_str(), (u.own_shortfall(rules, None), u.total))).collect();
    let of = |a: &Alert| standing.get(a.unit.as_str()).copied().unwrap_or_default();
    alerts.sort_by(|a, b| {
        let ((stake_a, total_a), (stake_b, total_b)) = (of(a), of(b));
        stake_b
            .total_cmp(&stake_a)
            .then_with(|| total_a.total_cmp(&total_b))
            .then_with(|| a.unit.cmp(&b.unit))
            .then_with(|| b.points_at_stake.total_cmp(&a.points_at_stake))
            .then_with(|| a.rule.cmp(&b.rule))
    });
    alerts
}

fn raise(index: usize, rule: &AlertRule, unit: &UnitResult, scores: &Scores, rules: &RuleSet, out: &mut Vec<Alert>) {
    let alert = |subject: Subject, reason: Reason, value: f64, threshold: f64, points: f64, severity: Severity| Alert {
        unit: unit.name.clone(),
        subject,
        reason,
        value,
        threshold,
        points_at_stake: round2(points),
        severity,
        rule: index,
    };
    match rule {
        AlertRule::GroupShare { red, yellow } => {
            for g in &unit.groups {
                let stake = unit.own_shortfall(rules, Some(&g.code));
                // Nothing the unit can act on: no figures, or the shortfall is inherited.
                if stake <= 0.0 {
                    continue;
                }
                let share = g.score / g.max;
                let severity = if share < *red {
                    Severity::Red
                } else if share < *yellow {
                    Severity::Yellow
                } else {
                    continue;
                };
                let threshold = if severity == Severity::Red { red } else { yellow };
                out.push(alert(
                    Subject::Group(g.code.clone()),
                    Reason::GroupShare,
                    g.score,
                    round2(g.max * threshold),
                    stake,
                    severity,
                ));
            }
        }
        AlertRule::CriterionBelowTarget => {
            for (c, r) in rules.criteria.iter().zip(&unit.criteria).filter(|(c, r)| unit.can_change(c, r)) {
                if let (Rule::Target(target), Some(ratio), Status::Ok) = (c.rule, r.ratio, r.status) {
                    if ratio < target {
                        out.push(alert(
                            Subject::Criterion(c.code.clone()),
                            Reason::BelowTarget,
                            ratio,
                            target,
                            r.points_lost(),
                            Severity::Yellow,
                        ));
                    }
                }
            }
        }
        AlertRule::TotalBelow { points } => {
            let stake = unit.own_shortfall(rules, None);
            if unit.total < *points && stake > 0.0 {
                out.push(alert(Subject::Total, Reason::TotalBelow, unit.total, *points, stake, Severity::Red));
            }
        }
        AlertRule::BottomOfGroup { group, n } => {
            let stake = unit.own_shortfall(rules, Some(group));
            let Some(g) = unit.group(group).filter(|_| stake > 0.0) else { return };
            let siblings = scores.units.iter().filter(|u| u.parent == unit.parent).count();
            // Bottom n of the siblings: fewer than n units below it (competition rank from the top).
            let below = scores
                .units
                .iter()
                .filter(|u| u.parent == unit.parent)
                .filter(|u| u.group(group).is_some_and(|x| x.score < g.score))
                .count();
            if siblings > *n && below < *n {
                out.push(alert(
                    Subject::Group(group.clone()),
                    Reason::BottomOfGroup,
                    g.score,
                    *n as f64,
                    stake,
                    Severity::Yellow,
                ));
            }
        }
        AlertRule::CriterionBelowRate { criterion, rate } => {
            let Some((c, r)) = rules.criterion(criterion).zip(unit.criterion(criterion)) else { return };
            if !unit.can_change(c, r) {
                return;
            }
            if let (Some(ratio), Status::Ok) = (r.ratio, r.status) {
                if ratio < *rate {
                    out.push(alert(
                        Subject::Criterion(criterion.clone()),
                        Reason::BelowRate,
                        ratio,
                        *rate,
                        r.points_lost(),
                        Severity::Red,
                    ));
                }
            }
        }
    }
}

/// A unit's criteria without data: the points resting on them are not a shortfall to fix but
/// figures to send, and are said apart from the alerts.
#[derive(Clone, Debug, PartialEq)]
pub struct MissingData {
    pub unit: String,
    /// Criterion codes, in rule-set order.
    pub criteria: Vec<String>,
    pub points: f64,
}

impl MissingData {
    /// «UBND phường An Lạc — thiếu số liệu 2 tiêu chí (8 điểm): Hồ sơ đồng bộ lên Cổng DVCQG; …»
    pub fn message(&self, rules: &RuleSet, lang: Lang) -> String {
        let labels: Vec<String> = self
            .criteria
            .iter()
            .map(|c| rules.criterion(c).map_or(c.clone(), |c| c.label_in(lang).to_string()))
            .collect();
        let (count, points) = (self.criteria.len(), number(self.points, 2));
        match lang {
            Lang::Vi => format!(
                "{} — thiếu số liệu {count} tiêu chí ({points} điểm chưa tính): {}. Hãy bổ sung số liệu.",
                self.unit,
                labels.join("; ")
            ),
            Lang::En => format!(
                "{} — figures missing for {count} criteria ({points} points not counted): {}. Please supply them.",
                self.unit,
                labels.join("; ")
            ),
        }
    }
}

/// Every unit with criteria without data, the most points resting on them first.
pub fn missing_data(scores: &Scores, rules: &RuleSet) -> Vec<MissingData> {
    let mut out: Vec<MissingData> = scores
        .units
        .iter()
        .filter_map(|u| {
            let criteria: Vec<String> =
                u.criteria.iter().filter(|r| r.without_data()).map(|r| r.code.clone()).collect();
            (!criteria.is_empty()).then(|| MissingData {
                unit: u.name.clone(),
                criteria,
                points: u.points_without_data(rules),
            })
        })
        .collect();
    out.sort_by(|a, b| b.points.total_cmp(&a.points).then_with(|| a.unit.cmp(&b.unit)));
    out
}

/// A criterion set above the units (the province's) and below its maximum: said once for all the
/// units that show it, not as an alert of each, since none of them can change it — whether they
/// take it from a unit above (`from`) or a file repeats the province's figure on their rows.
#[derive(Clone, Debug, PartialEq)]
pub struct FromAbove {
    /// The unit whose figures they are; `None` where the units' rows repeat them.
    pub from: Option<String>,
    pub criterion: String,
    pub score: f64,
    pub max: f64,
    /// How many units show it.
    pub units: usize,
}

impl FromAbove {
    /// «Do cấp tỉnh — TTHC công bố đúng hạn: 5,62/6 điểm (số liệu của UBND thị xã An Hòa, chung
    /// cho 14 đơn vị).»
    pub fn message(&self, rules: &RuleSet, lang: Lang) -> String {
        let label = rules.criterion(&self.criterion).map_or(self.criterion.clone(), |c| c.label_in(lang).to_string());
        let (score, max, units) = (number(self.score, 2), number(self.max, 2), self.units);
        let whose = match (&self.from, lang) {
            (Some(from), Lang::Vi) => format!("số liệu của {from}, chung cho {units} đơn vị"),
            (Some(from), Lang::En) => format!("{from}'s figures, shared by {units} units"),
            (None, Lang::Vi) => format!("nhắc lại trên dòng của {units} đơn vị, không phải điểm đơn vị tự nâng được"),
            (None, Lang::En) => format!("repeated on the rows of {units} units, not points they can raise"),
        };
        match lang {
            Lang::Vi => format!("Do cấp tỉnh — {label}: {score}/{max} điểm ({whose})."),
            Lang::En => format!("From the province — {label}: {score}/{max} points ({whose})."),
        }
    }
}

/// Every criterion set above the units and below its maximum, once per giver and score, in
/// rule-set order.
pub fn from_above(scores: &Scores, rules: &RuleSet) -> Vec<FromAbove> {
    let mut out: Vec<FromAbove> = Vec::new();
    for c in &rules.criteria {
        for u in &scores.units {
            let Some(r) = u.criterion(&c.code) else { continue };
            let Some(score) = r.score.filter(|_| r.points_lost() > 0.0 && !u.can_change(c, r)) else { continue };
            let from = match &r.source {
                crate::core::score::Source::Inherited(from) => Some(from.clone()),
                _ => None,
            };
            let same = |f: &&mut FromAbove| f.criterion == c.code && f.from == from && f.score == score;
            match out.iter_mut().find(same) {
                Some(f) => f.units += 1,
                None => out.push(FromAbove { from, criterion: c.code.clone(), score, max: c.max, units: 1 }),
            }
        }
    }
    out
}

/// Alerts gathered by unit, the unit with the most points at stake in one alert first (the
/// alerts come sorted so), each unit's in their order.
pub fn by_unit(alerts: &[Alert]) -> Vec<(&str, Vec<&Alert>)> {
    let mut out: Vec<(&str, Vec<&Alert>)> = Vec::new();
    // Where each unit's list is: a province's thousands of units are not searched one by one.
    let mut at: HashMap<&str, usize> = HashMap::new();
    for a in alerts {
        let i = *at.entry(&a.unit).or_insert_with(|| {
            out.push((&a.unit, Vec::new()));
            out.len() - 1
        });
        out[i].1.push(a);
    }
    out
}

/// [`by_unit`], with the user's own unit («Đơn vị của tôi») first when it has any; the others
/// keep their order.
pub fn by_unit_mine_first<'a>(alerts: &'a [Alert], mine: Option<&str>) -> Vec<(&'a str, Vec<&'a Alert>)> {
    let mut out = by_unit(alerts);
    if let Some(i) = mine.and_then(|m| out.iter().position(|(unit, _)| fold_words(unit) == fold_words(m))) {
        let own = out.remove(i);
        out.insert(0, own);
    }
    out
}

impl Alert {
    /// "UBND xã Hưng Long — Tỷ lệ hồ sơ thanh toán trực tuyến: 7,5% (ngưỡng 50%); 5,55 điểm."
    pub fn message(&self, rules: &RuleSet, lang: Lang) -> String {
        format!("{} — {}", self.unit, self.detail(rules, lang))
    }

    /// The message without the unit's name, under the unit it is about.
    pub fn detail(&self, rules: &RuleSet, lang: Lang) -> String {
        let (what, value, threshold) = match &self.subject {
            Subject::Group(code) => {
                let name = rules.group(code).map_or(code.clone(), |g| lang.pick(g.name.clone(), g.name_en.clone()));
                let threshold = match (self.reason, lang) {
                    (Reason::BottomOfGroup, Lang::Vi) => {
                        format!("thuộc {} đơn vị thấp nhất", number(self.threshold, 0))
                    }
                    (Reason::BottomOfGroup, Lang::En) => format!("among the {} lowest", number(self.threshold, 0)),
                    _ => format!("{} {}", lang.pick("ngưỡng", "threshold"), number(self.threshold, 2)),
                };
                (
                    name,
                    format!(
                        "{}/{}",
                        number(self.value, 2),
                        rules.group(code).map_or(String::new(), |g| number(g.max, 2))
                    ),
                    threshold,
                )
            }
            Subject::Criterion(code) => {
                let name = rules.criterion(code).map_or(code.clone(), |c| c.name_in(lang).to_string());
                (
                    name,
                    format!("{}%", number(self.value * 100.0, 2)),
                    format!("{} {}%", lang.pick("ngưỡng", "threshold"), number(self.threshold * 100.0, 2)),
                )
            }
            Subject::Total => (
                lang.pick("Tổng điểm", "Total").to_string(),
                format!("{}/{}", number(self.value, 2), number(rules.total_max(), 2)),
                format!("{} {}", lang.pick("ngưỡng", "threshold"), number(self.threshold, 2)),
            ),
        };
        let points = number(self.points_at_stake, 2);
        match lang {
            Lang::Vi => format!("{what}: {value} ({threshold}); có thể tăng thêm {points} điểm."),
            Lang::En => format!("{what}: {value} ({threshold}); {points} points at stake."),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::figures::UnitRow;
    use crate::core::score::score_units;

    fn unit(name: &str, figures: &[(&str, f64, f64)]) -> UnitRow {
        UnitRow::with_counts(name, figures)
    }

    /// Hand-worked: A pays online 3/40 (7.5 %, 0.45 of 6 points), B 30/40 (75 %, 4.5 points).
    #[test]
    fn online_payment_below_half_names_the_unit_and_the_points() {
        let rules = RuleSet::default_rules().unwrap();
        let scores = score_units(
            &[unit("Xã A", &[("PAY_DOSSIERS", 3.0, 40.0)]), unit("Xã B", &[("PAY_DOSSIERS", 30.0, 40.0)])],
            &rules,
        );
        let alerts =
            evaluate(&[AlertRule::CriterionBelowRate { criterion: "PAY_DOSSIERS".into(), rate: 0.5 }], &scores, &rules);
        assert_eq!(alerts.len(), 1);
        let a = &alerts[0];
        assert_eq!(
            (a.unit.as_str(), a.code(), a.value, a.threshold, a.points_at_stake),
            ("Xã A", "PAY_DOSSIERS", 0.075, 0.5, 5.55)
        );
        assert_eq!(
            a.message(&rules, Lang::Vi),
            "Xã A — Tỷ lệ hồ sơ thanh toán trực tuyến (trên hồ sơ có nghĩa vụ tài chính): 7,5% (ngưỡng 50%); có thể tăng thêm 5,55 điểm."
        );
    }

    /// A 3/40 and C 10/40 pay online below half, A with more at stake first (5,55 against 4,5);
    /// with C as «my unit» (named without diacritics) C comes first, A after it.
    #[test]
    fn my_unit_comes_first() {
        let rules = RuleSet::default_rules().unwrap();
        let units = [unit("Xã A", &[("PAY_DOSSIERS", 3.0, 40.0)]), unit("Xã C", &[("PAY_DOSSIERS", 10.0, 40.0)])];
        let scores = score_units(&units, &rules);
        let alerts =
            evaluate(&[AlertRule::CriterionBelowRate { criterion: "PAY_DOSSIERS".into(), rate: 0.5 }], &scores, &rules);
        let order =
            |mine: Option<&str>| by_unit_mine_first(&alerts, mine).into_iter().map(|(u, _)| u).collect::<Vec<_>>();
        assert_eq!(order(None), ["Xã A", "Xã C"]);
        assert_eq!(order(Some("xa c")), ["Xã C", "Xã A"]);
        assert_eq!(order(Some("Xã Z")), ["Xã A", "Xã C"], "a unit without alerts changes nothing");
    }

    /// TDGQ 9/20 (45 %) is red, 12/20 (60 %) yellow, 15/20 (75 %) nothing; sorted by points.
    #[test]
    fn group_shares_and_the_order_of_the_list() {
        let rules = RuleSet::default_rules().unwrap();
        let units = [
            unit("A", &[("ON_TIME", 9.0, 20.0)]),
            unit("B", &[("ON_TIME", 12.0, 20.0)]),
            unit("C", &[("ON_TIME", 15.0, 20.0)]),
        ];
        let scores = score_units(&units, &rules);
        let alerts: Vec<(String, String, Severity, f64)> =
            evaluate(&[AlertRule::GroupShare { red: 0.5, yellow: 0.7 }], &scores, &rules)
                .into_iter()
                .filter(|a| a.code() == "TDGQ")
                .map(|a| (a.unit.clone(), a.code().to_string(), a.severity, a.points_at_stake))
                .collect();
        assert_eq!(
            alerts,
            [("A".into(), "TDGQ".into(), Severity::Red, 11.0), ("B".into(), "TDGQ".into(), Severity::Yellow, 8.0)]
        );
    }

    #[test]
    fn settings_turn_rules_on_and_off() {
        let defaults = AlertSettings::default();
        assert_eq!(
            defaults.rules(),
            [
                AlertRule::GroupShare { red: 0.5, yellow: 0.7 },
                AlertRule::CriterionBelowTarget,
                AlertRule::TotalBelow { points: 50.0 },
                AlertRule::CriterionBelowRate { criterion: "PAY_DOSSIERS".into(), rate: 0.5 },
            ]
        );
        let off = AlertSettings {
            red: 0.0,
            yellow: 0.0,
            below_target: false,
            total_below: 0.0,
            rate_criterion: String::new(),
            bottom_n: 2,
            ..defaults
        };
        assert_eq!(off.rules(), [AlertRule::BottomOfGroup { group: "TTTT".into(), n: 2 }]);
        let remembered: AlertSettings = serde_json::from_str(r#"{"rate": 0.6}"#).unwrap();
        assert_eq!((remembered.rate, remembered.red), (0.6, 0.5), "missing fields take the defaults");
    }

    #[test]
    fn targets_totals_bottoms_and_bands() {
        let rules = RuleSet::default_rules().unwrap();
        // ONLINE_DOSSIERS 2/10 against 50 %: 20/50 × 6 = 2.4, 3.6 points lost.
        let units = [
            unit("A", &[("ONLINE_DOSSIERS", 2.0, 10.0)]),
            unit("B", &[("ONLINE_DOSSIERS", 6.0, 10.0)]),
            unit("C", &[("ONLINE_DOSSIERS", 4.0, 10.0)]),
        ];
        let scores = score_units(&units, &rules);
        let below: Vec<(String, f64)> = evaluate(&[AlertRule::CriterionBelowTarget], &scores, &rules)
            .into_iter()
            .map(|a| (a.unit, a.points_at_stake))
            .collect();
        assert_eq!(below, [("A".to_string(), 3.6), ("C".to_string(), 1.2)]);
        let bottom: Vec<String> = evaluate(&[AlertRule::BottomOfGroup { group: "CLGQ".into(), n: 1 }], &scores, &rules)
            .into_iter()
            .map(|a| a.unit)
            .collect();
        assert_eq!(bottom, ["A"]);
        let weak: Vec<String> =
            evaluate(&[AlertRule::TotalBelow { points: 5.0 }], &scores, &rules).into_iter().map(|a| a.unit).collect();
        assert_eq!(weak, ["A", "C"], "2.4 and 4.8 are below 5; 6 is not");
    }

    #[test]
    fn missing_figures_are_not_shortfalls() {
        let rules = RuleSet::default_rules().unwrap();
        // ON_TIME 5/10 → 10 of TDGQ's 20; DOSSIER_SYNC 1/2 → 3 of CKMB's 18, whose three
        // province-level criteria (12 points) have no figures; nothing else is given.
        let scores = score_units(&[unit("A", &[("ON_TIME", 5.0, 10.0), ("DOSSIER_SYNC", 1.0, 2.0)])], &rules);
        let found: Vec<(String, f64)> = evaluate(&default_rules(), &scores, &rules)
            .into_iter()
            .map(|a| (a.code().to_string(), a.points_at_stake))
            .collect();
        // The total 13 is below 50: at stake 10 + 3, not the 87 points it lacks; CKMB 3/18 is red
        // for 3 points; no alert on the groups with no figures at all (CLGQ, TTTT, MDHL, MDSH).
        assert_eq!(found, [("TOTAL".to_string(), 13.0), ("TDGQ".to_string(), 10.0), ("CKMB".to_string(), 3.0)]);
        let missing = missing_data(&scores, &rules);
        assert_eq!(missing.len(), 1);
        assert_eq!((missing[0].criteria.len(), missing[0].points), (19, 74.0));
        assert!(missing[0].message(&rules, Lang::Vi).starts_with(
            "A — thiếu số liệu 19 tiêu chí (74 điểm chưa tính): TTHC công bố đúng hạn; TTHC cập nhật, công khai đúng hạn;"
        ));
    }

    #[test]
    fn what_comes_from_above_is_said_once_not_alerted_on_each_unit() {
        let rules = RuleSet::default_rules().unwrap();
        // P gives PUBLISH_ON_TIME 8/10 (4,8 of 6); communes A and B take it and have ON_TIME 5/10.
        let mut a = unit("A", &[("ON_TIME", 5.0, 10.0)]);
        let mut b = unit("B", &[("ON_TIME", 5.0, 10.0)]);
        a.parent = Some("P".into());
        b.parent = Some("P".into());
        let scores = score_units(&[unit("P", &[("PUBLISH_ON_TIME", 8.0, 10.0)]), a, b], &rules);
        let found = evaluate(&default_rules(), &scores, &rules);
        let ckmb: Vec<(&str, f64)> =
            found.iter().filter(|a| a.code() == "CKMB").map(|a| (a.unit.as_str(), a.points_at_stake)).collect();
        // CKMB 4,8/18 is red everywhere, but only P can act on it (1,2 points).
        assert_eq!(ckmb, [("P", 1.2)]);
        let above = from_above(&scores, &rules);
        assert_eq!(
            above,
            [FromAbove { from: Some("P".into()), criterion: "PUBLISH_ON_TIME".into(), score: 4.8, max: 6.0, units: 2 }]
        );
        assert_eq!(
            above[0].message(&rules, Lang::Vi),
            "Do cấp tỉnh — TTHC công bố đúng hạn: 4,8/6 điểm (số liệu của P, chung cho 2 đơn vị)."
        );
        let grouped = by_unit(&found);
        let units: Vec<&str> = grouped.iter().map(|(u, _)| *u).collect();
        assert_eq!(units.len(), 3, "{units:?}");
        assert_eq!(grouped.iter().map(|(_, l)| l.len()).sum::<usize>(), found.len());
        assert!(grouped.windows(2).all(|w| w[0].1[0].points_at_stake >= w[1].1[0].points_at_stake));
    }

    /// A town's file repeats the province's PUBLISH_ON_TIME 0/10 (0 of 6 points) on every
    /// commune's row. Tốt has ON_TIME 9/10 (18 of 20: 2 points its own to win back), Hưng Long
    /// 8/10 (16: 4 points), Vừa 8/10 with PUBLISH 10/10 repeated in its row (4 points, total 22).
    /// Hand-worked order: Hưng Long and Vừa (4 points each; Hưng Long's total 16 before Vừa's 22),
    /// then Tốt (2). The 6 points of PUBLISH are no commune's: said once, not alerted, not planned.
    #[test]
    fn what_the_province_sets_is_no_communes_own_even_repeated_on_its_row() {
        let rules = RuleSet::default_rules().unwrap();
        let units = [
            unit("UBND xã Tốt", &[("ON_TIME", 9.0, 10.0), ("PUBLISH_ON_TIME", 0.0, 10.0)]),
            unit("UBND xã Hưng Long", &[("ON_TIME", 8.0, 10.0), ("PUBLISH_ON_TIME", 0.0, 10.0)]),
            unit("UBND xã Vừa", &[("ON_TIME", 8.0, 10.0), ("PUBLISH_ON_TIME", 10.0, 10.0)]),
        ];
        let scores = score_units(&units, &rules);
        let stakes: Vec<f64> = scores.units.iter().map(|u| u.own_shortfall(&rules, None)).collect();
        assert_eq!(stakes, [2.0, 4.0, 4.0]);
        let found = evaluate(
            &[AlertRule::GroupShare { red: 0.5, yellow: 0.7 }, AlertRule::TotalBelow { points: 50.0 }],
            &scores,
            &rules,
        );
        let order: Vec<&str> = by_unit(&found).into_iter().map(|(u, _)| u).collect();
        assert_eq!(order, ["UBND xã Hưng Long", "UBND xã Vừa", "UBND xã Tốt"]);
        assert!(found.iter().all(|a| a.code() != "CKMB"), "CKMB 0/18 is red, but no commune can act on it: {found:?}");
        let tot = &scores.units[0];
        let publish = tot.criterion("PUBLISH_ON_TIME").unwrap();
        assert_eq!(crate::core::plan::to_full(&rules, tot, publish), None);
        assert!(crate::core::plan::top_actions(tot, &rules, 3).iter().all(|s| s.criterion != "PUBLISH_ON_TIME"));
        let above = from_above(&scores, &rules);
        assert_eq!(
            above,
            [FromAbove { from: None, criterion: "PUBLISH_ON_TIME".into(), score: 0.0, max: 6.0, units: 2 }]
        );
        assert_eq!(
            above[0].message(&rules, Lang::Vi),
            "Do cấp tỉnh — TTHC công bố đúng hạn: 0/6 điểm (nhắc lại trên dòng của 2 đơn vị, không phải điểm đơn vị tự nâng được)."
        );
    }
}
