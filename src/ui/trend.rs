//! The trend over three or more loaded periods: the whole's line, and a table with each unit's
//! total period by period, its change against the period before, and a sparkline.

use std::sync::Arc;

use leptos::prelude::*;

use super::text::tr;
use super::text::trend::TrendText;

use super::compare::{change_class, change_text};
use super::state::{use_app, use_shown};
use super::table_box::table_box;
use crate::core::insight::trend::{trend, Trend, UnitTrend};
use crate::core::layout::kind::whole_label;
use crate::core::model::format;
use crate::core::model::lang::Lang;
use crate::core::report::charts::{line, LineSize};

#[component]
pub fn TrendView() -> impl IntoView {
    let state = use_app();
    let shown = use_shown();
    let trend = Memo::new(move |_| {
        let analysis = shown.analysis.get()?;
        let rules = state.rules.get()?.rules;
        trend(&analysis.0.history, &rules).map(Arc::new)
    });
    move || {
        let l = state.lang.get();
        let t = trend.get()?;
        let labels: Vec<String> = t.periods.iter().map(|p| p.label(l)).collect();
        let whole = t.whole().map(|w| {
            let title = format!("{} — {}", tr(l, TrendText::TotalOverPeriods), whole_label(&w.name, l));
            view! { <figure class="chart-box" tabindex="0" data-testid="trend-chart" inner_html=line("trend-whole", &title, &labels, &w.totals(), LineSize::Large) /> }
        });
        Some(view! {
            <section class="trend" data-testid="trend" aria-labelledby="trend-heading">
                <h3 id="trend-heading">{tr(l, TrendText::TrendOverPeriods)}</h3>
                {whole}
                {table(&t, &labels, l)}
            </section>
        })
    }
}

fn cell(u: &UnitTrend, i: usize, label: &str, l: Lang) -> impl IntoView {
    let total = u.points[i].total;
    let change =
        u.change(i).map(|d| view! { <span class=format!("change {}", change_class(d))>{change_text(d)}</span> });
    view! {
        <td class="num" data-period=label.to_string() data-value=total.map(|v| format!("{v:.2}")).unwrap_or_default()>
            {total.map_or_else(|| tr(l, TrendText::None).to_string(), |v| format::fixed(v, 2))}
            {change.map(|c| view! { <br /> {c} })}
        </td>
    }
}

fn table(t: &Trend, labels: &[String], l: Lang) -> impl IntoView {
    let head = labels.iter().map(|p| view! { <th scope="col">{p.clone()}</th> }).collect_view();
    let rows = t
        .units
        .iter()
        .enumerate()
        .map(|(k, u)| {
            let name = if u.whole { whole_label(&u.name, l) } else { u.name.clone() };
            let cells = labels.iter().enumerate().map(|(i, p)| cell(u, i, p, l)).collect_view();
            let title = format!("{} — {name}", tr(l, TrendText::TotalOverPeriods));
            let spark = line(&format!("trend-{k}"), &title, labels, &u.totals(), LineSize::Small);
            view! {
                <tr data-unit=u.name.clone() data-whole=u.whole.then_some("")>
                    <th scope="row">{name}</th>
                    {cells}
                    <td inner_html=spark></td>
                </tr>
            }
        })
        .collect_view();
    let caption = tr(l, TrendText::TotalEachPeriodChange);
    view! {
        {table_box(caption, view! {
            <table class="scores" data-testid="trend-table">
                <caption>{caption}</caption>
                <thead>
                    <tr>
                        <th scope="col">{tr(l, TrendText::Unit)}</th>
                        {head}
                        <th scope="col">{tr(l, TrendText::Chart)}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        })}
    }
}
