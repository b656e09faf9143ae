use leptos::prelude::*;
use leptos::task::spawn_local;
use web_sys::HtmlInputElement;

use super::state::use_app;
use super::text::{tr, Text};
use crate::browser;
use crate::core::model::message::{Located, Message};
use crate::core::rules::RuleError;

/// The rule set in force, and loading another one (a TOML file the operator published).
#[component]
pub fn RuleSettings() -> impl IntoView {
    let state = use_app();
    let lang = state.lang;
    let on_change = move |ev: leptos::ev::Event| {
        let input: HtmlInputElement = event_target(&ev);
        let file = input.files().and_then(|l| l.get(0));
        input.set_value("");
        if let Some(file) = file {
            spawn_local(async move {
                let name = file.name();
                match browser::file_text(&file).await {
                    Ok(text) => state.use_rules(name, &text).await,
                    Err(detail) => state.rules_error.set(Some((name, RuleError::Syntax(detail)))),
                }
            });
        }
    };
    view! {
        <section class="rules" aria-labelledby="rules-heading">
            <h2 id="rules-heading">{move || tr(lang.get(), Text::RulesHeading)}</h2>
            <p data-testid="active-rules">
                {move || {
                    let l = lang.get();
                    state.rules.get().map(|a| match a.source {
                        None => format!("{} ({})", a.rules.title(l), tr(l, Text::RulesDefault)),
                        Some(file) => format!("{} («{file}»)", a.rules.title(l)),
                    })
                }}
            </p>
            {move || state.rules_error.get().map(|(source, e)| view! {
                <p class="message error" role="alert" data-testid="error" data-level="error">{e.clone().in_file(&source).message(lang.get())}</p>
            })}
            <input id="rules-input" class="visually-hidden" type="file" accept=".toml,text/plain" data-testid="rules-input" on:change=on_change />
            <label for="rules-input" class="button secondary">{move || tr(lang.get(), Text::LoadRules)}</label>
            " "
            <button type="button" class="secondary" data-testid="default-rules" on:click=move |_| spawn_local(state.use_default_rules())>
                {move || tr(lang.get(), Text::UseDefaultRules)}
            </button>
        </section>
    }
}
