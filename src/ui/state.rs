//! The app's state as signals, and the paths by which files and rule sets enter it.

use std::sync::Arc;

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::browser;
use crate::browser::remembered::{Remembered, RememberedText};
use crate::core::alerts::{Alert, AlertSettings};
use crate::core::analysis::{Analysis, Choice, Focus};
use crate::core::compare::Comparison;
use crate::core::dossier::units::Typed;
use crate::core::dossier::DossierMapping;
use crate::core::engine::{EngineError, Inputs, Results};
use crate::core::figures::sources::SourceOrder;
use crate::core::figures::{Figure, TableKind};
use crate::core::header::{Column, Mapping};
use crate::core::lang::Lang;
use crate::core::read::{Limits, Loaded, Note, Progress, ReadError};
use crate::core::report::error::ReportError;
use crate::core::report::job::{Job, Made};
use crate::core::rules::{RuleError, RuleSet, DEFAULT_RULES};
use crate::core::settlement::Layout;
use crate::core::table::Workbook;
use crate::core::view::View;

// What is remembered on this machine, each under its own key.
const LANG: RememberedText = RememberedText::at("chiso.lang");
const RULES: RememberedText = RememberedText::at("chiso.rules");
const RULES_NAME: RememberedText = RememberedText::at("chiso.rules.name");
const MY_UNIT: RememberedText = RememberedText::at("chiso.my-unit");
const WHOLE: RememberedText = RememberedText::at("chiso.whole");
const ALERTS: Remembered<AlertSettings> = Remembered::at("chiso.alerts");
const LIMITS: Remembered<ReadSettings> = Remembered::at("chiso.limits");
const TYPED: Remembered<Typed> = Remembered::at("chiso.typed");
const SOURCES: Remembered<SourceOrder> = Remembered::at("chiso.sources");
// Families of values, one per table's header signature.
const MAPPING_KEY: &str = "chiso.mapping.";
const DOSSIER_MAPPING_KEY: &str = "chiso.dossier-mapping.";
const REPORT_ROWS_KEY: &str = "chiso.report-rows.";

/// The reading limits and time budget the user set (remembered on this machine).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ReadSettings {
    pub limits: Limits,
    /// Time allowed for reading one file.
    pub seconds: f64,
}

impl Default for ReadSettings {
    fn default() -> Self {
        ReadSettings { limits: Limits::default(), seconds: 120.0 }
    }
}

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
    pub bytes: Arc<Vec<u8>>,
    pub workbook: Arc<Workbook>,
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
    fn parsed(text: &str, source: Option<String>) -> Result<ActiveRules, RuleError> {
        Ok(ActiveRules { rules: Arc::new(RuleSet::from_toml(text)?), text: text.into(), source })
    }

    fn default_rules() -> Option<ActiveRules> {
        ActiveRules::parsed(DEFAULT_RULES, None).ok()
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
    /// `None` only if the compiled-in rule set were invalid, which the tests rule out.
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
    deferred: StoredValue<Option<Inputs>>,
    /// Views still to be drawn with the latest results (see [`Shown`]).
    drawing: StoredValue<u32>,
    /// What is kept on this machine, by file name: the loaded file's id and its choices as JSON
    /// (see `keeping`).
    pub(super) kept: StoredValue<std::collections::HashMap<String, (u32, String)>>,
    /// Kept files are being read again: what they are is already kept.
    pub(super) restoring: StoredValue<bool>,
}

fn remembered_rules() -> Option<ActiveRules> {
    let text = RULES.load()?;
    ActiveRules::parsed(&text, RULES_NAME.load()).ok()
}

impl AppState {
    pub fn new() -> AppState {
        let lang = LANG.load().and_then(|c| Lang::from_code(&c)).unwrap_or_default();
        let rules = remembered_rules().or_else(ActiveRules::default_rules);
        let rules = RwSignal::new(rules);
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
            let rules = self.rules.get();
            let files = self.files.get();
            let inputs = Inputs {
                files: files.iter().map(|f| (f.id, f.choice.get())).collect(),
                rules: rules.map(|r| r.text.to_string()).unwrap_or_default(),
                focus: self.focus.get(),
                typed: self.typed.get(),
                alerts: self.alert_settings.get(),
            };
            let asked = self.asked.get_value() + 1;
            self.asked.set_value(asked);
            if inputs.files.is_empty() || inputs.rules.is_empty() {
                self.analysis.set(None);
                self.alerts.set(None);
                self.comparison.set(None);
                self.answered.set(asked);
                return;
            }
            if self.loading.get_value() {
                self.deferred.set_value(Some(inputs));
                return;
            }
            if self.status.get_untracked() == Status::Ready {
                self.status.set(Status::Busy);
            }
            self.ask(inputs, asked);
        });
    }

    /// Asks the engine for the results of `inputs`, question number `asked`.
    fn ask(self, inputs: Inputs, asked: u64) {
        leptos::task::spawn_local(async move {
            let outcome = browser::engine::analyse(inputs).await;
            // Decoding the answer and drawing it are two tasks, not one long one.
            browser::engine::sleep(0).await;
            if self.asked.get_value() != asked {
                return;
            }
            match outcome {
                Ok(Results { analysis, alerts, comparison }) => {
                    self.analysis.set(Some(Shared(Arc::new(analysis))));
                    self.alerts.set(Some(Arc::new(alerts)));
                    self.comparison.set(comparison.map(Arc::new));
                    self.analysis_error.set(None);
                }
                Err(error) => self.analysis_error.set(Some(error)),
            }
            self.answered.set(asked);
            self.drawn().await;
            if !self.loading.get_value() && self.status.get_untracked() == Status::Busy {
                self.status.set(Status::Ready);
            }
        });
    }

    /// A view starts drawing results later ([`Shown`]); [`AppState::drawn_one`] when done.
    pub fn drawing_one(&self) {
        self.drawing.update_value(|n| *n += 1);
    }

    pub fn drawn_one(&self) {
        self.drawing.update_value(|n| *n = n.saturating_sub(1));
    }

    /// Until every view has drawn the results it was given (each takes a task or two; after
    /// five seconds the app is said ready all the same, rather than waiting on a view forever).
    async fn drawn(&self) {
        // The views learn of new results in the tasks after this one.
        browser::engine::sleep(0).await;
        for _ in 0..500 {
            if self.drawing.get_value() == 0 {
                break;
            }
            browser::engine::sleep(10).await;
        }
    }

    /// Until the engine has answered the latest question and every view has drawn it.
    async fn analysed(&self) {
        while self.answered.get_untracked() != self.asked.get_value() {
            browser::engine::sleep(20).await;
        }
        self.drawn().await;
    }

    /// Chooses the user's own unit (`None`: none), and remembers it on this machine.
    pub fn set_my_unit(&self, unit: Option<String>) {
        MY_UNIT.set(unit.as_deref());
        self.my_unit.set(unit);
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

    /// The order in which sources are trusted, remembered on this machine.
    pub fn set_sources(&self, order: SourceOrder) {
        SOURCES.save(&order);
        self.focus.update(|f| f.sources = order);
    }

    /// The unit the user names as the whole (`None`: recognised), remembered on this machine.
    pub fn set_whole(&self, whole: Option<String>) {
        WHOLE.set(whole.as_deref());
        self.focus.update(|f| f.whole = whole);
    }

    /// What a report's rows are, as the user said; reports with the same headers are read so later.
    pub fn set_report_rows(&self, file_id: u32, signature: &str, rows: Option<Layout>) {
        RememberedText::keyed(REPORT_ROWS_KEY, signature).set(rows.map(Layout::code));
        self.choose(file_id, |c| c.report_rows = rows);
    }

    pub fn set_alert_settings(&self, settings: AlertSettings) {
        ALERTS.save(&settings);
        self.alert_settings.set(settings);
    }

    pub fn set_read_settings(&self, settings: ReadSettings) {
        LIMITS.save(&settings);
        self.read_settings.set(settings);
    }

    /// A figure typed in for a unit (by its folded name); `None` parts clear it.
    pub fn set_typed(&self, unit: String, code: String, figure: Figure) {
        self.typed.update(|typed| {
            let of_unit = typed.entry(unit.clone()).or_default();
            if figure.is_empty() {
                of_unit.remove(&code);
            } else {
                of_unit.insert(code, figure);
            }
            if of_unit.is_empty() {
                typed.remove(&unit);
            }
        });
        self.typed.with_untracked(|typed| TYPED.save(typed));
    }

    /// The user says what kind of table a file is (`None`: let chiso tell). A dossier list
    /// streamed into records is read again with its cells when it is to be read as another kind,
    /// and the other way round.
    pub async fn set_kind(self, file_id: u32, kind: Option<TableKind>) {
        let Some(file) = self.files.with_untracked(|f| f.iter().find(|f| f.id == file_id).cloned()) else { return };
        file.choice.update(|c| c.kind = kind);
        let streamed = file.workbook.sheets.iter().any(|s| s.dossiers.is_some());
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
        let ok = self.read_into(file.workbook.file_name.clone(), file.bytes.clone(), keep_cells, choice).await;
        self.finish(ok).await;
    }

    pub fn set_lang(&self, lang: Lang) {
        self.lang.set(lang);
        LANG.save(lang.code());
    }

    /// Has the engine worker make a file and hands it to the browser. A file that could not be
    /// made or saved is said with the other messages, never dropped; a later success clears what
    /// an earlier failure said.
    pub async fn make(self, job: Job) {
        let made = browser::engine::make(&job, self.analysis.get_untracked().as_ref().map(|a| &*a.0)).await;
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
                Ok(()) => match browser::file_bytes(&file).await {
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

    /// Loads files that did not come through the picker (the demo workbook, a saved session)
    /// exactly like chosen ones.
    pub async fn load_bytes(self, files: Vec<(String, Vec<u8>)>) {
        self.begin().await;
        let mut any = false;
        for (name, bytes) in files {
            any |= self.add(name, bytes).await;
        }
        self.finish(any).await;
    }

    /// Loads the sample town, made by the engine worker.
    pub async fn load_sample(self, job: Job) {
        match browser::engine::make(&job, None).await {
            Ok(made) => self.load_bytes(vec![(made.file, made.bytes)]).await,
            Err(error) => {
                let id = self.take_id();
                self.report_errors.update(|list| list.push((id, error)));
            }
        }
    }

    /// Reads kept files again (after a reload) with the choices the user had made.
    pub(super) async fn load_kept(self, files: Vec<browser::session::Kept>) {
        self.begin().await;
        let mut any = false;
        for kept in files {
            let choice = kept.choice.and_then(|c| serde_json::from_str::<Choice>(&c).ok());
            any |= self.read_into(kept.name, Arc::new(kept.bytes), kept.cells_kept, choice).await;
        }
        self.finish(any).await;
    }

    /// Unloads every file (the kept ones are forgotten apart).
    pub(super) fn unload_all(&self) {
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
        if let Some(inputs) = self.deferred.try_update_value(Option::take).flatten() {
            self.ask(inputs, self.asked.get_value());
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
    async fn add(&self, name: String, bytes: Vec<u8>) -> bool {
        self.read_into(name, Arc::new(bytes), false, None).await
    }

    /// Reads `bytes` and puts the file in the list, replacing one of the same name; `choice`
    /// carries the user's choices over when a loaded file is read again.
    async fn read_into(&self, name: String, bytes: Arc<Vec<u8>>, keep_cells: bool, choice: Option<Choice>) -> bool {
        let settings = self.read_settings.get_untracked();
        let limits = crate::core::read::Limits { keep_dossier_cells: keep_cells, ..settings.limits };
        let reading = self.reading;
        reading.set(Some(Reading { file: name.clone(), progress: Progress { rows_done: 0, rows_total: 0 } }));
        let file = name.clone();
        let id = self.take_id();
        let rules = self.rules.with_untracked(|r| r.as_ref().map(|r| r.text.clone())).unwrap_or_default();
        let outcome =
            browser::engine::read(id, &name, bytes.clone(), &limits, &rules, settings.seconds, move |progress| {
                reading.set(Some(Reading { file: file.clone(), progress }));
            })
            .await;
        browser::measure_read();
        reading.set(None);
        match outcome {
            Ok((Loaded { workbook, notes }, found)) => {
                let active = self.rules.with_untracked(|r| r.as_ref().map(|a| a.rules.clone()));
                let choice = choice.unwrap_or_else(|| remembered_choice(&workbook, found, active.as_deref()));
                if choice.dossier_mapping.is_some() && !keep_cells {
                    // A remembered correction of a dossier list's columns reads the list's cells.
                    browser::engine::release(id);
                    return Box::pin(self.read_into(name, bytes, true, Some(choice))).await;
                }
                let entry = LoadedFile {
                    id,
                    bytes,
                    workbook: Arc::new(workbook),
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
        self.choose(file_id, |c| {
            *c = Choice {
                sheet: Some(sheet),
                mapping: Some(mapping),
                period: c.period.take(),
                kind: c.kind,
                window: c.window.take(),
                dossier_mapping: c.dossier_mapping.take(),
                report_rows: c.report_rows,
                sheets: None,
            }
        });
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
        self.choose(file_id, |c| {
            *c = Choice {
                sheet: Some(sheet),
                mapping: None,
                period: c.period.take(),
                kind: c.kind,
                window: c.window.take(),
                dossier_mapping: c.dossier_mapping.take(),
                report_rows: c.report_rows,
                sheets: None,
            }
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

    /// A rule set file chosen by the user; an invalid one leaves the current rules in force.
    pub fn use_rules(&self, source: String, text: &str) {
        match ActiveRules::parsed(text, Some(source.clone())) {
            Ok(active) => {
                RULES.save(text);
                RULES_NAME.save(&source);
                self.rules.set(Some(active));
                self.rules_error.set(None);
            }
            Err(e) => self.rules_error.set(Some((source, e))),
        }
    }

    pub fn use_default_rules(&self) {
        RULES.forget();
        RULES_NAME.forget();
        self.rules.set(ActiveRules::default_rules());
        self.rules_error.set(None);
    }
}

/// The first header row (within a sheet's first rows) that the user mapped by hand before.
fn pointed_before(book: &Workbook, rules: &RuleSet) -> Option<(usize, Mapping)> {
    let vocabulary = crate::core::header::Vocabulary::new(rules);
    book.sheets.iter().enumerate().find_map(|(i, sheet)| {
        (0..sheet.height().min(crate::core::header::HEADER_SEARCH_ROWS)).find_map(|r| {
            let mapping = crate::core::header::mapping_at(sheet, r, &vocabulary);
            let known = mapping.headers.iter().any(|h| !h.is_empty());
            (known && RememberedText::keyed(MAPPING_KEY, &mapping.signature()).load().is_some()).then_some((i, mapping))
        })
    })
}

/// A mapping the user corrected earlier for a table with the same headers; `found` is the table
/// the engine found in `book` with no choice made.
fn remembered_choice(book: &Workbook, found: Option<(usize, Mapping)>, rules: Option<&RuleSet>) -> Choice {
    // A dossier list's columns, corrected earlier for a list with the same headers.
    if let Some((index, list)) = book.sheets.iter().enumerate().find_map(|(i, s)| Some((i, s.dossiers.as_ref()?))) {
        let saved = RememberedText::keyed(DOSSIER_MAPPING_KEY, &list.mapping.signature()).load();
        return match saved.and_then(|s| list.mapping.decoded(&s)) {
            Some(mapping) => Choice {
                sheet: Some(index),
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
