//! The rule set: groups, criteria and tracked values, loaded from a TOML file and validated.
//! The default (src/rules/qd766-2026.toml) is compiled in; a user may load another.

use serde::{Deserialize, Serialize};

use crate::core::model::lang::Lang;

pub const DEFAULT_RULES: &str = include_str!("../rules/qd766-2026.toml");

/// How a criterion's ratio becomes points.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub enum Rule {
    /// max × ratio
    Linear,
    /// max × min(1, ratio / target)
    Target(f64),
}

/// What a zero denominator scores (observed portal behaviour differs per criterion).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ZeroRule {
    /// No score ("không có dữ liệu"), counted as 0 in the group.
    NoData,
    /// Nothing to fail on: full points.
    Full,
    /// Nothing done: zero points.
    Zero,
}

/// How a criterion's score is rounded to the hundredth.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Rounding {
    /// From the exact fraction, half away from zero.
    #[default]
    Exact,
    /// As the portal's front end does for the online-payment criteria: the percentage first
    /// rounded to two decimals, then the score, both as JavaScript's `toFixed(2)` rounds a double.
    PercentFirst,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    Unit,
    /// Computed for the province and shown unchanged for its units.
    Province,
}

/// What a criterion's numerator and denominator count: what a unit must add more of to raise it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Counts {
    Dossiers,
    /// Administrative procedures (TTHC) or the public services that carry them.
    Procedures,
    /// Citizens' and businesses' petitions (PAKN).
    Petitions,
    /// Units (those that must provide a service).
    Units,
}

impl Counts {
    /// The contract's name of it (`chiso plan`'s `counts`).
    pub fn code(self) -> &'static str {
        match self {
            Counts::Dossiers => "dossiers",
            Counts::Procedures => "procedures",
            Counts::Petitions => "petitions",
            Counts::Units => "units",
        }
    }

    /// The word for one of them, as a count is said («thêm 129 hồ sơ»).
    pub fn noun(self, lang: Lang) -> &'static str {
        lang.of(match self {
            Counts::Dossiers => ("hồ sơ", "dossiers"),
            Counts::Procedures => ("TTHC", "procedures"),
            Counts::Petitions => ("PAKN", "petitions"),
            Counts::Units => ("đơn vị", "units"),
        })
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TrackedKind {
    /// A numerator and a denominator, shown as a rate.
    Ratio,
    /// A whole number.
    Count,
    /// Any number (days …).
    Value,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Group {
    pub code: String,
    pub name: String,
    pub name_en: String,
    pub max: f64,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Criterion {
    pub code: String,
    pub group: String,
    pub name: String,
    /// Its name on English screens (the Vietnamese one where the rule set gives none).
    pub name_en: String,
    pub label: String,
    pub max: f64,
    pub rule: Rule,
    pub zero: ZeroRule,
    pub rounding: Rounding,
    pub level: Level,
    pub counts: Counts,
    /// How a dossier list yields its figures; parts left out come from unit figures.
    pub dossiers: FromDossiers,
    /// How a settlement report (Biểu II.06a/VPCP/KSTT) yields them.
    pub report: FromReport,
}

impl Group {
    /// Its name as a screen in `lang` says it.
    pub fn name_in(&self, lang: Lang) -> &str {
        lang.pick(&self.name, &self.name_en)
    }
}

impl Criterion {
    /// Its name as a screen in `lang` says it.
    pub fn name_in(&self, lang: Lang) -> &str {
        lang.pick(&self.name, &self.name_en)
    }

    /// Its short label in `lang`: English has only the name.
    pub fn label_in(&self, lang: Lang) -> &str {
        lang.pick(&self.label, &self.name_en)
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Tracked {
    pub code: String,
    pub name: String,
    pub label: String,
    pub kind: TrackedKind,
    #[serde(default)]
    pub dossiers: FromDossiers,
    #[serde(default)]
    pub report: FromReport,
}

/// Which columns of a settlement report add up to a criterion's numerator and denominator (for
/// a tracked count, the numerator is the value). Empty: the report does not give it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FromReport {
    #[serde(default)]
    pub numerator: Vec<ReportColumn>,
    #[serde(default)]
    pub denominator: Vec<ReportColumn>,
}

/// The count columns of the settlement report form (Thông tư 01/2020/TT-VPCP, Biểu II.06a).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReportColumn {
    /// Số hồ sơ nhận giải quyết › Tổng số (carried-over dossiers included).
    ReceivedTotal,
    /// › Trong đó › Trực tuyến.
    ReceivedOnline,
    /// › Trong đó › Trực tiếp, dịch vụ bưu chính.
    ReceivedDirect,
    /// › Từ kỳ trước.
    CarriedOver,
    /// › Trong kỳ (some systems): received in the period, online and otherwise; the in-person
    /// count is what is left after the online one.
    ReceivedInPeriod,
    /// › Qua BCCI (some systems, beside «Trực tiếp»): by the public postal service, which the
    /// form counts with those received in person.
    ReceivedPostal,
    /// Số hồ sơ đã giải quyết › Tổng số.
    DoneTotal,
    /// › Trước hạn.
    DoneEarly,
    /// › Đúng hạn.
    DoneOnTime,
    /// › Quá hạn.
    DoneLate,
    /// Số hồ sơ đang giải quyết › Tổng số.
    PendingTotal,
    /// › Trong hạn.
    PendingInTime,
    /// › Quá hạn.
    PendingLate,
}

/// What a dossier list counts for a criterion's numerator and denominator (for a tracked count
/// or value, the numerator is the value).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FromDossiers {
    pub numerator: Option<Measure>,
    pub denominator: Option<Measure>,
}

/// A count (or value) taken over the dossiers received in the period. A rule set names them in
/// `dossiers = { numerator = "...", denominator = "..." }`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Measure {
    /// Dossiers counted in the period: the denominator of most criteria.
    Received,
    /// Finished on or before the due date, or unfinished and not yet due at the period's end.
    OnTime,
    /// Received online, not at the desk or by post.
    Online,
    /// Received online and counted on time.
    OnlineOnTime,
    /// Synchronised to the national portal.
    Synced,
    /// With a fee or charge due.
    WithFee,
    /// With a fee, paid online.
    PaidOnline,
    /// Whose result was issued as an electronic document.
    ElectronicResult,
    /// Whose papers were digitised at receipt.
    Digitised,
    /// That reused data already digitised, so the citizen gave no paper twice.
    Reused,
    /// Whose result went into the citizen's personal data store.
    PersonalStore,
    /// That used population data, came from a VNeID-verified account, or took a component from the
    /// personal data store.
    PopulationData,
    /// Neither overdue, nor rated "not satisfied", nor the subject of a petition.
    Satisfied,
    /// Finished (a finish date given).
    Completed,
    /// Distinct procedures with at least one online dossier (not a count of dossiers).
    ProceduresOnline,
    /// Mean days from receipt to completion over the dossiers finished.
    AverageDays,
}

/// What a dossier's status (the `Trạng thái` column of a one-stop export) means for the counts.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Status {
    /// Its spellings, matched without regard to case, diacritics or spacing.
    pub names: Vec<String>,
    /// A dossier received; false for one not accepted or withdrawn, which is in no count.
    pub counted: bool,
    /// Its processing is over; false while in progress, whatever finish date the row carries.
    pub finished: bool,
    /// Its processing ended without finishing (refused, stopped, withdrawn after acceptance): it
    /// stays counted, ended at that event (the row's refusal, stop or withdrawal date, else its
    /// finish date), and is in neither COMPLETED nor AVG_DAYS.
    #[serde(default)]
    pub ends: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RuleSet {
    pub name: String,
    pub version: String,
    pub groups: Vec<Group>,
    pub criteria: Vec<Criterion>,
    pub tracked: Vec<Tracked>,
    pub statuses: Vec<Status>,
}

/// Why a rule set file was refused.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum RuleError {
    Syntax(String),
    DuplicateCode(String),
    UnknownGroup { criterion: String, group: String },
    BadMax { code: String, max: f64 },
    BadTarget { criterion: String, target: Option<f64> },
    GroupSum { group: String, max: f64, sum: f64 },
    EmptyGroup(String),
    NoGroups,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRuleSet {
    name: String,
    version: String,
    groups: Vec<RawGroup>,
    criteria: Vec<RawCriterion>,
    #[serde(default)]
    tracked: Vec<Tracked>,
    #[serde(default)]
    statuses: Vec<Status>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawGroup {
    code: String,
    name: String,
    #[serde(default)]
    name_en: Option<String>,
    max: f64,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCriterion {
    code: String,
    group: String,
    name: String,
    #[serde(default)]
    name_en: Option<String>,
    label: String,
    max: f64,
    rule: RawRule,
    #[serde(default)]
    target: Option<f64>,
    zero: ZeroRule,
    #[serde(default)]
    rounding: Rounding,
    level: Level,
    #[serde(default)]
    counts: Option<Counts>,
    #[serde(default)]
    dossiers: FromDossiers,
    #[serde(default)]
    report: FromReport,
}

#[derive(Deserialize, PartialEq)]
#[serde(rename_all = "snake_case")]
enum RawRule {
    Linear,
    Target,
}

/// Points are compared to the hundredth: maxima such as 1.5 must add up exactly.
fn same_points(a: f64, b: f64) -> bool {
    (a - b).abs() < 0.005
}

impl RuleSet {
    /// The compiled-in default. It is validated by the tests, so failing here is impossible in a
    /// build that passed them; should it happen, an empty rule set would hide the defect, hence
    /// the error is returned to the caller like any other.
    pub fn default_rules() -> Result<RuleSet, RuleError> {
        RuleSet::from_toml(DEFAULT_RULES)
    }

    pub fn from_toml(text: &str) -> Result<RuleSet, RuleError> {
        let raw: RawRuleSet = toml::from_str(text).map_err(|e| RuleError::Syntax(e.to_string()))?;
        if raw.groups.is_empty() {
            return Err(RuleError::NoGroups);
        }
        let mut seen = std::collections::HashSet::new();
        let codes = raw
            .groups
            .iter()
            .map(|g| &g.code)
            .chain(raw.criteria.iter().map(|c| &c.code))
            .chain(raw.tracked.iter().map(|t| &t.code));
        for code in codes {
            if !seen.insert(code.to_ascii_uppercase()) {
                return Err(RuleError::DuplicateCode(code.clone()));
            }
        }
        let mut groups = Vec::with_capacity(raw.groups.len());
        for g in raw.groups {
            if !(g.max > 0.0 && g.max.is_finite()) {
                return Err(RuleError::BadMax { code: g.code, max: g.max });
            }
            let name_en = g.name_en.unwrap_or_else(|| g.name.clone());
            groups.push(Group { code: g.code, name: g.name, name_en, max: g.max });
        }
        let mut criteria = Vec::with_capacity(raw.criteria.len());
        for c in raw.criteria {
            if !groups.iter().any(|g| g.code == c.group) {
                return Err(RuleError::UnknownGroup { criterion: c.code, group: c.group });
            }
            if !(c.max > 0.0 && c.max.is_finite()) {
                return Err(RuleError::BadMax { code: c.code, max: c.max });
            }
            let rule = match (c.rule, c.target) {
                (RawRule::Linear, None) => Rule::Linear,
                (RawRule::Target, Some(t)) if t > 0.0 && t <= 1.0 => Rule::Target(t),
                (_, target) => return Err(RuleError::BadTarget { criterion: c.code, target }),
            };
            // A rule file written before `counts` existed: what a dossier list counts its
            // denominator over says dossiers; anything else is taken for procedures.
            let counts = c.counts.unwrap_or(if c.dossiers.denominator.is_some() {
                Counts::Dossiers
            } else {
                Counts::Procedures
            });
            criteria.push(Criterion {
                code: c.code,
                group: c.group,
                name_en: c.name_en.unwrap_or_else(|| c.name.clone()),
                name: c.name,
                label: c.label,
                max: c.max,
                rule,
                zero: c.zero,
                rounding: c.rounding,
                level: c.level,
                counts,
                dossiers: c.dossiers,
                report: c.report,
            });
        }
        for g in &groups {
            let members: Vec<&Criterion> = criteria.iter().filter(|c| c.group == g.code).collect();
            if members.is_empty() {
                return Err(RuleError::EmptyGroup(g.code.clone()));
            }
            let sum: f64 = members.iter().map(|c| c.max).sum();
            if !same_points(sum, g.max) {
                return Err(RuleError::GroupSum { group: g.code.clone(), max: g.max, sum });
            }
        }
        Ok(RuleSet {
            name: raw.name,
            version: raw.version,
            groups,
            criteria,
            tracked: raw.tracked,
            statuses: raw.statuses,
        })
    }

    pub fn total_max(&self) -> f64 {
        self.groups.iter().map(|g| g.max).sum()
    }

    pub fn criterion(&self, code: &str) -> Option<&Criterion> {
        self.criteria.iter().find(|c| c.code == code)
    }

    /// What a status written as `text` means; `None` when the rule set does not know it.
    pub fn status(&self, text: &str) -> Option<&Status> {
        let key = crate::core::model::text::fold(text);
        self.statuses.iter().find(|s| s.names.iter().any(|n| crate::core::model::text::fold(n) == key))
    }

    pub fn group(&self, code: &str) -> Option<&Group> {
        self.groups.iter().find(|g| g.code == code)
    }

    /// "name (phiên bản version)": shown on every result and export.
    pub fn title(&self, lang: Lang) -> String {
        match lang {
            Lang::Vi => format!("{} — phiên bản {}", self.name, self.version),
            Lang::En => format!("{} — version {}", self.name, self.version),
        }
    }
}

impl std::fmt::Display for RuleError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.what(Lang::Vi))
    }
}

impl std::error::Error for RuleError {}

impl crate::core::model::message::Located for RuleError {
    fn say(&self, source: &str, lang: Lang) -> String {
        let what = self.what(lang);
        match lang {
            Lang::Vi => format!("Không dùng được bộ quy tắc «{source}»: {what}. Hãy sửa tệp rồi nạp lại; chiso vẫn dùng bộ quy tắc đang có."),
            Lang::En => format!("The rule set «{source}» cannot be used: {what}. Fix the file and load it again; chiso keeps the current rule set."),
        }
    }
}

impl RuleError {
    /// What is wrong with the rule set, without naming it.
    pub fn what(&self, lang: Lang) -> String {
        use crate::core::model::format::number;
        match (self, lang) {
            (RuleError::Syntax(e), Lang::Vi) => format!("tệp không đúng cú pháp TOML hoặc thiếu trường bắt buộc ({e})"),
            (RuleError::Syntax(e), Lang::En) => format!("the file is not valid TOML or lacks a required field ({e})"),
            (RuleError::DuplicateCode(c), Lang::Vi) => format!("mã «{c}» xuất hiện hơn một lần; mỗi nhóm, tiêu chí và chỉ số theo dõi cần một mã riêng"),
            (RuleError::DuplicateCode(c), Lang::En) => format!("the code «{c}» appears more than once; every group, criterion and tracked value needs its own code"),
            (RuleError::UnknownGroup { criterion, group }, Lang::Vi) => format!("tiêu chí «{criterion}» thuộc nhóm «{group}» nhưng không có nhóm nào mang mã đó"),
            (RuleError::UnknownGroup { criterion, group }, Lang::En) => format!("the criterion «{criterion}» belongs to group «{group}», which does not exist"),
            (RuleError::BadMax { code, max }, Lang::Vi) => format!("điểm tối đa của «{code}» là {}, phải là số dương", number(*max, 2)),
            (RuleError::BadMax { code, max }, Lang::En) => format!("the maximum of «{code}» is {}, it must be positive", number(*max, 2)),
            (RuleError::BadTarget { criterion, target: Some(t) }, Lang::Vi) => format!("chỉ tiêu của «{criterion}» là {}, phải lớn hơn 0 và không quá 1 (ví dụ 0.8)", number(*t, 4)),
            (RuleError::BadTarget { criterion, target: Some(t) }, Lang::En) => format!("the target of «{criterion}» is {}, it must be above 0 and at most 1 (e.g. 0.8)", number(*t, 4)),
            (RuleError::BadTarget { criterion, target: None }, Lang::Vi) => format!("tiêu chí «{criterion}» có rule = \"target\" nhưng thiếu target (hoặc rule = \"linear\" mà lại có target)"),
            (RuleError::BadTarget { criterion, target: None }, Lang::En) => format!("the criterion «{criterion}» has rule = \"target\" without a target (or a target with rule = \"linear\")"),
            (RuleError::GroupSum { group, max, sum }, Lang::Vi) => format!("nhóm «{group}» có tối đa {} điểm nhưng các tiêu chí cộng lại {} điểm", number(*max, 2), number(*sum, 2)),
            (RuleError::GroupSum { group, max, sum }, Lang::En) => format!("group «{group}» is worth {} points but its criteria add up to {}", number(*max, 2), number(*sum, 2)),
            (RuleError::EmptyGroup(g), Lang::Vi) => format!("nhóm «{g}» không có tiêu chí nào"),
            (RuleError::EmptyGroup(g), Lang::En) => format!("group «{g}» has no criterion"),
            (RuleError::NoGroups, Lang::Vi) => "tệp không khai báo nhóm nào ([[groups]])".to_string(),
            (RuleError::NoGroups, Lang::En) => "the file declares no group ([[groups]])".to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::message::{Located, Message};

    #[test]
    fn the_default_rule_set_is_the_six_group_index() {
        let rules = RuleSet::default_rules().unwrap();
        let groups: Vec<(&str, f64)> = rules.groups.iter().map(|g| (g.code.as_str(), g.max)).collect();
        assert_eq!(
            groups,
            [("CKMB", 18.0), ("TDGQ", 20.0), ("CLGQ", 12.0), ("TTTT", 10.0), ("MDHL", 18.0), ("MDSH", 22.0)]
        );
        assert_eq!(rules.total_max(), 100.0);
        assert_eq!(rules.criteria.len(), 21); // 4 + 1 + 3 + 3 + 3 + 7
        let c = rules.criterion("ONLINE_DOSSIERS").unwrap();
        assert_eq!((c.max, c.rule, c.zero, c.level), (6.0, Rule::Target(0.5), ZeroRule::NoData, Level::Unit));
        let c = rules.criterion("PETITION_PROCESSING_ON_TIME").unwrap();
        assert_eq!(c.zero, ZeroRule::Full);
        assert_eq!(rules.criterion("PUBLISH_ON_TIME").unwrap().level, Level::Province);
        assert_eq!(
            rules.tracked.iter().map(|t| t.code.as_str()).collect::<Vec<_>>(),
            [
                "ONLINE_ON_TIME",
                "RECEIVED",
                "COMPLETED",
                "AVG_DAYS",
                "PETITION_CLASSIFICATION_TTHC",
                "PETITION_CLASSIFICATION_STAFF"
            ]
        );
        assert!(rules.title(Lang::Vi).ends_with("— phiên bản 2026.1"));
        // English screens name every criterion in English; the letter keeps the Vietnamese.
        assert!(rules.criteria.iter().all(|c| !c.name_en.is_empty() && c.name_en != c.name && c.name_en.is_ascii()));
        let on_time = rules.criterion("ON_TIME").unwrap();
        assert_eq!(on_time.name_in(Lang::En), "Dossiers processed or in progress on time");
        assert_eq!(on_time.label_in(Lang::Vi), "Hồ sơ đúng hạn, trong hạn");
    }

    fn edited(from: &str, to: &str) -> Result<RuleSet, RuleError> {
        assert!(DEFAULT_RULES.contains(from), "{from}");
        RuleSet::from_toml(&DEFAULT_RULES.replacen(from, to, 1))
    }

    #[test]
    fn validation_names_what_is_wrong() {
        assert_eq!(
            edited(
                "label = \"TTHC cung cấp DVC trực tuyến\"\nmax = 2",
                "label = \"TTHC cung cấp DVC trực tuyến\"\nmax = 3"
            ),
            Err(RuleError::GroupSum { group: "CLGQ".into(), max: 12.0, sum: 13.0 })
        );
        assert_eq!(
            edited("target = 0.5", "target = 1.5"),
            Err(RuleError::BadTarget { criterion: "ONLINE_DOSSIERS".into(), target: Some(1.5) })
        );
        assert_eq!(
            edited("target = 0.5", "target = 0"),
            Err(RuleError::BadTarget { criterion: "ONLINE_DOSSIERS".into(), target: Some(0.0) })
        );
        assert_eq!(edited("code = \"HAS_ONLINE\"", "code = \"FULL\""), Err(RuleError::DuplicateCode("FULL".into())));
        assert_eq!(
            edited("group = \"MDSH\"", "group = \"MDSX\""),
            Err(RuleError::UnknownGroup { criterion: "ORIGINAL_RESULT_AVAILABLE".into(), group: "MDSX".into() })
        );
        assert!(matches!(edited("version = \"2026.1\"", "version = 2026"), Err(RuleError::Syntax(_))));
        let message = edited("target = 0.5", "target = 1.5").unwrap_err().in_file("quy-tac.toml").message(Lang::Vi);
        assert_eq!(message, "Không dùng được bộ quy tắc «quy-tac.toml»: chỉ tiêu của «ONLINE_DOSSIERS» là 1,5, phải lớn hơn 0 và không quá 1 (ví dụ 0.8). Hãy sửa tệp rồi nạp lại; chiso vẫn dùng bộ quy tắc đang có.");
    }
}
