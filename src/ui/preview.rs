use leptos::prelude::*;

use super::table_box::table_box;
use super::text::{preview_caption, tr, Text};
use crate::core::model::format::column_letters;
use crate::core::model::lang::Lang;
use crate::core::model::table::{Cell, Workbook, OUTLINE_ROWS};
use std::collections::HashMap;
use std::sync::Arc;

/// How much of a sheet the preview shows: enough to recognise it, never enough to stall the page
/// (the page holds no more rows: `Sheet::outline`).
const PREVIEW_ROWS: usize = OUTLINE_ROWS;
const PREVIEW_COLS: usize = 50;

/// The first rows of sheet `index` of `book` as a real table, addressed as in Excel (column
/// letters, row numbers). The workbook is shared, never copied: a sheet may hold millions of cells.
#[component]
pub fn Preview(
    lang: RwSignal<Lang>,
    book: Arc<Workbook>,
    index: usize,
    flags: Vec<(usize, String, String)>,
) -> impl IntoView {
    let Some(sheet) = book.sheets.get(index) else {
        return ().into_any();
    };
    if sheet.is_empty() {
        return view! { <p class="empty" data-testid="preview-empty">{move || tr(lang.get(), Text::EmptySheet)}</p> }
            .into_any();
    }
    let (rows, cols) = (sheet.rows_in_file(), sheet.width());
    let shown_rows = sheet.height().min(PREVIEW_ROWS);
    let shown_cols = cols.min(PREVIEW_COLS);
    let (row0, col0) = sheet.origin;
    let name = sheet.name.clone();
    let caption = move || preview_caption(lang.get(), &name, shown_rows, rows, shown_cols, cols);
    let label = caption.clone();
    let head = (0..shown_cols).map(|c| view! { <th scope="col">{column_letters(col0 + c)}</th> }).collect_view();
    let flags: HashMap<(usize, String), String> =
        flags.into_iter().map(|(row, col, message)| ((row, col), message)).collect();
    let body = sheet
        .rows()
        .take(shown_rows)
        .enumerate()
        .map(|(r, cells)| {
            let tds = cells
                .iter()
                .take(shown_cols)
                .enumerate()
                .map(|(c, cell)| {
                    let numeric = matches!(cell, Cell::Number(_));
                    let flag = flags.get(&(row0 + r + 1, column_letters(col0 + c))).cloned();
                    let flagged = flag.is_some();
                    view! {
                        <td class:num=numeric class:flagged=flagged title=flag data-flagged=flagged.then_some("true")>
                            {flagged.then_some("⚠ ")}
                            {cell.display()}
                        </td>
                    }
                })
                .collect_view();
            view! {
                <tr>
                    <th scope="row">{row0 + r + 1}</th>
                    {tds}
                </tr>
            }
        })
        .collect_view();
    view! {
        {table_box(label, view! {
            <table class="preview" data-testid="preview">
                <caption>{caption}</caption>
                <thead>
                    <tr>
                        <td class="corner"></td>
                        {head}
                    </tr>
                </thead>
                <tbody>{body}</tbody>
            </table>
        })}
    }
    .into_any()
}
