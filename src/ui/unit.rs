use std::sync::Arc;

use leptos::prelude::*;

use super::text::unit::UnitText;

use super::plan::UnitPlan;
use super::state::{use_app, use_shown};
use super::table_box::table_box;
use super::text::{rank_note, tr, Text};
use crate::core::insight::plan::to_full;
use crate::core::layout::kind::whole_label;
use crate::core::model::format;
use crate::core::rules::RuleSet;
use crate::core::scoring::{Status, UnitResult};

/// One unit: every criterion's figures, its score and the points lost on it, group by group.
#[component]
pub fn UnitPage() -> impl IntoView {
    let state = use_app();
    let shown = use_shown();
    let lang = state.lang;
    // Opening a unit moves the keyboard focus to its heading, so that the page is read from there.
    Effect::new(move || {
        if state.selected_unit.get().is_some() {
            request_animation_frame(|| {
                let heading = document().get_element_by_id("unit-heading");
                if let Some(h) = heading.and_then(|h| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(h).ok()) {
                    let _ = h.focus();
                }
            });
        }
    });
    // Escape closes the page, as it closes a dialog.
    let handle = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.key() == "Escape" && state.view.get_untracked() == crate::core::present::view::View::Ranking {
            state.close_unit();
        }
    });
    on_cleanup(move || handle.remove());
    move || {
        let name = state.selected_unit.get()?;
        let analysis = shown.analysis.get()?.0;
        let active = state.rules.get()?;
        let rules = active.rules;
        let u = analysis.scores.units.iter().find(|u| u.name == name)?.clone();
        let l = lang.get();
        let siblings = analysis.scores.units.iter().filter(|x| x.parent == u.parent).count();
        // The unit's six groups against the average of the units with the same parent.
        let pairs: Vec<(String, f64, f64, f64)> = rules
            .groups
            .iter()
            .zip(&u.groups)
            .zip(analysis.scores.peer_averages(&u))
            .map(|((g, gr), average)| (g.name_in(l).to_string(), gr.score, average, g.max))
            .collect();
        let chart = crate::core::report::charts::paired(
            "chart-unit",
            &format!("{} — {}", u.name, tr(l, UnitText::AgainstAveragePeers)),
            (&u.name, tr(l, UnitText::PeersAverage)),
            &pairs,
        );
        // The whole stands above its units: named as all of them, without a rank or a peer chart.
        let heading = if u.is_whole() { whole_label(&u.name, l) } else { u.name.clone() };
        let title = format!(
            "{heading} — {}/{}{}",
            format::number(u.total, 2),
            format::number(rules.total_max(), 2),
            rank_note(l, u.rank, siblings)
        );
        let chart = (!u.is_whole()).then_some(chart);
        Some(view! {
            <section class="unit-page" aria-labelledby="unit-heading" data-testid="unit-detail" data-unit=u.name.clone()>
                <header class="unit-head">
                    <h2 id="unit-heading" tabindex="-1">{title}</h2>
                    <button type="button" class="secondary" data-testid="close-unit" on:click=move |_| state.close_unit()>
                        {tr(l, Text::Close)}
                    </button>
                </header>
                {u.parent.clone().map(|p| view! { <p class="parent-line">{format!("{}: {p}", tr(l, UnitText::ParentUnit))}</p> })}
                {chart.map(|chart| view! { <figure class="chart-box" tabindex="0" data-chart="unit" inner_html=chart></figure> })}
                {(!u.score_only()).then(|| view! { <UnitPlan lang=lang unit=u.clone() analysis=analysis.clone() rules=rules.clone() /> })}
                {(!u.score_only()).then(|| view! { <CriteriaTable unit=u.clone() rules=rules.clone() siblings=siblings /> })}
            </section>
        })
    }
}

/// A unit's criteria, group by group: figures, score, points lost, what brings it to full, status
/// and where the figures came from.
#[component]
fn CriteriaTable(unit: UnitResult, rules: Arc<RuleSet>, siblings: usize) -> impl IntoView {
    let l = use_app().lang.get_untracked();
    let u = unit;
    let groups = rules
        .groups
        .iter()
        .zip(&u.groups)
        .map(|(g, gr)| {
            let rows = rules
                .criteria
                .iter()
                .zip(&u.criteria)
                .filter(|(c, _)| c.group == g.code)
                .map(|(c, r)| {
                    let warn = if r.status == Status::DataError { "⚠ " } else { "" };
                    let status = format!("{warn}{}", r.status_label(l));
                    let source = format!(" · {}", r.source_text(l));
                    let count = |x: Option<f64>| x.map(|v| format::number(v, 2)).unwrap_or_default();
                    view! {
                        <tr data-criterion=c.code.clone() class:data-error=r.status == Status::DataError>
                            <th scope="row">
                                <span class="criterion-name" title=c.code.clone()>{c.name_in(l).to_string()}</span>
                            </th>
                            <td class="num">{count(r.numerator)}</td>
                            <td class="num">{count(r.denominator)}</td>
                            <td class="num">{r.ratio.map(|x| format::fixed(x * 100.0, 2)).unwrap_or_default()}</td>
                            <td class="num" data-value=r.score.map(|s| format!("{s:.2}")).unwrap_or_default()>
                                {r.score.map(|s| format::fixed(s, 2)).unwrap_or_else(|| "—".into())}
                            </td>
                            <td class="num">{format::number(r.max, 2)}</td>
                            <td class="num" data-testid="points-lost">{format::fixed(r.points_lost(), 2)}</td>
                            <td class="num" data-testid="to-full">{to_full(&rules, &u, r).map(|n| format!("{} {}", format::number(n as f64, 0), c.counts.noun(l))).unwrap_or_else(|| "—".into())}</td>
                            <td>{status}{source}</td>
                        </tr>
                    }
                })
                .collect_view();
            let group_name = g.name_in(l).to_string();
            view! {
                <tbody data-group=g.code.clone()>
                    <tr class="group-row">
                        <th scope="rowgroup" colspan="9">
                            {format!("{} — {}/{}{}", group_name, format::number(gr.score, 2), format::number(gr.max, 2), rank_note(l, gr.rank, siblings))}
                        </th>
                    </tr>
                    {rows}
                </tbody>
            }
        })
        .collect_view();
    let caption = format!("{} — {}", u.name, tr(l, Text::Criterion));
    table_box(
        caption.clone(),
        view! {
            <table class="criteria">
                <caption>{caption}</caption>
                <thead>
                    <tr>
                        <th scope="col">{tr(l, Text::Criterion)}</th>
                        <th scope="col">{tr(l, Text::Numerator)}</th>
                        <th scope="col">{tr(l, Text::Denominator)}</th>
                        <th scope="col">{tr(l, Text::Ratio)}</th>
                        <th scope="col">{tr(l, Text::Score)}</th>
                        <th scope="col">{tr(l, Text::Max)}</th>
                        <th scope="col">{tr(l, Text::PointsLost)}</th>
                        <th scope="col">{tr(l, Text::ToFull)}</th>
                        <th scope="col">{tr(l, Text::StatusColumn)}</th>
                    </tr>
                </thead>
                {groups}
            </table>
        },
    )
}
