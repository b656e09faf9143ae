use leptos::prelude::*;

use super::alerts::AlertList;
use super::dossiers::DossierCheck;
use super::files::FileList;
use super::keeping::KeptLine;
use super::letter::LetterPanel;
use super::limits::{LimitSettings, ReadingProgress};
use super::messages::Messages;
use super::mine::{MyUnitCard, MyUnitChooser};
use super::nav::{Nav, ViewPanel};
use super::overview::Overview;
use super::privacy::Privacy;
use super::report_sources::ReportSources;
use super::results::{AnalysisMessages, Results};
use super::rules::RuleSettings;
use super::sourcing::{SourceOrderSettings, WholeChoice};
use super::state::{use_app, use_shown, AppState, Reader, Status};
use super::text::{files_loaded, tr, Text};
use super::unit::UnitPage;
use super::upload::Upload;
use crate::core::model::lang::Lang;
use crate::core::present::view::{Shows, View};

#[component]
pub fn App() -> impl IntoView {
    let state = AppState::new();
    provide_context(state);
    state.analyse_on_change();
    state.keep_on_change();
    let lang = state.lang;
    Effect::new(move || {
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("lang", lang.get().code());
        }
    });
    leptos::task::spawn_local(crate::browser::offline::register(move || state.update_ready.set(true)));
    leptos::task::spawn_local(async move {
        let ready = state.start_engine().await;
        state.reader.set(if ready { Reader::Worker } else { Reader::Unavailable });
        state.restore_kept().await;
    });
    let scored =
        Signal::derive(move || state.analysis.with(|a| a.as_ref().is_some_and(|a| !a.0.scores.units.is_empty())));
    let checked = Signal::derive(move || {
        state.analysis.with(|a| a.as_ref().is_some_and(|a| a.0.tables.iter().any(|t| t.counted().is_some())))
    });
    let loaded = Signal::derive(move || state.files.with(|f| !f.is_empty()));
    let has_content = move |v: View| match v.shows() {
        Shows::Scores => scored,
        Shows::Dossiers => checked,
        Shows::Files => loaded,
        Shows::Always => Signal::stored(true),
    };
    view! {
        <Masthead slim=loaded />
        <main>
            <UpdateLine />
            <Upload />
            <StatusLine />
            <KeptLine />
            <ReadingProgress />
            <Messages />
            <AnalysisMessages />
            <MyUnitChooser />
            <Nav />
            {View::ALL.map(|v| view! { <ViewPanel view=v has_content=has_content(v)>{panel(v)}</ViewPanel> }).collect_view()}
        </main>
    }
}

/// What each view holds.
fn panel(view: View) -> AnyView {
    match view {
        View::Overview => view! { <MyUnitCard /> <Overview /> }.into_any(),
        View::Ranking => view! { <UnitPage /> <Results /> }.into_any(),
        View::Alerts => alerts().into_any(),
        View::Letter => view! { <LetterPanel /> }.into_any(),
        View::Dossiers => view! { <DossierCheck /> <ReportSources /> }.into_any(),
        View::Files => view! { <WholeChoice /> <FileList /> }.into_any(),
        View::Settings => view! { <RuleSettings /> <SourceOrderSettings /> <LimitSettings /> <Privacy /> }.into_any(),
    }
}

/// The alert list, once there are scores to raise alerts on.
fn alerts() -> impl IntoView {
    let state = use_app();
    move || {
        let shared = use_shown().analysis.get()?;
        let rules = state.rules.get()?.rules;
        (!shared.0.scores.units.is_empty()).then(|| view! { <AlertList shared=shared rules=rules /> })
    }
}

/// The app's name, its promise of privacy, and the language switch.
#[component]
fn Masthead(slim: Signal<bool>) -> impl IntoView {
    let state = use_app();
    let lang = state.lang;
    let toggle = move |_| state.set_lang(if lang.get() == Lang::Vi { Lang::En } else { Lang::Vi });
    view! {
        <header class="masthead" class:slim=move || slim.get()>
            <div>
                <h1>
                    {move || tr(lang.get(), Text::Title)}
                    <span class="tagline">" — " {move || tr(lang.get(), Text::Tagline)}</span>
                </h1>
                <p class="privacy">{move || tr(lang.get(), Text::Privacy)}</p>
            </div>
            <button type="button" class="lang-switch" data-testid="lang-switch" on:click=toggle>
                {move || tr(lang.get(), Text::SwitchLanguage)}
            </button>
        </header>
    }
}

/// A new version waits in the cache: one click takes it.
#[component]
fn UpdateLine() -> impl IntoView {
    let state = use_app();
    let lang = state.lang;
    view! {
        <Show when=move || state.update_ready.get()>
            <p class="update" role="status" data-testid="update-ready">
                {move || tr(lang.get(), Text::UpdateReady)} " "
                <button type="button" on:click=move |_| leptos::task::spawn_local(crate::browser::offline::apply_update())>
                    {move || tr(lang.get(), Text::UpdateNow)}
                </button>
            </p>
        </Show>
    }
}

/// What the app is doing (the contract's `app-status`), and where it reads files.
#[component]
fn StatusLine() -> impl IntoView {
    let state = use_app();
    let status_text = move || {
        let l = state.lang.get();
        match state.status.get() {
            Status::Idle => tr(l, Text::StatusIdle).to_string(),
            Status::Busy => tr(l, Text::StatusBusy).to_string(),
            Status::Ready => files_loaded(l, state.files.with(Vec::len)),
            Status::Error => tr(l, Text::StatusError).to_string(),
        }
    };
    view! {
        <p
            class="status"
            role="status"
            aria-live="polite"
            data-testid="app-status"
            data-state=move || state.status.get().code()
            data-reader=move || state.reader.get().code()
        >
            {status_text}
        </p>
    }
}
