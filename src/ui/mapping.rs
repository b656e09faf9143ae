use leptos::prelude::*;

use super::state::{use_app, use_shown, LoadedFile};
use super::table_box::table_box;
use super::text::{mapping_summary, tr, Text};
use crate::core::layout::header::Column;
use crate::core::model::format::column_letters;
use crate::core::model::lang::Lang;
use crate::core::model::table::Workbook;

/// A select's options naming each sheet of `book`, `selected` chosen.
pub(super) fn sheet_options(book: &Workbook, selected: usize) -> impl IntoView {
    book.sheets
        .iter()
        .enumerate()
        .map(|(i, s)| view! { <option value=i.to_string() selected=i == selected>{s.name.clone()}</option> })
        .collect_view()
}

/// For one file: which sheet is scored and what each column was read as, with a select per
/// column to correct it. Corrections are remembered for tables with the same headers.
#[component]
pub fn MappingPanel(file: LoadedFile) -> impl IntoView {
    let state = use_app();
    let shown = use_shown();
    let lang = state.lang;
    let book = file.workbook.clone();
    let id = file.id;
    // The table holds a select of ~90 options per column: built only while the panel is open.
    let open = RwSignal::new(false);
    move || {
        let l = lang.get();
        let analysis = shown.analysis.get()?.0;
        let rules = state.rules.get()?.rules;
        // A dossier list's columns are fields, not unit figures: its own panel maps them.
        let found = analysis.tables.iter().find(|t| t.file == book.file_name && t.dossiers.is_none())?.clone();
        let sheet_index = found.sheet_index;
        let mapping = found.table.mapping.clone();
        let sheet = book.sheets.get(sheet_index)?;
        let used = mapping.columns.iter().flatten().count();
        let summary = mapping_summary(
            l,
            &book.file_name,
            &sheet.name,
            sheet.origin.0 + mapping.header_row + 1,
            used,
            mapping.columns.len() - used,
        );
        let sheets = sheet_options(&book, sheet_index);
        let (options, row_mapping, origin_col) = (Column::choices(&rules, l), mapping.clone(), sheet.origin.1);
        let rows = move || {
            open.get().then(|| {
                let base = row_mapping.clone();
                let pick = move |c: usize, column: Option<Column>| {
                    let mut m = base.clone();
                    m.columns[c] = column;
                    state.set_mapping(id, sheet_index, m);
                };
                column_rows(l, &row_mapping.headers, &row_mapping.columns, &options, origin_col, "mapping-select", pick)
            })
        };
        let reset_mapping = mapping.clone();
        Some(view! {
            <details
                class="mapping"
                data-testid="mapping"
                open=open.get_untracked()
                on:toggle=move |ev| open.set(event_target::<web_sys::HtmlDetailsElement>(&ev).open())
            >
                <summary>{format!("{} — {summary}", tr(l, Text::MappingHeading))}</summary>
                <label class="sheet-choice">
                    {tr(l, Text::ScoredSheet)} " "
                    <select data-testid="scored-sheet" on:change=move |ev| {
                        if let Ok(i) = event_target_value(&ev).parse::<usize>() {
                            state.choose(id, |c| *c = crate::core::analysis::Choice { sheet: Some(i), mapping: None, period: c.period.take(), kind: c.kind, window: c.window.take(), dossier_mapping: None, report_rows: None, sheets: None });
                        }
                    }>{sheets}</select>
                </label>
                <button type="button" class="secondary" on:click=move |_| state.forget_mapping(id, sheet_index, &reset_mapping)>
                    {tr(l, Text::ResetMapping)}
                </button>
                {mapping_table(l, rows)}
            </details>
        })
    }
}

/// The table of a mapping screen: a row per column with its letter, its header and a select of
/// what it means.
pub(super) fn mapping_table(l: crate::core::model::lang::Lang, rows: impl IntoView + 'static) -> impl IntoView {
    view! {
        {table_box(tr(l, Text::MappingMeaning), view! {
        <table class="mapping-table">
            <thead>
                <tr>
                    <th scope="col">{tr(l, Text::MappingColumn)}</th>
                    <th scope="col">{tr(l, Text::MappingHeader)}</th>
                    <th scope="col">{tr(l, Text::MappingMeaning)}</th>
                </tr>
            </thead>
            <tbody>{rows}</tbody>
        </table>
        })}
    }
}

/// One row a column: its letter, its header, and a choice of what it is (`testid` on the
/// select); `pick` hears the column chosen for the `c`-th.
pub fn column_rows(
    l: Lang,
    headers: &[String],
    columns: &[Option<Column>],
    options: &[(String, String)],
    first_col: usize,
    testid: &'static str,
    pick: impl Fn(usize, Option<Column>) + Clone + Send + Sync + 'static,
) -> impl IntoView {
    headers
        .iter()
        .enumerate()
        .map(|(c, header)| {
            let current = columns.get(c).cloned().flatten().as_ref().map(Column::encode).unwrap_or_default();
            let opts = std::iter::once((String::new(), tr(l, Text::Ignore).to_string()))
                .chain(options.iter().cloned())
                .map(|(value, label)| {
                    let selected = value == current;
                    view! { <option value=value selected=selected>{label}</option> }
                })
                .collect_view();
            let pick = pick.clone();
            let on_change = move |ev: leptos::ev::Event| pick(c, Column::decode(&event_target_value(&ev)));
            let letter = column_letters(first_col + c);
            let label = format!("{} {letter}: {header}", tr(l, Text::MappingColumn));
            view! {
                <tr data-column=letter.clone() class:ignored=current.is_empty()>
                    <td>{letter.clone()}</td>
                    <th scope="row">{header.clone()}</th>
                    <td>
                        <select aria-label=label data-testid=testid on:change=on_change>{opts}</select>
                    </td>
                </tr>
            }
        })
        .collect_view()
}
