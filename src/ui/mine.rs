//! «Đơn vị của tôi» (the contract's `my-unit`): a commune officer picks their unit once; it is
//! remembered, and the overview opens with it — score, band, ranks, the plan to the next band,
//! its dossiers to fix and its totals over the periods.

use leptos::prelude::*;

use super::text::mine::MineText;

use super::state::{use_app, use_shown};
use super::text::{tr, Text};
use crate::core::model::format;
use crate::core::present::mine::{choosable, mine, options_markup};
use crate::core::present::view::View;

#[component]
pub fn MyUnitChooser() -> impl IntoView {
    let state = use_app();
    move || {
        let l = state.lang.get();
        let shared = state.analysis.get()?;
        let scores = &shared.0.scores;
        if scores.units.is_empty() {
            return None;
        }
        let chosen = state.my_unit.get().unwrap_or_default();
        let options = options_markup(&choosable(scores, &chosen), l);
        Some(view! {
            <p class="my-unit">
                <label>
                    {tr(l, MineText::MyUnit)}
                    <select data-testid="my-unit" inner_html=options on:change=move |ev| {
                        let v = event_target_value(&ev);
                        state.set_my_unit((!v.is_empty()).then_some(v));
                    }></select>
                </label>
            </p>
        })
    }
}

/// The user's unit at a glance, first in the overview.
#[component]
pub fn MyUnitCard() -> impl IntoView {
    let state = use_app();
    let shown = use_shown();
    move || {
        let l = state.lang.get();
        let name = state.my_unit.get()?;
        let shared = shown.analysis.get()?;
        let rules = state.rules.get()?.rules;
        let m = mine(&shared.0, &rules, &name, l)?;
        let lists = shared.0.tables.iter().any(|t| t.dossiers.is_some());
        let open = {
            let unit = m.name.clone();
            move |_| {
                state.open_unit(unit.clone());
            }
        };
        let totals = (m.totals.len() > 1).then(|| {
            let text =
                m.totals.iter().map(|(p, t)| format!("{p}: {}", format::fixed(*t, 2))).collect::<Vec<_>>().join(" → ");
            view! { <p data-testid="my-unit-totals">{format!("{}{text}", tr(l, MineText::OverPeriods))}</p> }
        });
        Some(view! {
            <section class="card my-unit-card" data-testid="my-unit-card" data-unit=m.name.clone() aria-labelledby="my-unit-heading">
                <h2 id="my-unit-heading">{format!("{}{}", tr(l, MineText::MyUnit), m.name)}</h2>
                <p class="overview-total" data-testid="my-unit-total" data-value=format!("{:.2}", m.total)>
                    <strong>{format!("{}/100 {}", format::fixed(m.total, 2), tr(l, MineText::Points))}</strong>
                    " — "
                    <span class=format!("band band-{}", m.band.class())>{m.band.label(l)}</span>
                </p>
                <p data-testid="my-unit-ranks">{m.ranks_text(l)}</p>
                <h3>{tr(l, MineText::ReachNextBand)}</h3>
                <p data-testid="my-unit-plan">{m.plan.summary.clone()}</p>
                {(!m.plan.steps.is_empty()).then(|| view! { <ol class="plan-steps">{m.plan.steps.iter().map(|s| view! { <li>{s.clone()}</li> }).collect_view()}</ol> })}
                {(!m.plan.others.is_empty()).then(|| view! {
                    <p class="plan-others-heading">{tr(l, Text::PlanOtherSteps)}</p>
                    <ul class="plan-others">{m.plan.others.iter().map(|s| view! { <li>{s.clone()}</li> }).collect_view()}</ul>
                })}
                {lists.then(|| view! {
                    <p data-testid="my-unit-to-fix" data-count=m.to_fix>
                        {m.to_fix_text(l)} " "
                        <button type="button" class="secondary" on:click=move |_| state.go(View::Dossiers)>{tr(l, MineText::SeeDossiersFix)}</button>
                    </p>
                })}
                {totals}
                <p class="starters">
                    <button type="button" class="secondary" data-testid="my-unit-open" on:click=open>{tr(l, MineText::OpenUnitSPage)}</button>
                </p>
            </section>
        })
    }
}
