//! Criterion, group and total scores; competition ranks; the pooled roll-up of parents.
//!
//! Each criterion score is computed from the raw fraction and rounded to two decimals, half away
//! from zero; a group is the sum of its rounded criteria and the total the sum of the groups
//! (the reference's rule, which reproduces the portal's published values). A criterion whose rule
//! set entry says `rounding = "percent_first"` (the online-payment ones) is rounded as the portal's
//! front end does instead. Scores are kept in whole hundredths so that sums are exact.

mod arithmetic;
pub mod band;
mod ranks;
mod rollup;

pub use arithmetic::{counts_hundredths, fewest_to_reach, score_criterion};
pub(crate) use arithmetic::{hundredths_to_points, points_to_hundredths};
pub use rollup::{pool, score_units};

use std::collections::{BTreeMap, HashMap};

use crate::core::figures::sources::{match_key, Origin};
use crate::core::figures::{Figure, Place, UnitRow};
use crate::core::model::format;
use crate::core::model::lang::Lang;
use crate::core::model::text::fold_words;
use crate::core::rules::{Criterion, Level, Rounding, Rule, RuleSet, TrackedKind, ZeroRule};

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
    pub period: Option<crate::core::model::period::Period>,
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
        use crate::core::layout::kind::Kind;
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

/// How many units a typed name finds, said under the ranking.
pub fn named_label(count: usize, l: Lang) -> String {
    let n = format::number(count as f64, 0);
    match l {
        Lang::Vi => format!("Tìm thấy {n} đơn vị"),
        Lang::En => format!("{n} units found"),
    }
}

impl crate::core::model::message::Message for ScoreWarning {
    fn message(&self, lang: crate::core::model::lang::Lang) -> String {
        use crate::core::model::lang::Lang;
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
}
