use leptos::prelude::*;

use super::mapping::mapping_table;
use super::state::{use_app, use_shown, LoadedFile};
use super::text::{dossier_mapping_summary, tr, uncounted, Text};
use crate::core::dossier::columns::ALL;
use crate::core::dossier::Field;
use crate::core::model::format::column_letters;

/// For a dossier list: what each column was read as, with a select per column to correct it,
/// and what the list cannot count for want of a column. Corrections are remembered for lists
/// with the same headers.
#[component]
pub fn DossierMappingPanel(file: LoadedFile) -> impl IntoView {
    let state = use_app();
    let shown = use_shown();
    let lang = state.lang;
    let name = file.workbook.file_name.clone();
    let id = file.id;
    move || {
        let l = lang.get();
        let analysis = shown.analysis.get()?.0;
        let rules = state.rules.get()?.rules;
        let found = analysis.tables.iter().find(|t| t.file == name)?;
        let list = &found.dossiers.as_ref()?.list;
        let (sheet, mapping, origin) = (found.sheet_index, list.mapping.clone(), list.origin);
        let recognised = mapping.fields.iter().flatten().count();
        let summary = dossier_mapping_summary(l, origin.0 + mapping.header_row + 1, recognised, mapping.fields.len());
        let missing = uncounted(l, &mapping.uncounted(&rules));
        let rows = mapping
            .headers
            .iter()
            .enumerate()
            .map(|(c, header)| {
                let current = mapping.fields[c];
                let options = std::iter::once(view! {
                    <option value="" selected=current.is_none()>{tr(l, Text::Ignore)}</option>
                })
                .chain(ALL.iter().map(|f| {
                    view! { <option value=f.code() selected=current == Some(*f)>{f.label(l)}</option> }
                }))
                .collect_view();
                let base = mapping.clone();
                let on_change = move |ev: leptos::ev::Event| {
                    let mut m = base.clone();
                    m.set(c, Field::from_code(&event_target_value(&ev)));
                    leptos::task::spawn_local(state.set_dossier_mapping(id, sheet, m));
                };
                let letter = column_letters(origin.1 + c);
                let label = format!("{} {letter}: {header}", tr(l, Text::MappingColumn));
                view! {
                    <tr data-column=letter.clone() class:ignored=current.is_none()>
                        <td>{letter.clone()}</td>
                        <th scope="row">{header.clone()}</th>
                        <td>
                            <select aria-label=label data-testid="dossier-mapping-select" on:change=on_change>
                                {options}
                            </select>
                        </td>
                    </tr>
                }
            })
            .collect_view();
        let reset = mapping.clone();
        Some(view! {
            <details class="mapping" data-testid="dossier-mapping">
                <summary>{format!("{} — {summary}", tr(l, Text::DossierMappingHeading))}</summary>
                <p data-testid="dossier-mapping-missing">{missing}</p>
                <button
                    type="button"
                    class="secondary"
                    on:click=move |_| leptos::task::spawn_local(state.forget_dossier_mapping(id, sheet, reset.clone()))
                >
                    {tr(l, Text::ResetMapping)}
                </button>
                {mapping_table(l, rows)}
            </details>
        })
    }
}
