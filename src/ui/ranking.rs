//! The ranking table (the contract's `unit-scores`): a row per unit in the order chosen — by the
//! total (the hierarchy by rank) or by a group, within a kind or not — with each group's score
//! and coverage, the total, the band and, with a period compared, the change.

use std::sync::Arc;

use leptos::prelude::*;

use super::text::ranking::RankingText;

use super::compare::{change_class, change_text, places_text};
use super::pager::{first_page_on, Pager};
use super::state::{use_app, use_shown, Shared};
use super::table_box::table_box;
use super::text::{tr, Text};
use crate::core::insight::compare::Comparison;
use crate::core::layout::kind::whole_label;
use crate::core::model::format;
use crate::core::model::lang::Lang;
use crate::core::model::paging::Page;
use crate::core::model::text::fold_words;
use crate::core::rules::RuleSet;
use crate::core::scoring::band::Band;
use crate::core::scoring::{named_label, RankBy, Status, UnitResult, TOTAL};

#[component]
pub fn RankingTable(
    shared: Shared,
    rules: Arc<RuleSet>,
    sort: RwSignal<RankBy>,
    kind: RwSignal<String>,
    caption: String,
) -> impl IntoView {
    let state = use_app();
    let shown = use_shown();
    // The units' names filter; the page shown of a long ranking.
    let query = RwSignal::new(String::new());
    let page = RwSignal::new(0usize);
    let order = {
        let shared = shared.clone();
        Memo::new(move |_| {
            let chosen_kind = kind.get();
            let by_kind = (!chosen_kind.is_empty()).then_some(chosen_kind.as_str());
            let scores = &shared.0.scores;
            scores.named(scores.order(&sort.get(), by_kind), &query.get())
        })
    };
    first_page_on(page, move || {
        sort.track();
        kind.track();
        query.track();
    });
    let current = Signal::derive(move || Page::new(page.get(), order.with(Vec::len)));
    let mine_page = {
        let shared = shared.clone();
        move || {
            let mine = fold_words(&state.my_unit.get()?);
            let at = order.with(|o| o.iter().position(|&i| fold_words(&shared.0.scores.units[i].name) == mine))?;
            let on = Page::containing(at, current.get().total());
            (current.get().paged() && on != current.get()).then_some(on)
        }
    };
    // Drawn again when the sort (its buttons), the kind, the order, the page, the language, my unit
    // or the comparison changes.
    let table = move || {
        let l = state.lang.get();
        sort.track();
        let scores = &shared.0.scores;
        let comparison = shown.comparison.get();
        let row = Row {
            rules: &rules,
            comparison: comparison.as_deref(),
            mine: state.my_unit.get().map(|m| fold_words(&m)),
            name_parents: scores.parents_differ(),
            by_kind: !kind.get().is_empty(),
            lang: l,
        };
        let shown = current.get();
        let rows = order.with(|o| {
            o.get(shown.rows()).unwrap_or_default().iter().map(|&i| row.view(&scores.units[i])).collect_view()
        });
        table_box(
            caption.clone(),
            view! {
                <table class="scores" data-testid="unit-scores" data-total=shown.total()>
                    <caption class="visually-hidden">{caption.clone()}</caption>
                    {head(&rules, l, sort, comparison.as_deref())}
                    <tbody>{rows}</tbody>
                </table>
            },
        )
    };
    view! {
        <RankingControls query=query page=page mine_page=mine_page total=Signal::derive(move || current.get().total()) />
        {table}
        <Pager page=page current=current />
    }
}

/// The ranking's header: every group and the total sort it, highest first.
fn head(rules: &RuleSet, l: Lang, sort: RwSignal<RankBy>, comparison: Option<&Comparison>) -> impl IntoView {
    let sorted_by = sort.get_untracked();
    let aria_sort = |code: &str| if sorted_by.code() == code { "descending" } else { "none" };
    let groups = rules
        .groups
        .iter()
        .map(|g| {
            let name = g.name_in(l).to_string();
            view! {
                <th scope="col" data-group=g.code.clone() aria-sort=aria_sort(&g.code)>
                    {sort_button(l, sort, RankBy::Group(g.code.clone()), name)}
                    <span class="group-max">{format!("/{}", format::number(g.max, 2))}</span>
                </th>
            }
        })
        .collect_view();
    view! {
        <thead>
            <tr>
                <th scope="col">{tr(l, Text::Rank)}</th>
                <th scope="col">{tr(l, Text::Unit)}</th>
                {groups}
                <th scope="col" data-group=TOTAL aria-sort=aria_sort(TOTAL)>
                    {sort_button(l, sort, RankBy::Total, tr(l, Text::Total).to_string())}
                    <span class="group-max">{format!("/{}", format::number(rules.total_max(), 2))}</span>
                </th>
                <th scope="col">{tr(l, RankingText::Band)}</th>
                {comparison.map(|c| view! { <th scope="col">{format!("{} {}", tr(l, RankingText::Against), c.previous.label(l))}</th> })}
            </tr>
        </thead>
    }
}

/// A header's sort button: its name is the button, the arrow says the order.
fn sort_button(l: Lang, sort: RwSignal<RankBy>, by: RankBy, label: String) -> impl IntoView {
    let active = sort.with_untracked(|s| *s == by);
    let title = format!("{} {label}", tr(l, RankingText::Sort));
    let code = by.code().to_string();
    view! {
        <button type="button" class="sort" data-testid="sort" data-sort=code title=title aria-pressed=active.to_string() on:click=move |_| sort.set(by.clone())>
            <span class="group-name">{label}</span>
            <span aria-hidden="true">{if active { " ▼" } else { " ↕" }}</span>
        </button>
    }
}

/// The name filter, the way to my unit's page, and how many units the filter leaves.
#[component]
fn RankingControls(
    query: RwSignal<String>,
    page: RwSignal<usize>,
    mine_page: impl Fn() -> Option<Page> + Send + Sync + 'static,
    total: Signal<usize>,
) -> impl IntoView {
    let lang = use_app().lang;
    view! {
        <div class="ranking-controls">
            <label>
                {move || tr(lang.get(), RankingText::FindUnit)}
                <input type="search" data-testid="ranking-filter" prop:value=move || query.get() on:input=move |ev| query.set(event_target_value(&ev)) />
            </label>
            {move || mine_page().map(|on| view! {
                <button type="button" class="secondary" data-testid="pager-mine" on:click=move |_| page.set(on.index())>
                    {tr(lang.get(), RankingText::GoMyUnitS)}
                </button>
            })}
            <span class="hint" data-testid="ranking-count">{move || (query.with(|q| !q.trim().is_empty())).then(|| named_label(total.get(), lang.get()))}</span>
        </div>
    }
}

/// What every row of one drawing of the table shares.
struct Row<'a> {
    rules: &'a RuleSet,
    comparison: Option<&'a Comparison>,
    /// The user's own unit, folded.
    mine: Option<String>,
    name_parents: bool,
    by_kind: bool,
    lang: Lang,
}

impl Row<'_> {
    fn view(&self, u: &UnitResult) -> impl IntoView + use<> {
        let state = use_app();
        let l = self.lang;
        let name = u.name.clone();
        let shown_rank = if self.by_kind { u.kind_rank } else { u.rank };
        let has_error = u.criteria.iter().any(|c| c.status == Status::DataError);
        let is_mine = self.mine.as_deref() == Some(fold_words(&u.name).as_str());
        let cells = u
            .groups
            .iter()
            .map(|g| {
                let coverage = u.coverage(self.rules, &g.code);
                view! { <td class="num" data-group=g.code.clone() data-value=format!("{:.2}", g.score) data-missing=coverage.code()>{coverage.text(g.score, l)}</td> }
            })
            .collect_view();
        let change = self.comparison.map(|c| match c.unit(&u.name, u.parent.as_deref()) {
            Some(change) if change.total.delta().is_some() => {
                let d = change.total.delta().unwrap_or_default();
                let places = places_text(change.places_gained(self.by_kind));
                view! {
                    <td class=format!("num change {}", change_class(d)) data-testid="change" data-delta=format!("{d:.2}")>
                        {change_text(d)} {(!places.is_empty()).then(|| format!(" · {places}"))}
                    </td>
                }
                .into_any()
            }
            _ => view! { <td class="num" data-testid="change">{tr(l, RankingText::New)}</td> }.into_any(),
        });
        let band = Band::of(u.total);
        let select = name.clone();
        let shown_name = if u.is_whole() { whole_label(&name, l) } else { name.clone() };
        let parent = u.parent.clone().filter(|_| self.name_parents);
        view! {
            <tr data-unit=name class:child=u.parent.is_some() class:mine=is_mine data-whole=u.is_whole().then_some("true") data-mine=is_mine.then_some("true")>
                <td class="num" data-rank=shown_rank>{shown_rank}</td>
                <th scope="row">
                    <button type="button" class="link" data-testid="unit-link" on:click=move |_| state.open_unit(select.clone())>
                        {shown_name}
                    </button>
                    {is_mine.then(|| view! { <span class="tag mine-tag">{tr(l, RankingText::MyUnit)}</span> })}
                    {parent.map(|p| view! { <span class="parent">{format!(" ↳ {p}")}</span> })}
                    {has_error.then(|| view! { <span class="tag error-tag">"⚠ " {tr(l, Text::DataErrorTag)}</span> })}
                </th>
                {cells}
                <td class="num total" data-group=TOTAL data-value=format!("{:.2}", u.total)>{format::fixed(u.total, 2)}</td>
                <td class=format!("band band-{}", band.class()) data-band=band.label(Lang::Vi)>{band.label(l)}</td>
                {change}
            </tr>
        }
    }
}
