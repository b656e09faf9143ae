//! Leptos components. They only wire signals to views; everything they show is computed by
//! `core` and reached through `state`.

mod alerts;
mod app;
mod compare;
mod dossier_mapping;
mod dossiers;
mod files;
mod i18n;
mod letter;
mod limits;
mod mapping;
mod messages;
mod plan;
mod preview;
mod privacy;
mod report_sources;
mod results;
mod rules;
mod state;
mod unit;
mod upload;

pub fn mount() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(app::App);
}
