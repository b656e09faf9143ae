//! The app's state as signals: what the views draw and how the engine is asked for it. The paths
//! by which files enter are in `files`, the user's settings (each remembered) in `settings`.

mod files;
mod settings;

use std::sync::Arc;

use leptos::prelude::*;

use crate::browser;
use crate::browser::blob::FileBytes;
use crate::browser::wake::Waiters;
use crate::core::analysis::{Analysis, Choice, Focus};
use crate::core::dossier::units::Typed;
use crate::core::dossier::DossierMapping;
use crate::core::engine::{EngineError, Inputs, Results};
use crate::core::insight::alerts::{Alert, AlertSettings};
use crate::core::insight::compare::Comparison;
use crate::core::model::lang::Lang;
use crate::core::model::table::Workbook;
use crate::core::present::view::View;
pub use crate::core::read::settings::ReadSettings;
use crate::core::read::{Note, Progress, ReadError};
use crate::core::report::error::ReportError;
use crate::core::report::job::{Job, Made};
use crate::core::rules::{RuleError, RuleSet};
use settings::{ALERTS, LANG, LIMITS, MY_UNIT, SOURCES, TYPED, WHOLE};

/// The file being read and how far it has come: the contract's `progress`.
#[derive(Clone, Debug, PartialEq)]
pub struct Reading {
    pub file: String,
    pub progress: Progress,
}

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

/// The app's state, from the context `App` provides to every component.
pub fn use_app() -> AppState {
    expect_context::<AppState>()
}

/// The results as one view draws them. Each view panel has its own (`ui::nav::ViewPanel`):
/// the open view's follows the app's at once, every other one a task later, each in a task of
/// its own, so that a province's results never redraw all the views in one long task.
#[derive(Clone, Copy)]
pub struct Shown {
    pub analysis: RwSignal<Option<Shared>>,
    pub alerts: RwSignal<Option<Arc<Vec<Alert>>>>,
    pub comparison: RwSignal<Option<Arc<Comparison>>>,
}

impl Shown {
    /// A view's own copy of what the app shows now.
    pub fn copy_of(app: &AppState) -> Shown {
        Shown {
            analysis: RwSignal::new(app.analysis.get_untracked()),
            alerts: RwSignal::new(app.alerts.get_untracked()),
            comparison: RwSignal::new(app.comparison.get_untracked()),
        }
    }

    /// Brings this copy up to the app's results (read without tracking them).
    pub fn catch_up(&self, app: &AppState) {
        self.analysis.set(app.analysis.get_untracked());
        self.alerts.set(app.alerts.get_untracked());
        self.comparison.set(app.comparison.get_untracked());
    }
}

/// The results as the view a component is in draws them; outside the views, the app's.
pub fn use_shown() -> Shown {
    use_context::<Shown>().unwrap_or_else(|| {
        let app = use_app();
        Shown { analysis: app.analysis, alerts: app.alerts, comparison: app.comparison }
    })
}

/// Whether the engine worker runs (`app-status`'s `data-reader`): `Starting` until it has said it
/// is ready, `Unavailable` where no worker can run (nothing can then be read: the page holds no
/// reader).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reader {
    Starting,
    Worker,
    Unavailable,
}

impl Reader {
    pub fn code(self) -> &'static str {
        match self {
            Reader::Starting => "starting",
            Reader::Worker => "worker",
            Reader::Unavailable => "none",
        }
    }
}

#[derive(Clone, Debug)]
pub struct LoadedFile {
    pub id: u32,
    /// The file as it came, kept for saving the session.
    pub bytes: FileBytes,
    pub workbook: Arc<Workbook>,
    /// The sheet streamed into a dossier list as it was read, with the list's columns.
    pub streamed: Option<(usize, DossierMapping)>,
    pub notes: Vec<Note>,
    pub selected_sheet: RwSignal<usize>,
    /// Which sheet is scored and how its columns are read, when the user chose.
    pub choice: RwSignal<Choice>,
    /// Read with a dossier list's cells kept (the user reads it as another kind of table).
    pub cells_kept: bool,
}

/// A problem with one file of the last batch; rendered in the current language.
#[derive(Clone, Debug)]
pub struct FileError {
    pub id: u32,
    pub file: String,
    pub error: ReadError,
}

/// The analysis, shared without copying; two are equal only when they are the same one.
#[derive(Clone, Debug)]
pub struct Shared(pub Arc<Analysis>);

impl PartialEq for Shared {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

/// What happened to the files kept on this machine, for the line that says so.
#[derive(Clone, Debug, PartialEq)]
pub enum SessionNote {
    /// This many files were read again after a reload.
    Restored(usize),
    /// The kept files were forgotten (and unloaded).
    Forgotten,
    /// Every kept file and setting was forgotten.
    Cleared,
    Failed(String),
}

/// The rule set in force and where it came from (`None`: the compiled-in default).
#[derive(Clone, Debug)]
pub struct ActiveRules {
    pub rules: Arc<RuleSet>,
    /// Its TOML, as the engine worker takes it.
    pub text: Arc<str>,
    pub source: Option<String>,
}

impl ActiveRules {
    /// `text` as the engine parses it (which then holds it); the outer `Err` says why no
    /// engine answered.
    async fn parsed(text: &str, source: Option<String>) -> Result<Result<ActiveRules, RuleError>, String> {
        let parsed = browser::engine::rules(text).await?;
        Ok(parsed.map(|rules| ActiveRules { rules: Arc::new(rules), text: text.into(), source }))
    }
}

#[derive(Clone, Copy)]
pub struct AppState {
    pub lang: RwSignal<Lang>,
    pub status: RwSignal<Status>,
    pub files: RwSignal<Vec<LoadedFile>>,
    pub errors: RwSignal<Vec<FileError>>,
    /// Files the user asked for that could not be made or saved.
    pub report_errors: RwSignal<Vec<(u32, ReportError)>>,
    /// `None` until the engine has parsed the rule set at start-up (or where no engine runs).
    pub rules: RwSignal<Option<ActiveRules>>,
    pub rules_error: RwSignal<Option<(String, RuleError)>>,
    /// The engine's analysis of the loaded files as last chosen, once it has answered.
    pub analysis: RwSignal<Option<Shared>>,
    /// Why the engine gave no analysis of the latest choices.
    pub analysis_error: RwSignal<Option<EngineError>>,
    /// Which loaded period is scored and which it is compared with.
    pub focus: RwSignal<Focus>,
    /// The scored period against the earlier one, when two periods are loaded.
    pub comparison: RwSignal<Option<Arc<Comparison>>>,
    /// What the user's alert rules raise on the scored period: once per change, for the alert
    /// list, the overview and the exports alike.
    pub alerts: RwSignal<Option<Arc<Vec<Alert>>>>,
    pub selected_unit: RwSignal<Option<String>>,
    /// The open view, as the URL hash names it.
    pub view: RwSignal<View>,
    /// The unit the user works for («Đơn vị của tôi»), shown first everywhere; remembered.
    pub my_unit: RwSignal<Option<String>>,
    /// A new version of chiso has been cached and waits to take over.
    pub update_ready: RwSignal<bool>,
    pub session: RwSignal<Option<SessionNote>>,
    pub alert_settings: RwSignal<AlertSettings>,
    pub read_settings: RwSignal<ReadSettings>,
    /// The file in the reading worker, while one is.
    pub reading: RwSignal<Option<Reading>>,
    /// Where files are read.
    pub reader: RwSignal<Reader>,
    /// Figures typed in for units of dossier lists (remembered on this machine).
    pub typed: RwSignal<Typed>,
    next_id: StoredValue<u32>,
    /// The analysis last asked for, and the one on screen: equal once the engine has answered.
    asked: StoredValue<u64>,
    answered: RwSignal<u64>,
    /// Files are being read (a load has begun and not finished).
    loading: StoredValue<bool>,
    /// What changed while files were being read: asked for once they all are.
    deferred: StoredValue<Option<(Inputs, Arc<str>)>>,
    /// Views still to be drawn with the latest results (see [`Shown`]).
    drawing: StoredValue<u32>,
    /// Those waiting for an answer or for the views to be drawn.
    woken: StoredValue<Waiters, LocalStorage>,
    /// What is kept on this machine, by file name: the loaded file's id and its choices as JSON
    /// (see `keeping`).
    pub(super) kept: StoredValue<std::collections::HashMap<String, (u32, String)>>,
    /// Kept files are being read again: what they are is already kept.
    pub(super) restoring: StoredValue<bool>,
}

impl AppState {
    pub fn new() -> AppState {
        let lang = LANG.load().and_then(|c| Lang::from_code(&c)).unwrap_or_default();
        let rules = RwSignal::new(None);
        let files: RwSignal<Vec<LoadedFile>> = RwSignal::new(Vec::new());
        let focus = RwSignal::new(Focus {
            sources: SOURCES.load().unwrap_or_default(),
            whole: WHOLE.load().filter(|w| !w.is_empty()),
            ..Focus::default()
        });
        let typed: RwSignal<Typed> = RwSignal::new(TYPED.load().unwrap_or_default());
        let analysis: RwSignal<Option<Shared>> = RwSignal::new(None);
        let alert_settings: RwSignal<AlertSettings> = RwSignal::new(ALERTS.load().unwrap_or_default());
        AppState {
            lang: RwSignal::new(lang),
            status: RwSignal::new(Status::Idle),
            files,
            errors: RwSignal::new(Vec::new()),
            report_errors: RwSignal::new(Vec::new()),
            rules,
            rules_error: RwSignal::new(None),
            analysis,
            focus,
            comparison: RwSignal::new(None),
            alerts: RwSignal::new(None),
            selected_unit: RwSignal::new(View::unit_from_hash(&browser::hash())),
            view: RwSignal::new(View::from_hash(&browser::hash())),
            my_unit: RwSignal::new(MY_UNIT.load().filter(|u| !u.is_empty())),
            update_ready: RwSignal::new(false),
            session: RwSignal::new(None),
            alert_settings,
            read_settings: RwSignal::new(LIMITS.load().unwrap_or_default()),
            reading: RwSignal::new(None),
            reader: RwSignal::new(Reader::Starting),
            typed,
            next_id: StoredValue::new(1),
            asked: StoredValue::new(0),
            answered: RwSignal::new(0),
            loading: StoredValue::new(false),
            deferred: StoredValue::new(None),
            drawing: StoredValue::new(0),
            woken: StoredValue::new_local(Waiters::default()),
            kept: StoredValue::new(Default::default()),
            restoring: StoredValue::new(false),
            analysis_error: RwSignal::new(None),
        }
    }

    /// Asks the engine for new results whenever the files, their choices, the rules, the
    /// periods in focus, the typed figures or the alert rules change; an answer overtaken by a
    /// later question is dropped. While files are read, the question waits for the last of them
    /// (the worker would otherwise analyse each batch again as it grows). While results are
    /// computed after the files were loaded, the app is busy again.
    pub fn analyse_on_change(self) {
        Effect::new(move |_| {
            let rules = self.rules.get().map(|r| r.text).unwrap_or_default();
            let files = self.files.get();
            let inputs = Inputs {
                files: files.iter().map(|f| (f.id, f.choice.get())).collect(),
                focus: self.focus.get(),
                typed: self.typed.get(),
                alerts: self.alert_settings.get(),
            };
            let asked = self.asked.get_value() + 1;
            self.asked.set_value(asked);
            if inputs.files.is_empty() || rules.is_empty() {
                self.analysis.set(None);
                self.alerts.set(None);
                self.comparison.set(None);
                self.answer(asked);
                return;
            }
            if self.loading.get_value() {
                self.deferred.set_value(Some((inputs, rules)));
                return;
            }
            if self.status.get_untracked() == Status::Ready {
                self.status.set(Status::Busy);
            }
            self.ask(inputs, rules, asked);
        });
    }

    /// Asks the engine for the results of `inputs` with `rules`, question number `asked`.
    fn ask(self, inputs: Inputs, rules: Arc<str>, asked: u64) {
        leptos::task::spawn_local(async move {
            let outcome = browser::engine::analyse(inputs, &rules).await;
            // Decoding the answer and drawing it are two tasks, not one long one.
            browser::sleep(0).await;
            if self.asked.get_value() != asked {
                return;
            }
            let any = outcome.is_ok();
            match outcome {
                Ok(Results { analysis, alerts, comparison }) => {
                    self.analysis.set(Some(Shared(Arc::new(analysis))));
                    self.alerts.set(Some(Arc::new(alerts)));
                    self.comparison.set(comparison.map(Arc::new));
                    self.analysis_error.set(None);
                }
                Err(error) => self.analysis_error.set(Some(error)),
            }
            self.answer(asked);
            self.drawn().await;
            if !self.loading.get_value() && self.status.get_untracked() == Status::Busy {
                self.status.set(Status::Ready);
            }
            // Results on screen: a download may follow.
            if any {
                browser::engine::warm_writer().await;
            }
        });
    }

    /// A view starts drawing results later ([`Shown`]); [`AppState::drawn_one`] when done.
    pub fn drawing_one(&self) {
        self.drawing.update_value(|n| *n += 1);
    }

    pub fn drawn_one(&self) {
        self.drawing.update_value(|n| *n = n.saturating_sub(1));
        if self.drawing.get_value() == 0 {
            self.woken.with_value(Waiters::wake);
        }
    }

    /// Question `asked` is answered: those waiting for it are woken.
    fn answer(&self, asked: u64) {
        self.answered.set(asked);
        self.woken.with_value(Waiters::wake);
    }

    /// Until every view has drawn the results it was given (each takes a task or two; after
    /// five seconds the app is said ready all the same, rather than waiting on a view forever).
    async fn drawn(&self) {
        // The views learn of new results in the tasks after this one.
        browser::sleep(0).await;
        let deadline = js_sys::Date::now() + 5_000.0;
        while self.drawing.get_value() != 0 {
            let left = deadline - js_sys::Date::now();
            if left <= 0.0 {
                break;
            }
            self.woken.get_value().wait(Some(left as i32)).await;
        }
    }

    /// Until the engine has answered the latest question and every view has drawn it.
    async fn analysed(&self) {
        while self.answered.get_untracked() != self.asked.get_value() {
            self.woken.get_value().wait(None).await;
        }
        self.drawn().await;
    }

    /// Opens `view` through the URL hash, so that the back button returns to the one before.
    pub fn go(&self, view: View) {
        // Already there (an empty hash is the overview): no history step, and no navigation for
        // the browser to fetch anything on.
        if View::from_hash(&browser::hash()) != view {
            browser::set_hash(&view.hash());
        }
        self.view.set(view);
    }

    /// Opens a unit's page on the ranking, as a step of the browser's history.
    pub fn open_unit(&self, unit: String) {
        browser::set_hash(&View::unit_hash(&unit));
        self.view.set(View::Ranking);
        self.selected_unit.set(Some(unit));
    }

    /// Closes the unit's page: the ranking again, a step of its own.
    pub fn close_unit(&self) {
        if self.selected_unit.get_untracked().is_some() {
            browser::set_hash(&View::Ranking.hash());
            self.selected_unit.set(None);
        }
    }

    /// Has the engine worker make a file and hands it to the browser. A file that could not be
    /// made or saved is said with the other messages, never dropped; a later success clears what
    /// an earlier failure said.
    pub async fn make(self, job: Job) {
        let rules = self.rules.with_untracked(|r| r.as_ref().map(|r| r.text.clone())).unwrap_or_default();
        let analysis = self.analysis.get_untracked();
        let made = browser::engine::make(job, &rules, analysis.as_ref().map(|a| &*a.0)).await;
        let saved = made.and_then(|Made { file, mime, bytes }| {
            browser::download(&bytes, &file, &mime).map_err(|detail| ReportError::Save { file, detail })
        });
        match saved {
            Ok(()) => self.report_errors.set(Vec::new()),
            Err(error) => {
                let id = self.take_id();
                self.report_errors.update(|list| list.push((id, error)));
            }
        }
    }

    fn take_id(&self) -> u32 {
        let id = self.next_id.get_value();
        self.next_id.set_value(id + 1);
        id
    }
}
