use std::sync::Arc;

use leptos::prelude::*;

use super::text::plan::PlanText;

use super::text::{tr, Text};
use crate::core::analysis::Analysis;
use crate::core::insight::plan::{default_target, fixable, next_band_hint, plan};
use crate::core::model::format;
use crate::core::model::lang::Lang;
use crate::core::rules::RuleSet;
use crate::core::scoring::UnitResult;

/// «Muốn đạt … điểm»: the fewest dossiers that bring the unit there, criterion by criterion.
#[component]
pub fn UnitPlan(lang: RwSignal<Lang>, unit: UnitResult, analysis: Arc<Analysis>, rules: Arc<RuleSet>) -> impl IntoView {
    let start = default_target(unit.total, &rules);
    let typed = RwSignal::new(format::number(start, 2));
    let in_list = fixable(&analysis, &unit.name);
    let total = unit.total;
    let body = move || {
        let l = lang.get();
        let Some(target) = crate::core::model::values::typed(&typed.get()).filter(|t| *t >= 0.0) else {
            return view! { <p class="plan-summary" data-testid="plan-summary">{tr(l, PlanText::TypePointsReachE)}</p> }.into_any();
        };
        let p = plan(&unit, &rules, target);
        let lines = p.lines(&rules, l, &in_list);
        let (steps, others) = lines.split_at(p.steps.len());
        let steps = p
            .steps
            .iter()
            .zip(steps)
            .map(|(s, line)| {
                view! { <li data-criterion=s.criterion.clone() data-add=s.add data-points=format!("{:.2}", s.points)>{line.clone()}</li> }
            })
            .collect_view();
        let others = p
            .other_steps
            .iter()
            .zip(others)
            .map(|(s, line)| view! { <li data-other-criterion=s.criterion.clone() data-counts=s.counts.code()>{line.clone()}</li> })
            .collect_view();
        view! {
            <p class="plan-summary" data-testid="plan-summary" data-reachable=p.reachable.to_string()>{p.summary(l)}</p>
            {(!p.steps.is_empty()).then(|| view! { <ol class="plan-steps">{steps}</ol> })}
            {(!p.other_steps.is_empty()).then(|| view! {
                <p class="plan-others-heading">{tr(l, Text::PlanOtherSteps)}</p>
                <ul class="plan-others">{others}</ul>
            })}
        }
        .into_any()
    };
    view! {
        <section class="plan" data-testid="plan" aria-labelledby="plan-heading">
            <h3 id="plan-heading">{move || tr(lang.get(), Text::PlanHeading)}</h3>
            <label class="plan-target">
                {move || tr(lang.get(), Text::PlanTarget)}" "
                <input type="text" inputmode="decimal" size="6" data-testid="plan-target" prop:value=move || typed.get() on:input=move |ev| typed.set(event_target_value(&ev)) />
            </label>
            <span class="hint">" "{move || next_band_hint(total, lang.get())}</span>
            {body}
        </section>
    }
}
