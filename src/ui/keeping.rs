//! The loaded files kept on this machine (IndexedDB, never sent anywhere): kept as they are read
//! and as the user chooses their sheets and columns, read again after a reload or a crash with a
//! line that says so, forgotten with one button.

use std::collections::HashMap;

use leptos::prelude::*;

use super::text::keeping::{note_text, KeepingText};
use super::text::tr;
use leptos::task::spawn_local;

use super::state::{use_app, AppState, SessionNote};
use crate::browser::remembered::RememberedText;
use crate::browser::session;
use crate::core::model::lang::Lang;

/// "off" when the user does not want files kept.
const KEEP: RememberedText = RememberedText::at("chiso.keep-files");

pub fn keeping_on() -> bool {
    KEEP.load().as_deref() != Some("off")
}

impl AppState {
    /// Keeps each newly read file's bytes, each changed choice, and forgets each removed file,
    /// whenever the loaded files or their choices change.
    pub fn keep_on_change(self) {
        Effect::new(move |_| {
            let now: HashMap<String, (u32, String, bool)> = self.files.with(|files| {
                files
                    .iter()
                    .map(|f| {
                        let choice = serde_json::to_string(&f.choice.get()).unwrap_or_default();
                        (f.workbook.file_name.clone(), (f.id, choice, f.cells_kept))
                    })
                    .collect()
            });
            if !keeping_on() {
                return;
            }
            let before = self.kept.get_value();
            let restoring = self.restoring.get_value();
            self.kept
                .set_value(now.iter().map(|(name, (id, choice, _))| (name.clone(), (*id, choice.clone()))).collect());
            if restoring {
                return;
            }
            for (name, (id, choice, cells)) in &now {
                let bytes = match before.get(name) {
                    Some((was, chosen)) if was == id => {
                        if chosen == choice {
                            continue;
                        }
                        None
                    }
                    // Read anew (or again, with or without its cells): its bytes are kept too.
                    _ => self.files.with_untracked(|f| f.iter().find(|f| f.id == *id).map(|f| f.bytes.clone())),
                };
                let (name, choice, cells, order) = (name.clone(), choice.clone(), *cells, *id);
                spawn_local(async move {
                    let mut outcome = Ok(());
                    if let Some(bytes) = bytes {
                        outcome = session::keep(&name, order, &bytes, cells).await;
                    }
                    if outcome.is_ok() {
                        outcome = session::keep_choice(&name, &choice).await;
                    }
                    if let Err(e) = outcome {
                        self.session.set(Some(SessionNote::Failed(e)));
                    }
                });
            }
            for name in before.into_keys().filter(|n| !now.contains_key(n)) {
                spawn_local(async move {
                    if let Err(e) = session::drop_file(&name).await {
                        self.session.set(Some(SessionNote::Failed(e)));
                    }
                });
            }
        });
    }

    /// Reads the kept files again, when there are any, and says so.
    pub async fn restore_kept(self) {
        if !keeping_on() {
            return;
        }
        match session::kept().await {
            Ok(files) if !files.is_empty() => {
                let count = files.len();
                self.restoring.set_value(true);
                self.load_kept(files).await;
                self.restoring.set_value(false);
                self.session.set(Some(SessionNote::Restored(count)));
            }
            Ok(_) => {}
            Err(e) => self.session.set(Some(SessionNote::Failed(e))),
        }
    }

    /// Forgets the kept files and unloads them; with `settings`, every chiso setting too.
    pub async fn forget(self, settings: bool) {
        // Nothing is left for the keeping to forget one by one: the database goes at once.
        self.kept.set_value(HashMap::new());
        self.unload_all();
        let outcome = if settings { session::clear_everything().await } else { session::forget_files().await };
        self.session.set(Some(match outcome {
            Ok(()) if settings => SessionNote::Cleared,
            Ok(()) => SessionNote::Forgotten,
            Err(e) => SessionNote::Failed(e),
        }));
    }

    /// Keeps files from now on, or stops and forgets the kept ones (what is loaded stays).
    pub fn set_keeping(self, on: bool) {
        if on {
            KEEP.forget();
            // Everything loaded is kept anew.
            self.kept.set_value(HashMap::new());
            self.files.update(|_| {});
        } else {
            KEEP.save("off");
            self.kept.set_value(HashMap::new());
            spawn_local(async move {
                if let Err(e) = session::forget_files().await {
                    self.session.set(Some(SessionNote::Failed(e)));
                }
            });
        }
    }
}

/// The forget button, as it is labelled wherever it stands.
pub fn forget_label(lang: Lang) -> &'static str {
    tr(lang, KeepingText::RemoveLoadedFilesComputer)
}

/// The line under the status: files read again after a reload, or what became of the kept ones,
/// with the button that forgets them.
#[component]
pub fn KeptLine() -> impl IntoView {
    let state = use_app();
    let lang = state.lang;
    move || {
        let l = lang.get();
        // The privacy settings say what clearing everything did.
        let note = state.session.get().filter(|n| *n != SessionNote::Cleared);
        let loaded = state.files.with(|f| !f.is_empty());
        let testid = match note {
            Some(SessionNote::Restored(_)) => "restored",
            _ => "kept-files",
        };
        let text = note.as_ref().map(|n| note_text(n, l));
        (text.is_some() || loaded && keeping_on()).then(|| {
            view! {
                <p class="kept-line" role="status" data-testid=testid>
                    {text.unwrap_or_else(|| tr(l, KeepingText::LoadedFilesKeptComputer).to_string())}
                    " "
                    {loaded.then(|| view! {
                        <button type="button" class="link" data-testid="forget-files" on:click=move |_| spawn_local(state.forget(false))>
                            {forget_label(l)}
                        </button>
                    })}
                </p>
            }
        })
    }
}
