//! Leptos components. They only wire signals to views; everything they show is computed by
//! `core` and reached through `state`.

mod alerts;
mod app;
mod compare;
mod dossier_mapping;
mod dossiers;
mod drill;
mod files;
mod header_pick;
mod keeping;
mod letter;
mod limits;
mod mapping;
mod messages;
mod mine;
mod nav;
mod overview;
mod pager;
mod plan;
mod preview;
mod privacy;
mod procedures;
mod ranking;
mod report_sources;
mod results;
mod rules;
mod sources;
mod sourcing;
mod state;
mod table_box;
mod text;
mod trend;
mod unit;
mod upload;
mod whole_plan;
mod window;

/// The id of index.html's starting line, which says why the page is blank if the wasm never runs.
const STARTING_ID: &str = "chiso-starting";

pub fn mount() {
    console_error_panic_hook::set_once();
    if let Some(line) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id(STARTING_ID)) {
        line.remove();
    }
    leptos::mount::mount_to_body(app::App);
}
