//! The dossier-list self-check, one block per list: what it holds, the period it is counted
//! over and what fell outside it, each unit's counts, the ranked action list, the procedures
//! that cost points and the drill-down behind each shortfall.

use std::sync::Arc;

use leptos::prelude::*;

use super::text::dossiers::DossiersText;
use super::text::tr;

use super::drill::{Drill, DrillDown};
use super::procedures::{self, ProcedureView};
use super::state::{use_app, use_shown};
use super::table_box::table_box;
use super::window::WindowChooser;
use crate::core::analysis::Analysis;
use crate::core::dossier::actions::Action;
use crate::core::dossier::columns::ALL;
use crate::core::dossier::units::UnitLine;
use crate::core::model::format;
use crate::core::model::lang::Lang;
use crate::core::rules::RuleSet;

/// Actions listed on screen; the rest are in the to-fix workbook.
const ACTIONS: usize = 100;

#[component]
pub fn DossierCheck() -> impl IntoView {
    let state = use_app();
    let shown = use_shown();
    let drill = Drill::new();
    let procedures = procedures::Choice::new();
    move || {
        let shared = shown.analysis.get()?;
        let rules = state.rules.get()?.rules;
        let analysis = shared.0.clone();
        let lists: Vec<usize> =
            analysis.tables.iter().enumerate().filter(|(_, t)| t.dossiers.is_some()).map(|(i, _)| i).collect();
        if lists.is_empty() {
            return None;
        }
        let l = state.lang.get();
        let blocks = lists
            .into_iter()
            .map(|i| view! { <DossierBlock analysis=analysis.clone() rules=rules.clone() table=i drill=drill procedures=procedures /> })
            .collect_view();
        Some(view! {
            <section class="dossier-check" data-testid="dossier-check" aria-labelledby="dossier-heading">
                <h2 id="dossier-heading">{tr(l, DossiersText::DossierListSelfCheck)}</h2>
                {blocks}
            </section>
        })
    }
}

#[component]
fn DossierBlock(
    analysis: Arc<Analysis>,
    rules: Arc<RuleSet>,
    table: usize,
    drill: Drill,
    procedures: procedures::Choice,
) -> impl IntoView {
    let state = use_app();
    let l = state.lang.get_untracked();
    let ft = &analysis.tables[table];
    let Some(d) = ft.dossiers.as_ref() else { return ().into_any() };
    let file = ft.file.clone();
    let file_id = state.files.with_untracked(|f| f.iter().find(|f| f.workbook.file_name == file).map(|f| f.id));
    let outside = d.tally.outside;
    let found: Vec<&str> = ALL.iter().filter(|f| d.list.mapping.has(**f)).map(|f| f.label(l)).collect();
    let missing: Vec<&str> = ALL.iter().filter(|f| !d.list.mapping.has(**f)).map(|f| f.label(l)).collect();
    let has_outside = outside.total() > 0;
    let action_list = ft.actions.clone();
    let dossiers = Arc::new(d.clone());
    let (window, inferred) = (d.tally.window.clone(), d.inferred.clone());
    view! {
        <div class="dossier-list" data-testid="dossier-list" data-file=file.clone()>
            <p data-testid="dossier-summary">{d.summary(&file, l)}</p>
            <p
                data-testid="dossier-outside"
                data-before=outside.before
                data-after=outside.after
                data-undated=outside.undated
                class:warning=has_outside
            >
                {has_outside.then(|| view! { <span class="icon" aria-hidden="true">"⚠ "</span> })}
                {outside.text(l)}
            </p>
            <p class="columns" data-testid="dossier-columns">
                {tr(l, DossiersText::ColumnsRecognised)} {found.join(", ")}
                {(!missing.is_empty()).then(|| format!("{}{}", tr(l, DossiersText::Missing), missing.join(", ")))}
            </p>
            {file_id.map(|id| view! { <WindowChooser file_id=id window=window.clone() inferred=inferred.clone() /> })}
            <UnitCounts lines=d.unit_lines() lang=l />
            <h3>{tr(l, DossiersText::WhatDoGainPoints)}</h3>
            <ActionList actions=action_list rules=rules.clone() lang=l />
            <ProcedureView analysis=analysis.clone() rules=rules.clone() table=dossiers.clone() all=ft.procedures.clone() choice=procedures />
            <DrillDown analysis=analysis.clone() rules=rules.clone() table=dossiers file=file.clone() drill=drill />
        </div>
    }
    .into_any()
}

#[component]
fn UnitCounts(lines: Vec<UnitLine>, lang: Lang) -> impl IntoView {
    let l = lang;
    let rows = lines
        .into_iter()
        .map(|u| {
            view! {
                <tr data-unit=u.name.clone()>
                    <th scope="row">{u.name.clone()}</th>
                    <td class="num" data-testid="unit-received">{format::number(u.received, 0)}</td>
                    <td class="num">{u.completed.map(|n| format::number(n, 0))}</td>
                    <td class="num" data-testid="unit-average-days">{u.average_days.map(|d| format::fixed(d, 1))}</td>
                    <td class="num">{u.on_time_text()}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        {table_box(tr(l, DossiersText::EachUnitSDossiers), view! {
        <table class="dossier-units" data-testid="dossier-units">
            <caption>{tr(l, DossiersText::EachUnitSDossiers)}</caption>
            <thead>
                <tr>
                    <th scope="col">{tr(l, DossiersText::Unit)}</th>
                    <th scope="col">{tr(l, DossiersText::Received)}</th>
                    <th scope="col">{tr(l, DossiersText::Completed)}</th>
                    <th scope="col">{tr(l, DossiersText::AverageDaysComplete)}</th>
                    <th scope="col">{tr(l, DossiersText::Time)}</th>
                </tr>
            </thead>
            <tbody>{rows}</tbody>
        </table>
        })}
    }
}

#[component]
fn ActionList(actions: Vec<Action>, rules: Arc<RuleSet>, lang: Lang) -> impl IntoView {
    let l = lang;
    if actions.is_empty() {
        return view! { <p data-testid="dossier-actions-empty">{tr(l, DossiersText::NoDossierCanStill)}</p> }
            .into_any();
    }
    let rows = actions
        .iter()
        .take(ACTIONS)
        .enumerate()
        .map(|(k, a)| {
            let name = rules.criterion(&a.code).map(|c| c.name_in(l).to_string()).unwrap_or_default();
            view! {
                <tr data-unit=a.unit.clone() data-criterion=a.code.clone() data-gain=format!("{:.2}", a.recovery.gain) data-needed=a.recovery.needed>
                    <td class="num">{k + 1}</td>
                    <th scope="row">{a.unit.clone()}</th>
                    <td>{a.text(&rules, l)}</td>
                    <td>{name}</td>
                    <td class="num">{format::number(a.recovery.against as f64, 0)}</td>
                    <td class="num">{format::number(a.recovery.fixable as f64, 0)}</td>
                    <td class="num">{format!("+{}", format::fixed(a.recovery.gain, 2))}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        {table_box(tr(l, DossiersText::WhatDoGainPoints), view! {
        <table class="actions" data-testid="dossier-actions">
            <caption>{tr(l, DossiersText::RankedPointsGainWithin)}</caption>
            <thead>
                <tr>
                    <th scope="col">"#"</th>
                    <th scope="col">{tr(l, DossiersText::Unit)}</th>
                    <th scope="col">{tr(l, DossiersText::Action)}</th>
                    <th scope="col">{tr(l, DossiersText::Criterion)}</th>
                    <th scope="col">{tr(l, DossiersText::DossiersCostPoints)}</th>
                    <th scope="col">{tr(l, DossiersText::StillFixable)}</th>
                    <th scope="col">{tr(l, DossiersText::Points)}</th>
                </tr>
            </thead>
            <tbody>{rows}</tbody>
        </table>
        })}
    }
    .into_any()
}
