//! Where the month's figures come from: the order in which sources are trusted (settings), the
//! whole the letter speaks for (files view), and what a settlement report's rows are (a file's
//! card). The choices are the user's; what they mean is `core::figures::sources`.

use leptos::prelude::*;

use super::text::sourcing::SourcingText;
use super::text::tr;

use super::state::{use_app, use_shown, LoadedFile};
use crate::core::figures::scope::table_line;
use crate::core::figures::settlement::Layout;
use crate::core::figures::sources::sources_caption;
use crate::core::figures::TableKind;
use crate::core::layout::kind::whole_label;

/// The order of sources, each movable up or down; remembered.
#[component]
pub fn SourceOrderSettings() -> impl IntoView {
    let state = use_app();
    move || {
        let l = state.lang.get();
        let order = state.focus.with(|f| f.sources.clone());
        let count = order.kinds().len();
        let items = order
            .kinds()
            .iter()
            .enumerate()
            .map(|(i, kind)| {
                let kind = *kind;
                let (up, down) = (order.moved(kind, true), order.moved(kind, false));
                view! {
                    <li data-source=kind.code()>
                        <span>{kind.label(l)}</span>
                        " "
                        <button
                            type="button"
                            class="secondary"
                            data-testid="source-earlier"
                            aria-label=format!("{} — {}", kind.label(l), tr(l, SourcingText::TrustEarlier))
                            disabled=i == 0
                            on:click=move |_| state.set_sources(up.clone())
                        >
                            "↑"
                        </button>
                        <button
                            type="button"
                            class="secondary"
                            data-testid="source-later"
                            aria-label=format!("{} — {}", kind.label(l), tr(l, SourcingText::TrustLater))
                            disabled=i + 1 == count
                            on:click=move |_| state.set_sources(down.clone())
                        >
                            "↓"
                        </button>
                    </li>
                }
            })
            .collect_view();
        view! {
            <section class="source-order" aria-labelledby="source-order-heading">
                <h2 id="source-order-heading">{tr(l, SourcingText::OrderSources)}</h2>
                <p>{sources_caption(&order, l)}</p>
                <ol data-testid="source-order">{items}</ol>
            </section>
        }
    }
}

/// The unit taken as the whole (its own row, pooled from its units, or named here), and the choice
/// of another.
#[component]
pub fn WholeChoice() -> impl IntoView {
    let state = use_app();
    let shown = use_shown();
    move || {
        let l = state.lang.get();
        let analysis = shown.analysis.get()?.0;
        let scores = &analysis.scores;
        let named = state.focus.with(|f| f.whole.clone());
        let whole = scores.whole().map(|w| (w.name.clone(), w.source.is_some()));
        let line = match &whole {
            Some((name, own)) => format!(
                "{} {} ({})",
                tr(l, SourcingText::Whole),
                whole_label(name, l),
                match (own, named.is_some()) {
                    (_, true) => tr(l, SourcingText::ChosenYou),
                    (true, false) => tr(l, SourcingText::OwnRowFiles),
                    (false, false) => tr(l, SourcingText::PooledUnits),
                }
            ),
            None => tr(l, SourcingText::NoRowStandsAbove).to_string(),
        };
        let options = scores
            .a_to_z()
            .into_iter()
            .map(|u| {
                let selected = named.as_deref() == Some(u.name.as_str());
                view! { <option value=u.name.clone() selected=selected>{u.name.clone()}</option> }
            })
            .collect_view();
        Some(view! {
            <section class="whole" aria-labelledby="whole-heading">
                <h2 id="whole-heading">{tr(l, SourcingText::WholeLetterSpeaks)}</h2>
                {match whole.as_ref().map(|(n, _)| n.clone()) {
                    Some(name) => view! { <p data-testid="whole" data-unit=name>{line}</p> }.into_any(),
                    None => view! { <p>{line}</p> }.into_any(),
                }}
                <label>
                    {tr(l, SourcingText::UnitWhole)}
                    <select
                        data-testid="whole-choice"
                        on:change=move |ev| {
                            let name = event_target_value(&ev);
                            state.set_whole(Some(name).filter(|n| !n.is_empty()));
                        }
                    >
                        <option value="" selected=named.is_none()>{tr(l, SourcingText::Recognise)}</option>
                        {options}
                    </select>
                </label>
            </section>
        })
    }
}

/// For a settlement report: whether its rows are units or fields of the reporting unit.
#[component]
pub fn ReportRowsField(file: LoadedFile) -> impl IntoView {
    let state = use_app();
    let shown = use_shown();
    let (choice, id, name) = (file.choice, file.id, file.workbook.file_name.clone());
    move || {
        let l = state.lang.get();
        let analysis = shown.analysis.get()?.0;
        let table = analysis.tables.iter().find(|t| t.file == name && t.table.kind == TableKind::SettlementReport)?;
        let signature = table.table.mapping.signature();
        let chosen = choice.with(|c| c.report_rows);
        let options = Layout::ALL
            .into_iter()
            .map(|layout| view! { <option value=layout.code() selected=chosen == Some(layout)>{layout.label(l)}</option> })
            .collect_view();
        Some(view! {
            <label class="file-kind">
                {tr(l, SourcingText::ReportSRows)} " "
                <select
                    data-testid="report-rows"
                    on:change=move |ev| state.set_report_rows(id, &signature, Layout::from_code(&event_target_value(&ev)))
                >
                    <option value="" selected=chosen.is_none()>{tr(l, SourcingText::RecogniseNames)}</option>
                    {options}
                </select>
            </label>
        })
    }
}

/// For a workbook of several tables (a portal export's year, month, departments, communes): which
/// of them make the month, each with its scope and period.
#[component]
pub fn TablesField(file: LoadedFile) -> impl IntoView {
    let state = use_app();
    let shown = use_shown();
    let (id, book) = (file.id, file.workbook.clone());
    move || {
        let l = state.lang.get();
        let analysis = shown.analysis.get()?.0;
        let tables: Vec<_> = analysis.tables.iter().filter(|t| t.file == book.file_name).collect();
        if tables.len() < 2 {
            return None;
        }
        let used: Vec<usize> = tables.iter().filter(|t| t.used).map(|t| t.sheet_index).collect();
        let items = tables
            .iter()
            .map(|t| {
                let sheet = book.sheets.get(t.sheet_index).map(|s| s.name.clone()).unwrap_or_default();
                let line = table_line(&sheet, &t.table.units, l);
                let (index, used) = (t.sheet_index, used.clone());
                view! {
                    <li>
                        <label>
                            <input
                                type="checkbox"
                                data-testid="use-table"
                                data-sheet=sheet.clone()
                                prop:checked=t.used
                                on:change=move |ev| {
                                    let on = event_target_checked(&ev);
                                    let mut chosen: Vec<usize> = used.iter().copied().filter(|i| *i != index).collect();
                                    if on {
                                        chosen.push(index);
                                    }
                                    state.choose(id, |c| c.sheets = Some(chosen));
                                }
                            />
                            " "
                            {line}
                        </label>
                    </li>
                }
            })
            .collect_view();
        Some(view! {
            <fieldset class="tables" data-testid="file-tables">
                <legend>{tr(l, SourcingText::TablesFileUsedPeriod)}</legend>
                <ul>{items}</ul>
            </fieldset>
        })
    }
}
