//! The overview of a period, as the «Tổng quan» view shows it: the whole's total and band, each
//! group's result with its change (the letter's own sentences), and the highest and lowest units.

use crate::core::layout::kind::whole_label;
use crate::core::model::format::number;
use crate::core::model::lang::Lang;
use crate::core::model::period::Period;
use crate::core::report::charts::Bar;
use crate::core::report::letter::{results, total_of};
use crate::core::rules::RuleSet;
use crate::core::scoring::band::Band;
use crate::core::scoring::{hundredths_to_points, points_to_hundredths, Scores};

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
    /// The picture of it: the total against 100 with its band, each group against its maximum,
    /// with the change since the period compared with (inline SVG with its text alternative).
    pub chart: String,
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
    let mut ranked: Vec<&crate::core::scoring::UnitResult> = scores.units.iter().filter(|u| !u.is_whole()).collect();
    // Highest first; among equals, by name.
    ranked.sort_by(|a, b| b.total.total_cmp(&a.total).then_with(|| a.name.cmp(&b.name)));
    let ends = ENDS.min(ranked.len() / 2);
    let pick = |u: &&crate::core::scoring::UnitResult| (u.name.clone(), u.total);
    // The lowest first, among equals by name; never one of the highest.
    let mut lowest: Vec<(String, f64)> = ranked.iter().rev().take(ends).map(pick).collect();
    lowest.sort_by(|a, b| a.1.total_cmp(&b.1).then_with(|| a.0.cmp(&b.0)));
    let change = |now: f64, then: Option<f64>| -> String {
        let Some(then) = then else { return String::new() };
        let delta = hundredths_to_points(points_to_hundredths(now) - points_to_hundredths(then));
        match delta {
            d if d > 0.0 => format!("+{}", number(d, 2)),
            d if d < 0.0 => format!("−{}", number(-d, 2)),
            _ => lang.pick("không đổi", "unchanged").to_string(),
        }
    };
    let then_of = |code: &str| r.earlier.as_ref().and_then(|(_, g)| g.iter().find(|(c, _)| c == code).map(|(_, s)| *s));
    let mut bars = vec![Bar {
        label: format!("{} ({})", lang.pick("Tổng điểm", "Total"), Band::of(total).label(lang)),
        value: total,
        max: rules.total_max(),
        note: change(total, r.earlier.as_ref().map(|(_, g)| total_of(g))),
    }];
    bars.extend(r.groups.iter().filter_map(|(code, score)| {
        let g = rules.group(code)?;
        Some(Bar {
            label: lang.pick(g.name.clone(), g.name_en.clone()),
            value: *score,
            max: g.max,
            note: change(*score, then_of(code)),
        })
    }));
    let chart_title = match (&r.earlier, lang) {
        (Some((p, _)), Lang::Vi) => {
            format!("{title}: điểm từng nhóm so với tối đa (thay đổi so với {})", p.label(lang))
        }
        (Some((p, _)), Lang::En) => format!("{title}: each group against its maximum (change since {})", p.label(lang)),
        (None, Lang::Vi) => format!("{title}: điểm từng nhóm so với tối đa"),
        (None, Lang::En) => format!("{title}: each group against its maximum"),
    };
    Overview {
        chart: crate::core::report::charts::bars("chart-overview", &chart_title, &bars),
        title,
        total,
        band: Band::of(total),
        lines: r.lines.into_iter().map(|l| l.text).collect(),
        units: ranked.len(),
        best: ranked.iter().take(ends).map(pick).collect(),
        lowest,
    }
}
