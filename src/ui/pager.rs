//! The pager under a long table (`core::model::paging`): first, previous, next and last page, and where
//! the reader stands. Drawn once and kept while the pages turn, so a keyboard user's focus stays
//! on the button pressed; hidden while the table is short enough to show whole.

use leptos::prelude::*;

use super::text::pager::PagerText;
use super::text::tr;

use super::state::use_app;
use crate::core::model::paging::Page;

/// Another question of the table (a sort, a filter, a choice: what `question` reads) starts at the
/// first page, even when its rows come out the same.
pub fn first_page_on(page: RwSignal<usize>, question: impl Fn() + 'static) {
    Effect::new(move |_| {
        question();
        if page.get_untracked() != 0 {
            page.set(0);
        }
    });
}

/// `page` holds the index of the page shown; `current` is that page as the table draws it.
#[component]
pub fn Pager(page: RwSignal<usize>, current: Signal<Page>) -> impl IntoView {
    let lang = use_app().lang;
    let button = move |to: fn(Page) -> Page, testid: &'static str, text: &'static str, name: PagerText| {
        let label = move || tr(lang.get(), name);
        view! {
            <button
                type="button"
                class="secondary"
                data-testid=testid
                aria-label=label
                title=label
                disabled=move || to(current.get()) == current.get()
                on:click=move |_| page.set(to(current.get_untracked()).index())
            >
                {text}
            </button>
        }
    };
    view! {
        <nav
            class="pager"
            data-testid="pager"
            hidden=move || !current.get().paged()
            data-page=move || current.get().index() + 1
            data-pages=move || current.get().count()
            aria-label=move || tr(lang.get(), PagerText::TablePages)
        >
            {button(Page::first, "pager-first", "«", PagerText::FirstPage)}
            {button(Page::previous, "pager-previous", "‹", PagerText::PreviousPage)}
            <span class="pager-status" data-testid="pager-status" role="status">{move || current.get().label(lang.get())}</span>
            {button(Page::next, "pager-next", "›", PagerText::NextPage)}
            {button(Page::last, "pager-last", "»", PagerText::LastPage)}
        </nav>
    }
}
