use leptos::prelude::*;

use super::text::files::FilesText;

use super::dossier_mapping::DossierMappingPanel;
use super::header_pick::HeaderPicker;
use super::mapping::MappingPanel;
use super::preview::Preview;
use super::sourcing::{ReportRowsField, TablesField};
use super::state::{use_app, use_shown, LoadedFile};
use super::text::{dimensions, tr, Text};
use crate::core::figures::TableKind;
use crate::core::model::format;
use crate::core::model::message::{Located, Message};
use crate::core::model::period::Period;

#[component]
pub fn FileList() -> impl IntoView {
    let state = use_app();
    let lang = state.lang;
    view! {
        <Show when=move || state.files.with(|f| !f.is_empty())>
            <section class="files" aria-labelledby="files-heading">
                <h2 id="files-heading">{move || tr(lang.get(), Text::FilesHeading)}</h2>
                <For each=move || state.files.get() key=|f| f.id let:file>
                    <FileCard file=file />
                </For>
            </section>
        </Show>
    }
}

/// One file: its name, size and kind, its warnings, its sheets, and a preview of the chosen one.
#[component]
fn FileCard(file: LoadedFile) -> impl IntoView {
    let state = use_app();
    let lang = state.lang;
    let book = file.workbook.clone();
    let id = file.id;
    let name = book.file_name.clone();
    let summary = {
        let book = book.clone();
        move || {
            let l = lang.get();
            let mut parts = vec![format::bytes(book.byte_size), book.format.label().to_string()];
            if let Some(csv) = &book.csv {
                let delimiter = match csv.delimiter {
                    b'\t' => tr(l, Text::Tab).to_string(),
                    d => format!("«{}»", d as char),
                };
                parts.push(format!("{} {}", tr(l, Text::Encoding), csv.encoding));
                parts.push(format!("{} {}", tr(l, Text::Delimiter), delimiter));
            }
            parts.join(" · ")
        }
    };
    let notes = file.notes.clone();
    let note_name = name.clone();
    view! {
        <article class="file-card" data-testid="file-card" data-file=name.clone()>
            <header class="file-head">
                <h3 class="file-name">{name.clone()}</h3>
                <p class="file-meta" data-testid="file-meta">{summary}</p>
                <PeriodField file=file.clone() />
                <KindField file=file.clone() />
                <ReportRowsField file=file.clone() />
                <button type="button" class="secondary" data-testid="remove-file" on:click=move |_| state.remove(id)>
                    {move || tr(lang.get(), Text::RemoveFile)}
                </button>
            </header>
            <ul class="notes">
                {notes
                    .into_iter()
                    .map(|note| {
                        let file = note_name.clone();
                        view! {
                            <li class="message warning" data-testid="error" data-level="warning">
                                <span class="icon" aria-hidden="true">"ℹ"</span>
                                {move || note.clone().in_file(&file).message(lang.get())}
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
            <HeaderPicker file=file.clone() />
            <TablesField file=file.clone() />
            <MappingPanel file=file.clone() />
            <DossierMappingPanel file=file.clone() />
            <Sheets file=file />
        </article>
    }
}

/// The period of a file's rows that state none: chiso's guess from the file name, or typed.
#[component]
fn PeriodField(file: LoadedFile) -> impl IntoView {
    let state = use_app();
    let guess = Period::find_in(&file.workbook.file_name);
    let (choice, id) = (file.choice, file.id);
    move || {
        let l = state.lang.get();
        let hint = match &guess {
            Some(p) => format!("{} {}", tr(l, FilesText::FileName), p.label(l)),
            None => tr(l, FilesText::EG112026).to_string(),
        };
        let value = choice.with(|c| c.period.as_ref().map(|p| p.label(l)).unwrap_or_default());
        view! {
            <label class="file-period">
                {tr(l, FilesText::PeriodRowsDoNot)} " "
                <input
                    type="text"
                    data-testid="file-period"
                    placeholder=hint
                    prop:value=value
                    on:change=move |ev| {
                        let period = Period::parse(&event_target_value(&ev));
                        state.choose(id, |c| c.period = period);
                    }
                />
            </label>
        }
    }
}

/// What kind of table a file is («Loại bảng»): recognised, or chosen by the user.
#[component]
fn KindField(file: LoadedFile) -> impl IntoView {
    let state = use_app();
    let (choice, id, name) = (file.choice, file.id, file.workbook.file_name.clone());
    move || {
        let l = state.lang.get();
        let chosen = choice.with(|c| c.kind);
        let detected = state
            .analysis
            .get()
            .and_then(|a| a.0.tables.iter().find(|t| t.file == name).map(|t| t.table.kind.label(l)))
            .unwrap_or_else(|| tr(l, FilesText::NotRecognised));
        let options =
            [TableKind::UnitFigures, TableKind::DossierList, TableKind::ScoreOnly, TableKind::SettlementReport]
                .into_iter()
                .map(|kind| view! { <option value=kind.code() selected=chosen == Some(kind)>{kind.label(l)}</option> })
                .collect_view();
        view! {
            <label class="file-kind">
                {tr(l, FilesText::KindTable)} " "
                <select
                    data-testid="file-kind"
                    on:change=move |ev| {
                        let kind = TableKind::from_code(&event_target_value(&ev));
                        leptos::task::spawn_local(state.set_kind(id, kind));
                    }
                >
                    <option value="" selected=chosen.is_none()>{format!("{} ({detected})", tr(l, FilesText::Recognise))}</option>
                    {options}
                </select>
            </label>
        }
    }
}

/// A file's sheets, each a button with its size, and the chosen one's preview with the cells the
/// analysis could not use marked.
#[component]
fn Sheets(file: LoadedFile) -> impl IntoView {
    let state = use_app();
    let shown = use_shown();
    let lang = state.lang;
    let book = file.workbook.clone();
    let selected = file.selected_sheet;
    if book.sheets.is_empty() {
        return view! { <p class="empty">{move || tr(lang.get(), Text::NoSheets)}</p> }.into_any();
    }
    let buttons = book
        .sheets
        .iter()
        .enumerate()
        .map(|(index, sheet)| {
            let label = sheet.name.clone();
            let (rows, cols) = (sheet.rows_in_file(), sheet.width());
            let range = sheet.range_address().unwrap_or_default();
            view! {
                <li>
                    <button
                        type="button"
                        class="sheet"
                        data-testid="sheet-button"
                        data-sheet=label.clone()
                        aria-pressed=move || (selected.get() == index).to_string()
                        on:click=move |_| selected.set(index)
                    >
                        <span class="sheet-name">{label.clone()}</span>
                        {sheet.hidden.then(|| view! { <span class="tag">{move || tr(lang.get(), Text::HiddenSheet)}</span> })}
                        <span class="sheet-dims" data-testid="sheet-dims">
                            {move || dimensions(lang.get(), rows, cols)}
                            {(!range.is_empty()).then(|| format!(" ({range})"))}
                        </span>
                    </button>
                </li>
            }
        })
        .collect_view();
    let preview = move || {
        let index = selected.get();
        let sheet = book.sheets.get(index).map(|s| s.name.clone()).unwrap_or_default();
        let flags = shown.analysis.get().map(|a| a.0.flags(&book.file_name, &sheet, lang.get())).unwrap_or_default();
        view! { <Preview lang=lang book=book.clone() index=index flags=flags /> }
    };
    view! {
        <nav class="sheets" aria-label=move || tr(lang.get(), Text::Sheets)>
            <ul>{buttons}</ul>
        </nav>
        {preview}
    }
    .into_any()
}
