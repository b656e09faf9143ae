use std::sync::Arc;

use leptos::prelude::*;

use super::text::results::{notices_summary, ResultsText};
use leptos::task::spawn_local;

use super::ranking::RankingTable;
use super::state::{use_app, use_shown, Shared};
use super::text::{tr, Text};
use crate::core::model::format;
use crate::core::model::lang::Lang;
use crate::core::model::message::Message;
use crate::core::report::export::Export;
use crate::core::report::job::Job;
use crate::core::rules::RuleSet;
use crate::core::scoring::{Coverage, RankBy};

/// The ranking (the contract's `unit-scores`) with its rule set, exports, kind filter, legend and
/// charts.
#[component]
pub fn Results() -> impl IntoView {
    let state = use_app();
    let shown = use_shown();
    let lang = state.lang;
    // The column the ranking is sorted by.
    let sort = RwSignal::new(RankBy::Total);
    // The kind the ranking is limited to; empty: every unit, ranked under its parent.
    let kind = RwSignal::new(String::new());
    let view_of = move |shared: Shared| {
        let l = lang.get();
        let Some(active) = state.rules.get() else { return ().into_any() };
        let rules = active.rules.clone();
        let scores = &shared.0.scores;
        let rules_line = match &active.source {
            None => format!("{} ({})", rules.title(l), tr(l, Text::RulesDefault)),
            Some(file) => format!("{} («{file}»)", rules.title(l)),
        };
        let score_only = scores.units.iter().any(|u| u.score_only());
        let marked = scores.lacks_figures();
        let kinds = scores.kinds();
        let caption = format!("{} — {}", tr(l, Text::ResultsHeading), rules_line);
        view! {
            <section class="results" aria-labelledby="results-heading" data-testid="results">
                <h2 id="results-heading">{tr(l, Text::ResultsHeading)}</h2>
                <p class="rules-line" data-testid="rules-title">{rules_line}</p>
                {score_only.then(|| view! { <p class="note">{tr(l, Text::ScoreOnly)}</p> })}
                <Exports />
                <p class="hint">{tr(l, Text::UnitPageHint)}</p>
                {(!kinds.is_empty()).then(|| view! { <KindFilter kinds=kinds kind=kind /> })}
                <RankingTable shared=shared.clone() rules=rules.clone() sort=sort kind=kind caption=caption />
                {marked.then(|| view! { <p class="note" data-testid="coverage-legend">{Coverage::legend(l)}</p> })}
                <Charts shared=shared.clone() lang=lang rules=rules.clone() />
            </section>
        }
        .into_any()
    };
    move || shown.analysis.get().filter(|a| !a.0.scores.units.is_empty()).map(view_of)
}

/// The ranking's downloads: XLSX, CSV, JSON.
#[component]
fn Exports() -> impl IntoView {
    let state = use_app();
    let l = state.lang.get_untracked();
    let export = move |export: Export| {
        spawn_local(state.make(Job::Export { export, letter: None }));
    };
    view! {
        <div class="exports">
            <button type="button" class="secondary" data-testid="export-xlsx" on:click=move |_| export(Export::Xlsx)>{tr(l, Text::ExportXlsx)}</button>
            <button type="button" class="secondary" data-testid="export-csv" on:click=move |_| export(Export::Csv)>{tr(l, Text::ExportCsv)}</button>
            <button type="button" class="secondary" data-testid="export-json" on:click=move |_| export(Export::Json)>{tr(l, Text::ExportJson)}</button>
        </div>
    }
}

/// The kind the ranking is limited to, with the ranks within it.
#[component]
fn KindFilter(kinds: Vec<String>, kind: RwSignal<String>) -> impl IntoView {
    let l = use_app().lang.get_untracked();
    let chosen = kind.get_untracked();
    let options = kinds
        .iter()
        .map(|k| view! { <option value=k.clone() selected=*k == chosen>{k.clone()}</option> })
        .collect_view();
    view! {
        <label class="kind-filter">
            {tr(l, ResultsText::RankKindUnit)}
            <select data-testid="kind-filter" on:change=move |ev| kind.set(event_target_value(&ev))>
                <option value="" selected=chosen.is_empty()>{tr(l, ResultsText::AllRankUnderParent)}</option>
                {options}
            </select>
        </label>
    }
}

/// The ranking and each group's scores against their maxima, as inline SVG.
#[component]
fn Charts(shared: Shared, lang: RwSignal<Lang>, rules: Arc<RuleSet>) -> impl IntoView {
    use crate::core::report::charts::{bars, sorted_bars};
    // Drawn when opened: seven charts of thousands of bars are not drawn for nobody.
    let open = RwSignal::new(false);
    let figures = move || {
        if !open.get() {
            return ().into_any();
        }
        let l = lang.get();
        let scores = &shared.0.scores;
        let ranking_title = tr(l, ResultsText::TotalsHighestFirst);
        let ranking_svg = bars("chart-ranking", ranking_title, &sorted_bars(scores, |u| u.total, rules.total_max()));
        let groups = rules
            .groups
            .iter()
            .enumerate()
            .map(|(g, group)| {
                let data = sorted_bars(scores, |u| u.groups.get(g).map_or(0.0, |x| x.score), group.max);
                let title = format!(
                    "{} — {} {}{}",
                    group.name_in(l),
                    tr(l, ResultsText::PointsOut),
                    format::number(group.max, 2),
                    tr(l, ResultsText::HighestFirst)
                );
                let svg = bars(&format!("chart-{}", group.code), &title, &data);
                view! {
                    <figure class="chart-box" tabindex="0" data-chart=group.code.clone()>
                        <figcaption>{title}</figcaption>
                        <div inner_html=svg></div>
                    </figure>
                }
            })
            .collect_view();
        view! {
            <figure class="chart-box" tabindex="0" data-chart="ranking">
                <figcaption>{ranking_title}</figcaption>
                <div inner_html=ranking_svg></div>
            </figure>
            {groups}
        }
        .into_any()
    };
    view! {
        <details class="charts" data-testid="charts" on:toggle=move |ev| open.set(event_target::<web_sys::HtmlDetailsElement>(&ev).open())>
            <summary>{move || tr(lang.get(), ResultsText::Charts)}</summary>
            {figures}
        </details>
    }
}

/// Problems found while reading the tables: errors (a file without a usable table) and warnings
/// (cells and rows that were not used as they stand). Shown above every view.
#[component]
pub fn AnalysisMessages() -> impl IntoView {
    let state = use_app();
    let shown = use_shown();
    move || {
        let analysis = shown.analysis.get()?.0;
        let l = state.lang.get();
        let errors = analysis.errors.iter().map(|e| (e.message(l), "error"));
        let issues = analysis.issues.iter().map(|i| (i.message(l), "warning"));
        let warnings = analysis.scores.warnings.iter().map(|w| (w.message(l), "warning"));
        let set_aside = analysis.set_aside_messages(l).into_iter().map(|m| (m, "warning"));
        let items: Vec<(String, &str)> = errors.chain(issues).chain(warnings).chain(set_aside).collect();
        (!items.is_empty()).then(|| {
            // On a phone the notices fold into one line that opens, unless one is an error.
            let errors = items.iter().filter(|(_, level)| *level == "error").count();
            let open = errors > 0 || !crate::browser::narrow_screen();
            let summary = notices_summary(l, items.len());
            view! {
                <details class="notices" data-testid="notices" open=open>
                <summary>{summary}</summary>
                <ul class="analysis-messages">
                    {items
                        .into_iter()
                        .map(|(text, level)| {
                            let icon = if level == "error" { "⚠" } else { "ℹ" };
                            view! {
                                <li class=format!("message {level}") data-testid="error" data-level=level>
                                    <span class="icon" aria-hidden="true">{icon}</span>
                                    {text}
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
                </details>
            }
        })
    }
}
