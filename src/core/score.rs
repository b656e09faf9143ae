//! Criterion, group and total scores; competition ranks; the pooled roll-up of parents.
//!
//! Each criterion score is computed from the raw fraction and rounded to two decimals, half away
//! from zero; a group is the sum of its rounded criteria and the total the sum of the groups
//! (the reference's rule, which reproduces the portal's published values). A criterion whose rule
//! set entry says `rounding = "percent_first"` (the online-payment ones) is rounded as the portal's
//! front end does instead. Scores are kept in whole hundredths so that sums are exact.

use std::collections::{BTreeMap, HashMap};

use crate::core::figures::sources::{match_key, Origin};
use crate::core::figures::{Figure, Place, UnitRow};
use crate::core::format;
use crate::core::lang::Lang;
use crate::core::rules::{Criterion, Level, Rounding, Rule, RuleSet, TrackedKind, ZeroRule};
use crate::core::text::fold_words;

#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Status {
    Ok,
    /// No figures, or a zero denominator scored as "no data".
    NoData,
    /// Numerator above denominator: reported, not scored.
    DataError,
}

/// Where a unit's figure for a criterion came from.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Source {
    Own,
    /// A province-level criterion shown unchanged from this ancestor.
    Inherited(String),
    /// The unit's own counts pooled with those of the units under it.
    Pooled,
}

#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct CriterionResult {
    pub code: String,
    pub numerator: Option<f64>,
    pub denominator: Option<f64>,
    /// As a fraction of one.
    pub ratio: Option<f64>,
    /// Rounded to the hundredth; `None` when not scored (no data, data error).
    pub score: Option<f64>,
    pub max: f64,
    pub status: Status,
    pub source: Source,
    /// Which loaded source gave the figure (of the unit's own or its ancestor's row), and the
    /// sources that disagree; `None` for a figure pooled here.
    pub origin: Option<Origin>,
}

impl Source {
    /// One label per source, for the screen and every export.
    pub fn label(&self, lang: Lang) -> String {
        match (self, lang) {
            (Source::Own, Lang::Vi) => "số liệu của đơn vị".into(),
            (Source::Own, Lang::En) => "own figures".into(),
            (Source::Pooled, Lang::Vi) => "cộng gộp với đơn vị trực thuộc".into(),
            (Source::Pooled, Lang::En) => "pooled with units below".into(),
            (Source::Inherited(from), Lang::Vi) => format!("lấy theo {from}"),
            (Source::Inherited(from), Lang::En) => format!("taken from {from}"),
        }
    }
}

impl CriterionResult {
    /// Not scored for want of figures: none were given (or only part of them), or a zero
    /// denominator is scored as no data. Missing is not poor: such points are said apart from
    /// real shortfalls.
    pub fn without_data(&self) -> bool {
        self.status == Status::NoData
    }

    /// One label per state, for the screen and every export: «đã tính», «thiếu số liệu» (no
    /// figures), «không có dữ liệu» (a zero denominator scored as no data), «lỗi dữ liệu».
    pub fn status_label(&self, lang: Lang) -> &'static str {
        match self.status {
            Status::Ok => lang.pick("đã tính", "scored"),
            Status::NoData if self.denominator == Some(0.0) => lang.pick("không có dữ liệu", "no data"),
            Status::NoData => lang.pick("thiếu số liệu", "missing figures"),
            Status::DataError => lang.pick("lỗi dữ liệu", "data error"),
        }
    }

    /// The figure it was scored on: its counts, or its rate when it had no counts.
    pub fn figure(&self) -> Figure {
        let counts = self.numerator.is_some() && self.denominator.is_some();
        Figure { numerator: self.numerator, denominator: self.denominator, rate: self.ratio.filter(|_| !counts) }
    }

    /// Where its figure came from, as the unit page and the sources table say it: the loaded
    /// source (and any that disagrees) for a unit's own figure, else how it was taken from other
    /// units.
    pub fn source_text(&self, lang: Lang) -> String {
        match (&self.source, &self.origin) {
            (Source::Own, Some(origin)) => match origin.conflict(&self.figure(), lang) {
                Some(conflict) => format!("{} · {conflict}", origin.label(lang)),
                None => origin.label(lang),
            },
            (Source::Own, None) if self.numerator.is_none() && self.denominator.is_none() => {
                lang.pick("chưa có", "none").into()
            }
            (source, _) => source.label(lang),
        }
    }

    /// The points a real shortfall costs: none for a criterion without data.
    pub fn shortfall(&self) -> f64 {
        if self.without_data() {
            0.0
        } else {
            self.points_lost()
        }
    }

    /// The points this criterion leaves on the table.
    pub fn points_lost(&self) -> f64 {
        hundredths_to_points(points_to_hundredths(self.max) - points_to_hundredths(self.score.unwrap_or(0.0)))
    }
}

#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct GroupResult {
    pub code: String,
    pub score: f64,
    pub max: f64,
    /// Among the units with the same parent; `None` for the whole (see [`UnitResult::rank`]).
    pub rank: Option<usize>,
}

#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct UnitResult {
    pub name: String,
    pub parent: Option<String>,
    pub kind: Option<String>,
    pub period: Option<crate::core::period::Period>,
    /// The row it was read from; `None` for a parent made up from its children.
    pub source: Option<Place>,
    /// Empty for a unit of a score-only table.
    pub criteria: Vec<CriterionResult>,
    pub tracked: BTreeMap<String, Figure>,
    pub groups: Vec<GroupResult>,
    pub total: f64,
    /// Competition rank among the units with the same parent; `None` for the whole: a unit alone
    /// at its level with units under it (a town pooled from its communes), which stands above
    /// them rather than beside them.
    pub rank: Option<usize>,
    /// Rank among the units of the same kind (`kind`), as the portal ranks departments and
    /// communes apart; `None` without a kind.
    pub kind_rank: Option<usize>,
}

impl UnitResult {
    pub fn group(&self, code: &str) -> Option<&GroupResult> {
        self.groups.iter().find(|g| g.code == code)
    }

    pub fn criterion(&self, code: &str) -> Option<&CriterionResult> {
        self.criteria.iter().find(|c| c.code == code)
    }

    pub fn score_only(&self) -> bool {
        self.criteria.is_empty()
    }

    /// The points resting on criteria without data.
    pub fn points_without_data(&self, rules: &RuleSet) -> f64 {
        let h: i64 = rules
            .criteria
            .iter()
            .zip(&self.criteria)
            .filter(|(_, r)| r.without_data())
            .map(|(c, _)| points_to_hundredths(c.max))
            .sum();
        hundredths_to_points(h)
    }

    /// The points the unit itself can win back, in all or in one group: real shortfalls on its
    /// own or pooled figures, not those inherited from above nor those resting on missing ones.
    /// A score-only unit (group scores alone) can win back all it lacks.
    pub fn own_shortfall(&self, rules: &RuleSet, group: Option<&str>) -> f64 {
        let h: i64 = if self.score_only() {
            let lost = |g: &GroupResult| points_to_hundredths(g.max) - points_to_hundredths(g.score);
            self.groups.iter().filter(|g| group.is_none_or(|c| g.code == c)).map(lost).sum()
        } else {
            rules
                .criteria
                .iter()
                .zip(&self.criteria)
                .filter(|(c, r)| self.can_change(c, r) && group.is_none_or(|g| c.group == g))
                .map(|(_, r)| points_to_hundredths(r.shortfall()))
                .sum()
        };
        hundredths_to_points(h)
    }

    /// Whether the unit itself can change what `c` is scored on: not a figure taken from above,
    /// and not a criterion set above it (publishing and updating procedures are the province's)
    /// even where a file repeats the province's figure on every unit's row. The whole, and a unit
    /// of the province's own kind, or of no known kind with nothing above it, answer for those.
    pub fn can_change(&self, c: &Criterion, r: &CriterionResult) -> bool {
        !matches!(r.source, Source::Inherited(_)) && (c.level != Level::Province || self.answers_for_province())
    }

    fn answers_for_province(&self) -> bool {
        use crate::core::kind::Kind;
        let below = [Kind::Department, Kind::District, Kind::Commune].map(|k| k.label(Lang::Vi));
        self.is_whole() || self.parent.is_none() && !self.kind.as_deref().is_some_and(|k| below.contains(&k))
    }

    /// How much of a group's criteria have data.
    pub fn coverage(&self, rules: &RuleSet, group: &str) -> Coverage {
        let members = rules.criteria.iter().zip(&self.criteria).filter(|(c, _)| c.group == group);
        let (with, without) =
            members.fold((0, 0), |(w, wo), (_, r)| if r.without_data() { (w, wo + 1) } else { (w + 1, wo) });
        match (with, without) {
            (_, 0) => Coverage::Full,
            (0, _) => Coverage::Missing,
            _ => Coverage::Partial,
        }
    }

    /// The whole the other units make up: not ranked among them.
    pub fn is_whole(&self) -> bool {
        self.rank.is_none()
    }
}

/// How much of a group's criteria a unit has figures for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Coverage {
    Full,
    /// Some criteria have none: the score counts them as 0.
    Partial,
    /// None has: the score is 0 for want of figures, not for poor results.
    Missing,
}

impl Coverage {
    /// A group's score as every table writes it: «thiếu số liệu» when no criterion has figures,
    /// a «*» after it when some have none (see [`Coverage::legend`]).
    pub fn text(self, score: f64, lang: Lang) -> String {
        match self {
            Coverage::Full => format::fixed(score, 2),
            Coverage::Partial => format!("{} *", format::fixed(score, 2)),
            Coverage::Missing => lang.pick("thiếu số liệu", "missing").to_string(),
        }
    }

    /// The ranking cell's `data-missing`: none when every criterion has figures.
    pub fn code(self) -> Option<&'static str> {
        match self {
            Coverage::Full => None,
            Coverage::Partial => Some("some"),
            Coverage::Missing => Some("all"),
        }
    }

    /// What the marks mean, under a table that has any.
    pub fn legend(lang: Lang) -> &'static str {
        lang.pick(
            "«thiếu số liệu»: chưa có số liệu cho cả nhóm (tính 0 điểm); *: nhóm có tiêu chí thiếu số liệu (tính 0 điểm cho tiêu chí đó).",
            "«missing»: no figures for the whole group (counted as 0); *: some of the group's criteria have no figures (counted as 0).",
        )
    }
}

/// Something about the set of units as a whole.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub enum ScoreWarning {
    /// A parent named by some unit but without a row of its own: its scores pool its children.
    ParentWithoutRow { parent: String },
    /// Units naming each other as parents; the link of `unit` was dropped.
    ParentCycle { unit: String },
}

/// The code that stands for the total where a group code could be (a sort, a result line).
pub const TOTAL: &str = "TOTAL";

/// What the ranking is sorted by: the total (the hierarchy by rank) or one group's score.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum RankBy {
    #[default]
    Total,
    Group(String),
}

impl RankBy {
    /// The column's code: [`TOTAL`] or the group's.
    pub fn code(&self) -> &str {
        match self {
            RankBy::Total => TOTAL,
            RankBy::Group(code) => code,
        }
    }

    pub fn from_code(code: &str) -> RankBy {
        if code == TOTAL {
            RankBy::Total
        } else {
            RankBy::Group(code.to_string())
        }
    }
}

#[derive(Clone, Debug, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Scores {
    pub units: Vec<UnitResult>,
    pub warnings: Vec<ScoreWarning>,
    /// [`Scores::ranked_order`], found once when the units are scored (in the engine): every
    /// table and export reads it, and finding it folds every unit's name and parent.
    #[serde(default)]
    ranked: Vec<usize>,
}

pub(crate) fn points_to_hundredths(points: f64) -> i64 {
    (points * 100.0).round() as i64
}

pub(crate) fn hundredths_to_points(h: i64) -> f64 {
    h as f64 / 100.0
}

/// a / b rounded half away from zero, for a ≥ 0 and b > 0.
fn div_round(a: i128, b: i128) -> i128 {
    (2 * a + b) / (2 * b)
}

fn is_count(x: f64) -> bool {
    x.fract() == 0.0 && (0.0..9.0e15).contains(&x)
}

/// The score in hundredths of a point for a ratio `numerator / denominator` (denominator > 0,
/// numerator ≤ denominator). Whole counts are computed exactly in integers, so that a score
/// landing on x.xx5 rounds up as on paper; other inputs fall back to floating point.
fn score_hundredths(max: f64, rule: Rule, numerator: f64, denominator: f64) -> i64 {
    let m = points_to_hundredths(max) as i128;
    if is_count(numerator) && is_count(denominator) {
        let (n, d) = (numerator as i128, denominator as i128);
        let h = match rule {
            Rule::Linear => div_round(m * n, d),
            Rule::Target(t) => {
                let t = (t * 1_000_000.0).round() as i128;
                if n * 1_000_000 >= d * t {
                    m
                } else {
                    div_round(m * n * 1_000_000, d * t)
                }
            }
        };
        return h as i64;
    }
    rate_hundredths(max, rule, numerator / denominator)
}

fn rate_hundredths(max: f64, rule: Rule, ratio: f64) -> i64 {
    let share = match rule {
        Rule::Linear => ratio,
        Rule::Target(t) => (ratio / t).min(1.0),
    };
    // The nudge keeps a product that should be exactly x.xx5 from rounding down on binary error.
    (max * 100.0 * share * (1.0 + 1e-12)).round() as i64
}

/// `x` (≥ 0) in hundredths as JavaScript's `x.toFixed(2)` gives them: the exact binary value of
/// the double rounded to the nearest hundredth, a tie going up (5.085, stored as 5.08499…, gives
/// 5.08; 0.375, stored exactly, gives 0.38).
fn to_fixed2_hundredths(x: f64) -> i64 {
    if x.is_nan() || x <= 0.0 {
        return 0;
    }
    let bits = x.to_bits();
    let exponent = ((bits >> 52) & 0x7ff) as i32;
    let fraction = bits & ((1u64 << 52) - 1);
    let (mantissa, e) = if exponent == 0 { (fraction, -1074) } else { (fraction | (1u64 << 52), exponent - 1075) };
    if e >= 0 {
        // A whole number of 2^52 or more: no fraction to round.
        return (x * 100.0).round() as i64;
    }
    // x × 100 = mantissa × 100 / 2^shift, exactly.
    let shift = e.unsigned_abs();
    if shift >= 127 {
        return 0;
    }
    let scaled = u128::from(mantissa) * 100;
    let whole = scaled >> shift;
    let rest = scaled & ((1u128 << shift) - 1);
    (whole + u128::from(rest >= 1u128 << (shift - 1))) as i64
}

/// The portal front end's score: the percentage rounded first, then max × percent / (100 × target)
/// capped at max, each step on doubles as JavaScript computes it.
fn percent_first_hundredths(max: f64, rule: Rule, ratio: f64) -> i64 {
    let percent = to_fixed2_hundredths(ratio * 100.0) as f64 / 100.0;
    let target = match rule {
        Rule::Linear => 1.0,
        Rule::Target(t) => t,
    };
    to_fixed2_hundredths((max * percent / (100.0 * target)).min(max))
}

/// The score in hundredths of a point for counts `numerator ≤ denominator` (both ≥ 0), with the
/// criterion's zero-denominator rule and rounding; `None` when a zero denominator is "no data".
pub fn counts_hundredths(criterion: &Criterion, numerator: f64, denominator: f64) -> Option<i64> {
    if denominator == 0.0 {
        return match criterion.zero {
            ZeroRule::NoData => None,
            ZeroRule::Full => Some(points_to_hundredths(criterion.max)),
            ZeroRule::Zero => Some(0),
        };
    }
    Some(match criterion.rounding {
        Rounding::Exact => score_hundredths(criterion.max, criterion.rule, numerator, denominator),
        Rounding::PercentFirst => percent_first_hundredths(criterion.max, criterion.rule, numerator / denominator),
    })
}

/// The fewest items, up to `room`, that raise counts `numerator / denominator` (the denominator
/// unchanged) to a score of at least `wanted` hundredths; `None` when even `room` does not.
/// Scores rise with the numerator, so it is found by bisection.
pub fn fewest_to_reach(criterion: &Criterion, numerator: f64, denominator: f64, room: u64, wanted: i64) -> Option<u64> {
    let reaches = |add: u64| counts_hundredths(criterion, numerator + add as f64, denominator).unwrap_or(0) >= wanted;
    if !reaches(room) {
        return None;
    }
    let (mut lo, mut hi) = (0, room);
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        if reaches(mid) {
            hi = mid;
        } else {
            lo = mid + 1;
        }
    }
    Some(lo)
}

/// One criterion from its figure.
pub fn score_criterion(criterion: &Criterion, figure: Option<&Figure>, source: Source) -> CriterionResult {
    let mut result = CriterionResult {
        code: criterion.code.clone(),
        numerator: figure.and_then(|f| f.numerator),
        denominator: figure.and_then(|f| f.denominator),
        ratio: None,
        score: None,
        max: criterion.max,
        status: Status::NoData,
        source,
        origin: None,
    };
    let hundredths = match (result.numerator, result.denominator, figure.and_then(|f| f.rate)) {
        (Some(n), Some(d), _) if n > d || n < 0.0 || d < 0.0 => {
            result.ratio = (d > 0.0).then(|| n / d);
            result.status = Status::DataError;
            None
        }
        (Some(n), Some(d), _) => {
            result.ratio = (d > 0.0).then(|| n / d);
            counts_hundredths(criterion, n, d)
        }
        (_, _, Some(r)) => {
            result.ratio = Some(r);
            Some(match criterion.rounding {
                Rounding::Exact => rate_hundredths(criterion.max, criterion.rule, r),
                Rounding::PercentFirst => percent_first_hundredths(criterion.max, criterion.rule, r),
            })
        }
        _ => None,
    };
    if let Some(h) = hundredths {
        result.score = Some(hundredths_to_points(h));
        result.status = Status::Ok;
    }
    result
}

/// Scores every unit. A unit's own figures stand; parents named in `Đơn vị cấp trên` without a
/// row of their own (or without a criterion in it) pool the counts of the units under them (sums
/// of numerators over sums of denominators, never an average of scores); province-level criteria
/// missing on a unit are taken unchanged from its nearest ancestor that has them. Ranks are
/// competition ranks among units with the same parent.
pub fn score_units(rows: &[UnitRow], rules: &RuleSet) -> Scores {
    let mut warnings = Vec::new();
    let mut units: Vec<UnitRow> = rows.to_vec();
    let mut index: HashMap<String, usize> = units.iter().enumerate().map(|(i, u)| (match_key(&u.name), i)).collect();

    // Parents without a row of their own become units made of their children.
    let mut i = 0;
    while i < units.len() {
        if let Some(parent) = units[i].parent.clone() {
            if let std::collections::hash_map::Entry::Vacant(slot) = index.entry(match_key(&parent)) {
                slot.insert(units.len());
                warnings.push(ScoreWarning::ParentWithoutRow { parent: parent.clone() });
                units.push(UnitRow {
                    name: parent,
                    kind: None,
                    parent: None,
                    period: units[i].period.clone(),
                    source: Place::default(),
                    figures: BTreeMap::new(),
                    tracked: BTreeMap::new(),
                    group_scores: BTreeMap::new(),
                    total_score: None,
                    origins: Default::default(),
                });
            }
        }
        i += 1;
    }
    let synthetic_from = rows.len();

    let mut parent_of: Vec<Option<usize>> =
        units.iter().map(|u| u.parent.as_ref().and_then(|p| index.get(&match_key(p)).copied())).collect();
    for u in 0..units.len() {
        let mut seen = vec![u];
        let mut at = parent_of[u];
        while let Some(p) = at {
            if seen.contains(&p) {
                warnings.push(ScoreWarning::ParentCycle { unit: units[u].name.clone() });
                parent_of[u] = None;
                break;
            }
            seen.push(p);
            at = parent_of[p];
        }
    }
    let ancestors: Vec<Vec<usize>> = (0..units.len())
        .map(|u| {
            let mut out = Vec::new();
            let mut at = parent_of[u];
            while let Some(p) = at {
                out.push(p);
                at = parent_of[p];
            }
            out
        })
        .collect();
    let mut descendants: Vec<Vec<usize>> = vec![Vec::new(); units.len()];
    for (u, list) in ancestors.iter().enumerate() {
        for &a in list {
            descendants[a].push(u);
        }
    }

    let mut results: Vec<UnitResult> = Vec::with_capacity(units.len());
    for u in 0..units.len() {
        let unit = &units[u];
        let score_only = !unit.group_scores.is_empty() && unit.figures.is_empty();
        let criteria: Vec<CriterionResult> = if score_only {
            Vec::new()
        } else {
            rules
                .criteria
                .iter()
                .map(|c| {
                    let (figure, source, origin) = figure_for(c, u, &units, &descendants[u], &ancestors[u]);
                    CriterionResult { origin, ..score_criterion(c, figure.as_ref(), source) }
                })
                .collect()
        };
        let groups = rules
            .groups
            .iter()
            .map(|g| {
                let h = if score_only {
                    points_to_hundredths(unit.group_scores.get(&g.code).copied().unwrap_or(0.0))
                } else {
                    let members = rules.criteria.iter().zip(&criteria).filter(|(c, _)| c.group == g.code);
                    members.map(|(_, r)| points_to_hundredths(r.score.unwrap_or(0.0))).sum()
                };
                GroupResult { code: g.code.clone(), score: hundredths_to_points(h), max: g.max, rank: None }
            })
            .collect::<Vec<_>>();
        let total = match (score_only, unit.total_score) {
            (true, Some(t)) => t,
            _ => hundredths_to_points(groups.iter().map(|g| points_to_hundredths(g.score)).sum()),
        };
        results.push(UnitResult {
            name: unit.name.clone(),
            parent: parent_of[u].map(|p| units[p].name.clone()),
            kind: crate::core::kind::kind_of(&unit.name, unit.kind.as_deref()),
            period: unit.period.clone(),
            source: (u < synthetic_from).then(|| unit.source.clone()),
            criteria,
            tracked: pooled_tracked(rules, u, &units, &descendants[u]),
            groups,
            total,
            rank: None,
            kind_rank: None,
        });
    }
    rank(&mut results, &parent_of, rules);
    rank_by_kind(&mut results);
    let mut scores = Scores { units: results, warnings, ranked: Vec::new() };
    scores.ranked = scores.hierarchy();
    scores
}

/// The figure a criterion is scored on, where it came from, and which loaded source gave it. A
/// unit's own row is its figure — a province's or a town's row is already the whole of it, as the
/// portal publishes it —, a province-level criterion it lacks is its nearest ancestor's, and
/// whatever else it lacks is pooled from the units under it (a parent without a row, or a row
/// without that criterion).
fn figure_for(
    c: &Criterion,
    u: usize,
    units: &[UnitRow],
    descendants: &[usize],
    ancestors: &[usize],
) -> (Option<Figure>, Source, Option<Origin>) {
    let own = units[u].figures.get(&c.code).copied();
    let origin = |i: usize| units[i].origins.get(&c.code).cloned();
    if own.is_some() || descendants.is_empty() && c.level != Level::Province {
        return (own, Source::Own, origin(u));
    }
    if c.level == Level::Province {
        for &a in ancestors {
            if let Some(f) = units[a].figures.get(&c.code) {
                return (Some(*f), Source::Inherited(units[a].name.clone()), origin(a));
            }
        }
        // A whole that nobody above gives the province's figures pools its units' own counts
        // like any other criterion, as the portal publishes it (the seed town's CKMB 7,3).
    }
    match pool(descendants.iter().filter_map(|&i| units[i].figures.get(&c.code).copied())) {
        Some(f) => (Some(f), Source::Pooled, pooled_origin(descendants.iter().filter_map(|&i| origin(i)))),
        None => (own, Source::Own, origin(u)),
    }
}

/// Where a pooled figure came from: the source its parts share (and their file, when one), `None`
/// when they came from different sources.
fn pooled_origin(mut parts: impl Iterator<Item = Origin>) -> Option<Origin> {
    let first = parts.next()?;
    let mut file = Some(first.file.clone());
    for o in parts {
        if o.source != first.source {
            return None;
        }
        if file.as_deref() != Some(o.file.as_str()) {
            file = None;
        }
    }
    Some(Origin { file: file.unwrap_or_default(), denominator: None, via: None, others: Vec::new(), ..first })
}

/// Sums the counts of the figures that have both parts and are not in error; `None` when none has.
pub fn pool(figures: impl IntoIterator<Item = Figure>) -> Option<Figure> {
    let mut total: Option<(f64, f64)> = None;
    for f in figures {
        if let (Some(n), Some(d)) = (f.numerator, f.denominator) {
            if n <= d {
                let (tn, td) = total.unwrap_or((0.0, 0.0));
                total = Some((tn + n, td + d));
            }
        }
    }
    total.map(|(n, d)| Figure { numerator: Some(n), denominator: Some(d), rate: None })
}

fn pooled_tracked(rules: &RuleSet, u: usize, units: &[UnitRow], descendants: &[usize]) -> BTreeMap<String, Figure> {
    let mut out = units[u].tracked.clone();
    if descendants.is_empty() {
        return out;
    }
    let members = || std::iter::once(u).chain(descendants.iter().copied());
    for t in &rules.tracked {
        let pooled = match t.kind {
            TrackedKind::Ratio => pool(members().filter_map(|i| units[i].tracked.get(&t.code).copied())),
            TrackedKind::Count => {
                let values: Vec<f64> =
                    members().filter_map(|i| units[i].tracked.get(&t.code).and_then(|f| f.numerator)).collect();
                (!values.is_empty()).then(|| Figure { numerator: Some(values.iter().sum()), ..Figure::default() })
            }
            // An average cannot be pooled without its weights: the unit's own value stands.
            TrackedKind::Value => None,
        };
        if let Some(f) = pooled {
            out.insert(t.code.clone(), f);
        }
    }
    out
}

/// Competition ranks (1, 2, 2, 4) on the rounded scores, among units with the same parent.
fn rank(results: &mut [UnitResult], parent_of: &[Option<usize>], rules: &RuleSet) {
    let mut siblings: HashMap<Option<usize>, Vec<usize>> = HashMap::new();
    for (u, p) in parent_of.iter().enumerate() {
        siblings.entry(*p).or_default().push(u);
    }
    let has_units_below: Vec<bool> = (0..results.len()).map(|u| parent_of.contains(&Some(u))).collect();
    for members in siblings.values() {
        if let [alone] = members[..] {
            if has_units_below[alone] {
                continue;
            }
        }
        let totals = competition_ranks(members.iter().map(|&u| points_to_hundredths(results[u].total)));
        for (&u, r) in members.iter().zip(totals) {
            results[u].rank = Some(r);
        }
        for g in 0..rules.groups.len() {
            let ranks = competition_ranks(members.iter().map(|&u| points_to_hundredths(results[u].groups[g].score)));
            for (&u, r) in members.iter().zip(ranks) {
                results[u].groups[g].rank = Some(r);
            }
        }
    }
}

/// Competition ranks on the rounded totals among the units of each kind, whatever their parent
/// (the whole is not ranked).
fn rank_by_kind(results: &mut [UnitResult]) {
    let mut kinds: HashMap<String, Vec<usize>> = HashMap::new();
    for (u, r) in results.iter().enumerate().filter(|(_, r)| !r.is_whole()) {
        if let Some(kind) = &r.kind {
            kinds.entry(fold_words(kind)).or_default().push(u);
        }
    }
    for members in kinds.values() {
        let ranks = competition_ranks(members.iter().map(|&u| points_to_hundredths(results[u].total)));
        for (&u, r) in members.iter().zip(ranks) {
            results[u].kind_rank = Some(r);
        }
    }
}

/// 1 + how many values are strictly higher, for each value.
fn competition_ranks(values: impl Iterator<Item = i64>) -> Vec<usize> {
    let values: Vec<i64> = values.collect();
    let mut sorted = values.clone();
    sorted.sort_unstable_by(|a, b| b.cmp(a));
    values.iter().map(|v| 1 + sorted.partition_point(|x| x > v)).collect()
}

/// How many units a typed name finds, said under the ranking.
pub fn named_label(count: usize, l: Lang) -> String {
    let n = format::number(count as f64, 0);
    match l {
        Lang::Vi => format!("Tìm thấy {n} đơn vị"),
        Lang::En => format!("{n} units found"),
    }
}

impl Scores {
    /// The whole the other units make up (its own row, or pooled from them): the one unit left
    /// unranked above them. The letter, the appendix, the overview and the exports all take it
    /// from here, so that they cannot name different wholes.
    pub fn whole(&self) -> Option<&UnitResult> {
        let mut wholes = self.units.iter().filter(|u| u.is_whole() && u.parent.is_none());
        wholes.next().filter(|_| wholes.next().is_none())
    }

    /// Every unit, A to Z by name as a person looks one up (without regard to case or diacritics).
    pub fn a_to_z(&self) -> Vec<&UnitResult> {
        let mut units: Vec<(String, &UnitResult)> = self.units.iter().map(|u| (fold_words(&u.name), u)).collect();
        units.sort_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1.name.cmp(&b.1.name)));
        units.into_iter().map(|(_, u)| u).collect()
    }

    /// Each group's average score over the units with the same parent as `unit` (itself left
    /// out), in group order: what its chart compares it with; 0 where it has no peers.
    pub fn peer_averages(&self, unit: &UnitResult) -> Vec<f64> {
        let peers: Vec<&UnitResult> =
            self.units.iter().filter(|x| x.parent == unit.parent && x.name != unit.name).collect();
        unit.groups
            .iter()
            .map(|g| {
                let sum: f64 = peers.iter().filter_map(|p| p.group(&g.code)).map(|x| x.score).sum();
                if peers.is_empty() {
                    0.0
                } else {
                    sum / peers.len() as f64
                }
            })
            .collect()
    }

    /// Whether a row must name its unit's parent: only when the units belong to more than one
    /// (with one, the whole heads the table and every row would repeat it).
    pub fn parents_differ(&self) -> bool {
        let mut parents = self.units.iter().filter_map(|u| u.parent.as_deref().map(fold_words));
        parents.next().is_some_and(|first| parents.any(|p| p != first))
    }

    /// The kinds of the units ranked (the whole is not), in reading order of their first unit.
    pub fn kinds(&self) -> Vec<String> {
        let mut kinds: Vec<String> = Vec::new();
        let mut seen = std::collections::HashSet::new();
        for i in self.ranked_order() {
            let u = &self.units[i];
            if let (Some(kind), false) = (&u.kind, u.is_whole()) {
                if seen.insert(fold_words(kind)) {
                    kinds.push(kind.clone());
                }
            }
        }
        kinds
    }

    /// The ranking's rows: sorted by `sort` (the total: the hierarchy by rank; or a group),
    /// and, with a kind, only its units by their rank within it (the portal's ranking apart).
    pub fn order(&self, sort: &RankBy, kind: Option<&str>) -> Vec<usize> {
        let mut order = match sort {
            RankBy::Total => self.ranked_order(),
            RankBy::Group(code) => self.order_by_group(code),
        };
        if let Some(kind) = kind.map(fold_words) {
            let of_kind = |i: &usize| {
                let u = &self.units[*i];
                !u.is_whole() && u.kind.as_deref().map(fold_words).as_ref() == Some(&kind)
            };
            order.retain(of_kind);
            if *sort == RankBy::Total {
                // Stable: equal ranks keep reading order.
                order.sort_by_key(|&i| self.units[i].kind_rank);
            }
        }
        order
    }

    /// `order` without the units whose name does not hold `query`, without regard to case or
    /// diacritics («ba vi» finds «UBND xã Ba Vì»); an empty query keeps every unit.
    pub fn named(&self, mut order: Vec<usize>, query: &str) -> Vec<usize> {
        let query = fold_words(query);
        if !query.is_empty() {
            order.retain(|&i| fold_words(&self.units[i].name).contains(&query));
        }
        order
    }

    /// Units by one group's score, highest first (then in reading order), the whole above them.
    pub fn order_by_group(&self, code: &str) -> Vec<usize> {
        let score = |i: usize| self.units[i].group(code).map_or(0.0, |g| g.score);
        let mut order: Vec<usize> = (0..self.units.len()).collect();
        order.sort_by(|&a, &b| {
            let whole = |i: usize| !self.units[i].is_whole();
            whole(a).cmp(&whole(b)).then_with(|| score(b).total_cmp(&score(a))).then_with(|| a.cmp(&b))
        });
        order
    }

    /// Whether some unit lacks figures for some criterion (some group's coverage is then not
    /// full, and the ranking marks it).
    pub fn lacks_figures(&self) -> bool {
        self.units.iter().any(|u| u.criteria.iter().any(CriterionResult::without_data))
    }

    /// Units in reading order for tables and exports: top-level units by rank, each followed by
    /// the units under it, by rank.
    pub fn ranked_order(&self) -> Vec<usize> {
        if self.ranked.len() == self.units.len() {
            self.ranked.clone()
        } else {
            self.hierarchy()
        }
    }

    fn hierarchy(&self) -> Vec<usize> {
        let key = |u: &UnitResult| u.parent.as_deref().map(fold_words);
        let mut children: HashMap<Option<String>, Vec<usize>> = HashMap::new();
        for (i, u) in self.units.iter().enumerate() {
            children.entry(key(u)).or_default().push(i);
        }
        for list in children.values_mut() {
            list.sort_by_key(|&i| (self.units[i].rank.unwrap_or(0), i));
        }
        let mut order = Vec::with_capacity(self.units.len());
        let mut placed = vec![false; self.units.len()];
        let mut stack: Vec<usize> = children.get(&None).map(|l| l.iter().rev().copied().collect()).unwrap_or_default();
        while let Some(i) = stack.pop() {
            if std::mem::replace(&mut placed[i], true) {
                continue;
            }
            order.push(i);
            if let Some(list) = children.get(&Some(fold_words(&self.units[i].name))) {
                stack.extend(list.iter().rev().copied());
            }
        }
        // Anything not reached (a broken parent link) still appears, at the end.
        order.extend((0..self.units.len()).filter(|&i| !placed[i]));
        order
    }
}

impl crate::core::message::Message for ScoreWarning {
    fn message(&self, lang: crate::core::lang::Lang) -> String {
        use crate::core::lang::Lang;
        match (self, lang) {
            (ScoreWarning::ParentWithoutRow { parent }, Lang::Vi) => format!(
                "Đơn vị cấp trên «{parent}» không có dòng số liệu riêng; điểm của đơn vị này được tính gộp từ các đơn vị trực thuộc. Nếu đơn vị có hồ sơ của riêng mình, hãy thêm một dòng cho nó."
            ),
            (ScoreWarning::ParentWithoutRow { parent }, Lang::En) => format!(
                "The parent unit «{parent}» has no row of its own; its scores pool the units under it. If it handles dossiers itself, add a row for it."
            ),
            (ScoreWarning::ParentCycle { unit }, Lang::Vi) => format!(
                "Đơn vị «{unit}» và các đơn vị cấp trên của nó trỏ vòng lẫn nhau; chiso đã bỏ liên kết cấp trên của «{unit}». Hãy sửa cột «Đơn vị cấp trên»."
            ),
            (ScoreWarning::ParentCycle { unit }, Lang::En) => format!(
                "The unit «{unit}» and its parents point at each other in a loop; chiso dropped «{unit}»'s parent link. Correct the «Đơn vị cấp trên» column."
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn coverage_says_itself() {
        assert_eq!(Coverage::Full.text(6.314, Lang::Vi), "6,31");
        assert_eq!(Coverage::Partial.text(6.31, Lang::Vi), "6,31 *");
        assert_eq!(Coverage::Missing.text(0.0, Lang::Vi), "thiếu số liệu");
        assert_eq!(
            [Coverage::Full, Coverage::Partial, Coverage::Missing].map(Coverage::code),
            [None, Some("some"), Some("all")]
        );
    }

    #[test]
    fn to_fixed_rounds_the_binary_value_as_javascript_does() {
        // Each expected value is what node prints for (x).toFixed(2).
        for (x, hundredths) in [(5.085, 508), (0.375, 38), (1.005, 100), (84.745, 8475), (19.48, 1948), (0.0, 0)] {
            assert_eq!(to_fixed2_hundredths(x), hundredths, "{x}");
        }
    }
}
