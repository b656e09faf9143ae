//! «Tổng quan»: the period at a glance — the whole's total and band, each group's result and
//! change, the highest and lowest units, what to do next — then the movers and the trend.

use leptos::prelude::*;

use super::text::overview::{see_alerts, OverviewText};
use super::text::tr;

use super::compare::{PeriodChooser, PeriodComparison};
use super::state::{use_app, use_shown};
use super::trend::TrendView;
use crate::core::model::format;
use crate::core::present::overview::overview;
use crate::core::present::view::View;

#[component]
pub fn Overview() -> impl IntoView {
    let state = use_app();
    let shown = use_shown();
    let glance = move || {
        let l = state.lang.get();
        let shared = shown.analysis.get()?;
        let rules = state.rules.get()?.rules;
        let analysis = &shared.0;
        if analysis.scores.units.is_empty() {
            return None;
        }
        let o = overview(&analysis.scores, analysis.before(), &rules, l);
        let alerts = shown.alerts.with(|a| a.as_ref().map_or(0, |a| a.len()));
        let dossier_lists = analysis.tables.iter().filter(|t| t.dossiers.is_some()).count();
        let ends = |title: &'static str, testid: &'static str, units: Vec<(String, f64)>| {
            (!units.is_empty()).then(|| {
                let items = units
                    .into_iter()
                    .map(|(name, total)| view! { <li data-unit=name.clone()>{format!("{name}: {} {}", format::fixed(total, 2), tr(l, OverviewText::Points))}</li> })
                    .collect_view();
                view! {
                    <div>
                        <h3>{title}</h3>
                        <ol data-testid=testid>{items}</ol>
                    </div>
                }
            })
        };
        let go = move |v: View| move |_| state.go(v);
        let alerts_text = see_alerts(l, alerts);
        Some(view! {
            <section class="card overview" data-testid="overview" aria-labelledby="overview-heading">
                <h2 id="overview-heading">{o.title.clone()}</h2>
                <p class="overview-total" data-testid="overview-total" data-value=format!("{:.2}", o.total)>
                    <strong>{format!("{}/100 {}", format::fixed(o.total, 2), tr(l, OverviewText::Points))}</strong>
                    " — "
                    <span class=format!("band band-{}", o.band.class())>{o.band.label(l)}</span>
                    {format!(" · {} {}", o.units, tr(l, OverviewText::UnitsRanked))}
                </p>
                <figure class="chart-box" tabindex="0" data-chart="overview" data-testid="overview-chart" inner_html=o.chart.clone()></figure>
                <ul class="overview-lines" data-testid="overview-lines">
                    {o.lines.iter().map(|line| view! { <li>{line.clone()}</li> }).collect_view()}
                </ul>
                <div class="grid">
                    {ends(tr(l, OverviewText::Highest), "overview-best", o.best.clone())}
                    {ends(tr(l, OverviewText::Lowest), "overview-lowest", o.lowest.clone())}
                </div>
                <h3>{tr(l, OverviewText::WhatDoNext)}</h3>
                <p class="starters">
                    <button type="button" class="secondary" data-testid="overview-go-ranking" on:click=go(View::Ranking)>{tr(l, OverviewText::SeeRanking)}</button>
                    <button type="button" class="secondary" data-testid="overview-go-alerts" on:click=go(View::Alerts)>{alerts_text}</button>
                    {(dossier_lists > 0).then(|| view! { <button type="button" class="secondary" data-testid="overview-go-dossiers" on:click=go(View::Dossiers)>{tr(l, OverviewText::SeeDossiersCostPoints)}</button> })}
                    <button type="button" class="secondary" data-testid="overview-go-letter" on:click=go(View::Letter)>{tr(l, OverviewText::DraftAnnouncement)}</button>
                </p>
            </section>
        })
    };
    let comparison = move || state.rules.get().map(|r| view! { <PeriodComparison rules=r.rules /> });
    view! {
        {glance}
        <PeriodChooser />
        {comparison}
        <TrendView />
    }
}
