//! The dossiers behind one unit's shortfall on one criterion, with their reasons: sortable,
//! filterable and exportable. Which dossiers, why and in what order is core's
//! (`dossier::drill`); this wires the choices to the table.

use std::sync::Arc;

use leptos::prelude::*;

use super::text::drill::{dossier_count, DrillText};
use super::text::tr;
use leptos::task::spawn_local;

use super::pager::{first_page_on, Pager};
use super::sources::Sources;
use super::state::use_app;
use super::table_box::table_box;
use crate::core::analysis::Analysis;
use crate::core::dossier::drill::{self as core_drill, date_text, drillable, kept_or_first, DrillKey, DrillSort};
use crate::core::dossier::units::DossierTable;
use crate::core::figures::sources::SourceKind;
use crate::core::model::lang::Lang;
use crate::core::model::paging::Page;
use crate::core::report::job::Job;
use crate::core::rules::RuleSet;

/// What the drill-down shows; kept while the analysis changes (a period chosen, a figure typed).
#[derive(Clone, Copy)]
pub(super) struct Drill {
    unit: RwSignal<String>,
    criterion: RwSignal<String>,
    filter: RwSignal<String>,
    sort: RwSignal<DrillSort>,
}

impl Drill {
    pub(super) fn new() -> Drill {
        Drill {
            unit: RwSignal::new(String::new()),
            criterion: RwSignal::new(String::new()),
            filter: RwSignal::new(String::new()),
            sort: RwSignal::new(DrillSort::default()),
        }
    }
}

#[component]
pub(super) fn DrillDown(
    analysis: Arc<Analysis>,
    rules: Arc<RuleSet>,
    table: Arc<DossierTable>,
    file: String,
    drill: Drill,
) -> impl IntoView {
    let state = use_app();
    let l = state.lang.get_untracked();
    let units: Vec<String> = table.tally.units.iter().map(|u| table.names[u.unit as usize].clone()).collect();
    let criteria: Vec<(String, String)> =
        drillable(&rules, &table).into_iter().map(|c| (c.code.clone(), c.name_in(l).to_string())).collect();
    let Drill { unit, criterion, filter, sort } = drill;
    // A unit or criterion this list does not have (another list's, or none yet): my unit, or its first.
    let mine =
        state.my_unit.get_untracked().and_then(|m| table.unit_index(&m)).map(|i| table.names[i as usize].clone());
    // Set only when it changes: a set wakes every view of the drill-down, which draws anew.
    let keep = |signal: RwSignal<String>, value: Option<&String>| {
        let value = value.cloned().unwrap_or_default();
        if signal.get_untracked() != value {
            signal.set(value);
        }
    };
    keep(unit, kept_or_first(&units, &unit.get_untracked(), mine.as_deref()));
    let codes: Vec<String> = criteria.iter().map(|c| c.0.clone()).collect();
    keep(criterion, kept_or_first(&codes, &criterion.get_untracked(), None));
    // A long list in pages (a year's unit has thousands).
    let page = RwSignal::new(0);
    first_page_on(page, move || {
        unit.track();
        criterion.track();
        filter.track();
        sort.track();
    });
    let shown = RwSignal::new(Page::new(0, 0));
    let rows = {
        let (table, rules) = (table.clone(), rules.clone());
        move || {
            let l = state.lang.get();
            let Some(index) = table.unit_index(&unit.get()) else { return ().into_any() };
            let Some(c) = rules.criterion(&criterion.get()) else { return ().into_any() };
            let found = core_drill::drill(&table, index, c, &filter.get(), sort.get(), l);
            let current = Page::new(page.get(), found.len());
            shown.set(current);
            let rows = found.get(current.rows()).unwrap_or_default().iter().map(Row::of).collect();
            view! { <DrillTable rows=rows total=found.len() sort=sort lang=l /> }.into_any()
        }
    };
    let export = {
        let file = file.clone();
        move |all: bool| {
            let job = Job::FixList { file: file.clone(), unit: (!all).then(|| unit.get_untracked()) };
            spawn_local(state.make(job));
        }
    };
    let export_all = export.clone();
    let unit_options = units
        .iter()
        .map(|u| view! { <option value=u.clone() selected=*u == unit.get_untracked()>{u.clone()}</option> })
        .collect_view();
    let criterion_options = criteria
        .iter()
        .map(|(code, name)| view! { <option value=code.clone() selected=*code == criterion.get_untracked()>{name.clone()}</option> })
        .collect_view();
    view! {
        <h3>{tr(l, DrillText::DossiersCostPoints)}</h3>
        <div class="drill-controls">
            <label>{tr(l, DrillText::Unit)}<select data-testid="drill-unit" on:change=move |ev| unit.set(event_target_value(&ev))>{unit_options}</select></label>
            <label>{tr(l, DrillText::Criterion)}<select data-testid="drill-criterion" on:change=move |ev| criterion.set(event_target_value(&ev))>{criterion_options}</select></label>
            <label>{tr(l, DrillText::Filter)}<input type="search" data-testid="drill-filter" prop:value=filter.get_untracked() on:input=move |ev| filter.set(event_target_value(&ev)) /></label>
        </div>
        {rows}
        <Pager page=page current=shown.into() />
        <p class="exports">
            <button type="button" class="secondary" data-testid="export-fix-xlsx" on:click=move |_| export(false)>
                {tr(l, DrillText::DownloadUnitSFix)}
            </button>
            " "
            <button type="button" class="secondary" data-testid="export-fix-xlsx-all" on:click=move |_| export_all(true)>
                {tr(l, DrillText::DownloadEveryUnitXlsx)}
            </button>
        </p>
        {move || view! { <Sources analysis=analysis.clone() rules=rules.clone() unit=unit.get() from=SourceKind::Dossiers /> }}
    }
}

/// A drill-down row as the table shows it.
#[derive(Clone)]
struct Row {
    line: u32,
    id: String,
    procedure: String,
    received: String,
    due: String,
    finished: String,
    reasons: String,
    fixable: bool,
}

impl Row {
    fn of(r: &core_drill::DrillRow<'_>) -> Row {
        let d = r.dossier;
        Row {
            line: d.row,
            id: d.id.clone(),
            procedure: r.procedure.to_string(),
            received: date_text(d.received),
            due: date_text(d.due),
            finished: date_text(d.finished),
            reasons: r.reasons.clone(),
            fixable: r.fixable,
        }
    }
}

#[component]
fn DrillTable(rows: Vec<Row>, total: usize, sort: RwSignal<DrillSort>, lang: Lang) -> impl IntoView {
    let l = lang;
    let header = move |key: DrillKey| {
        let now = sort.get_untracked();
        view! {
            <th scope="col" aria-sort=now.aria(key)>
                <button type="button" class="link" data-testid="drill-sort" data-key=key.label(Lang::Vi) on:click=move |_| sort.update(|s| *s = s.choose(key))>
                    {key.label(l)}{now.arrow(key)}
                </button>
            </th>
        }
    };
    let caption = dossier_count(l, total);
    let body = rows
        .into_iter()
        .map(|r| {
            let (id, fixable) = (r.id.clone(), r.fixable.to_string());
            view! {
                <tr data-dossier=id data-fixable=fixable>
                    <td class="num">{r.line}</td>
                    <th scope="row">{r.id}</th>
                    <td>{r.procedure}</td>
                    <td>{r.received}</td>
                    <td>{r.due}</td>
                    <td>{r.finished}</td>
                    <td data-testid="drill-reason">{r.reasons}</td>
                    <td>{if r.fixable { tr(l, DrillText::Yes) } else { tr(l, DrillText::No) }}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        {table_box(caption.clone(), view! {
        <table class="drill" data-testid="drill-table" data-count=total>
            <caption>{caption}</caption>
            <thead>
                <tr>
                    {header(DrillKey::Row)}
                    {header(DrillKey::Id)}
                    {header(DrillKey::Procedure)}
                    {header(DrillKey::Received)}
                    {header(DrillKey::Due)}
                    <th scope="col">{tr(l, DrillText::Finished)}</th>
                    {header(DrillKey::Reason)}
                    <th scope="col">{tr(l, DrillText::StillFixable)}</th>
                </tr>
            </thead>
            <tbody>{body}</tbody>
        </table>
        })}
    }
}
