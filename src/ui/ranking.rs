//! The ranking table (the contract's `unit-scores`): a row per unit in the order chosen — by the
//! total (the hierarchy by rank) or by a group, within a kind or not — with each group's score
//! and coverage, the total, the band and, with a period compared, the change.

use std::sync::Arc;

use leptos::prelude::*;

use super::compare::{change_class, change_text, places_text};
use super::i18n::{tr, Text};
use super::state::{use_app, Shared};
use super::table_box::table_box;
use crate::core::band::Band;
use crate::core::compare::Comparison;
use crate::core::format;
use crate::core::kind::whole_label;
use crate::core::lang::Lang;
use crate::core::rules::RuleSet;
use crate::core::score::{RankBy, Status, UnitResult, TOTAL};
use crate::core::text::fold_words;

#[component]
pub fn RankingTable(
    shared: Shared,
    rules: Arc<RuleSet>,
    sort: RwSignal<RankBy>,
    kind: RwSignal<String>,
    caption: String,
) -> impl IntoView {
    let state = use_app();
    // Drawn again when the sort, the kind, the language, my unit or the comparison changes.
    move || {
        let l = state.lang.get();
        let sorted_by = sort.get();
        let scores = &shared.0.scores;
        let comparison = state.comparison.get();
        let sort_button = {
            let current = sorted_by.clone();
            move |by: RankBy, label: String| {
                let active = current == by;
                let title = format!("{} {label}", l.pick("Sắp xếp theo", "Sort by"));
                let code = by.code().to_string();
                view! {
                    <button type="button" class="sort" data-testid="sort" data-sort=code title=title.clone() aria-label=title aria-pressed=active.to_string() on:click=move |_| sort.set(by.clone())>
                        {if active { "▼" } else { "↕" }}
                    </button>
                }
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
                        {sort_button.clone()(RankBy::Group(g.code.clone()), name)}
                        <span class="group-max">{format!("/{}", format::number(g.max, 2))}</span>
                    </th>
                }
            })
            .collect_view();
        let chosen_kind = kind.get();
        let by_kind = (!chosen_kind.is_empty()).then_some(chosen_kind.as_str());
        let row = Row {
            rules: &rules,
            comparison: comparison.as_deref(),
            mine: state.my_unit.get().map(|m| fold_words(&m)),
            name_parents: scores.parents_differ(),
            by_kind: by_kind.is_some(),
            lang: l,
        };
        let rows = scores.order(&sorted_by, by_kind).into_iter().map(|i| row.view(&scores.units[i])).collect_view();
        table_box(
            caption.clone(),
            view! {
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
            },
        )
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
        let band = Band::of(u.total);
        let select = name.clone();
        let shown_name = if u.is_whole() { whole_label(&name, l) } else { name.clone() };
        let parent = u.parent.clone().filter(|_| self.name_parents);
        view! {
            <tr data-unit=name class:child=u.parent.is_some() class:mine=is_mine data-whole=u.is_whole().then_some("true") data-mine=is_mine.then_some("true")>
                <td class="num" data-rank=shown_rank>{shown_rank}</td>
                <th scope="row">
                    <button type="button" class="link" data-testid="unit-link" on:click=move |_| state.selected_unit.set(Some(select.clone()))>
                        {shown_name}
                    </button>
                    {is_mine.then(|| view! { <span class="tag mine-tag">{l.pick("★ Đơn vị của tôi", "★ My unit")}</span> })}
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
