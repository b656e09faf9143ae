//! A workbook chiso does not recognise never dead-ends: the user picks the sheet, the header row
//! and what each column is (the unit's name among them); remembered for tables with the same
//! headers, as any corrected mapping is.

use leptos::prelude::*;

use super::text::header_pick::HeaderPickText;
use super::text::tr;

use super::mapping::{column_rows, sheet_options};
use super::state::{use_app, use_shown, LoadedFile};
use super::table_box::table_box;
use crate::core::layout::header::{mapping_at, Column, Mapping, Vocabulary};
use crate::core::model::lang::Lang;

#[component]
pub fn HeaderPicker(file: LoadedFile) -> impl IntoView {
    let state = use_app();
    let shown = use_shown();
    let (id, book) = (file.id, file.workbook.clone());
    let sheet = RwSignal::new(0usize);
    // 1-based, as the spreadsheet numbers rows.
    let row = RwSignal::new(1usize);
    let edited: RwSignal<Option<Vec<Option<Column>>>> = RwSignal::new(None);
    move || {
        let l = state.lang.get();
        let analysis = shown.analysis.get()?.0;
        let unread = !analysis.tables.iter().any(|t| t.file == book.file_name)
            && analysis.errors.iter().any(|e| e.file() == book.file_name);
        if !unread {
            return None;
        }
        let rules = state.rules.get()?.rules;
        let index = sheet.get().min(book.sheets.len().saturating_sub(1));
        let s = book.sheets.get(index)?;
        let r = row.get().saturating_sub(1).min(s.height().saturating_sub(1));
        let found = mapping_at(s, r, &Vocabulary::new(&rules));
        let columns = edited.get().filter(|c| c.len() == found.columns.len()).unwrap_or(found.columns.clone());
        let sheets = sheet_options(&book, index);
        let base = columns.clone();
        let pick = move |c: usize, column: Option<Column>| {
            let mut next = base.clone();
            next[c] = column;
            edited.set(Some(next));
        };
        let options = Column::choices(&rules, l);
        let rows = column_rows(l, &found.headers, &columns, &options, s.origin.1, "pick-column", pick);
        let has_unit = columns.contains(&Some(Column::Unit));
        let chosen = Mapping { columns: columns.clone(), ..found.clone() };
        let caption = tr(l, HeaderPickText::HeaderRowSColumns);
        Some(view! {
            <section class="header-pick" data-testid="header-pick">
                <h4>{tr(l, HeaderPickText::ChisoDidNotRecognise)}</h4>
                <label>
                    {tr(l, HeaderPickText::Sheet)}
                    <select data-testid="pick-sheet" on:change=move |ev| {
                        sheet.set(event_target_value(&ev).parse().unwrap_or(0));
                        edited.set(None);
                    }>{sheets}</select>
                </label>
                " "
                {row_field(l, s.origin.0 + r + 1, s.origin.0, row, edited)}
                {table_box(caption.to_string(), view! {
                    <table class="mapping-table">
                        <caption>{caption}</caption>
                        <thead><tr>
                            <th scope="col">{tr(l, HeaderPickText::Column)}</th>
                            <th scope="col">{tr(l, HeaderPickText::Header)}</th>
                            <th scope="col">{tr(l, HeaderPickText::Is)}</th>
                        </tr></thead>
                        <tbody>{rows}</tbody>
                    </table>
                })}
                <p>
                    <button
                        type="button"
                        data-testid="pick-apply"
                        disabled=!has_unit
                        on:click=move |_| state.set_mapping(id, index, chosen.clone())
                    >
                        {tr(l, HeaderPickText::ReadTableHeaderRow)}
                    </button>
                    {(!has_unit).then(|| view! { <span class="hint">{tr(l, HeaderPickText::ChooseColumnHoldsUnit)}</span> })}
                </p>
            </section>
        })
    }
}

/// The header row, as the spreadsheet numbers it (`shown`); the sheet starts `above` rows down.
fn row_field(
    l: Lang,
    shown: usize,
    above: usize,
    row: RwSignal<usize>,
    edited: RwSignal<Option<Vec<Option<Column>>>>,
) -> impl IntoView {
    view! {
        <label>
            {tr(l, HeaderPickText::HeaderRowRowNumber)}
            <input
                type="number"
                min="1"
                data-testid="pick-row"
                prop:value=shown.to_string()
                on:change=move |ev| {
                    // The row typed is the spreadsheet's; the sheet counts from its first.
                    let typed: usize = event_target_value(&ev).parse().unwrap_or(1);
                    row.set(typed.saturating_sub(above).max(1));
                    edited.set(None);
                }
            />
        </label>
    }
}
