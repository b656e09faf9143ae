use leptos::prelude::*;

use super::state::use_app;
use super::text::{tr, Text};
use crate::core::model::message::{Located, Message};

/// The errors of the last batch of files and of the files asked for, each with what is wrong
/// and what to do.
#[component]
pub fn Messages() -> impl IntoView {
    let state = use_app();
    let lang = state.lang;
    view! {
        <Show when=move || {
            state.errors.with(|e| !e.is_empty())
                || state.report_errors.with(|e| !e.is_empty())
                || state.analysis_error.with(Option::is_some)
        }>
            <section class="messages" aria-labelledby="messages-heading">
                <h2 id="messages-heading" class="visually-hidden">{move || tr(lang.get(), Text::MessagesHeading)}</h2>
                <ul>
                    <For each=move || state.errors.get() key=|e| e.id let:item>
                        <li class="message error" role="alert" data-testid="error" data-level="error">
                            <span class="icon" aria-hidden="true">"⚠"</span>
                            {move || item.error.clone().in_file(&item.file).message(lang.get())}
                        </li>
                    </For>
                    <For each=move || state.report_errors.get() key=|e| e.0 let:item>
                        <li class="message error" role="alert" data-testid="error" data-level="error" data-kind="export">
                            <span class="icon" aria-hidden="true">"⚠"</span>
                            {move || item.1.message(lang.get())}
                        </li>
                    </For>
                    {move || state.analysis_error.get().map(|error| view! {
                        <li class="message error" role="alert" data-testid="error" data-level="error" data-kind="analysis">
                            <span class="icon" aria-hidden="true">"⚠"</span>
                            {error.message(lang.get())}
                        </li>
                    })}
                </ul>
            </section>
        </Show>
    }
}
