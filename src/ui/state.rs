//! The app's state as signals, and the one path by which files enter it.

use std::sync::Arc;

use leptos::prelude::*;

use crate::browser;
use crate::core::lang::Lang;
use crate::core::read::{self, Note, ReadError};
use crate::core::table::Workbook;

const LANG_KEY: &str = "chiso.lang";

/// Where the app stands: the automation contract's `app-status` `data-state`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    Idle,
    Busy,
    Ready,
    Error,
}

impl Status {
    pub fn code(self) -> &'static str {
        match self {
            Status::Idle => "idle",
            Status::Busy => "busy",
            Status::Ready => "ready",
            Status::Error => "error",
        }
    }
}

#[derive(Clone, Debug)]
pub struct LoadedFile {
    pub id: u32,
    pub workbook: Arc<Workbook>,
    pub notes: Vec<Note>,
    pub selected_sheet: RwSignal<usize>,
}

/// A problem with one file of the last batch; rendered in the current language.
#[derive(Clone, Debug)]
pub struct FileError {
    pub id: u32,
    pub file: String,
    pub error: ReadError,
}

#[derive(Clone, Copy)]
pub struct AppState {
    pub lang: RwSignal<Lang>,
    pub status: RwSignal<Status>,
    pub files: RwSignal<Vec<LoadedFile>>,
    pub errors: RwSignal<Vec<FileError>>,
    next_id: StoredValue<u32>,
}

impl AppState {
    pub fn new() -> AppState {
        let lang = browser::setting(LANG_KEY).and_then(|c| Lang::from_code(&c)).unwrap_or_default();
        AppState {
            lang: RwSignal::new(lang),
            status: RwSignal::new(Status::Idle),
            files: RwSignal::new(Vec::new()),
            errors: RwSignal::new(Vec::new()),
            next_id: StoredValue::new(1),
        }
    }

    pub fn set_lang(&self, lang: Lang) {
        self.lang.set(lang);
        browser::remember(LANG_KEY, lang.code());
    }

    fn take_id(&self) -> u32 {
        let id = self.next_id.get_value();
        self.next_id.set_value(id + 1);
        id
    }

    /// Reads a batch of files the user chose or dropped. What was loaded before stays loaded; a
    /// file with the same name as a loaded one replaces it (a re-export of the same report).
    pub async fn load(self, files: Vec<web_sys::File>) {
        if files.is_empty() {
            return;
        }
        browser::mark_received();
        self.status.set(Status::Busy);
        self.errors.set(Vec::new());
        // Let the busy state paint before the parser holds the thread.
        browser::next_frame().await;
        let mut loaded = 0;
        for file in files {
            let name = file.name();
            let result = match browser::file_bytes(&file).await {
                Ok(bytes) => read::read_file(&name, &bytes),
                Err(detail) => Err(ReadError::Unreadable { detail }),
            };
            match result {
                Ok(read::Loaded { workbook, notes }) => {
                    loaded += 1;
                    let entry = LoadedFile {
                        id: self.take_id(),
                        workbook: Arc::new(workbook),
                        notes,
                        selected_sheet: RwSignal::new(0),
                    };
                    self.files.update(|list| {
                        list.retain(|f| f.workbook.file_name != name);
                        list.push(entry);
                    });
                }
                Err(error) => {
                    let id = self.take_id();
                    self.errors.update(|list| list.push(FileError { id, file: name, error }));
                }
            }
        }
        browser::next_frame().await;
        browser::measure_analysis();
        self.status.set(if loaded > 0 { Status::Ready } else { Status::Error });
    }

    pub fn remove(&self, id: u32) {
        self.files.update(|list| list.retain(|f| f.id != id));
        if self.files.with(Vec::is_empty) && self.status.get_untracked() == Status::Ready {
            self.status.set(Status::Idle);
        }
    }
}
