//! The automation contract's JSON: `{"rules", "units": [...], "alerts": [...], "warnings": [...]}`,
//! with the period and, when two periods were loaded, their comparison; with three or more,
//! the trend.

use serde_json::{json, Map, Value};

use super::{percent, status_code};
use crate::core::analysis::Analysis;
use crate::core::dossier::procedures::procedures;
use crate::core::insight::alerts::{from_above, missing_data, Alert};
use crate::core::insight::compare::{Change, Comparison, UnitChange};
use crate::core::insight::plan::whole::WholePlan;
use crate::core::insight::plan::{to_full, Plan};
use crate::core::insight::trend::trend;
use crate::core::model::lang::Lang;
use crate::core::model::message::Message;
use crate::core::model::period::Period;
use crate::core::rules::RuleSet;
use crate::core::scoring::{CriterionResult, Source, UnitResult};

pub fn to_value(analysis: &Analysis, rules: &RuleSet, alerts: &[Alert], comparison: Option<&Comparison>) -> Value {
    let scores = &analysis.scores;
    let units: Vec<Value> = scores.ranked_order().into_iter().map(|i| unit(&scores.units[i], rules)).collect();
    let mut warnings: Vec<Value> = analysis
        .issues
        .iter()
        .map(|i| {
            json!({
                "message": i.message(Lang::Vi),
                "file": i.place.file,
                "sheet": i.place.sheet,
                "row": i.place.row,
                "column": i.place.column,
            })
        })
        .collect();
    warnings.extend(scores.warnings.iter().map(|w| json!({"message": w.message(Lang::Vi)})));
    let errors: Vec<Value> = analysis.errors.iter().map(|e| json!({"message": e.message(Lang::Vi)})).collect();
    let alert_list = |alerts: &[Alert]| -> Vec<Value> { alerts.iter().map(|a| alert(a, rules)).collect() };
    let period = |p: &Period| p.code();
    json!({
        "rules": {"name": rules.name, "version": rules.version},
        "period": analysis.period.as_ref().map(period),
        "whole": scores.whole().map(|u| u.name.as_str()),
        "periods": analysis.periods.iter().map(period).collect::<Vec<_>>(),
        "units": units,
        "alerts": alert_list(alerts),
        "from_above": from_above(scores, rules).iter().map(|f| json!({
            "from": f.from,
            "criterion": f.criterion,
            "score": f.score,
            "max": f.max,
            "units": f.units,
            "message": f.message(rules, Lang::Vi),
        })).collect::<Vec<_>>(),
        "missing_data": missing_data(scores, rules).iter().map(|m| json!({
            "unit": m.unit,
            "criteria": m.criteria,
            "points": m.points,
            "message": m.message(rules, Lang::Vi),
        })).collect::<Vec<_>>(),
        "comparison": comparison.map(|c| json!({
            "period": period(&c.current),
            "previous_period": period(&c.previous),
            "units": c.units.iter().map(unit_change).collect::<Vec<_>>(),
            "new_alerts": alert_list(&c.new_alerts),
            "cleared_alerts": alert_list(&c.cleared_alerts),
        })),
        "trend": trend(&analysis.history, rules).map(|t| t.units.iter().map(|u| json!({
            "unit": u.name,
            "parent": u.parent,
            "whole": u.whole,
            "points": u.points.iter().enumerate().map(|(i, p)| json!({
                "period": period(&p.period),
                "total": p.total,
                "change": u.change(i),
                "groups": p.groups.iter().map(|(code, g)| (code.clone(), json!(g))).collect::<Map<String, Value>>(),
            })).collect::<Vec<_>>(),
        })).collect::<Vec<_>>()),
        "dossier_lists": analysis.tables.iter().filter_map(|t| t.dossiers.as_ref().map(|d| dossier_list(&t.file, d, &t.actions, analysis, rules))).collect::<Vec<_>>(),
        "warnings": warnings,
        "errors": errors,
    })
}

/// One unit of the contract's `units`.
fn unit(u: &UnitResult, rules: &RuleSet) -> Value {
    let groups: Map<String, Value> = u.groups.iter().map(|g| (g.code.clone(), json!(g.score))).collect();
    let group_ranks: Map<String, Value> = u.groups.iter().map(|g| (g.code.clone(), json!(g.rank))).collect();
    let criteria: Map<String, Value> = u.criteria.iter().map(|c| (c.code.clone(), criterion(c, u, rules))).collect();
    let tracked: Map<String, Value> = u
        .tracked
        .iter()
        .map(|(code, f)| {
            (code.clone(), json!({"numerator": f.numerator, "denominator": f.denominator, "rate": f.rate}))
        })
        .collect();
    json!({
        "unit": u.name,
        "parent": u.parent,
        "kind": u.kind,
        "period": u.period.as_ref().map(Period::code),
        "total": u.total,
        "rank": u.rank,
        "kind_rank": u.kind_rank,
        "groups": groups,
        "group_ranks": group_ranks,
        "criteria": criteria,
        "tracked": tracked,
        "score_only": u.score_only(),
        "points_at_stake": u.own_shortfall(rules, None),
    })
}

/// One criterion of a unit: its figure, score and where the figure came from.
fn criterion(c: &CriterionResult, u: &UnitResult, rules: &RuleSet) -> Value {
    let (derivation, from) = match &c.source {
        Source::Own => ("own", None),
        Source::Pooled => ("pooled", None),
        Source::Inherited(from) => ("inherited", Some(from.clone())),
    };
    let others: Vec<Value> = c
        .origin
        .iter()
        .flat_map(|o| &o.others)
        .map(|o| {
            json!({
                "source": o.source.code(),
                "file": o.file,
                "numerator": o.figure.numerator,
                "denominator": o.figure.denominator,
                "rate": o.figure.rate,
            })
        })
        .collect();
    json!({
        "numerator": c.numerator,
        "denominator": c.denominator,
        "ratio": percent(c.ratio),
        "score": c.score,
        "max": c.max,
        "status": status_code(c.status),
        "status_label": c.status_label(Lang::Vi),
        "source": c.origin.as_ref().map(|o| o.source.code()),
        "file": c.origin.as_ref().map(|o| o.file.as_str()).filter(|f| !f.is_empty()),
        "other_sources": (!others.is_empty()).then_some(others),
        "derivation": derivation,
        "inherited_from": from,
        "to_full": to_full(rules, u, c),
    })
}

/// A dossier list's period, what fell outside it, and its ranked action list.
fn dossier_list(
    file: &str,
    d: &crate::core::dossier::units::DossierTable,
    actions: &[crate::core::dossier::actions::Action],
    analysis: &Analysis,
    rules: &RuleSet,
) -> Value {
    let o = d.tally.outside;
    let procedures = |unit: Option<u32>| {
        let t = procedures(d, &analysis.scores, rules, unit);
        t.rows
            .iter()
            .map(|r| {
                let criteria: Map<String, Value> = t
                    .criteria
                    .iter()
                    .zip(r.shares.iter().zip(&r.gains))
                    .map(|(code, (s, g))| (code.clone(), json!({"met": s.met, "of": s.of, "gain": g})))
                    .collect();
                json!({"procedure": r.procedure, "received": r.received, "gain": r.gain, "criteria": criteria})
            })
            .collect::<Vec<_>>()
    };
    json!({
        "procedures": procedures(None),
        "unit_procedures": d.tally.units.iter().map(|u| json!({
            "unit": d.names[u.unit as usize],
            "procedures": procedures(Some(u.unit)),
        })).collect::<Vec<_>>(),
        "file": file,
        "dossiers": d.list.dossiers.len(),
        "period": d.tally.window.code(),
        "inferred_period": d.inferred.code(),
        "outside": {"before": o.before, "after": o.after, "undated": o.undated},
        "actions": actions.iter().map(|a| json!({
            "unit": a.unit,
            "criterion": a.code,
            "against": a.recovery.against,
            "fixable": a.recovery.fixable,
            "needed": a.recovery.needed,
            "gain": a.recovery.gain,
            "text": a.text(rules, Lang::Vi),
        })).collect::<Vec<_>>(),
    })
}

fn alert(a: &Alert, rules: &RuleSet) -> Value {
    json!({
        "unit": a.unit,
        "criterion": a.code(),
        "reason": a.reason,
        "value": a.value,
        "threshold": a.threshold,
        "points_at_stake": a.points_at_stake,
        "severity": a.severity,
        "message": a.message(rules, Lang::Vi),
    })
}

fn unit_change(u: &UnitChange) -> Value {
    let change = |c: &Change| json!({"now": c.now, "before": c.before, "change": c.delta()});
    let groups: Map<String, Value> = u.groups.iter().map(|(code, c)| (code.clone(), change(c))).collect();
    json!({
        "unit": u.name,
        "parent": u.parent,
        "total": change(&u.total),
        "rank": u.rank.0,
        "previous_rank": u.rank.1,
        "groups": groups,
    })
}

/// `chiso plan`'s JSON (the automation contract).
pub fn plan(plan: &Plan) -> Value {
    let mut value = reach(plan.current, plan.target, plan.reachable, plan.total_after, plan.best_reachable);
    value["unit"] = json!(plan.unit);
    value["dossiers"] = json!(plan.dossiers());
    value["steps"] =
        plan.steps.iter().map(|s| json!({"criterion": s.criterion, "add": s.add, "points": s.points})).collect();
    value["other_steps"] = plan
        .other_steps
        .iter()
        .map(|s| json!({"criterion": s.criterion, "add": s.add, "counts": s.counts.code(), "points": s.points}))
        .collect();
    value
}

/// `chiso plan --whole`: the contract's whole plan.
pub fn whole_plan(plan: &WholePlan) -> Value {
    let mut value = reach(plan.current, plan.target, plan.reachable, plan.total_after, plan.best_reachable);
    value["whole"] = json!((!plan.whole.is_empty()).then_some(plan.whole.as_str()));
    value["dossiers"] = json!(plan.dossiers());
    value["steps"] = plan
        .steps
        .iter()
        .map(|s| json!({"unit": s.unit, "criterion": s.criterion, "add": s.add, "points": s.points}))
        .collect();
    value
}

/// What a unit's plan and the whole's both say: the total now, the one asked for, whether
/// dossiers alone reach it, and the totals after the steps and at best.
fn reach(current: f64, target: f64, reachable: bool, total_after: f64, best_reachable: f64) -> Value {
    json!({
        "current": current,
        "target": target,
        "reachable": reachable,
        "total_after": total_after,
        "best_reachable": best_reachable,
    })
}

pub fn to_string(analysis: &Analysis, rules: &RuleSet, alerts: &[Alert], comparison: Option<&Comparison>) -> String {
    serde_json::to_string_pretty(&to_value(analysis, rules, alerts, comparison)).unwrap_or_default()
}
