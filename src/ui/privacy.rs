use leptos::prelude::*;
use leptos::task::spawn_local;

use super::i18n::{tr, Text};
use super::state::{use_app, SessionNote};

/// What chiso keeps on this machine, saving the session, clearing everything, and the
/// single-file edition for use without a server or a network.
#[component]
pub fn Privacy() -> impl IntoView {
    let state = use_app();
    let lang = state.lang;
    let note = move || {
        let l = lang.get();
        state.session.get().map(|n| match (n, l) {
            (SessionNote::Saved(k), crate::core::lang::Lang::Vi) => {
                format!("Đã lưu {k} tệp trên máy này; lần sau mở chiso, chúng sẽ được mở lại.")
            }
            (SessionNote::Saved(k), _) => format!("{k} file(s) saved on this computer; they reopen next time."),
            (SessionNote::Restored(k), crate::core::lang::Lang::Vi) => {
                format!("Đã mở lại phiên làm việc đã lưu ({k} tệp).")
            }
            (SessionNote::Restored(k), _) => format!("The saved session was reopened ({k} file(s))."),
            (SessionNote::Cleared, _) => tr(l, Text::Cleared).to_string(),
            (SessionNote::Failed(e), crate::core::lang::Lang::Vi) => {
                format!("Không lưu hoặc đọc được dữ liệu trên máy ({e}). Trình duyệt có thể đang ở chế độ riêng tư.")
            }
            (SessionNote::Failed(e), _) => {
                format!("Saving or reading on this computer failed ({e}). The browser may be in private mode.")
            }
        })
    };
    view! {
        <section class="privacy-panel" aria-labelledby="privacy-heading">
            <h2 id="privacy-heading">{move || tr(lang.get(), Text::PrivacyHeading)}</h2>
            <p>{move || tr(lang.get(), Text::PrivacyDetail)}</p>
            <p class="status" role="status" data-testid="session-status">{note}</p>
            <div class="exports">
                <button
                    type="button"
                    class="secondary"
                    data-testid="save-session"
                    disabled=move || state.files.with(Vec::is_empty)
                    on:click=move |_| spawn_local(state.save_session())
                >
                    {move || tr(lang.get(), Text::SaveSession)}
                </button>
                <button type="button" class="secondary" data-testid="clear-data" on:click=move |_| spawn_local(state.clear_saved())>
                    {move || tr(lang.get(), Text::ClearSaved)}
                </button>
                <a class="button secondary" href="chiso.html" download="chiso.html" data-testid="offline-download">
                    {move || tr(lang.get(), Text::OfflineEdition)}
                </a>
            </div>
        </section>
    }
}
