//! The automation contract's JSON: `{"rules", "units": [...], "alerts": [...], "warnings": [...]}`.

use serde_json::{json, Map, Value};

use super::{percent, status_code};
use crate::core::alerts::Alert;
use crate::core::analysis::Analysis;
use crate::core::lang::Lang;
use crate::core::rules::RuleSet;
use crate::core::score::Source;

pub fn to_value(analysis: &Analysis, rules: &RuleSet, alerts: &[Alert]) -> Value {
    let scores = &analysis.scores;
    let units: Vec<Value> = scores
        .ranked_order()
        .into_iter()
        .map(|i| {
            let u = &scores.units[i];
            let groups: Map<String, Value> = u.groups.iter().map(|g| (g.code.clone(), json!(g.score))).collect();
            let group_ranks: Map<String, Value> = u.groups.iter().map(|g| (g.code.clone(), json!(g.rank))).collect();
            let criteria: Map<String, Value> = u
                .criteria
                .iter()
                .map(|c| {
                    let (source, from) = match &c.source {
                        Source::Own => ("own", None),
                        Source::Pooled => ("pooled", None),
                        Source::Inherited(from) => ("inherited", Some(from.clone())),
                    };
                    let value = json!({
                        "numerator": c.numerator,
                        "denominator": c.denominator,
                        "ratio": percent(c.ratio),
                        "score": c.score,
                        "max": c.max,
                        "status": status_code(c.status),
                        "source": source,
                        "inherited_from": from,
                    });
                    (c.code.clone(), value)
                })
                .collect();
            let tracked: Map<String, Value> = u
                .tracked
                .iter()
                .map(|(code, f)| (code.clone(), json!({"numerator": f.numerator, "denominator": f.denominator, "rate": f.rate})))
                .collect();
            json!({
                "unit": u.name,
                "parent": u.parent,
                "kind": u.kind,
                "period": u.period,
                "total": u.total,
                "rank": u.rank,
                "groups": groups,
                "group_ranks": group_ranks,
                "criteria": criteria,
                "tracked": tracked,
                "score_only": u.score_only(),
            })
        })
        .collect();
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
    let alerts: Vec<Value> = alerts
        .iter()
        .map(|a| {
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
        })
        .collect();
    json!({
        "rules": {"name": rules.name, "version": rules.version},
        "units": units,
        "alerts": alerts,
        "warnings": warnings,
        "errors": errors,
    })
}

pub fn to_string(analysis: &Analysis, rules: &RuleSet, alerts: &[Alert]) -> String {
    serde_json::to_string_pretty(&to_value(analysis, rules, alerts)).unwrap_or_default()
}
