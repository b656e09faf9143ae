//! How files enter the app: read in the engine worker, kept with the user's choices (sheet,
//! columns, kind), read again when a choice needs their cells, removed.

use std::sync::Arc;

use leptos::prelude::*;

use super::{AppState, FileError, LoadedFile, Reading, Status};
use crate::browser;
use crate::browser::blob::FileBytes;
use crate::browser::engine::{Read, Source};
use crate::browser::remembered::RememberedText;
use crate::core::analysis::Choice;
use crate::core::dossier::DossierMapping;
use crate::core::figures::settlement::Layout;
use crate::core::figures::TableKind;
use crate::core::layout::header::{Column, Mapping};
use crate::core::model::table::Workbook;
use crate::core::read::{Progress, ReadError};
use crate::core::report::job::SAMPLE_NAME;
use crate::core::rules::RuleSet;

// Families of values, one per table's header signature.
const MAPPING_KEY: &str = "chiso.mapping.";
const DOSSIER_MAPPING_KEY: &str = "chiso.dossier-mapping.";
const REPORT_ROWS_KEY: &str = "chiso.report-rows.";

impl AppState {
    /// What a report's rows are, as the user said; reports with the same headers are read so later.
    pub fn set_report_rows(&self, file_id: u32, signature: &str, rows: Option<Layout>) {
        RememberedText::keyed(REPORT_ROWS_KEY, signature).set(rows.map(Layout::code));
        self.choose(file_id, |c| c.report_rows = rows);
    }

    /// The user says what kind of table a file is (`None`: let chiso tell). A dossier list
    /// streamed into records is read again with its cells when it is to be read as another kind,
    /// and the other way round.
    pub async fn set_kind(self, file_id: u32, kind: Option<TableKind>) {
        let Some(file) = self.files.with_untracked(|f| f.iter().find(|f| f.id == file_id).cloned()) else { return };
        file.choice.update(|c| c.kind = kind);
        let streamed = file.streamed.is_some();
        let keep = matches!(kind, Some(TableKind::UnitFigures | TableKind::ScoreOnly | TableKind::SettlementReport));
        if keep == file.cells_kept || (keep && !streamed) {
            return;
        }
        self.read_again(&file, keep).await;
    }

    /// Reads a loaded file again with its current choice, keeping its cells or streaming it.
    async fn read_again(self, file: &LoadedFile, keep_cells: bool) {
        self.begin().await;
        let choice = Some(file.choice.get_untracked());
        let source = Source::File { name: file.workbook.file_name.clone(), bytes: file.bytes.clone() };
        let ok = self.read_into(source, keep_cells, choice).await;
        self.finish(ok).await;
    }

    /// Reads a batch of files the user chose or dropped. What was loaded before stays loaded; a
    /// file with the same name as a loaded one replaces it (a re-export of the same report).
    pub async fn load(self, files: Vec<web_sys::File>) {
        if files.is_empty() {
            return;
        }
        self.begin().await;
        let mut loaded = 0;
        for file in files {
            let name = file.name();
            // Too large is known from the size alone, before a byte is read.
            let size_check = self.read_settings.with_untracked(|s| s.limits.check_file_size(file.size() as u64));
            let ok = match size_check {
                Err(error) => self.refuse(name, error),
                Ok(()) => match FileBytes::snapshot(&file).await {
                    Ok(bytes) => self.add(name, bytes).await,
                    Err(detail) => self.refuse(name, ReadError::Unreadable { detail }),
                },
            };
            if ok {
                loaded += 1;
            }
        }
        self.finish(loaded > 0).await;
    }

    /// Loads the sample town, made and read by the engine worker.
    pub async fn load_sample(self) {
        self.begin().await;
        let ok = self.read_into(Source::Sample, false, None).await;
        self.finish(ok).await;
    }

    /// Reads kept files again (after a reload) with the choices the user had made.
    pub(in crate::ui) async fn load_kept(self, files: Vec<browser::session::Kept>) {
        self.begin().await;
        let mut any = false;
        for kept in files {
            let choice = kept.choice.and_then(|c| serde_json::from_str::<Choice>(&c).ok());
            let source = Source::File { name: kept.name, bytes: kept.bytes };
            any |= self.read_into(source, kept.cells_kept, choice).await;
        }
        self.finish(any).await;
    }

    /// Unloads every file (the kept ones are forgotten apart).
    pub(in crate::ui) fn unload_all(&self) {
        for id in self.files.with_untracked(|f| f.iter().map(|f| f.id).collect::<Vec<_>>()) {
            browser::engine::release(id);
        }
        self.files.set(Vec::new());
        self.errors.set(Vec::new());
        self.status.set(Status::Idle);
    }

    async fn begin(&self) {
        self.loading.set_value(true);
        browser::mark_received();
        self.status.set(Status::Busy);
        self.errors.set(Vec::new());
        // Let the busy state paint before the parser holds the thread.
        browser::next_frame().await;
    }

    async fn finish(&self, any_loaded: bool) {
        browser::next_frame().await;
        if let Some((inputs, rules)) = self.deferred.try_update_value(Option::take).flatten() {
            self.ask(inputs, rules, self.asked.get_value());
        }
        self.analysed().await;
        // Let the results paint before they are said to be on screen.
        browser::next_frame().await;
        browser::measure_analysis();
        let status = if any_loaded
            || self.files.with_untracked(|f| !f.is_empty()) && self.errors.with_untracked(Vec::is_empty)
        {
            Status::Ready
        } else {
            Status::Error
        };
        self.loading.set_value(false);
        self.status.set(status);
    }

    fn refuse(&self, file: String, error: ReadError) -> bool {
        let id = self.take_id();
        self.errors.update(|list| list.push(FileError { id, file, error }));
        false
    }

    /// Reads one file in the reading worker; what was loaded before is never touched, whatever
    /// happens to this one.
    async fn add(&self, name: String, bytes: FileBytes) -> bool {
        self.read_into(Source::File { name, bytes }, false, None).await
    }

    /// Reads a file and puts it in the list, replacing one of the same name; `choice` carries
    /// the user's choices over when a loaded file is read again.
    async fn read_into(&self, source: Source, keep_cells: bool, choice: Option<Choice>) -> bool {
        let settings = self.read_settings.get_untracked();
        let limits = crate::core::read::Limits { keep_dossier_cells: keep_cells, ..settings.limits };
        let reading = self.reading;
        let file = match &source {
            Source::File { name, .. } => name.clone(),
            Source::Sample => SAMPLE_NAME.to_string(),
        };
        reading.set(Some(Reading { file: file.clone(), progress: Progress { rows_done: 0, rows_total: 0 } }));
        let id = self.take_id();
        let rules = self.rules.with_untracked(|r| r.as_ref().map(|r| r.text.clone())).unwrap_or_default();
        let name = file.clone();
        let outcome = browser::engine::read(id, source, &limits, &rules, settings.seconds, move |progress| {
            reading.set(Some(Reading { file: file.clone(), progress }));
        })
        .await;
        browser::measure_read();
        reading.set(None);
        match outcome {
            Ok(Read { book, notes, found, bytes }) => {
                let streamed = book.first_list().map(|(sheet, list)| (sheet, list.mapping.clone()));
                let workbook = book.workbook;
                let active = self.rules.with_untracked(|r| r.as_ref().map(|a| a.rules.clone()));
                let choice =
                    choice.unwrap_or_else(|| remembered_choice(&workbook, &streamed, found, active.as_deref()));
                if choice.dossier_mapping.is_some() && !keep_cells {
                    // A remembered correction of a dossier list's columns reads the list's cells.
                    browser::engine::release(id);
                    return Box::pin(self.read_into(Source::File { name, bytes }, true, Some(choice))).await;
                }
                let entry = LoadedFile {
                    id,
                    bytes,
                    workbook: Arc::new(workbook),
                    streamed,
                    notes,
                    selected_sheet: RwSignal::new(choice.sheet.unwrap_or(0)),
                    choice: RwSignal::new(choice),
                    cells_kept: keep_cells,
                };
                self.files.update(|list| {
                    for replaced in list.iter().filter(|f| f.workbook.file_name == name) {
                        browser::engine::release(replaced.id);
                    }
                    list.retain(|f| f.workbook.file_name != name);
                    list.push(entry);
                });
                true
            }
            Err(error) => self.refuse(name, error),
        }
    }

    /// The user fixed a column mapping: use it now and for tables with the same headers later.
    pub fn set_mapping(&self, file_id: u32, sheet: usize, mapping: Mapping) {
        let encoded: Vec<String> =
            mapping.columns.iter().map(|c| c.as_ref().map(Column::encode).unwrap_or_default()).collect();
        RememberedText::keyed(MAPPING_KEY, &mapping.signature()).save(&encoded.join("\t"));
        self.map_columns(file_id, sheet, Some(mapping));
    }

    /// The user corrected a dossier list's columns: its cells are read with them now, and lists
    /// with the same headers use them later.
    pub async fn set_dossier_mapping(self, file_id: u32, sheet: usize, mapping: DossierMapping) {
        RememberedText::keyed(DOSSIER_MAPPING_KEY, &mapping.signature()).save(&mapping.encode());
        self.use_dossier_mapping(file_id, sheet, Some(mapping)).await;
    }

    pub async fn forget_dossier_mapping(self, file_id: u32, sheet: usize, mapping: DossierMapping) {
        RememberedText::keyed(DOSSIER_MAPPING_KEY, &mapping.signature()).forget();
        self.use_dossier_mapping(file_id, sheet, None).await;
    }

    /// A list streamed into records keeps only its first rows as cells: it is read again, with
    /// all of them, to be read with other columns.
    async fn use_dossier_mapping(self, file_id: u32, sheet: usize, mapping: Option<DossierMapping>) {
        let Some(file) = self.files.with_untracked(|f| f.iter().find(|f| f.id == file_id).cloned()) else { return };
        file.choice.update(|c| {
            c.sheet = Some(sheet);
            c.kind = Some(TableKind::DossierList);
            c.dossier_mapping = mapping;
        });
        if !file.cells_kept {
            self.read_again(&file, true).await;
        }
    }

    pub fn forget_mapping(&self, file_id: u32, sheet: usize, mapping: &Mapping) {
        RememberedText::keyed(MAPPING_KEY, &mapping.signature()).forget();
        self.map_columns(file_id, sheet, None);
    }

    /// Reads one sheet of a file with these columns (`None`: as chiso finds them); its other
    /// choices (period, kind, window, dossier columns, report rows) stay.
    fn map_columns(&self, file_id: u32, sheet: usize, mapping: Option<Mapping>) {
        self.choose(file_id, |c| {
            c.sheet = Some(sheet);
            c.mapping = mapping;
            c.sheets = None;
        });
    }

    /// Changes one file's choices (sheet, mapping, period).
    pub fn choose(&self, file_id: u32, change: impl FnOnce(&mut Choice)) {
        self.files.with_untracked(|files| {
            if let Some(f) = files.iter().find(|f| f.id == file_id) {
                f.choice.update(change);
            }
        });
    }

    pub fn remove(&self, id: u32) {
        browser::engine::release(id);
        self.files.update(|list| list.retain(|f| f.id != id));
        if self.files.with(Vec::is_empty) && self.status.get_untracked() == Status::Ready {
            self.status.set(Status::Idle);
        }
    }
}

/// The first header row (within a sheet's first rows) that the user mapped by hand before.
fn pointed_before(book: &Workbook, rules: &RuleSet) -> Option<(usize, Mapping)> {
    let vocabulary = crate::core::layout::header::Vocabulary::new(rules);
    book.sheets.iter().enumerate().find_map(|(i, sheet)| {
        (0..sheet.height().min(crate::core::model::table::HEADER_SEARCH_ROWS)).find_map(|r| {
            let mapping = crate::core::layout::header::mapping_at(sheet, r, &vocabulary);
            let known = mapping.headers.iter().any(|h| !h.is_empty());
            (known && RememberedText::keyed(MAPPING_KEY, &mapping.signature()).load().is_some()).then_some((i, mapping))
        })
    })
}

/// A mapping the user corrected earlier for a table with the same headers; `found` is the table
/// the engine found in `book` with no choice made.
fn remembered_choice(
    book: &Workbook,
    streamed: &Option<(usize, DossierMapping)>,
    found: Option<(usize, Mapping)>,
    rules: Option<&RuleSet>,
) -> Choice {
    // A dossier list's columns, corrected earlier for a list with the same headers.
    if let Some((index, list)) = streamed {
        let saved = RememberedText::keyed(DOSSIER_MAPPING_KEY, &list.signature()).load();
        return match saved.and_then(|s| list.decoded(&s)) {
            Some(mapping) => Choice {
                sheet: Some(*index),
                kind: Some(TableKind::DossierList),
                dossier_mapping: Some(mapping),
                ..Choice::default()
            },
            None => Choice::default(),
        };
    }
    // A table chiso does not recognise, whose header row the user pointed at before.
    let pointed = || rules.and_then(|rules| pointed_before(book, rules));
    let Some((sheet_index, mapping)) = found.or_else(pointed) else { return Choice::default() };
    let report_rows =
        RememberedText::keyed(REPORT_ROWS_KEY, &mapping.signature()).load().and_then(|c| Layout::from_code(&c));
    if report_rows.is_some() {
        return Choice { sheet: Some(sheet_index), report_rows, ..Choice::default() };
    }
    let saved = RememberedText::keyed(MAPPING_KEY, &mapping.signature()).load();
    let columns: Option<Vec<Option<Column>>> = saved.map(|s| s.split('\t').map(Column::decode).collect());
    match columns {
        Some(columns) if columns.len() == mapping.columns.len() => {
            Choice { sheet: Some(sheet_index), mapping: Some(Mapping { columns, ..mapping }), ..Choice::default() }
        }
        _ => Choice { sheet: Some(sheet_index), ..Choice::default() },
    }
}
