//! Alert rules and what they find: which unit falls short where, against which threshold, and how
//! many points are at stake. The rules are local practice, not the decision: they are data the
//! user edits, with the reference's common defaults.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::core::model::format::number;
use crate::core::model::lang::Lang;
use crate::core::model::text::fold_words;
use crate::core::rules::{Rule, RuleSet};
use crate::core::scoring::{Scores, Status, UnitResult};

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
        AlertRule::GroupShare { red, yellow } => group_shares(unit, rules, (*red, *yellow), &alert, out),
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
        AlertRule::BottomOfGroup { group, n } => bottom_of_group(unit, scores, rules, (group, *n), &alert, out),
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

/// Builds an alert about one unit: subject, reason, value, threshold, points at stake, severity.
type Raise<'a> = dyn Fn(Subject, Reason, f64, f64, f64, Severity) -> Alert + 'a;

/// Groups whose score is under the red or yellow share of their maximum.
fn group_shares(unit: &UnitResult, rules: &RuleSet, (red, yellow): (f64, f64), alert: &Raise, out: &mut Vec<Alert>) {
    for g in &unit.groups {
        let stake = unit.own_shortfall(rules, Some(&g.code));
        // Nothing the unit can act on: no figures, or the shortfall is inherited.
        if stake <= 0.0 {
            continue;
        }
        let share = g.score / g.max;
        let severity = if share < red {
            Severity::Red
        } else if share < yellow {
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

/// A group where the unit is among the last `n` of the units under the same parent.
fn bottom_of_group(
    unit: &UnitResult,
    scores: &Scores,
    rules: &RuleSet,
    (group, n): (&String, usize),
    alert: &Raise,
    out: &mut Vec<Alert>,
) {
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
    if siblings > n && below < n {
        out.push(alert(
            Subject::Group(group.clone()),
            Reason::BottomOfGroup,
            g.score,
            n as f64,
            stake,
            Severity::Yellow,
        ));
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
                crate::core::scoring::Source::Inherited(from) => Some(from.clone()),
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
mod tests;
