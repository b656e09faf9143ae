//! «Tổng quan»: the period at a glance — the whole's total and band, each group's result and
//! change, the highest and lowest units, what to do next — then the movers and the trend.

use leptos::prelude::*;

use super::compare::{PeriodChooser, PeriodComparison};
use super::state::{use_app, use_shown};
use super::trend::TrendView;
use crate::core::model::format;
use crate::core::model::lang::Lang;
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
                    .map(|(name, total)| view! { <li data-unit=name.clone()>{format!("{name}: {} {}", format::fixed(total, 2), l.pick("điểm", "points"))}</li> })
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
        let alerts_text = match l {
            Lang::Vi => format!("Xem {} cảnh báo", format::number(alerts as f64, 0)),
            Lang::En => format!("See {alerts} alerts"),
        };
        Some(view! {
            <section class="card overview" data-testid="overview" aria-labelledby="overview-heading">
                <h2 id="overview-heading">{o.title.clone()}</h2>
                <p class="overview-total" data-testid="overview-total" data-value=format!("{:.2}", o.total)>
                    <strong>{format!("{}/100 {}", format::fixed(o.total, 2), l.pick("điểm", "points"))}</strong>
                    " — "
                    <span class=format!("band band-{}", o.band.class())>{o.band.label(l)}</span>
                    {format!(" · {} {}", o.units, l.pick("đơn vị được xếp hạng", "units ranked"))}
                </p>
                <figure class="chart-box" tabindex="0" data-chart="overview" data-testid="overview-chart" inner_html=o.chart.clone()></figure>
                <ul class="overview-lines" data-testid="overview-lines">
                    {o.lines.iter().map(|line| view! { <li>{line.clone()}</li> }).collect_view()}
                </ul>
                <div class="grid">
                    {ends(l.pick("Cao nhất", "Highest"), "overview-best", o.best.clone())}
                    {ends(l.pick("Thấp nhất", "Lowest"), "overview-lowest", o.lowest.clone())}
                </div>
                <h3>{l.pick("Việc nên làm", "What to do next")}</h3>
                <p class="starters">
                    <button type="button" class="secondary" data-testid="overview-go-ranking" on:click=go(View::Ranking)>{l.pick("Xem bảng xếp hạng", "See the ranking")}</button>
                    <button type="button" class="secondary" data-testid="overview-go-alerts" on:click=go(View::Alerts)>{alerts_text}</button>
                    {(dossier_lists > 0).then(|| view! { <button type="button" class="secondary" data-testid="overview-go-dossiers" on:click=go(View::Dossiers)>{l.pick("Xem hồ sơ làm mất điểm", "See the dossiers that cost points")}</button> })}
                    <button type="button" class="secondary" data-testid="overview-go-letter" on:click=go(View::Letter)>{l.pick("Soạn văn bản công bố", "Draft the announcement")}</button>
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
