//! One figure per unit × criterion × period, from one source. An office's month is several files
//! at once — the portal's unit figures, its own settlement report, dossier lists, figures typed in —
//! and the same unit may stand in several of them. Here they become one row per unit and period:
//! each figure is taken from the first source in the user's order that has it (never added across
//! sources), a source without a figure never blanks another's, and where two sources disagree both
//! are kept, with the one used. The scoring reference's «Sources of one figure, and the whole».

use std::collections::{BTreeMap, HashMap};

use serde::{Deserialize, Serialize};

use super::{Figure, Issue, IssueKind, TableKind, UnitRow};
use crate::core::model::format::fixed;
use crate::core::model::lang::Lang;
use crate::core::model::text::fold_words;
use crate::core::rules::{Level, RuleSet};

/// Figures typed in by the user, per unit (its folded name) and criterion code; remembered.
pub type Typed = BTreeMap<String, BTreeMap<String, Figure>>;

/// Where a figure can come from, in the reference's default order of trust.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum SourceKind {
    /// Typed in by the user.
    Typed,
    /// A table of unit figures or scores: the portal's figures, what gets published.
    Figures,
    /// A settlement report (Biểu 06a and kin).
    Report,
    /// A dossier list (the self-check): only the criteria it has columns for.
    Dossiers,
}

impl SourceKind {
    pub const ALL: [SourceKind; 4] = [SourceKind::Typed, SourceKind::Figures, SourceKind::Report, SourceKind::Dossiers];

    /// The JSON's word for it (the automation contract's `source`).
    pub fn code(self) -> &'static str {
        match self {
            SourceKind::Typed => "typed",
            SourceKind::Figures => "figures",
            SourceKind::Report => "report",
            SourceKind::Dossiers => "dossiers",
        }
    }

    pub fn from_code(code: &str) -> Option<SourceKind> {
        SourceKind::ALL.into_iter().find(|k| k.code() == code.trim())
    }

    /// One label per source, for the screen and every export.
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            SourceKind::Typed => lang.pick("nhập tay", "typed in"),
            SourceKind::Figures => lang.pick("bảng số liệu, bảng điểm", "unit figures or scores"),
            SourceKind::Report => lang.pick("báo cáo kết quả giải quyết TTHC", "settlement report"),
            SourceKind::Dossiers => lang.pick("danh sách hồ sơ", "dossier list"),
        }
    }

    /// The source a table of this kind is.
    pub fn of_table(kind: TableKind) -> SourceKind {
        match kind {
            TableKind::UnitFigures | TableKind::ScoreOnly => SourceKind::Figures,
            TableKind::SettlementReport => SourceKind::Report,
            TableKind::DossierList => SourceKind::Dossiers,
        }
    }

    /// Counted by the office itself (a report, a dossier list) rather than copied from the portal.
    pub fn is_counted(self) -> bool {
        matches!(self, SourceKind::Report | SourceKind::Dossiers)
    }
}

/// The order in which sources are trusted; the user can change it (remembered). Every source is
/// in it exactly once, whatever was stored.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourceOrder(Vec<SourceKind>);

impl Default for SourceOrder {
    fn default() -> Self {
        SourceOrder(SourceKind::ALL.to_vec())
    }
}

impl SourceOrder {
    /// `kinds` first, in their order, then any source they leave out, in the default order.
    pub fn new(kinds: impl IntoIterator<Item = SourceKind>) -> SourceOrder {
        let mut order: Vec<SourceKind> = Vec::new();
        for k in kinds.into_iter().chain(SourceKind::ALL) {
            if !order.contains(&k) {
                order.push(k);
            }
        }
        SourceOrder(order)
    }

    /// «figures,report,dossiers,typed», as the CLI takes it; `None` when a word is not a source.
    pub fn parse(text: &str) -> Option<SourceOrder> {
        let kinds: Option<Vec<SourceKind>> = text.split(',').map(SourceKind::from_code).collect();
        kinds.map(SourceOrder::new)
    }

    pub fn kinds(&self) -> &[SourceKind] {
        &self.0
    }

    /// Its place in the order: lower is trusted first.
    pub fn rank(&self, kind: SourceKind) -> usize {
        self.0.iter().position(|k| *k == kind).unwrap_or(self.0.len())
    }

    /// The order with `kind` moved one place earlier (`earlier`) or later.
    pub fn moved(&self, kind: SourceKind, earlier: bool) -> SourceOrder {
        let mut order = SourceOrder::new(self.0.iter().copied()).0;
        if let Some(at) = order.iter().position(|k| *k == kind) {
            let to = if earlier { at.checked_sub(1) } else { Some(at + 1).filter(|t| *t < order.len()) };
            if let Some(to) = to {
                order.swap(at, to);
            }
        }
        SourceOrder(order)
    }
}

/// A figure another loaded source gave for the same unit, criterion and period, and that differs
/// from the one used.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OtherFigure {
    pub source: SourceKind,
    /// The file it came from; empty for a figure typed in.
    pub file: String,
    pub figure: Figure,
}

/// Where one figure of a unit came from.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Origin {
    pub source: SourceKind,
    /// The file it came from; empty for a figure typed in.
    pub file: String,
    /// When no source had the whole figure and its denominator came from another one (a
    /// procedure count typed beside a count of dossiers): that source and its file.
    pub denominator: Option<(SourceKind, String)>,
    /// The unit whose row gave it, when that is not the unit's own (the province's row, for a
    /// province-level criterion of a unit counted from dossiers).
    pub via: Option<String>,
    /// Other sources that gave a different figure.
    pub others: Vec<OtherFigure>,
}

impl Origin {
    fn new(source: SourceKind, file: &str) -> Origin {
        Origin { source, file: file.to_string(), denominator: None, via: None, others: Vec::new() }
    }

    /// Whether the numerator and the denominator of `figure` (the one it is the origin of) were
    /// counted by the office (a report, a dossier list) rather than copied or typed; a part no
    /// source gave was not.
    pub fn counted(&self, figure: &Figure) -> (bool, bool) {
        let denominator = self.denominator.as_ref().map_or(self.source, |(k, _)| *k);
        (
            figure.numerator.is_some() && self.source.is_counted(),
            figure.denominator.is_some() && denominator.is_counted(),
        )
    }

    /// «bảng số liệu, bảng điểm «so-lieu.xlsx»», with the part that came from elsewhere.
    pub fn label(&self, lang: Lang) -> String {
        let named = |kind: SourceKind, file: &str| {
            if file.is_empty() {
                kind.label(lang).to_string()
            } else {
                format!("{} «{file}»", kind.label(lang))
            }
        };
        let mut text = named(self.source, &self.file);
        if let Some((kind, file)) = &self.denominator {
            text = match lang {
                Lang::Vi => format!("tử số: {text}; mẫu số: {}", named(*kind, file)),
                Lang::En => format!("numerator: {text}; denominator: {}", named(*kind, file)),
            };
        }
        if let Some(unit) = &self.via {
            text.push_str(&match lang {
                Lang::Vi => format!(" (dòng của {unit})"),
                Lang::En => format!(" ({unit}'s row)"),
            });
        }
        text
    }

    /// «Bảng số liệu: 2.970/3.000; danh sách hồ sơ: 307/411 — dùng bảng số liệu», when another
    /// source disagrees; `None` when none does.
    pub fn conflict(&self, used: &Figure, lang: Lang) -> Option<String> {
        if self.others.is_empty() {
            return None;
        }
        let one = |kind: SourceKind, figure: &Figure| format!("{}: {}", kind.label(lang), figure_text(figure));
        let all: Vec<String> = std::iter::once(one(self.source, used))
            .chain(self.others.iter().map(|o| one(o.source, &o.figure)))
            .collect();
        Some(match lang {
            Lang::Vi => format!("{} — dùng {}", all.join("; "), self.source.label(lang)),
            Lang::En => format!("{} — {} used", all.join("; "), self.source.label(lang)),
        })
    }
}

/// The order of sources as the screen says it, under every table of sources.
pub fn sources_caption(order: &SourceOrder, lang: Lang) -> String {
    let kinds: Vec<&str> = order.kinds().iter().map(|k| k.label(lang)).collect();
    match lang {
        Lang::Vi => format!(
            "Mỗi số liệu lấy từ nguồn đầu tiên có nó, theo thứ tự: {} (đổi ở «Cài đặt»). Hai nguồn không bao giờ được cộng dồn.",
            kinds.join(" → ")
        ),
        Lang::En => format!(
            "Each figure comes from the first source that has it, in this order: {} (changed under «Settings»). Two sources are never added up.",
            kinds.join(" → ")
        ),
    }
}

/// «2.970/3.000», or a rate «97,83 %».
pub fn figure_text(figure: &Figure) -> String {
    match (figure.numerator, figure.denominator, figure.rate) {
        (Some(n), Some(d), _) => {
            format!("{}/{}", crate::core::model::format::number(n, 2), crate::core::model::format::number(d, 2))
        }
        (_, _, Some(r)) => format!("{} %", fixed(100.0 * r, 2)),
        (Some(n), None, _) => crate::core::model::format::number(n, 2),
        (None, Some(d), _) => format!("?/{}", crate::core::model::format::number(d, 2)),
        (None, None, None) => String::new(),
    }
}

/// Whether a figure can be scored alone: both counts, or a rate.
fn complete(f: &Figure) -> bool {
    (f.numerator.is_some() && f.denominator.is_some()) || f.rate.is_some()
}

/// Two figures that score differently: their rates differ at the hundredth of a percent shown,
/// or one has a part the other lacks. Counts in another scale (1/2 and 2/4) are the same figure.
fn differ(a: &Figure, b: &Figure) -> bool {
    let rate = |f: &Figure| match (f.numerator, f.denominator, f.rate) {
        (Some(n), Some(d), _) if d > 0.0 => Some((n / d * 10_000.0).round()),
        (Some(_), Some(_), _) => Some(f64::NAN),
        (_, _, Some(r)) => Some((r * 10_000.0).round()),
        _ => None,
    };
    match (rate(a), rate(b)) {
        (Some(x), Some(y)) => !(x == y || (x.is_nan() && y.is_nan())),
        _ => false,
    }
}

/// A unit's name as rows of different files are matched: folded, without «UBND» before it or the
/// province after it («Sở Y tế - tỉnh An Giang»).
pub fn match_key(name: &str) -> String {
    let words = fold_words(bare_name(name));
    ["ubnd ", "uy ban nhan dan "].iter().find_map(|p| words.strip_prefix(p)).map_or(words.clone(), str::to_string)
}

/// The name without the province the portal's exports add after a dash («Sở Y tế - tỉnh An
/// Giang» is «Sở Y tế»); other dashes stay.
pub fn bare_name(name: &str) -> &str {
    let name = name.trim();
    match name.rfind(" - ") {
        Some(at) => {
            let tail = fold_words(&name[at + 3..]);
            if tail.starts_with("tinh ") || tail.starts_with("thanh pho ") {
                name[..at].trim_end()
            } else {
                name
            }
        }
        None => name,
    }
}

/// One row of one source, as merged.
pub struct Sourced<'a> {
    pub row: &'a UnitRow,
    pub source: SourceKind,
    pub file: &'a str,
}

/// Rows of different files for the same unit, their names already matched: the same unit unless
/// both rows were copied from the portal and name different parents (two communes of one name
/// under two districts stay two).
fn same_parent(a: &Sourced, b: &Sourced) -> bool {
    match (&a.row.parent, &b.row.parent) {
        (Some(x), Some(y)) if !a.source.is_counted() && !b.source.is_counted() => match_key(x) == match_key(y),
        _ => true,
    }
}

/// The rows of one period from every source, one row per unit: each figure from the first source
/// in `order` that has it whole (a part from the first that has it, when none has it whole), with
/// its origin and the sources that disagree. A unit counted by the office that has no province
/// figures of its own, no parent and no row from the portal takes them from the one row without
/// a parent (the province's). Also what must be said: a unit in two files of the same kind (the
/// first file's figures are used).
pub fn merge(rows: &[Sourced], typed: &Typed, order: &SourceOrder, rules: &RuleSet) -> (Vec<UnitRow>, Vec<Issue>) {
    // Trusted sources first; within a source, files in the order they were loaded.
    let mut ranked: Vec<usize> = (0..rows.len()).collect();
    ranked.sort_by_key(|&i| (order.rank(rows[i].source), i));
    // Each unit: its rows (by index, trusted first) and the first row it has in reading order.
    let mut units: Vec<(Vec<usize>, usize)> = Vec::new();
    // A province's thousands of units: found by name, not searched one by one.
    let mut by_name: HashMap<String, Vec<usize>> = HashMap::new();
    for i in ranked {
        let same = by_name.entry(match_key(&rows[i].row.name)).or_default();
        match same.iter().copied().find(|&u| same_parent(&rows[units[u].0[0]], &rows[i])) {
            Some(u) => {
                units[u].0.push(i);
                units[u].1 = units[u].1.min(i);
            }
            None => {
                same.push(units.len());
                units.push((vec![i], i));
            }
        }
    }
    units.sort_by_key(|(_, first)| *first);
    let roots: Vec<&Sourced> =
        rows.iter().filter(|r| r.source == SourceKind::Figures && r.row.parent.is_none()).collect();
    let province = match roots.as_slice() {
        [only] => Some(only.row),
        _ => None,
    };
    let mut issues = Vec::new();
    let merged = units
        .iter()
        .map(|(members, _)| {
            let sourced: Vec<&Sourced> = members.iter().map(|&i| &rows[i]).collect();
            issues.extend(duplicates(&sourced));
            one_unit(&sourced, typed, order, rules, province)
        })
        .collect();
    (merged, issues)
}

/// One unit's rows, trusted first: a row from another file of a kind already seen duplicates that
/// kind's first row.
fn duplicates(sourced: &[&Sourced]) -> Vec<Issue> {
    let mut out = Vec::new();
    for (n, r) in sourced.iter().enumerate() {
        if let Some(first) = sourced[..n].iter().find(|f| f.source == r.source && f.file != r.file) {
            let kind = IssueKind::DuplicateUnit { name: r.row.name.clone(), first: first.row.source.clone() };
            out.push(Issue { place: r.row.source.clone(), kind });
        }
    }
    out
}

type Figures = BTreeMap<String, Figure>;

/// One source's figures for a unit, as trusted in turn.
struct Candidate<'a> {
    source: SourceKind,
    file: &'a str,
    figures: &'a Figures,
    tracked: &'a Figures,
}

fn one_unit(
    sourced: &[&Sourced],
    typed: &Typed,
    order: &SourceOrder,
    rules: &RuleSet,
    province: Option<&UnitRow>,
) -> UnitRow {
    let first = sourced[0];
    let parent = sourced.iter().find_map(|r| r.row.parent.clone());
    let kind = sourced.iter().find_map(|r| r.row.kind.clone());
    // A score table's row is the portal's published score: taken whole, never recomputed from
    // another source's counts.
    if !first.row.group_scores.is_empty() && first.row.figures.is_empty() {
        return UnitRow { parent, kind, ..first.row.clone() };
    }
    let mut unit = UnitRow {
        name: first.row.name.clone(),
        kind,
        parent,
        period: first.row.period.clone(),
        source: first.row.source.clone(),
        figures: BTreeMap::new(),
        tracked: BTreeMap::new(),
        group_scores: first.row.group_scores.clone(),
        total_score: first.row.total_score,
        origins: BTreeMap::new(),
    };
    let empty = BTreeMap::new();
    let mut candidates: Vec<Candidate> = sourced
        .iter()
        .map(|r| Candidate { source: r.source, file: r.file, figures: &r.row.figures, tracked: &r.row.tracked })
        .collect();
    if let Some(figures) = sourced.iter().find_map(|r| typed.get(&fold_words(&r.row.name))) {
        let at = candidates.iter().position(|c| order.rank(c.source) > order.rank(SourceKind::Typed));
        let typed = Candidate { source: SourceKind::Typed, file: "", figures, tracked: &empty };
        candidates.insert(at.unwrap_or(candidates.len()), typed);
    }
    let from_portal = sourced.iter().any(|r| r.source == SourceKind::Figures);
    let province = province.filter(|p| match_key(&p.name) != match_key(&unit.name));
    for c in &rules.criteria {
        let mut found = pick(&candidates, &c.code, |c| c.figures);
        if found.is_none() && c.level == Level::Province && !from_portal && unit.parent.is_none() {
            found = province.and_then(|p| {
                let f = p.figures.get(&c.code).filter(|f| !f.is_empty())?;
                let origin = Origin { via: Some(p.name.clone()), ..Origin::new(SourceKind::Figures, &p.source.file) };
                Some((*f, origin))
            });
        }
        if let Some((figure, origin)) = found {
            unit.figures.insert(c.code.clone(), figure);
            unit.origins.insert(c.code.clone(), origin);
        }
    }
    for t in &rules.tracked {
        if let Some((figure, origin)) = pick(&candidates, &t.code, |c| c.tracked) {
            unit.tracked.insert(t.code.clone(), figure);
            unit.origins.insert(t.code.clone(), origin);
        }
    }
    unit
}

/// One code's figure from the candidates in order, with its origin: the first whole figure, or
/// else each part from the first candidate that has it.
fn pick<'a>(
    candidates: &[Candidate<'a>],
    code: &str,
    of: impl Fn(&Candidate<'a>) -> &'a Figures,
) -> Option<(Figure, Origin)> {
    let given: Vec<(&Candidate, Figure)> =
        candidates.iter().filter_map(|c| of(c).get(code).filter(|f| !f.is_empty()).map(|f| (c, *f))).collect();
    let (figure, mut origin) = match given.iter().find(|g| complete(&g.1)) {
        Some((c, figure)) => (*figure, Origin::new(c.source, c.file)),
        None => {
            let numerator = given.iter().find(|g| g.1.numerator.is_some());
            let denominator = given.iter().find(|g| g.1.denominator.is_some());
            let (first, _) = numerator.or(denominator).or(given.first())?;
            let figure = Figure {
                numerator: numerator.and_then(|g| g.1.numerator),
                denominator: denominator.and_then(|g| g.1.denominator),
                rate: given.iter().find_map(|g| g.1.rate),
            };
            let mut origin = Origin::new(first.source, first.file);
            if let Some((d, _)) = denominator.filter(|(d, _)| (d.source, d.file) != (first.source, first.file)) {
                origin.denominator = Some((d.source, d.file.to_string()));
            }
            (figure, origin)
        }
    };
    origin.others = given
        .iter()
        .filter(|(_, f)| complete(f) && differ(f, &figure))
        .map(|(c, f)| OtherFigure { source: c.source, file: c.file.to_string(), figure: *f })
        .collect();
    Some((figure, origin))
}

/// The whole a period's rows make when no row names a parent: the one the user named, else the one
/// row above all the others (the province among its departments and communes, the town among its
/// offices and communes). The others without a parent are given it as theirs.
pub fn find_whole(rows: &mut [UnitRow], named: Option<&str>) {
    let rootless: Vec<usize> = (0..rows.len()).filter(|&i| rows[i].parent.is_none()).collect();
    let named =
        named.map(match_key).and_then(|key| rootless.iter().copied().find(|&i| match_key(&rows[i].name) == key));
    let whole = named.or_else(|| {
        let levels: Vec<(usize, u8)> =
            rootless.iter().map(|&i| (i, level(&rows[i].name, rows[i].kind.as_deref()))).collect();
        let top = levels.iter().map(|(_, l)| *l).max().unwrap_or(0);
        let at_top: Vec<usize> = levels.iter().filter(|(_, l)| *l == top).map(|(i, _)| *i).collect();
        let parts = levels.iter().filter(|(_, l)| (1..top).contains(l)).count();
        match at_top.as_slice() {
            [only] if top >= 2 && parts > 0 => Some(*only),
            _ => None,
        }
    });
    let Some(w) = whole else { return };
    let name = rows[w].name.clone();
    for &i in rootless.iter().filter(|&&i| i != w) {
        rows[i].parent = Some(name.clone());
    }
}

/// How high a unit stands: 4 a province, 3 a city (province- or district-level, the name cannot
/// tell), 2 a district, 1 a department, office or commune, 0 unknown.
pub(crate) fn level(name: &str, stated: Option<&str>) -> u8 {
    use crate::core::layout::kind::Kind;
    let words = match_key(name);
    if words.starts_with("thanh pho ") && stated.is_none() {
        return 3;
    }
    let kind = stated.and_then(Kind::stated).or_else(|| Kind::infer(name));
    match kind {
        Some(Kind::Province) => 4,
        Some(Kind::District) => 2,
        Some(Kind::Department | Kind::Commune) => 1,
        None if crate::core::layout::kind::is_unit_name(name) => 1,
        None => 0,
    }
}
