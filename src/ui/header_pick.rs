//! A workbook chiso does not recognise never dead-ends: the user picks the sheet, the header row
//! and what each column is (the unit's name among them); remembered for tables with the same
//! headers, as any corrected mapping is.

use leptos::prelude::*;

use super::text::header_pick::HeaderPickText;
use super::text::tr;

use super::mapping::sheet_options;
use super::state::{use_app, use_shown, LoadedFile};
use super::table_box::table_box;
use crate::core::layout::header::{mapping_at, Column, Mapping, Vocabulary};
use crate::core::model::format::column_letters;

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
        let options = Column::choices(&rules, l);
        let sheets = sheet_options(&book, index);
        let rows = found
            .headers
            .iter()
            .enumerate()
            .map(|(c, header)| {
                let current = columns[c].as_ref().map(Column::encode).unwrap_or_default();
                let opts = std::iter::once((String::new(), tr(l, HeaderPickText::Ignore).to_string()))
                    .chain(options.iter().cloned())
                    .map(|(value, label)| view! { <option value=value.clone() selected=value == current>{label}</option> })
                    .collect_view();
                let base = columns.clone();
                let letter = column_letters(s.origin.1 + c);
                view! {
                    <tr data-column=letter.clone()>
                        <td>{letter.clone()}</td>
                        <th scope="row">{header.clone()}</th>
                        <td>
                            <select
                                data-testid="pick-column"
                                aria-label=format!("{} {letter}: {header}", tr(l, HeaderPickText::Column))
                                on:change=move |ev| {
                                    let mut next = base.clone();
                                    next[c] = Column::decode(&event_target_value(&ev));
                                    edited.set(Some(next));
                                }
                            >
                                {opts}
                            </select>
                        </td>
                    </tr>
                }
            })
            .collect_view();
        let has_unit = columns.contains(&Some(Column::Unit));
        // The rows above the sheet's first (its origin): the row typed is the spreadsheet's.
        let above = s.origin.0;
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
                <label>
                    {tr(l, HeaderPickText::HeaderRowRowNumber)}
                    <input
                        type="number"
                        min="1"
                        data-testid="pick-row"
                        prop:value=(s.origin.0 + r + 1).to_string()
                        on:change=move |ev| {
                            let typed: usize = event_target_value(&ev).parse().unwrap_or(1);
                            row.set(typed.saturating_sub(above).max(1));
                            edited.set(None);
                        }
                    />
                </label>
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
