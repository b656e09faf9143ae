use leptos::prelude::*;
use leptos::task::spawn_local;
use web_sys::{DragEvent, FileList, HtmlInputElement};

use super::state::use_app;
use super::text::{tr, Text};
use crate::core::read::ACCEPTED_EXTENSIONS;
use crate::core::report::job::Job;

fn files_of(list: Option<FileList>) -> Vec<web_sys::File> {
    let Some(list) = list else { return Vec::new() };
    (0..list.length()).filter_map(|i| list.get(i)).collect()
}

/// The drop zone and the "Chọn tệp" button. The real file input stays in the tab order (visually
/// hidden, not `display: none`) so that keyboard users reach it and screen readers name it.
#[component]
pub fn Upload() -> impl IntoView {
    let state = use_app();
    let lang = state.lang;
    let dragging = RwSignal::new(false);
    let accept = ACCEPTED_EXTENSIONS.join(",");
    let on_change = move |ev: leptos::ev::Event| {
        let input: HtmlInputElement = event_target(&ev);
        let files = files_of(input.files());
        // Clearing the value lets the same file be chosen again after it is fixed.
        input.set_value("");
        spawn_local(state.load(files));
    };
    let on_drop = move |ev: DragEvent| {
        ev.prevent_default();
        dragging.set(false);
        let files = files_of(ev.data_transfer().and_then(|d| d.files()));
        spawn_local(state.load(files));
    };
    view! {
        <section
            class="dropzone"
            class:dragging=move || dragging.get()
            class:slim=move || state.files.with(|f| !f.is_empty())
            data-testid="dropzone"
            on:dragover=move |ev: DragEvent| {
                ev.prevent_default();
                dragging.set(true);
            }
            on:dragleave=move |_| dragging.set(false)
            on:drop=on_drop
        >
            <p class="drop-hint">{move || tr(lang.get(), Text::DropHint)}</p>
            <input
                id="file-input"
                class="visually-hidden"
                type="file"
                multiple
                accept=accept
                data-testid="file-input"
                on:change=on_change
            />
            <label for="file-input" class="button">{move || tr(lang.get(), Text::ChooseFiles)}</label>
            <p class="formats">{move || tr(lang.get(), Text::Formats)}</p>
            <p class="starters">
                <button type="button" class="secondary" data-testid="use-sample" on:click=move |_| {
                    state.go(crate::core::present::view::View::Overview);
                    spawn_local(state.load_sample());
                }>{move || tr(lang.get(), Text::UseSample)}</button>
                <button type="button" class="secondary" data-testid="download-sample" on:click=move |_| {
                    spawn_local(state.make(Job::Sample));
                }>{move || tr(lang.get(), Text::DownloadSample)}</button>
                <button type="button" class="secondary" data-testid="download-template" on:click=move |_| {
                    spawn_local(state.make(Job::Template));
                }>{move || tr(lang.get(), Text::DownloadTemplate)}</button>
            </p>
        </section>
    }
}
