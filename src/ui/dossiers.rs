//! The dossier-list self-check, one block per list: what it holds, the period it is counted
//! over and what fell outside it, each unit's counts, the ranked action list, the procedures
//! that cost points and the drill-down behind each shortfall.

use std::sync::Arc;

use leptos::prelude::*;

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
                <h2 id="dossier-heading">{l.pick("Tự kiểm tra danh sách hồ sơ", "Dossier-list self-check")}</h2>
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
                {l.pick("Cột nhận biết được: ", "Columns recognised: ")} {found.join(", ")}
                {(!missing.is_empty()).then(|| format!("{}{}", l.pick(". Không có: ", ". Missing: "), missing.join(", ")))}
            </p>
            {file_id.map(|id| view! { <WindowChooser file_id=id window=window.clone() inferred=inferred.clone() /> })}
            <UnitCounts lines=d.unit_lines() lang=l />
            <h3>{l.pick("Việc cần làm để tăng điểm", "What to do to gain points")}</h3>
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
        {table_box(l.pick("Số hồ sơ của từng đơn vị trong kỳ", "Each unit's dossiers in the period"), view! {
        <table class="dossier-units" data-testid="dossier-units">
            <caption>{l.pick("Số hồ sơ của từng đơn vị trong kỳ", "Each unit's dossiers in the period")}</caption>
            <thead>
                <tr>
                    <th scope="col">{l.pick("Đơn vị", "Unit")}</th>
                    <th scope="col">{l.pick("Tiếp nhận", "Received")}</th>
                    <th scope="col">{l.pick("Đã hoàn thành", "Completed")}</th>
                    <th scope="col">{l.pick("Thời gian giải quyết trung bình (ngày)", "Average days to complete")}</th>
                    <th scope="col">{l.pick("Đúng hạn, trong hạn", "On time")}</th>
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
        return view! { <p data-testid="dossier-actions-empty">{l.pick("Không còn hồ sơ nào có thể khắc phục trong kỳ này.", "No dossier can still be fixed this period.")}</p> }.into_any();
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
        {table_box(l.pick("Việc cần làm để tăng điểm", "What to do to gain points"), view! {
        <table class="actions" data-testid="dossier-actions">
            <caption>{l.pick("Xếp theo số điểm có thể tăng thêm (trong giới hạn chỉ tiêu và điểm tối đa)", "Ranked by the points to gain (within targets and maxima)")}</caption>
            <thead>
                <tr>
                    <th scope="col">"#"</th>
                    <th scope="col">{l.pick("Đơn vị", "Unit")}</th>
                    <th scope="col">{l.pick("Việc cần làm", "Action")}</th>
                    <th scope="col">{l.pick("Tiêu chí", "Criterion")}</th>
                    <th scope="col">{l.pick("Hồ sơ làm mất điểm", "Dossiers that cost points")}</th>
                    <th scope="col">{l.pick("Còn khắc phục được", "Still fixable")}</th>
                    <th scope="col">{l.pick("Điểm", "Points")}</th>
                </tr>
            </thead>
            <tbody>{rows}</tbody>
        </table>
        })}
    }
    .into_any()
}
