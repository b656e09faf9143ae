use leptos::prelude::*;

use super::compare::{change_class, change_text, places_text};
use super::i18n::{tr, Text};
use super::state::{use_app, Shared};
use super::table_box::table_box;
use crate::core::alerts;
use crate::core::band::Band;
use crate::core::format;
use crate::core::kind::whole_label;
use crate::core::lang::Lang;
use crate::core::message::Message;
use crate::core::report::export::{Export, Sources};
use crate::core::score::{Coverage, RankBy, Status, TOTAL};

/// The ranking table (the contract's `unit-scores`), the exports, and the analysis messages.
#[component]
pub fn Results() -> impl IntoView {
    let state = use_app();
    let lang = state.lang;
    // The column the ranking is sorted by.
    let sort = RwSignal::new(RankBy::Total);
    // The kind the ranking is limited to; empty: every unit, ranked under its parent.
    let kind = RwSignal::new(String::new());
    let view_of = move |shared: Shared| {
        let sorted_by = sort.get();
        let l = lang.get();
        let Some(active) = state.rules.get() else { return ().into_any() };
        let rules = active.rules.clone();
        let analysis = shared.0.clone();
        let scores = &analysis.scores;
        let comparison = state.comparison.get();
        let rules_line = match &active.source {
            None => format!("{} ({})", rules.title(l), tr(l, Text::RulesDefault)),
            Some(file) => format!("{} («{file}»)", rules.title(l)),
        };
        let current = sorted_by.clone();
        let sort_button = move |by: RankBy, label: String| {
            let active = current == by;
            let title = format!("{} {label}", l.pick("Sắp xếp theo", "Sort by"));
            let code = by.code().to_string();
            view! {
                <button type="button" class="sort" data-testid="sort" data-sort=code title=title.clone() aria-label=title aria-pressed=active.to_string() on:click=move |_| sort.set(by.clone())>
                    {if active { "▼" } else { "↕" }}
                </button>
            }
        };
        let aria_sort = |code: &str| if sorted_by.code() == code { "descending" } else { "none" };
        let head = rules
            .groups
            .iter()
            .map(|g| {
                let name = l.pick(g.name.clone(), g.name_en.clone());
                view! {
                    <th scope="col" data-group=g.code.clone() aria-sort=aria_sort(&g.code)>
                        <span class="group-name" title=g.code.clone()>{name.clone()}</span>
                        {sort_button(RankBy::Group(g.code.clone()), name)}
                        <span class="group-max">{format!("/{}", format::number(g.max, 2))}</span>
                    </th>
                }
            })
            .collect_view();
        let chosen_kind = kind.get();
        let by_kind = (!chosen_kind.is_empty()).then_some(chosen_kind.as_str());
        let order = scores.order(&sorted_by, by_kind);
        let kinds = scores.kinds();
        let kind_options = kinds
            .iter()
            .map(|k| view! { <option value=k.clone() selected=*k == chosen_kind>{k.clone()}</option> })
            .collect_view();
        let kind_filter = (!kinds.is_empty()).then(|| view! {
            <label class="kind-filter">
                {l.pick("Xếp hạng theo loại đơn vị: ", "Rank by kind of unit: ")}
                <select data-testid="kind-filter" on:change=move |ev| kind.set(event_target_value(&ev))>
                    <option value="" selected=chosen_kind.is_empty()>{l.pick("Tất cả (hạng trong đơn vị cấp trên)", "All (rank under the parent)")}</option>
                    {kind_options}
                </select>
            </label>
        });
        let mine = state.my_unit.get();
        let name_parents = scores.parents_differ();
        let rows = order
            .into_iter()
            .map(|i| {
                let u = &scores.units[i];
                let name = u.name.clone();
                let shown_rank = if by_kind.is_some() { u.kind_rank } else { u.rank };
                let has_error = u.criteria.iter().any(|c| c.status == Status::DataError);
                let is_mine = mine.as_deref().is_some_and(|m| crate::core::text::fold_words(m) == crate::core::text::fold_words(&u.name));
                let cells = u
                    .groups
                    .iter()
                    .map(|g| {
                        let coverage = u.coverage(&rules, &g.code);
                        let missing = match coverage {
                            Coverage::Full => None,
                            Coverage::Partial => Some("some"),
                            Coverage::Missing => Some("all"),
                        };
                        view! { <td class="num" data-group=g.code.clone() data-value=format!("{:.2}", g.score) data-missing=missing>{coverage.text(g.score, l)}</td> }
                    })
                    .collect_view();
                let select = name.clone();
                let change = comparison.as_ref().map(|c| match c.unit(&u.name, u.parent.as_deref()) {
                    Some(change) if change.total.delta().is_some() => {
                        let d = change.total.delta().unwrap_or_default();
                        let places = places_text(change.places_gained());
                        view! {
                            <td class=format!("num change {}", change_class(d)) data-testid="change" data-delta=format!("{d:.2}")>
                                {change_text(d)} {(!places.is_empty()).then(|| format!(" · {places}"))}
                            </td>
                        }
                        .into_any()
                    }
                    _ => view! { <td class="num" data-testid="change">{l.pick("mới", "new")}</td> }.into_any(),
                });
                view! {
                    <tr data-unit=name.clone() class:child=u.parent.is_some() class:mine=is_mine data-whole=u.is_whole().then_some("true") data-mine=is_mine.then_some("true")>
                        <td class="num" data-rank=shown_rank>{shown_rank}</td>
                        <th scope="row">
                            <button type="button" class="link" data-testid="unit-link" on:click=move |_| state.selected_unit.set(Some(select.clone()))>
                                {if u.is_whole() { whole_label(&name, l) } else { name.clone() }}
                            </button>
                            {is_mine.then(|| view! { <span class="tag mine-tag">{l.pick("★ Đơn vị của tôi", "★ My unit")}</span> })}
                            {u.parent.clone().filter(|_| name_parents).map(|p| view! { <span class="parent">{format!(" ↳ {p}")}</span> })}
                            {has_error.then(|| view! { <span class="tag error-tag">"⚠ " {tr(l, Text::DataErrorTag)}</span> })}
                        </th>
                        {cells}
                        <td class="num total" data-group=TOTAL data-value=format!("{:.2}", u.total)>{format::fixed(u.total, 2)}</td>
                        <td class=format!("band band-{}", Band::of(u.total).class()) data-band=Band::of(u.total).label(Lang::Vi)>{Band::of(u.total).label(l)}</td>
                        {change}
                    </tr>
                }
            })
            .collect_view();
        let score_only = scores.units.iter().any(|u| u.score_only());
        let marked =
            scores.units.iter().any(|u| rules.groups.iter().any(|g| u.coverage(&rules, &g.code) != Coverage::Full));
        let exports = {
            let (a, r) = (analysis.clone(), rules.clone());
            move |export: Export| {
                let found = alerts::evaluate(&state.alert_settings.get_untracked().rules(), &a.scores, &r);
                let comparison = state.comparison.get_untracked();
                let from = Sources {
                    analysis: &a,
                    rules: &r,
                    alerts: &found,
                    comparison: comparison.as_deref(),
                    letter: None,
                };
                state.save(&export.file_name(&from), export.mime(), export.write(&from));
            }
        };
        let (e1, e2, e3) = (exports.clone(), exports.clone(), exports);
        let caption = format!("{} — {}", tr(l, Text::ResultsHeading), rules_line);
        view! {
            <section class="results" aria-labelledby="results-heading" data-testid="results">
                <h2 id="results-heading">{tr(l, Text::ResultsHeading)}</h2>
                <p class="rules-line" data-testid="rules-title">{rules_line}</p>
                {score_only.then(|| view! { <p class="note">{tr(l, Text::ScoreOnly)}</p> })}
                <div class="exports">
                    <button type="button" class="secondary" data-testid="export-xlsx" on:click=move |_| e1(Export::Xlsx)>{tr(l, Text::ExportXlsx)}</button>
                    <button type="button" class="secondary" data-testid="export-csv" on:click=move |_| e2(Export::Csv)>{tr(l, Text::ExportCsv)}</button>
                    <button type="button" class="secondary" data-testid="export-json" on:click=move |_| e3(Export::Json)>{tr(l, Text::ExportJson)}</button>
                </div>
                <p class="hint">{tr(l, Text::UnitPageHint)}</p>
                {kind_filter}
                {table_box(caption.clone(), view! {
                    <table class="scores" data-testid="unit-scores">
                        <caption class="visually-hidden">{caption.clone()}</caption>
                        <thead>
                            <tr>
                                <th scope="col">{tr(l, Text::Rank)}</th>
                                <th scope="col">{tr(l, Text::Unit)}</th>
                                {head}
                                <th scope="col" data-group=TOTAL aria-sort=aria_sort(TOTAL)>
                                    {tr(l, Text::Total)}
                                    {sort_button(RankBy::Total, tr(l, Text::Total).to_string())}
                                    <span class="group-max">{format!("/{}", format::number(rules.total_max(), 2))}</span>
                                </th>
                                <th scope="col">{l.pick("Xếp loại", "Band")}</th>
                                {comparison.as_ref().map(|c| view! { <th scope="col">{format!("{} {}", l.pick("So với", "Against"), c.previous.label(l))}</th> })}
                            </tr>
                        </thead>
                        <tbody>{rows}</tbody>
                    </table>
                })}
                {marked.then(|| view! { <p class="note" data-testid="coverage-legend">{Coverage::legend(l)}</p> })}
                <Charts shared=shared.clone() lang=lang rules=rules.clone() />
            </section>
        }
        .into_any()
    };
    move || state.analysis.get().filter(|a| !a.0.scores.units.is_empty()).map(view_of)
}

/// The ranking and each group's scores against their maxima, as inline SVG.
#[component]
fn Charts(shared: Shared, lang: RwSignal<Lang>, rules: std::sync::Arc<crate::core::rules::RuleSet>) -> impl IntoView {
    use crate::core::report::charts::{bars, sorted_bars};
    move || {
        let l = lang.get();
        let scores = &shared.0.scores;
        let ranking_title = l.pick("Tổng điểm, từ cao xuống thấp", "Totals, highest first");
        let ranking_svg = bars("chart-ranking", ranking_title, &sorted_bars(scores, |u| u.total, rules.total_max()));
        let groups = rules
            .groups
            .iter()
            .enumerate()
            .map(|(g, group)| {
                let data = sorted_bars(scores, |u| u.groups.get(g).map_or(0.0, |x| x.score), group.max);
                let title = format!(
                    "{} — {} {}{}",
                    l.pick(group.name.clone(), group.name_en.clone()),
                    l.pick("điểm trên tối đa", "points out of"),
                    format::number(group.max, 2),
                    l.pick(", từ cao xuống thấp", ", highest first")
                );
                let svg = bars(&format!("chart-{}", group.code), &title, &data);
                view! {
                    <figure class="chart-box" data-chart=group.code.clone()>
                        <figcaption>{title}</figcaption>
                        <div inner_html=svg></div>
                    </figure>
                }
            })
            .collect_view();
        view! {
            <details class="charts" data-testid="charts">
                <summary>{l.pick("Biểu đồ", "Charts")}</summary>
                <figure class="chart-box" data-chart="ranking">
                    <figcaption>{ranking_title}</figcaption>
                    <div inner_html=ranking_svg></div>
                </figure>
                {groups}
            </details>
        }
    }
}

/// Problems found while reading the tables: errors (a file without a usable table) and warnings
/// (cells and rows that were not used as they stand). Shown above every view.
#[component]
pub fn AnalysisMessages() -> impl IntoView {
    let state = use_app();
    move || {
        let analysis = state.analysis.get()?.0;
        let l = state.lang.get();
        let errors = analysis.errors.iter().map(|e| (e.message(l), "error"));
        let issues = analysis.issues.iter().map(|i| (i.message(l), "warning"));
        let warnings = analysis.scores.warnings.iter().map(|w| (w.message(l), "warning"));
        let set_aside = analysis.set_aside_messages(l).into_iter().map(|m| (m, "warning"));
        let items: Vec<(String, &str)> = errors.chain(issues).chain(warnings).chain(set_aside).collect();
        (!items.is_empty()).then(|| {
            view! {
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
            }
        })
    }
}
