//! «Đơn vị của tôi»: one unit as its own staff look at it — score, band, ranks, the plan to the
//! next band, its dossiers to fix, its totals over the loaded periods.

use crate::core::analysis::Analysis;
use crate::core::insight::plan::{default_target, fixable, plan};
use crate::core::model::format::{escape, number};
use crate::core::model::lang::Lang;
use crate::core::model::text::fold_words;
use crate::core::report::fix_list::rows;
use crate::core::rules::RuleSet;
use crate::core::scoring::band::Band;
use crate::core::scoring::Scores;

#[derive(Clone, Debug, PartialEq)]
pub struct Mine {
    pub name: String,
    pub parent: Option<String>,
    pub total: f64,
    pub band: Band,
    /// Its rank among the units of its parent, and how many they are.
    pub rank: Option<(usize, usize)>,
    /// Its rank among the units of its kind, the kind, and how many they are.
    pub kind_rank: Option<(usize, String, usize)>,
    /// The plan to the next band, in words.
    pub plan: PlanText,
    /// Dossiers of the loaded lists that count against it and can still be fixed.
    pub to_fix: usize,
    /// Its total in each loaded period, in period order.
    pub totals: Vec<(String, f64)>,
}

/// A plan in words: its sentence, the dossiers to add, then what procedures or petitions could add
/// (said apart: they are not steps of the same list).
#[derive(Clone, Debug, PartialEq)]
pub struct PlanText {
    pub summary: String,
    pub steps: Vec<String>,
    pub others: Vec<String>,
}

impl Mine {
    /// «Hạng 3/14 trong UBND thị xã An Hòa; hạng 2/10 trong Cấp xã.»
    pub fn ranks_text(&self, lang: Lang) -> String {
        let mut parts = Vec::new();
        if let Some((rank, of)) = self.rank {
            parts.push(match (self.parent.as_deref(), lang) {
                (Some(p), Lang::Vi) => format!("hạng {rank}/{of} trong {p}"),
                (None, Lang::Vi) => format!("hạng {rank}/{of}"),
                (Some(p), Lang::En) => format!("rank {rank} of {of} in {p}"),
                (None, Lang::En) => format!("rank {rank} of {of}"),
            });
        }
        if let Some((rank, kind, of)) = &self.kind_rank {
            parts.push(match lang {
                Lang::Vi => format!("hạng {rank}/{of} trong {kind}"),
                Lang::En => format!("rank {rank} of {of} among {kind}"),
            });
        }
        let text = parts.join("; ");
        let mut chars = text.chars();
        chars.next().map_or_else(String::new, |c| format!("{}{}.", c.to_uppercase(), chars.as_str()))
    }

    /// «12 hồ sơ còn khắc phục được trong kỳ.»
    pub fn to_fix_text(&self, lang: Lang) -> String {
        match lang {
            Lang::Vi => format!("{} hồ sơ làm mất điểm còn khắc phục được trong kỳ.", number(self.to_fix as f64, 0)),
            Lang::En => format!("{} dossiers that cost points can still be fixed this period.", self.to_fix),
        }
    }
}

/// The distinct dossiers of the unit (by folded name) in the loaded lists that count against some
/// criterion and can still all be put right.
fn to_fix(analysis: &Analysis, rules: &RuleSet, key: &str) -> usize {
    let mut ids = std::collections::BTreeSet::new();
    for (i, table) in analysis.tables.iter().enumerate().filter_map(|(i, t)| Some((i, t.dossiers.as_ref()?))) {
        let Some(unit) = table.unit_index(key) else { continue };
        for row in rows(table, &[unit], rules, Lang::Vi).into_iter().filter(|r| r.fixable) {
            ids.insert((i, row.id));
        }
    }
    ids.len()
}

/// One option of the «Đơn vị của tôi» chooser.
#[derive(Clone, Debug, PartialEq)]
pub struct Choosable {
    pub name: String,
    pub chosen: bool,
    /// The chosen unit is not among the units loaded (it is listed, last, all the same).
    pub absent: bool,
}

/// The chooser's options as markup, first «none», then [`choosable`]'s: a province's 5,000
/// units are one string the browser parses, not 5,000 elements built one by one.
pub fn options_markup(choices: &[Choosable], lang: Lang) -> String {
    let none = lang.pick("— chưa chọn (xem mọi đơn vị) —", "— none (every unit) —");
    let absent = lang.pick("(không có trong số liệu đã tải)", "(not in the loaded figures)");
    let selected = |yes: bool| if yes { " selected" } else { "" };
    let mut out = format!("<option value=\"\"{}>{none}</option>", selected(!choices.iter().any(|c| c.chosen)));
    for c in choices {
        let name = escape(&c.name);
        let label = if c.absent { format!("{name} {absent}") } else { name.clone() };
        out.push_str(&format!("<option value=\"{name}\"{}>{label}</option>", selected(c.chosen)));
    }
    out
}

/// The units one can choose as one's own, A to Z as a person looks a name up (the whole is
/// nobody's unit), with `chosen` marked (compared without regard to case or diacritics).
pub fn choosable(scores: &Scores, chosen: &str) -> Vec<Choosable> {
    let key = fold_words(chosen);
    let mut out: Vec<Choosable> = scores
        .a_to_z()
        .into_iter()
        .filter(|u| !u.is_whole())
        .map(|u| Choosable {
            chosen: !key.is_empty() && fold_words(&u.name) == key,
            name: u.name.clone(),
            absent: false,
        })
        .collect();
    if !key.is_empty() && !out.iter().any(|c| c.chosen) {
        out.push(Choosable { name: chosen.to_string(), chosen: true, absent: true });
    }
    out
}

/// The unit named `name` (compared without regard to case or diacritics), or `None` when the
/// loaded figures do not have it.
pub fn mine(analysis: &Analysis, rules: &RuleSet, name: &str, lang: Lang) -> Option<Mine> {
    let key = fold_words(name);
    let units = &analysis.scores.units;
    let u = units.iter().find(|u| fold_words(&u.name) == key)?;
    let peers = units.iter().filter(|x| x.parent == u.parent && !x.is_whole()).count();
    let kind_rank = u.kind_rank.zip(u.kind.clone()).map(|(rank, kind)| {
        let of = units.iter().filter(|x| x.kind.as_deref() == Some(&kind) && !x.is_whole()).count();
        (rank, kind, of)
    });
    let in_list = fixable(analysis, &u.name);
    let p = plan(u, rules, default_target(u.total, rules));
    let totals = analysis
        .history
        .iter()
        .filter_map(|(period, scores)| {
            let x = scores.units.iter().find(|x| fold_words(&x.name) == key)?;
            Some((period.label(lang), x.total))
        })
        .collect();
    Some(Mine {
        name: u.name.clone(),
        parent: u.parent.clone(),
        total: u.total,
        band: Band::of(u.total),
        rank: u.rank.map(|r| (r, peers)),
        kind_rank,
        plan: {
            let mut steps = p.lines(rules, lang, &in_list);
            let others = steps.split_off(p.steps.len());
            PlanText { summary: p.summary(lang), steps, others }
        },
        to_fix: to_fix(analysis, rules, &key),
        totals,
    })
}
