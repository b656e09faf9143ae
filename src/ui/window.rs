//! The period a dossier list is counted over: its kind, the month, quarter or year, or a range
//! of days, and chiso's own proposal to go back to.

use chrono::NaiveDate;
use leptos::prelude::*;

use super::text::tr;
use super::text::window::WindowText;

use super::state::use_app;
use crate::core::model::period::Period;
use crate::core::model::window::{Window, WindowKind};

#[component]
pub(super) fn WindowChooser(file_id: u32, window: Window, inferred: Window) -> impl IntoView {
    let state = use_app();
    let l = state.lang.get_untracked();
    let kind = window.kind();
    let set = move |w: Option<Window>| state.choose(file_id, |c| c.window = w);
    let current = window.clone();
    let on_kind = move |ev| set(Some(current.as_kind(WindowKind::from_code(&event_target_value(&ev)))));
    let on_period = move |ev| {
        if let Some(w) = Period::parse(&event_target_value(&ev)).as_ref().and_then(Window::of_period) {
            set(Some(w));
        }
    };
    let days = window.clone();
    let set_day = move |ev, end: bool| {
        let day = NaiveDate::parse_from_str(&event_target_value(&ev), "%Y-%m-%d").ok();
        if let Some(w) = day.and_then(|day| days.with_day(day, end)) {
            set(Some(w));
        }
    };
    let (from, to) = (window.first_day(), window.last_day());
    let label = window.label(l);
    let options = WindowKind::ALL
        .into_iter()
        .map(|k| view! { <option value=k.code() selected=k == kind>{k.label(l)}</option> })
        .collect_view();
    view! {
        <fieldset class="window" data-testid="dossier-window" data-period=label.clone()>
            <legend>{tr(l, WindowText::DossierListPeriod)}</legend>
            <label>
                {tr(l, WindowText::Kind)}
                <select data-testid="dossier-window-kind" on:change=on_kind>{options}</select>
            </label>
            {if kind == WindowKind::Days {
                let set_from = set_day.clone();
                view! {
                    <label>{tr(l, WindowText::From)}<input type="date" data-testid="dossier-window-from" prop:value=from.format("%Y-%m-%d").to_string() on:change=move |ev| set_from(ev, false) /></label>
                    <label>{tr(l, WindowText::To)}<input type="date" data-testid="dossier-window-to" prop:value=to.format("%Y-%m-%d").to_string() on:change=move |ev| set_day(ev, true) /></label>
                }
                    .into_any()
            } else {
                view! {
                    <label>
                        {tr(l, WindowText::Period)}
                        <input type="text" data-testid="dossier-window-period" prop:value=label.clone() on:change=on_period />
                    </label>
                }
                    .into_any()
            }}
            <p class="hint">
                {format!("{} {}", tr(l, WindowText::ChisoSProposalMonth), inferred.label(l))}
                " "
                <button type="button" class="secondary" data-testid="dossier-window-reset" on:click=move |_| set(None)>
                    {tr(l, WindowText::UseProposal)}
                </button>
            </p>
        </fieldset>
    }
}
