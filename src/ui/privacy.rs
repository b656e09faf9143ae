use leptos::prelude::*;

use super::text::privacy::PrivacyText;
use leptos::task::spawn_local;

use super::keeping::keeping_on;
use super::state::use_app;
use super::text::keeping::note_text;
use super::text::{tr, Text};

/// What chiso keeps on this machine, whether it keeps the loaded files, clearing everything, and
/// the single-file edition for use without a server or a network.
#[component]
pub fn Privacy() -> impl IntoView {
    let state = use_app();
    let lang = state.lang;
    let note = move || state.session.get().map(|n| note_text(&n, lang.get()));
    let keeping = RwSignal::new(keeping_on());
    view! {
        <section class="privacy-panel" aria-labelledby="privacy-heading">
            <h2 id="privacy-heading">{move || tr(lang.get(), Text::PrivacyHeading)}</h2>
            <p>{move || tr(lang.get(), Text::PrivacyDetail)}</p>
            <label class="check">
                <input
                    type="checkbox"
                    data-testid="keep-files"
                    prop:checked=move || keeping.get()
                    on:change=move |ev| {
                        let on = event_target_checked(&ev);
                        keeping.set(on);
                        state.set_keeping(on);
                    }
                />
                " "
                {move || tr(lang.get(), PrivacyText::KeepLoadedFilesComputer)}
            </label>
            <p class="status" role="status" data-testid="session-status">{note}</p>
            <div class="exports">
                <button type="button" class="secondary" data-testid="clear-data" on:click=move |_| spawn_local(state.forget(true))>
                    {move || tr(lang.get(), Text::ClearSaved)}
                </button>
                <a class="button secondary" href="chiso.html" download="chiso.html" data-testid="offline-download">
                    {move || tr(lang.get(), Text::OfflineEdition)}
                </a>
            </div>
        </section>
    }
}
