//! The period in focus, the one it is compared with, and what changed between them.

use std::sync::Arc;

use leptos::prelude::*;

use super::text::compare::CompareText;
use super::text::tr;

use super::state::{use_app, use_shown};
use super::table_box::table_box;
use crate::core::insight::alerts::Alert;
use crate::core::insight::compare::{Change, Comparison};
use crate::core::model::format;
use crate::core::model::lang::Lang;
use crate::core::rules::RuleSet;

/// "▲ +7,80", "▼ −3,20", "= 0,00": the sign is written, so colour is never the only signal.
pub fn change_text(delta: f64) -> String {
    let arrow = match delta {
        d if d > 0.0 => "▲",
        d if d < 0.0 => "▼",
        _ => "=",
    };
    format!("{arrow} {}", format::signed(delta, 2))
}

pub fn change_class(delta: f64) -> &'static str {
    match delta {
        d if d > 0.0 => "up",
        d if d < 0.0 => "down",
        _ => "same",
    }
}

/// "↑2", "↓1" or "": places moved in the ranking.
pub fn places_text(gained: Option<i64>) -> String {
    match gained {
        Some(g) if g > 0 => format!("↑{g}"),
        Some(g) if g < 0 => format!("↓{}", -g),
        _ => String::new(),
    }
}

/// Which period is scored, and, with several loaded, the choice of it and of the one to compare with.
#[component]
pub fn PeriodChooser() -> impl IntoView {
    let state = use_app();
    let shown = use_shown();
    move || {
        let l = state.lang.get();
        let shared = shown.analysis.get()?;
        let analysis = &shared.0;
        let current = analysis.period.clone()?;
        let periods = analysis.periods.clone();
        if periods.len() < 2 {
            return Some(view! { <p class="period-line" data-testid="period">{format!("{}: {}", tr(l, CompareText::Period), current.label(l))}</p> }.into_any());
        }
        let previous = analysis.previous.as_ref().map(|p| p.0.clone());
        let options = |selected: Option<&crate::core::model::period::Period>,
                       skip: Option<&crate::core::model::period::Period>| {
            periods
                .iter()
                .enumerate()
                .filter(|(_, p)| Some(*p) != skip)
                .map(|(i, p)| view! { <option value=i.to_string() selected=Some(p) == selected>{p.label(l)}</option> })
                .collect_view()
        };
        let (pick_current, pick_previous) = (periods.clone(), periods.clone());
        Some(
            view! {
                <div class="period-chooser" data-testid="period">
                    <label>
                        {tr(l, CompareText::PeriodScored)} " "
                        <select data-testid="period-current" on:change=move |ev| {
                            let chosen = event_target_value(&ev).parse::<usize>().ok().and_then(|i| pick_current.get(i).cloned());
                            state.focus.update(|f| { f.current = chosen; f.previous = None; });
                        }>{options(Some(&current), None)}</select>
                    </label>
                    <label>
                        {tr(l, CompareText::Compared)} " "
                        <select data-testid="period-previous" on:change=move |ev| {
                            let chosen = event_target_value(&ev).parse::<usize>().ok().and_then(|i| pick_previous.get(i).cloned());
                            state.focus.update(|f| f.previous = chosen);
                        }>
                            <option value="" selected=previous.is_none()>{tr(l, CompareText::None)}</option>
                            {options(previous.as_ref(), Some(&current))}
                        </select>
                    </label>
                </div>
            }
            .into_any(),
        )
    }
}

/// Per unit and group the change, the biggest movers, and the alerts that appeared or cleared.
#[component]
pub fn PeriodComparison(rules: Arc<RuleSet>) -> impl IntoView {
    let state = use_app();
    let shown = use_shown();
    move || {
        let l = state.lang.get();
        let c = shown.comparison.get()?;
        let (now, before) = (c.current.label(l), c.previous.label(l));
        let heading = format!("{} {now} {} {before}", tr(l, CompareText::Period2), tr(l, CompareText::Compared2));
        Some(view! {
            <section class="comparison" data-testid="comparison" aria-labelledby="comparison-heading">
                <h3 id="comparison-heading">{heading.clone()}</h3>
                {movers(&c, l)}
                {change_table(&c, &rules, l, &heading)}
                {alert_list("new-alerts", tr(l, CompareText::NewAlerts), &c.new_alerts, &rules, l)}
                {alert_list("cleared-alerts", tr(l, CompareText::ClearedAlerts), &c.cleared_alerts, &rules, l)}
            </section>
        })
    }
}

fn movers(c: &Comparison, l: Lang) -> impl IntoView {
    let (rises, falls) = c.movers(3);
    let list = |title: &'static str, units: Vec<&crate::core::insight::compare::UnitChange>| {
        let items = units
            .into_iter()
            .map(|u| {
                let delta = u.total.delta().unwrap_or_default();
                let from_to = format!(
                    "{} → {}",
                    format::fixed(u.total.before.unwrap_or_default(), 2),
                    format::fixed(u.total.now.unwrap_or_default(), 2)
                );
                view! {
                    <li data-unit=u.name.clone() data-delta=format!("{delta:.2}")>
                        <span class=format!("change {}", change_class(delta))>{change_text(delta)}</span>
                        " " {u.name.clone()} {format!(" ({from_to})")}
                    </li>
                }
            })
            .collect_view();
        view! {
            <div>
                <h4>{title}</h4>
                <ol>{items}</ol>
            </div>
        }
    };
    let none = (c.movers(1).0.is_empty() && c.movers(1).1.is_empty())
        .then(|| view! { <p>{tr(l, CompareText::NoUnitSTotal)}</p> });
    view! {
        <div class="movers" data-testid="movers">
            {list(tr(l, CompareText::BiggestRises), rises)}
            {list(tr(l, CompareText::BiggestFalls), falls)}
            {none}
        </div>
    }
}

fn change_cell(code: String, change: &Change, l: Lang) -> impl IntoView {
    match (change.delta(), change.now) {
        (Some(d), _) => view! { <td class=format!("num change {}", change_class(d)) data-group=code data-delta=format!("{d:.2}")>{change_text(d)}</td> }.into_any(),
        (None, Some(_)) => view! { <td class="num" data-group=code>{tr(l, CompareText::New)}</td> }.into_any(),
        (None, None) => view! { <td class="num" data-group=code>{tr(l, CompareText::NotPeriod)}</td> }.into_any(),
    }
}

fn change_table(c: &Comparison, rules: &RuleSet, l: Lang, caption: &str) -> impl IntoView {
    let head = rules.groups.iter().map(|g| view! { <th scope="col" data-group=g.code.clone() title=g.code.clone()>{g.name_in(l).to_string()}</th> }).collect_view();
    let rows = c
        .units
        .iter()
        .map(|u| {
            let groups = u.groups.iter().map(|(code, change)| change_cell(code.clone(), change, l)).collect_view();
            let rank = match u.rank {
                (Some(now), Some(before)) => format!("{before} → {now} {}", places_text(u.places_gained(false))),
                (Some(now), None) => format!("{now}"),
                (None, Some(before)) => format!("{before} → –"),
                (None, None) => String::new(),
            };
            view! {
                <tr data-unit=u.name.clone()>
                    <th scope="row">{u.name.clone()}</th>
                    {groups}
                    {change_cell("TOTAL".into(), &u.total, l)}
                    <td class="num" data-rank="">{rank.trim().to_string()}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        {table_box(caption.to_string(), view! {
            <table class="scores" data-testid="period-changes">
                <caption>{tr(l, CompareText::ChangeGroupScoresRank)}</caption>
                <thead>
                    <tr>
                        <th scope="col">{tr(l, CompareText::Unit)}</th>
                        {head}
                        <th scope="col" data-group="TOTAL">{tr(l, CompareText::Total)}</th>
                        <th scope="col">{tr(l, CompareText::Rank)}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        })}
    }
}

fn alert_list(testid: &'static str, title: &'static str, alerts: &[Alert], rules: &RuleSet, l: Lang) -> impl IntoView {
    let items = alerts
        .iter()
        .map(|a| view! { <li data-alert="" data-unit=a.unit.clone() data-criterion=a.code().to_string()>{a.message(rules, l)}</li> })
        .collect_view();
    let empty = alerts.is_empty().then(|| view! { <p>{tr(l, CompareText::None2)}</p> });
    view! {
        <h4>{format!("{title} ({})", format::number(alerts.len() as f64, 0))}</h4>
        <ul data-testid=testid>{items}</ul>
        {empty}
    }
}
