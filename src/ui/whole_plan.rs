//! «Kế hoạch nâng điểm toàn …»: the fewest dossiers over the units that lift the whole to a
//! target, as a table unit × criterion, downloadable and ready as the letter's «chỉ tiêu giao».

use std::sync::Arc;

use leptos::prelude::*;

use super::text::whole_plan::WholePlanText;
use leptos::task::spawn_local;

use super::state::use_app;
use super::table_box::table_box;
use super::text::{tr, Text};
use crate::core::analysis::Analysis;
use crate::core::insight::plan::whole::{plan_whole, Fixable, WholePlan, WholeStep};
use crate::core::insight::plan::{default_target, fixable_by_unit, next_band_hint};
use crate::core::model::format;
use crate::core::model::lang::Lang;
use crate::core::report::job::Job;
use crate::core::rules::RuleSet;

#[component]
pub fn WholePlanCard(
    analysis: Arc<Analysis>,
    rules: Arc<RuleSet>,
    lang: Lang,
    /// Puts the «chỉ tiêu giao» paragraph among the letter's directives.
    assign: impl Fn(String) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let state = use_app();
    let fixable: Arc<Fixable> = Arc::new(fixable_by_unit(&analysis));
    // Planned to nothing, the plan says where the whole stands and what it is called.
    let now = plan_whole(&analysis.scores, &rules, 0.0, &fixable)?;
    let (current, title) = (now.current, now.title(lang));
    let typed = RwSignal::new(format::number(default_target(current, &rules), 2));
    let target = move || crate::core::model::values::typed(&typed.get()).filter(|t| *t >= 0.0);
    let (body_rules, body_analysis, body_fixable) = (rules.clone(), analysis.clone(), fixable.clone());
    let body = move || {
        let Some(target) = target() else {
            return view! { <p class="plan-summary" data-testid="whole-plan-summary">{tr(lang, WholePlanText::TypePointsReachE)}</p> }.into_any();
        };
        let Some(plan) = plan_whole(&body_analysis.scores, &body_rules, target, &body_fixable) else {
            return ().into_any();
        };
        let rows = plan.steps.iter().map(|s| step_row(s, &plan, &body_rules, lang)).collect_view();
        let assignment = plan.assignment(&body_rules);
        let has_steps = !plan.steps.is_empty();
        view! {
            <p class="plan-summary" data-testid="whole-plan-summary" data-reachable=plan.reachable.to_string()>{plan.summary(lang)}</p>
            {has_steps.then(|| view! {
                {table_box(plan.title(lang), view! {
                    <table class="whole-plan-table" data-testid="whole-plan-table">
                        <caption class="visually-hidden">{plan.title(lang)}</caption>
                        <thead>
                            <tr>
                                <th scope="col">{tr(lang, WholePlanText::Unit)}</th>
                                <th scope="col">{tr(lang, WholePlanText::Criterion)}</th>
                                <th scope="col" class="num">{tr(lang, WholePlanText::DossiersAdd)}</th>
                                <th scope="col" class="num">{tr(lang, WholePlanText::PointsWhole)}</th>
                            </tr>
                        </thead>
                        <tbody>{rows}</tbody>
                    </table>
                })}
                <div class="exports">
                    <button type="button" class="secondary" data-testid="whole-plan-xlsx" on:click=move |_| {
                        spawn_local(state.make(Job::WholePlan { target }));
                    }>{tr(lang, WholePlanText::DownloadPlanXlsx)}</button>
                    <button type="button" class="secondary" data-testid="whole-plan-assign" on:click=move |_| assign(assignment.clone())>
                        {tr(lang, WholePlanText::PutLetterTargets)}
                    </button>
                </div>
            })}
        }
        .into_any()
    };
    Some(view! {
        <section class="card plan whole-plan" data-testid="whole-plan" aria-labelledby="whole-plan-heading">
            <h3 id="whole-plan-heading">{title}</h3>
            <label class="plan-target">
                {tr(lang, Text::PlanTarget)}" "
                <input type="text" inputmode="decimal" size="6" data-testid="whole-plan-target" prop:value=move || typed.get() on:input=move |ev| typed.set(event_target_value(&ev)) />
            </label>
            <span class="hint">" "{next_band_hint(current, lang)}</span>
            {body}
        </section>
    })
}

/// One unit's dossiers to add on one criterion, and what they bring the whole.
fn step_row(s: &WholeStep, plan: &WholePlan, rules: &RuleSet, lang: Lang) -> impl IntoView {
    let name = rules.criterion(&s.criterion).map_or(s.criterion.clone(), |c| c.name_in(lang).to_string());
    let unit = if s.unit.is_empty() { plan.whole_name(lang) } else { s.unit.clone() };
    view! {
        <tr data-unit=s.unit.clone() data-criterion=s.criterion.clone() data-add=s.add data-points=format!("{:.2}", s.points)>
            <th scope="row">{unit}</th>
            <td><span title=s.criterion.clone()>{name}</span></td>
            <td class="num">{format::number(s.add as f64, 0)}</td>
            <td class="num">{format!("+{}", format::fixed(s.points, 2))}</td>
        </tr>
    }
}
