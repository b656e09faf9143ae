use std::sync::Arc;

use leptos::prelude::*;

use super::text::alerts::AlertsText;
use super::text::tr;

use super::pager::Pager;
use super::state::{use_app, use_shown, Shared};
use crate::core::insight::alerts::{
    by_unit, by_unit_mine_first, from_above, missing_data, Alert, AlertSettings, Severity,
};
use crate::core::insight::plan::top_actions;
use crate::core::model::format::number;
use crate::core::model::paging::Page;
use crate::core::rules::RuleSet;

/// The contract's `alerts` list (most points at stake first) and the form that sets its rules,
/// remembered on this machine.
#[component]
pub fn AlertList(shared: Shared, rules: Arc<RuleSet>) -> impl IntoView {
    let state = use_app();
    let shown = use_shown();
    let lang = state.lang;
    let list_rules = rules.clone();
    // A province's thousands of units with alerts are shown a page of units at a time.
    let page = RwSignal::new(0usize);
    let units_alerted = Memo::new(move |_| shown.alerts.with(|a| a.as_deref().map_or(0, |a| by_unit(a).len())));
    let current = Signal::derive(move || Page::new(page.get(), units_alerted.get()));
    let list_shared = shared.clone();
    let list = move || {
        let l = lang.get();
        let scores = &list_shared.0.scores;
        let found = shown.alerts.get().unwrap_or_default();
        let count = found.len();
        let item = |a: &Alert| {
            let (icon, level, class) = match a.severity {
                Severity::Red => ("●", tr(l, AlertsText::Red), "red"),
                Severity::Yellow => ("◐", tr(l, AlertsText::Yellow), "yellow"),
            };
            view! {
                <li class=format!("alert {class}") data-alert="" data-unit=a.unit.clone() data-criterion=a.code().to_string()>
                    <span class="severity" aria-hidden="true">{icon}</span>
                    <span class="level">{format!("[{level}] ")}</span>
                    {a.detail(&list_rules, l)}
                </li>
            }
        };
        let shown = current.get().rows();
        let items = by_unit_mine_first(&found, state.my_unit.get().as_deref())
            .into_iter()
            .skip(shown.start)
            .take(shown.len())
            .map(|(unit, list)| {
                let actions = scores
                    .units
                    .iter()
                    .find(|u| u.name == unit)
                    .map(|u| top_actions(u, &list_rules, 3))
                    .unwrap_or_default();
                let actions = (!actions.is_empty()).then(|| {
                    let lines = actions.iter().map(|s| view! { <li data-criterion=s.criterion.clone()>{s.line(&list_rules, l)}</li> }).collect_view();
                    view! {
                        <p class="top-actions-heading">{tr(l, AlertsText::DoFirst)}</p>
                        <ol class="top-actions" data-testid="top-actions">{lines}</ol>
                    }
                });
                view! {
                    <li class="alert-unit" data-alert-unit=unit.to_string()>
                        <p class="alert-unit-name">{format!("{unit} ({} {})", number(list.len() as f64, 0), tr(l, AlertsText::Alerts))}</p>
                        <ul class="unit-alerts">{list.into_iter().map(item).collect_view()}</ul>
                        {actions}
                    </li>
                }
            })
            .collect_view();
        view! {
            <h3 id="alerts-heading">{format!("{} ({})", tr(l, AlertsText::Alerts2), number(count as f64, 0))}</h3>
            <ol class="alerts" data-testid="alerts" aria-labelledby="alerts-heading" tabindex="0">{items}</ol>
        }
    };
    view! {
        <section class="card alerts-panel">
            {list}
            <Pager page=page current=current />
            <OtherFindings shared=shared rules=rules.clone() />
            <details class="alert-settings">
                <summary>{move || tr(lang.get(), AlertsText::AlertRulesRememberedComputer)}</summary>
                <AlertForm rules=rules />
            </details>
        </section>
    }
}

/// What is no unit's own to fix: criteria the province shares, and figures missing rather than
/// short.
#[component]
fn OtherFindings(shared: Shared, rules: Arc<RuleSet>) -> impl IntoView {
    let lang = use_app().lang;
    move || {
        let l = lang.get();
        let scores = &shared.0.scores;
        let above = from_above(scores, &rules);
        let above_items = above
            .iter()
            .map(|f| view! { <li data-criterion=f.criterion.clone()>{f.message(&rules, l)}</li> })
            .collect_view();
        let missing = missing_data(&shared.0.scores, &rules);
        let missing_items = missing
            .iter()
            .map(|m| view! { <li data-unit=m.unit.clone() data-points=format!("{:.2}", m.points)>{m.message(&rules, l)}</li> })
            .collect_view();
        view! {
            {(!above.is_empty()).then(|| view! {
                <h3 id="above-heading">{tr(l, AlertsText::ProvinceSharedUnitsNot)}</h3>
                <ul class="from-above" data-testid="from-above" aria-labelledby="above-heading">{above_items}</ul>
            })}
            {(!missing.is_empty()).then(|| view! {
                <h3 id="missing-heading">{format!("{} ({})", tr(l, AlertsText::MissingFiguresNotShortfall), number(missing.len() as f64, 0))}</h3>
                <ul class="missing-data" data-testid="missing-data" aria-labelledby="missing-heading">{missing_items}</ul>
            })}
        }
    }
}

#[component]
fn AlertForm(rules: Arc<RuleSet>) -> impl IntoView {
    let state = use_app();
    let lang = state.lang;
    let s = state.alert_settings.get_untracked();
    let l = lang.get_untracked();
    let set = move |change: Box<dyn Fn(&mut AlertSettings)>| {
        let mut settings = state.alert_settings.get_untracked();
        change(&mut settings);
        state.set_alert_settings(settings);
    };
    let percent = |x: f64| number(x * 100.0, 2);
    // The one reader of typed numbers: «97,5», «1.234,5», «0.5».
    let parse = |text: String| crate::core::model::values::typed(&text);
    let criteria = rules
        .criteria
        .iter()
        .map(|c| {
            let selected = c.code == s.rate_criterion;
            view! { <option value=c.code.clone() selected=selected>{c.name_in(l).to_string()}</option> }
        })
        .collect_view();
    let groups = rules
        .groups
        .iter()
        .map(|g| view! { <option value=g.code.clone() selected=g.code == s.bottom_group>{g.name.clone()}</option> })
        .collect_view();
    view! {
        <div class="fields-grid alert-form">
            <label class="field" for="alert-red">{move || tr(lang.get(), AlertsText::GroupBelowMaxRed)}</label>
            <input id="alert-red" data-testid="alert-red" inputmode="decimal" value=percent(s.red) on:change=move |ev| {
                if let Some(v) = parse(event_target_value(&ev)) { set(Box::new(move |x| x.red = v / 100.0)) }
            } />
            <label class="field" for="alert-yellow">{move || tr(lang.get(), AlertsText::GroupBelowMaxYellow)}</label>
            <input id="alert-yellow" data-testid="alert-yellow" inputmode="decimal" value=percent(s.yellow) on:change=move |ev| {
                if let Some(v) = parse(event_target_value(&ev)) { set(Box::new(move |x| x.yellow = v / 100.0)) }
            } />
            <label class="field" for="alert-target">{move || tr(lang.get(), AlertsText::CriterionBelowTarget)}</label>
            <input id="alert-target" type="checkbox" checked=s.below_target on:change=move |ev| {
                let on = event_target_checked(&ev);
                set(Box::new(move |x| x.below_target = on))
            } />
            <label class="field" for="alert-total">{move || tr(lang.get(), AlertsText::TotalBelow0Off)}</label>
            <input id="alert-total" inputmode="decimal" value=number(s.total_below, 2) on:change=move |ev| {
                if let Some(v) = parse(event_target_value(&ev)) { set(Box::new(move |x| x.total_below = v)) }
            } />
            <label class="field" for="alert-criterion">{move || tr(lang.get(), AlertsText::CriterionWatchedRate)}</label>
            <select id="alert-criterion" data-testid="alert-criterion" on:change=move |ev| {
                let v = event_target_value(&ev);
                set(Box::new(move |x| x.rate_criterion = v.clone()))
            }>{criteria}</select>
            <label class="field" for="alert-rate">{move || tr(lang.get(), AlertsText::WhenRateBelow)}</label>
            <input id="alert-rate" data-testid="alert-rate" inputmode="decimal" value=percent(s.rate) on:change=move |ev| {
                if let Some(v) = parse(event_target_value(&ev)) { set(Box::new(move |x| x.rate = v / 100.0)) }
            } />
            <label class="field" for="alert-bottom-group">{move || tr(lang.get(), AlertsText::GroupLowestUnits)}</label>
            <select id="alert-bottom-group" on:change=move |ev| {
                let v = event_target_value(&ev);
                set(Box::new(move |x| x.bottom_group = v.clone()))
            }>{groups}</select>
            <label class="field" for="alert-bottom-n">{move || tr(lang.get(), AlertsText::HowManyLowestUnits)}</label>
            <input id="alert-bottom-n" type="number" min="0" value=s.bottom_n.to_string() on:change=move |ev| {
                if let Ok(v) = event_target_value(&ev).trim().parse::<usize>() { set(Box::new(move |x| x.bottom_n = v)) }
            } />
        </div>
    }
}
