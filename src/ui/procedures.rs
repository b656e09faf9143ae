//! The procedures (TTHC) that cost points, of one unit or of every unit of a dossier list: what
//! each received, each criterion's share and the points its shortfalls cost; sortable and
//! filterable. The figures are reckoned in core; this only wires the choices to the table.

use std::sync::Arc;

use leptos::prelude::*;

use super::text::procedures::{first_shown, ProceduresText};
use super::text::tr;

use super::state::use_app;
use super::table_box::table_box;
use crate::core::analysis::Analysis;
use crate::core::dossier::procedures::{gain_heading, gain_note, procedures, ProcedureSort, ProcedureTable};
use crate::core::dossier::units::DossierTable;
use crate::core::model::format;
use crate::core::rules::RuleSet;

/// Rows shown at once; the to-fix workbook has them all.
const SHOWN: usize = 500;

/// What the table shows; kept while the analysis changes.
#[derive(Clone, Copy)]
pub(super) struct Choice {
    /// The unit's name, or empty for every unit together; `None` until the user chooses: then the
    /// user's own unit when the list has it, else every unit.
    unit: RwSignal<Option<String>>,
    filter: RwSignal<String>,
    sort: RwSignal<ProcedureSort>,
}

impl Choice {
    pub(super) fn new() -> Choice {
        Choice {
            unit: RwSignal::new(None),
            filter: RwSignal::new(String::new()),
            sort: RwSignal::new(ProcedureSort::Gain),
        }
    }
}

#[component]
pub(super) fn ProcedureView(
    analysis: Arc<Analysis>,
    rules: Arc<RuleSet>,
    table: Arc<DossierTable>,
    /// Every unit's procedures, as the engine found them.
    all: Option<ProcedureTable>,
    choice: Choice,
) -> impl IntoView {
    let state = use_app();
    let l = state.lang.get_untracked();
    let Choice { unit, filter, sort } = choice;
    let units: Vec<String> = table.tally.units.iter().map(|u| table.names[u.unit as usize].clone()).collect();
    if unit.get_untracked().is_some_and(|u| !u.is_empty() && !units.contains(&u)) {
        unit.set(None);
    }
    let chosen = {
        let table = table.clone();
        Memo::new(move |_| {
            unit.get().unwrap_or_else(|| {
                let mine = state.my_unit.get().and_then(|m| table.unit_index(&m));
                mine.map(|i| table.names[i as usize].clone()).unwrap_or_default()
            })
        })
    };
    let computed = {
        let (table, rules) = (table.clone(), rules.clone());
        let all = all.map(Arc::new);
        Memo::new(move |_| match (chosen.with(|u| table.unit_index(u)), &all) {
            (None, Some(all)) => all.clone(),
            (index, _) => Arc::new(procedures(&table, &analysis.scores, &rules, index)),
        })
    };
    let labels = {
        let rules = rules.clone();
        move |codes: &[String]| -> Vec<String> {
            codes
                .iter()
                .map(|c| rules.criterion(c).map(|c| c.label_in(l).to_string()).unwrap_or_else(|| c.clone()))
                .collect()
        }
    };
    let sort_options = {
        let labels = labels.clone();
        move || {
            let t = computed.get();
            let names = labels(&t.criteria);
            let names: Vec<&str> = names.iter().map(String::as_str).collect();
            let current = sort.get();
            t.sorts()
                .into_iter()
                .map(|s| view! { <option value=s.code() selected=s == current>{s.label(l, &names)}</option> })
                .collect_view()
        }
    };
    let body = move || {
        let t = computed.get();
        let order = t.order(sort.get(), &filter.get());
        let labels = labels(&t.criteria);
        view! { <ProcedureRows table=t order=order labels=labels rules=rules.clone() unit=chosen.get() /> }
    };
    let unit_options = std::iter::once((String::new(), tr(l, ProceduresText::EveryUnit).to_string()))
        .chain(units.iter().map(|u| (u.clone(), u.clone())))
        .map(|(value, name)| view! { <option value=value.clone() selected=value == chosen.get_untracked()>{name}</option> })
        .collect_view();
    view! {
        <h3>{tr(l, ProceduresText::ProceduresCostPoints)}</h3>
        <div class="drill-controls">
            <label>{tr(l, ProceduresText::Unit)}<select data-testid="procedures-unit" on:change=move |ev| unit.set(Some(event_target_value(&ev)))>{unit_options}</select></label>
            <label>{tr(l, ProceduresText::Sort)}<select data-testid="procedures-sort" on:change=move |ev| sort.set(ProcedureSort::from_code(&event_target_value(&ev)))>{sort_options}</select></label>
            <label>{tr(l, ProceduresText::Filter)}<input type="search" data-testid="procedures-filter" prop:value=filter.get_untracked() on:input=move |ev| filter.set(event_target_value(&ev)) /></label>
        </div>
        {body}
    }
}

/// The table itself: a row per procedure in `order` (the first `SHOWN`), each criterion's share
/// and the points to gain.
#[component]
fn ProcedureRows(
    table: Arc<ProcedureTable>,
    order: Vec<usize>,
    labels: Vec<String>,
    rules: Arc<RuleSet>,
    unit: String,
) -> impl IntoView {
    let l = use_app().lang.get_untracked();
    let t = table;
    let total = order.len();
    let heads = t
        .criteria
        .iter()
        .zip(labels)
        .map(|(code, label)| {
            let name = rules.criterion(code).map(|c| c.name_in(l).to_string()).unwrap_or_default();
            view! { <th scope="col" title=name>{label}</th> }
        })
        .collect_view();
    let rows = order
        .iter()
        .take(SHOWN)
        .map(|&i| {
            let r = &t.rows[i];
            let cells = t
                .criteria
                .iter()
                .zip(&r.shares)
                .map(|(code, s)| view! { <td class="num" data-criterion=code.clone() data-met=s.met data-of=s.of>{s.text()}</td> })
                .collect_view();
            view! {
                <tr data-procedure=r.procedure.clone() data-gain=format!("{:.2}", r.gain) data-received=r.received>
                    <th scope="row">{r.label(l).to_string()}</th>
                    <td class="num">{format::number(f64::from(r.received), 0)}</td>
                    {cells}
                    <td class="num">{r.gain_text()}</td>
                </tr>
            }
        })
        .collect_view();
    let shown = first_shown(l, total, SHOWN);
    view! {
        <p data-testid="procedures-summary">{t.summary(l)}{shown}</p>
        {table_box(tr(l, ProceduresText::ProceduresCostPoints), view! {
            <table class="scores procedures" data-testid="procedures" data-total=total data-unit=unit>
                <caption>{gain_note(l)}</caption>
                <thead>
                    <tr>
                        <th scope="col">{tr(l, ProceduresText::Procedure)}</th>
                        <th scope="col">{tr(l, ProceduresText::Received)}</th>
                        {heads}
                        <th scope="col">{gain_heading(l)}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        })}
    }
}
