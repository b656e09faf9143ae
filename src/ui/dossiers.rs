//! The dossier-list self-check: the period a list is counted over, what fell outside it, the
//! ranked action list, the dossiers behind each shortfall with their reasons (sortable,
//! filterable, exportable), and where each unit's figures came from, with a form for the ones
//! no file gives.

use std::sync::Arc;

use chrono::{Datelike, NaiveDate};
use leptos::prelude::*;

use super::procedures::ProcedureView;
use super::state::AppState;
use crate::core::analysis::Analysis;
use crate::core::dossier::actions::actions;
use crate::core::dossier::columns::ALL;
use crate::core::dossier::tally::shortfalls;
use crate::core::dossier::units::{Counted, DossierTable};
use crate::core::dossier::Window;
use crate::core::figures::Figure;
use crate::core::format;
use crate::core::lang::Lang;
use crate::core::period::Period;
use crate::core::report::error::ReportError;
use crate::core::report::export::XLSX_MIME;
use crate::core::report::fix_list;
use crate::core::rules::RuleSet;
use crate::core::text::fold_words;

/// Dossiers listed on screen for one shortfall; the workbook has them all.
const SHOWN: usize = 500;

/// What the drill-down shows; kept while the analysis changes (a period chosen, a figure typed).
#[derive(Clone, Copy)]
struct Drill {
    unit: RwSignal<String>,
    criterion: RwSignal<String>,
    filter: RwSignal<String>,
    sort: RwSignal<(Key, bool)>,
}

#[component]
pub fn DossierCheck(state: AppState) -> impl IntoView {
    let drill = Drill {
        unit: RwSignal::new(String::new()),
        criterion: RwSignal::new(String::new()),
        filter: RwSignal::new(String::new()),
        sort: RwSignal::new((Key::Row, true)),
    };
    let procedures = super::procedures::Choice::new();
    move || {
        let shared = state.analysis.get()?;
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
            .map(|i| view! { <DossierBlock state=state analysis=analysis.clone() rules=rules.clone() table=i drill=drill procedures=procedures /> })
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
    state: AppState,
    analysis: Arc<Analysis>,
    rules: Arc<RuleSet>,
    table: usize,
    drill: Drill,
    procedures: super::procedures::Choice,
) -> impl IntoView {
    let l = state.lang.get_untracked();
    let ft = &analysis.tables[table];
    let Some(d) = ft.dossiers.as_ref() else { return ().into_any() };
    let file = ft.file.clone();
    let file_id = state.files.with_untracked(|f| f.iter().find(|f| f.workbook.file_name == file).map(|f| f.id));
    let outside = d.tally.outside;
    let found: Vec<&str> = ALL.iter().filter(|f| d.list.mapping.has(**f)).map(|f| f.label(l)).collect();
    let missing: Vec<&str> = ALL.iter().filter(|f| !d.list.mapping.has(**f)).map(|f| f.label(l)).collect();
    let in_window: usize = d.tally.units.iter().map(|u| u.value(crate::core::rules::Measure::Received) as usize).sum();
    let summary = match l {
        Lang::Vi => format!(
            "{}: {} hồ sơ, {} hồ sơ tiếp nhận trong kỳ {}, {} đơn vị.",
            file,
            format::number(d.list.dossiers.len() as f64, 0),
            format::number(in_window as f64, 0),
            d.tally.window.label(l),
            d.tally.units.len()
        ),
        Lang::En => format!(
            "{}: {} dossiers, {} received in {}, {} units.",
            file,
            d.list.dossiers.len(),
            in_window,
            d.tally.window.label(l),
            d.tally.units.len()
        ),
    };
    let outside_text = match l {
        Lang::Vi => format!(
            "Ngoài kỳ, không tính: {} tiếp nhận trước kỳ, {} sau kỳ, {} không có ngày tiếp nhận.",
            outside.before, outside.after, outside.undated
        ),
        Lang::En => format!(
            "Outside the period, not counted: {} received before, {} after, {} with no receipt date.",
            outside.before, outside.after, outside.undated
        ),
    };
    let action_list = actions(d, &analysis.scores, &rules);
    let action_rows = action_list
        .iter()
        .take(100)
        .enumerate()
        .map(|(k, a)| {
            let name = rules.criterion(&a.code).map(|c| c.name.clone()).unwrap_or_default();
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
    let no_actions = action_list.is_empty();
    let has_outside = outside.total() > 0;
    let unit_rows = d
        .tally
        .units
        .iter()
        .map(|u| {
            use crate::core::rules::Measure;
            let name = d.names[u.unit as usize].clone();
            let received = u.value(Measure::Received);
            let on_time = u.value(Measure::OnTime);
            let days = u.value(Measure::AverageDays);
            let has = |m: Measure| crate::core::dossier::reasons::available(m, &d.list.mapping);
            view! {
                <tr data-unit=name.clone()>
                    <th scope="row">{name.clone()}</th>
                    <td class="num" data-testid="unit-received">{format::number(received, 0)}</td>
                    <td class="num">{has(Measure::Completed).then(|| format::number(u.value(Measure::Completed), 0))}</td>
                    <td class="num" data-testid="unit-average-days">{(has(Measure::AverageDays) && days.is_finite()).then(|| format::fixed(days, 1))}</td>
                    <td class="num">{has(Measure::OnTime).then(|| format!("{} ({} %)", format::number(on_time, 0), format::fixed(100.0 * on_time / received.max(1.0), 2)))}</td>
                </tr>
            }
        })
        .collect_view();
    let dossiers = Arc::new(d.clone());
    let window = d.tally.window.clone();
    let inferred = d.inferred.clone();
    view! {
        <div class="dossier-list" data-testid="dossier-list" data-file=file.clone()>
            <p data-testid="dossier-summary">{summary}</p>
            <p
                data-testid="dossier-outside"
                data-before=outside.before
                data-after=outside.after
                data-undated=outside.undated
                class:warning=has_outside
            >
                {has_outside.then(|| view! { <span class="icon" aria-hidden="true">"⚠ "</span> })}
                {outside_text}
            </p>
            <p class="columns" data-testid="dossier-columns">
                {l.pick("Cột nhận biết được: ", "Columns recognised: ")} {found.join(", ")}
                {(!missing.is_empty()).then(|| format!("{}{}", l.pick(". Không có: ", ". Missing: "), missing.join(", ")))}
            </p>
            {file_id.map(|id| view! { <WindowChooser state=state file_id=id window=window.clone() inferred=inferred.clone() /> })}
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
                <tbody>{unit_rows}</tbody>
            </table>
            <h3>{l.pick("Việc cần làm để lấy lại điểm", "What to do to win points back")}</h3>
            {if no_actions {
                view! { <p data-testid="dossier-actions-empty">{l.pick("Không còn hồ sơ nào có thể khắc phục trong kỳ này.", "No dossier can still be fixed this period.")}</p> }.into_any()
            } else {
                view! {
                    <table class="actions" data-testid="dossier-actions">
                        <caption>{l.pick("Xếp theo số điểm lấy lại được (trong giới hạn chỉ tiêu và điểm tối đa)", "Ranked by points won back (within targets and maxima)")}</caption>
                        <thead>
                            <tr>
                                <th scope="col">"#"</th>
                                <th scope="col">{l.pick("Đơn vị", "Unit")}</th>
                                <th scope="col">{l.pick("Việc cần làm", "Action")}</th>
                                <th scope="col">{l.pick("Tiêu chí", "Criterion")}</th>
                                <th scope="col">{l.pick("Hồ sơ bị trừ điểm", "Dossiers against")}</th>
                                <th scope="col">{l.pick("Còn khắc phục được", "Still fixable")}</th>
                                <th scope="col">{l.pick("Điểm", "Points")}</th>
                            </tr>
                        </thead>
                        <tbody>{action_rows}</tbody>
                    </table>
                }
                    .into_any()
            }}
            <ProcedureView state=state analysis=analysis.clone() rules=rules.clone() table=dossiers.clone() choice=procedures />
            <DrillDown state=state analysis=analysis.clone() rules=rules.clone() table=dossiers file=file.clone() drill=drill />
        </div>
    }
    .into_any()
}

/// The window of the same kind as `kind` that holds `day`.
fn window_of(kind: &str, day: NaiveDate, current: &Window) -> Window {
    match kind {
        "quarter" => Window::Quarter { year: day.year(), quarter: (day.month() - 1) / 3 + 1 },
        "year" => Window::Year(day.year()),
        "days" => Window::Days { from: current.first_day(), to: current.last_day() },
        _ => Window::Month { year: day.year(), month: day.month() },
    }
}

#[component]
fn WindowChooser(state: AppState, file_id: u32, window: Window, inferred: Window) -> impl IntoView {
    let l = state.lang.get_untracked();
    let kind = match window {
        Window::Month { .. } => "month",
        Window::Quarter { .. } => "quarter",
        Window::Year(_) => "year",
        Window::Days { .. } => "days",
    };
    let set = move |w: Option<Window>| state.choose(file_id, |c| c.window = w);
    let current = window.clone();
    let on_kind = move |ev| {
        let k = event_target_value(&ev);
        set(Some(window_of(&k, current.first_day(), &current)));
    };
    let on_period = move |ev| {
        if let Some(w) = Period::parse(&event_target_value(&ev)).as_ref().and_then(Window::of_period) {
            set(Some(w));
        }
    };
    let (from, to) = (window.first_day(), window.last_day());
    let set_day = move |ev, end: bool| {
        if let Ok(day) = NaiveDate::parse_from_str(&event_target_value(&ev), "%Y-%m-%d") {
            let (mut a, mut b) = (from, to);
            if end {
                b = day
            } else {
                a = day
            }
            if a <= b {
                set(Some(Window::Days { from: a, to: b }));
            }
        }
    };
    let is_days = kind == "days";
    let label = window.label(l);
    let option = |value: &'static str, vi: &'static str, en: &'static str| view! { <option value=value selected=kind == value>{l.pick(vi, en)}</option> };
    view! {
        <fieldset class="window" data-testid="dossier-window" data-period=label.clone()>
            <legend>{l.pick("Kỳ của danh sách hồ sơ", "Dossier list period")}</legend>
            <label>
                {l.pick("Loại kỳ ", "Kind ")}
                <select data-testid="dossier-window-kind" on:change=on_kind>
                    {option("month", "Tháng", "Month")}
                    {option("quarter", "Quý", "Quarter")}
                    {option("year", "Năm", "Year")}
                    {option("days", "Khoảng ngày", "Range of days")}
                </select>
            </label>
            {if is_days {
                view! {
                    <label>{l.pick(" Từ ngày ", " From ")}<input type="date" data-testid="dossier-window-from" prop:value=from.format("%Y-%m-%d").to_string() on:change=move |ev| set_day(ev, false) /></label>
                    <label>{l.pick(" đến ngày ", " to ")}<input type="date" data-testid="dossier-window-to" prop:value=to.format("%Y-%m-%d").to_string() on:change=move |ev| set_day(ev, true) /></label>
                }
                    .into_any()
            } else {
                view! {
                    <label>
                        {l.pick(" Kỳ ", " Period ")}
                        <input type="text" data-testid="dossier-window-period" prop:value=label.clone() on:change=on_period />
                    </label>
                }
                    .into_any()
            }}
            <p class="hint">
                {format!("{} {}", l.pick("chiso đề xuất (tháng có nhiều hồ sơ tiếp nhận nhất):", "chiso's proposal (the month most dossiers were received in):"), inferred.label(l))}
                " "
                <button type="button" class="secondary" data-testid="dossier-window-reset" on:click=move |_| set(None)>
                    {l.pick("Dùng kỳ đề xuất", "Use the proposal")}
                </button>
            </p>
        </fieldset>
    }
}

/// Sort keys of the drill-down table.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Key {
    Row,
    Id,
    Procedure,
    Received,
    Due,
    Reason,
}

#[component]
fn DrillDown(
    state: AppState,
    analysis: Arc<Analysis>,
    rules: Arc<RuleSet>,
    table: Arc<DossierTable>,
    file: String,
    drill: Drill,
) -> impl IntoView {
    let l = state.lang.get_untracked();
    let units: Vec<String> = table.tally.units.iter().map(|u| table.names[u.unit as usize].clone()).collect();
    let criteria: Vec<(String, String)> = rules
        .criteria
        .iter()
        .filter(|c| {
            c.dossiers.numerator.is_some_and(|m| crate::core::dossier::reasons::available(m, &table.list.mapping))
                && c.dossiers.numerator != Some(crate::core::rules::Measure::ProceduresOnline)
        })
        .map(|c| (c.code.clone(), c.name.clone()))
        .collect();
    let Drill { unit, criterion, filter, sort } = drill;
    // A unit or criterion this list does not have (another list's, or none yet): its first.
    if !units.contains(&unit.get_untracked()) {
        unit.set(units.first().cloned().unwrap_or_default());
    }
    if !criteria.iter().any(|(code, _)| *code == criterion.get_untracked()) {
        criterion.set(criteria.first().map(|c| c.0.clone()).unwrap_or_default());
    }
    let rows = {
        let (table, rules) = (table.clone(), rules.clone());
        move || {
            let l = state.lang.get();
            let Some(index) = table.unit_index(&unit.get()) else { return ().into_any() };
            let Some(c) = rules.criterion(&criterion.get()) else { return ().into_any() };
            let needle = fold_words(&filter.get());
            let mut found: Vec<_> = shortfalls(&table.list, &table.tally, index, &c.dossiers)
                .into_iter()
                .map(|(d, reasons)| {
                    (
                        d,
                        reasons.iter().map(|r| r.text(l)).collect::<Vec<_>>().join("; "),
                        reasons.iter().all(|r| r.fixable()),
                    )
                })
                .filter(|(d, reasons, _)| {
                    needle.is_empty()
                        || fold_words(&format!("{} {} {reasons}", d.id, table.list.procedure_name(d.procedure)))
                            .contains(&needle)
                })
                .collect();
            let (key, ascending) = sort.get();
            found.sort_by(|a, b| {
                let order = match key {
                    Key::Row => a.0.row.cmp(&b.0.row),
                    Key::Id => a.0.id.cmp(&b.0.id),
                    Key::Procedure => {
                        table.list.procedure_name(a.0.procedure).cmp(table.list.procedure_name(b.0.procedure))
                    }
                    Key::Received => a.0.received.cmp(&b.0.received),
                    Key::Due => a.0.due.cmp(&b.0.due),
                    Key::Reason => a.1.cmp(&b.1),
                };
                if ascending {
                    order
                } else {
                    order.reverse()
                }
            });
            let total = found.len();
            let date = |d: Option<chrono::NaiveDateTime>| {
                d.map(|d| d.format("%d/%m/%Y %H:%M").to_string().trim_end_matches(" 00:00").to_string())
                    .unwrap_or_default()
            };
            let body = found
                .iter()
                .take(SHOWN)
                .map(|(d, reasons, fixable)| {
                    view! {
                        <tr data-dossier=d.id.clone() data-fixable=fixable.to_string()>
                            <td class="num">{d.row}</td>
                            <th scope="row">{d.id.clone()}</th>
                            <td>{table.list.procedure_name(d.procedure).to_string()}</td>
                            <td>{date(d.received)}</td>
                            <td>{date(d.due)}</td>
                            <td>{date(d.finished)}</td>
                            <td data-testid="drill-reason">{reasons.clone()}</td>
                            <td>{if *fixable { l.pick("✔ Có", "✔ Yes") } else { l.pick("✘ Không", "✘ No") }}</td>
                        </tr>
                    }
                })
                .collect_view();
            let header = move |key: Key, vi: &'static str, en: &'static str| {
                let (current, ascending) = sort.get();
                let aria = if current != key {
                    "none"
                } else if ascending {
                    "ascending"
                } else {
                    "descending"
                };
                let arrow = if current != key {
                    ""
                } else if ascending {
                    " ▲"
                } else {
                    " ▼"
                };
                view! {
                    <th scope="col" aria-sort=aria>
                        <button type="button" class="link" data-testid="drill-sort" data-key=vi on:click=move |_| sort.update(|(k, asc)| if *k == key { *asc = !*asc } else { *k = key; *asc = true })>
                            {l.pick(vi, en)}{arrow}
                        </button>
                    </th>
                }
            };
            let caption = match l {
                Lang::Vi => format!(
                    "{} hồ sơ{}",
                    format::number(total as f64, 0),
                    if total > SHOWN {
                        format!(" (hiển thị {SHOWN} hồ sơ đầu; tải tệp Excel để xem đủ)")
                    } else {
                        String::new()
                    }
                ),
                Lang::En => format!(
                    "{total} dossiers{}",
                    if total > SHOWN {
                        format!(" (the first {SHOWN} shown; download the workbook for all)")
                    } else {
                        String::new()
                    }
                ),
            };
            view! {
                <table class="drill" data-testid="drill-table" data-count=total>
                    <caption>{caption}</caption>
                    <thead>
                        <tr>
                            {header(Key::Row, "Dòng", "Row")}
                            {header(Key::Id, "Mã hồ sơ", "Dossier")}
                            {header(Key::Procedure, "Thủ tục", "Procedure")}
                            {header(Key::Received, "Ngày tiếp nhận", "Received")}
                            {header(Key::Due, "Ngày hẹn trả", "Due")}
                            <th scope="col">{l.pick("Ngày hoàn thành", "Finished")}</th>
                            {header(Key::Reason, "Lý do", "Reason")}
                            <th scope="col">{l.pick("Còn khắc phục được", "Still fixable")}</th>
                        </tr>
                    </thead>
                    <tbody>{body}</tbody>
                </table>
            }
            .into_any()
        }
    };
    let export = {
        let (table, rules, file, analysis) = (table.clone(), rules.clone(), file.clone(), analysis.clone());
        move |all: bool| {
            let name = unit.get_untracked();
            let units: Vec<u32> = if all { Vec::new() } else { table.unit_index(&name).into_iter().collect() };
            let stem = if all { "tat-ca-don-vi".to_string() } else { fold_words(&name).replace(' ', "-") };
            let name = format!("ho-so-can-xu-ly-{stem}-{}.xlsx", table.tally.window.period().slug());
            let made = fix_list::to_bytes(&table, &units, &analysis.scores, &rules, &file)
                .map_err(|e| ReportError::writing(&name, e));
            state.save(&name, XLSX_MIME, made);
        }
    };
    let export_all = export.clone();
    let unit_options = units
        .iter()
        .map(|u| view! { <option value=u.clone() selected=*u == unit.get_untracked()>{u.clone()}</option> })
        .collect_view();
    let criterion_options = criteria.iter().map(|(code, name)| view! { <option value=code.clone() selected=*code == criterion.get_untracked()>{name.clone()}</option> }).collect_view();
    view! {
        <h3>{l.pick("Hồ sơ làm mất điểm", "Dossiers that cost points")}</h3>
        <div class="drill-controls">
            <label>{l.pick("Đơn vị ", "Unit ")}<select data-testid="drill-unit" on:change=move |ev| unit.set(event_target_value(&ev))>{unit_options}</select></label>
            <label>{l.pick(" Tiêu chí ", " Criterion ")}<select data-testid="drill-criterion" on:change=move |ev| criterion.set(event_target_value(&ev))>{criterion_options}</select></label>
            <label>{l.pick(" Lọc ", " Filter ")}<input type="search" data-testid="drill-filter" prop:value=filter.get_untracked() on:input=move |ev| filter.set(event_target_value(&ev)) /></label>
        </div>
        {rows}
        <p class="exports">
            <button type="button" class="secondary" data-testid="export-fix-xlsx" on:click=move |_| export(false)>
                {l.pick("Tải danh sách hồ sơ cần xử lý của đơn vị (.xlsx)", "Download the unit's to-fix list (.xlsx)")}
            </button>
            " "
            <button type="button" class="secondary" data-testid="export-fix-xlsx-all" on:click=move |_| export_all(true)>
                {l.pick("Tải cho tất cả đơn vị (.xlsx)", "Download for every unit (.xlsx)")}
            </button>
        </p>
        {move || view! { <Sources state=state analysis=analysis.clone() rules=rules.clone() unit=unit.get() from=Counted::Dossiers /> }}
    }
}

/// Where each of the unit's figures came from, and inputs for the parts no file gives.
#[component]
pub(super) fn Sources(
    state: AppState,
    analysis: Arc<Analysis>,
    rules: Arc<RuleSet>,
    unit: String,
    from: Counted,
) -> impl IntoView {
    let l = state.lang.get_untracked();
    let key = fold_words(&unit);
    let result = analysis.scores.units.iter().find(|u| u.name == unit).cloned();
    let origins = analysis.origins.get(&key).cloned().unwrap_or_default();
    let typed = state.typed.get_untracked().get(&key).cloned().unwrap_or_default();
    let rows = rules
        .criteria
        .iter()
        .map(|c| {
            let r = result.as_ref().and_then(|u| u.criterion(&c.code));
            let origin = origins.get(&c.code).cloned().unwrap_or_default();
            let (n, d) = (r.and_then(|r| r.numerator), r.and_then(|r| r.denominator));
            let source = match origin.label(l) {
                s if s.is_empty() && (n.is_some() || d.is_some()) => l.pick("bảng số liệu", "unit sheet").to_string(),
                s if s.is_empty() => l.pick("chưa có", "none").to_string(),
                s => s,
            };
            let mine = typed.get(&c.code).copied().unwrap_or_default();
            let input = |part: bool, counted: bool| {
                let (unit, code) = (key.clone(), c.code.clone());
                let value = if part { mine.numerator } else { mine.denominator }.map(|v| format::number(v, 0)).unwrap_or_default();
                let test = format!("typed-{}-{}", c.code, if part { "n" } else { "d" });
                (!counted).then(|| {
                    view! {
                        <input
                            type="text"
                            inputmode="numeric"
                            size="7"
                            data-testid=test
                            aria-label=format!("{} — {}", c.name, if part { l.pick("tử số", "numerator") } else { l.pick("mẫu số", "denominator") })
                            prop:value=value
                            on:change=move |ev| {
                                let parsed = crate::core::values::count(&crate::core::table::Cell::Text(event_target_value(&ev))).ok().flatten();
                                let mut figure = state.typed.with_untracked(|t| t.get(&unit).and_then(|u| u.get(&code)).copied()).unwrap_or_default();
                                if part { figure.numerator = parsed } else { figure.denominator = parsed }
                                state.set_typed(unit.clone(), code.clone(), Figure { rate: None, ..figure });
                            }
                        />
                    }
                })
            };
            let count = |x: Option<f64>| x.map(|v| format::number(v, 2)).unwrap_or_default();
            view! {
                <tr data-criterion=c.code.clone()>
                    <th scope="row">{c.name.clone()}</th>
                    <td class="num">{count(n)}</td>
                    <td class="num">{count(d)}</td>
                    <td data-testid="figure-source">{source}</td>
                    <td>
                        {if origin.numerator_counted && origin.denominator_counted {
                            view! { <span aria-label=origin.label(l)>"—"</span> }.into_any()
                        } else {
                            view! { {input(true, origin.numerator_counted)} " / " {input(false, origin.denominator_counted)} }.into_any()
                        }}
                    </td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <h3>{format!("{} — {unit}", l.pick("Nguồn số liệu", "Where the figures come from"))}</h3>
        <table class="sources" data-testid="dossier-sources" data-unit=unit.clone()>
            <caption>
                {match from {
                    Counted::Dossiers => l.pick(
                        "Số liệu không có trong danh sách hồ sơ lấy theo thứ tự: nhập tay, bảng số liệu đơn vị tải cùng, dòng của tỉnh.",
                        "Figures a dossier list cannot give come from, in order: typed in, a unit sheet loaded alongside, the province's row.",
                    ),
                    Counted::Report => l.pick(
                        "Số liệu không có trong báo cáo kết quả giải quyết TTHC lấy theo thứ tự: nhập tay, bảng số liệu đơn vị tải cùng, dòng của tỉnh.",
                        "Figures a settlement report cannot give come from, in order: typed in, a unit sheet loaded alongside, the province's row.",
                    ),
                }}
            </caption>
            <thead>
                <tr>
                    <th scope="col">{l.pick("Tiêu chí", "Criterion")}</th>
                    <th scope="col">{l.pick("Tử số", "Numerator")}</th>
                    <th scope="col">{l.pick("Mẫu số", "Denominator")}</th>
                    <th scope="col">{l.pick("Nguồn", "Source")}</th>
                    <th scope="col">{l.pick("Nhập tay (tử số / mẫu số)", "Type in (numerator / denominator)")}</th>
                </tr>
            </thead>
            <tbody>{rows}</tbody>
        </table>
    }
}
