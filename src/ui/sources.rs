//! Where each of a unit's figures came from (typed, the portal's figures, a report, a dossier list,
//! the province's row), what the office's own file gives beside it, and inputs for the parts no
//! file gives.

use std::sync::Arc;

use leptos::prelude::*;

use super::text::sources::SourcesText;
use super::text::tr;

use super::state::use_app;
use super::table_box::table_box;
use crate::core::analysis::Analysis;
use crate::core::figures::sources::{figure_text, sources_caption, SourceKind};
use crate::core::figures::Figure;
use crate::core::model::format;
use crate::core::model::lang::Lang;
use crate::core::model::text::fold_words;
use crate::core::rules::{Criterion, RuleSet};

/// Where each of the unit's figures came from, what the office's own file (`from`: its dossier
/// list or report) gives beside the figure used, and inputs for the parts no file gives.
#[component]
pub(super) fn Sources(analysis: Arc<Analysis>, rules: Arc<RuleSet>, unit: String, from: SourceKind) -> impl IntoView {
    let state = use_app();
    let l = state.lang.get_untracked();
    let key = fold_words(&unit);
    let result = analysis.scores.units.iter().find(|u| u.name == unit).cloned();
    let own = analysis.counted_row(&unit, from).cloned();
    let typed = state.typed.get_untracked().get(&key).cloned().unwrap_or_default();
    let rows = rules
        .criteria
        .iter()
        .map(|c| {
            let r = result.as_ref().and_then(|u| u.criterion(&c.code));
            let (n, d) = (r.and_then(|r| r.numerator), r.and_then(|r| r.denominator));
            let source = r.map(|r| r.source_text(l)).unwrap_or_else(|| tr(l, SourcesText::None).to_string());
            let counted = r.and_then(|r| Some(r.origin.as_ref()?.counted(&r.figure()))).unwrap_or_default();
            let listed = own.as_ref().and_then(|o| o.figures.get(&c.code)).map(figure_text).unwrap_or_default();
            let mine = typed.get(&c.code).copied().unwrap_or_default();
            let input = |part: bool, counted: bool| {
                let value = if part { mine.numerator } else { mine.denominator };
                (!counted).then(|| figure_input(l, key.clone(), c, part, value))
            };
            let count = |x: Option<f64>| x.map(|v| format::number(v, 2)).unwrap_or_default();
            view! {
                <tr data-criterion=c.code.clone()>
                    <th scope="row"><span title=c.code.clone()>{c.name_in(l).to_string()}</span></th>
                    <td class="num" data-testid="figure-own">{listed}</td>
                    <td class="num">{count(n)}</td>
                    <td class="num">{count(d)}</td>
                    <td data-testid="figure-source">{source}</td>
                    <td>
                        {if counted == (true, true) {
                            view! { <span aria-label=tr(l, SourcesText::CountedOfficeSFile)>"—"</span> }.into_any()
                        } else {
                            view! { {input(true, counted.0)} " / " {input(false, counted.1)} }.into_any()
                        }}
                    </td>
                </tr>
            }
        })
        .collect_view();
    let own_header = match from {
        SourceKind::Report => tr(l, SourcesText::Report),
        _ => tr(l, SourcesText::DossierList),
    };
    view! {
        <h3>{format!("{} — {unit}", tr(l, SourcesText::WhereFiguresCome))}</h3>
        {table_box(format!("{} — {unit}", tr(l, SourcesText::WhereFiguresCome)), view! {
        <table class="sources" data-testid="dossier-sources" data-unit=unit.clone()>
            <caption>{sources_caption(&state.focus.get_untracked().sources, l)}</caption>
            <thead>
                <tr>
                    <th scope="col">{tr(l, SourcesText::Criterion)}</th>
                    <th scope="col">{own_header}</th>
                    <th scope="col">{tr(l, SourcesText::NumeratorUsed)}</th>
                    <th scope="col">{tr(l, SourcesText::DenominatorUsed)}</th>
                    <th scope="col">{tr(l, SourcesText::Source)}</th>
                    <th scope="col">{tr(l, SourcesText::TypeNumeratorDenominator)}</th>
                </tr>
            </thead>
            <tbody>{rows}</tbody>
        </table>
        })}
    }
}

/// Where the user types a part of a figure no file gives (`part`: the numerator, else the
/// denominator), remembered on this machine.
fn figure_input(l: Lang, unit: String, criterion: &Criterion, part: bool, value: Option<f64>) -> impl IntoView {
    let state = use_app();
    let code = criterion.code.clone();
    let test = format!("typed-{code}-{}", if part { "n" } else { "d" });
    let which = if part { tr(l, SourcesText::Numerator) } else { tr(l, SourcesText::Denominator) };
    view! {
        <input
            type="text"
            inputmode="numeric"
            size="7"
            data-testid=test
            aria-label=format!("{} — {which}", criterion.name_in(l))
            prop:value=value.map(|v| format::number(v, 0)).unwrap_or_default()
            on:change=move |ev| {
                let parsed = crate::core::model::values::count(&crate::core::model::table::Cell::Text(event_target_value(&ev))).ok().flatten();
                let mut figure = state.typed.with_untracked(|t| t.get(&unit).and_then(|u| u.get(&code)).copied()).unwrap_or_default();
                if part { figure.numerator = parsed } else { figure.denominator = parsed }
                state.set_typed(unit.clone(), code.clone(), Figure { rate: None, ..figure });
            }
        />
    }
}
