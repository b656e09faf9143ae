//! The overview of a period, as the «Tổng quan» view shows it: the whole's total and band, each
//! group's result with its change (the letter's own sentences), and the highest and lowest units.

use crate::core::band::Band;
use crate::core::kind::whole_label;
use crate::core::lang::Lang;
use crate::core::period::Period;
use crate::core::report::letter::{results, total_of};
use crate::core::rules::RuleSet;
use crate::core::score::Scores;

/// Units listed at each end of the ranking.
pub const ENDS: usize = 3;

#[derive(Clone, Debug, PartialEq)]
pub struct Overview {
    /// «Toàn thị xã An Hòa», or «Các đơn vị» when the units belong to no body of their own.
    pub title: String,
    pub total: f64,
    pub band: Band,
    /// The letter's sentence per group, then the total's when a period is compared with.
    pub lines: Vec<String>,
    /// Ranked units (the whole is not one of them).
    pub units: usize,
    /// The highest and the lowest, `ENDS` each (apart when there are few), with their totals.
    pub best: Vec<(String, f64)>,
    pub lowest: Vec<(String, f64)>,
}

pub fn overview(scores: &Scores, before: Option<(&Period, &Scores)>, rules: &RuleSet, lang: Lang) -> Overview {
    // The letter's own results, without composing the rest of the letter (its appendix has a row
    // per unit).
    let r = results(scores, before, rules);
    let total = total_of(&r.groups);
    let title = if r.whole.is_empty() {
        lang.pick("Các đơn vị", "The units").to_string()
    } else {
        whole_label(&r.whole, lang)
    };
    let mut ranked: Vec<&crate::core::score::UnitResult> = scores.units.iter().filter(|u| !u.is_whole()).collect();
    // Highest first; among equals, by name.
    ranked.sort_by(|a, b| b.total.total_cmp(&a.total).then_with(|| a.name.cmp(&b.name)));
    let ends = ENDS.min(ranked.len() / 2);
    let pick = |u: &&crate::core::score::UnitResult| (u.name.clone(), u.total);
    // The lowest first, among equals by name; never one of the highest.
    let mut lowest: Vec<(String, f64)> = ranked.iter().rev().take(ends).map(pick).collect();
    lowest.sort_by(|a, b| a.1.total_cmp(&b.1).then_with(|| a.0.cmp(&b.0)));
    Overview {
        title,
        total,
        band: Band::of(total),
        lines: r.lines.into_iter().map(|l| l.text).collect(),
        units: ranked.len(),
        best: ranked.iter().take(ends).map(pick).collect(),
        lowest,
    }
}
