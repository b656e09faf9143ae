//! The views' navigation (the contract's `nav`): a nav landmark of links, one per view, the open
//! one marked `aria-current`; following a link changes the URL hash, so the back button and
//! bookmarks work, from a web folder or a single file.

use leptos::prelude::*;

use super::text::nav::NavText;
use super::text::tr;

use super::state::{use_app, Shown};
use crate::core::present::view::View;

#[component]
pub fn Nav() -> impl IntoView {
    let state = use_app();
    // Back, forward, a bookmark or a typed hash: the view follows the URL.
    let handle = window_event_listener(leptos::ev::hashchange, move |_| {
        let hash = crate::browser::hash();
        state.view.set(View::from_hash(&hash));
        state.selected_unit.set(View::unit_from_hash(&hash));
    });
    on_cleanup(move || handle.remove());
    let links = View::ALL
        .into_iter()
        .map(|v| {
            let current = move || (state.view.get() == v).then_some("page");
            view! {
                <li>
                    <a href=v.hash() data-view=v.slug() aria-current=current>
                        {move || v.label(state.lang.get())}
                    </a>
                </li>
            }
        })
        .collect_view();
    view! {
        <nav class="views" data-testid="nav" aria-label=move || tr(state.lang.get(), NavText::ChisoSViews)>
            <ul>{links}</ul>
        </nav>
    }
}

/// One view's content, shown while it is the open view (kept, hidden, while another is, so that
/// what the user chose there stays), or else what to load to fill it.
#[component]
pub fn ViewPanel(view: View, has_content: Signal<bool>, children: Children) -> impl IntoView {
    let state = use_app();
    // This view's copy of the results: at once while it is open, else drawn in a task of its own.
    let shown = Shown::copy_of(&state);
    Effect::new(move |first: Option<()>| {
        state.analysis.track();
        state.alerts.track();
        state.comparison.track();
        if first.is_none() || state.view.get_untracked() == view {
            shown.catch_up(&state);
            return;
        }
        state.drawing_one();
        leptos::task::spawn_local(async move {
            crate::browser::sleep(0).await;
            shown.catch_up(&state);
            // Its redraw runs at the end of this task; the next view's in the next one.
            crate::browser::sleep(0).await;
            state.drawn_one();
        });
    });
    provide_context(shown);
    let hint = move || {
        let hint = view.empty_hint(state.lang.get());
        (!has_content.get() && !hint.is_empty())
            .then(|| view! { <p class="empty-view" data-testid="view-empty">{hint}</p> })
    };
    view! {
        <div class="view" data-view-panel=view.slug() hidden=move || state.view.get() != view>
            {hint}
            {children()}
        </div>
    }
}
