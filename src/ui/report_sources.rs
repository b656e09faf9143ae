//! For units read from a settlement report: where each figure came from, and inputs for the
//! figures the report cannot give (the same form as a dossier list's).

use leptos::prelude::*;

use super::text::report_sources::ReportSourcesText;
use super::text::tr;

use super::sources::Sources;
use super::state::{use_app, use_shown};
use crate::core::figures::sources::SourceKind;

#[component]
pub fn ReportSources() -> impl IntoView {
    let state = use_app();
    let shown = use_shown();
    let chosen = RwSignal::new(String::new());
    move || {
        let analysis = shown.analysis.get()?.0;
        let rules = state.rules.get()?.rules;
        let units: Vec<String> = analysis
            .tables
            .iter()
            .filter(|t| t.counted() == Some(SourceKind::Report))
            .flat_map(|t| t.table.units.iter().map(|u| u.name.clone()))
            .collect();
        let first = units.first()?.clone();
        let l = state.lang.get();
        let current = move || Some(chosen.get()).filter(|c| !c.is_empty()).unwrap_or_else(|| first.clone());
        let options = units
            .iter()
            .map(|u| view! { <option value=u.clone() selected=*u == current()>{u.clone()}</option> })
            .collect_view();
        Some(view! {
            <section class="dossier-check" data-testid="report-sources" aria-labelledby="report-sources-heading">
                <h2 id="report-sources-heading">
                    {tr(l, ReportSourcesText::FiguresSettlementReports)}
                </h2>
                <label>
                    {tr(l, ReportSourcesText::Unit)}
                    <select data-testid="report-unit" on:change=move |ev| chosen.set(event_target_value(&ev))>
                        {options}
                    </select>
                </label>
                {move || {
                    let unit = current();
                    view! { <Sources analysis=analysis.clone() rules=rules.clone() unit=unit from=SourceKind::Report /> }
                }}
            </section>
        })
    }
}
