//! The alert rules, worked by hand.

use super::*;
use crate::core::figures::UnitRow;
use crate::core::scoring::score_units;

fn unit(name: &str, figures: &[(&str, f64, f64)]) -> UnitRow {
    UnitRow::with_counts(name, figures)
}

/// Hand-worked: A pays online 3/40 (7.5 %, 0.45 of 6 points), B 30/40 (75 %, 4.5 points).
#[test]
fn online_payment_below_half_names_the_unit_and_the_points() {
    let rules = RuleSet::default_rules().unwrap();
    let scores = score_units(
        &[unit("Xã A", &[("PAY_DOSSIERS", 3.0, 40.0)]), unit("Xã B", &[("PAY_DOSSIERS", 30.0, 40.0)])],
        &rules,
    );
    let alerts =
        evaluate(&[AlertRule::CriterionBelowRate { criterion: "PAY_DOSSIERS".into(), rate: 0.5 }], &scores, &rules);
    assert_eq!(alerts.len(), 1);
    let a = &alerts[0];
    assert_eq!(
        (a.unit.as_str(), a.code(), a.value, a.threshold, a.points_at_stake),
        ("Xã A", "PAY_DOSSIERS", 0.075, 0.5, 5.55)
    );
    assert_eq!(
        a.message(&rules, Lang::Vi),
        "Xã A — Tỷ lệ hồ sơ thanh toán trực tuyến (trên hồ sơ có nghĩa vụ tài chính): 7,5% (ngưỡng 50%); có thể tăng thêm 5,55 điểm."
    );
}

/// A 3/40 and C 10/40 pay online below half, A with more at stake first (5,55 against 4,5);
/// with C as «my unit» (named without diacritics) C comes first, A after it.
#[test]
fn my_unit_comes_first() {
    let rules = RuleSet::default_rules().unwrap();
    let units = [unit("Xã A", &[("PAY_DOSSIERS", 3.0, 40.0)]), unit("Xã C", &[("PAY_DOSSIERS", 10.0, 40.0)])];
    let scores = score_units(&units, &rules);
    let alerts =
        evaluate(&[AlertRule::CriterionBelowRate { criterion: "PAY_DOSSIERS".into(), rate: 0.5 }], &scores, &rules);
    let order = |mine: Option<&str>| by_unit_mine_first(&alerts, mine).into_iter().map(|(u, _)| u).collect::<Vec<_>>();
    assert_eq!(order(None), ["Xã A", "Xã C"]);
    assert_eq!(order(Some("xa c")), ["Xã C", "Xã A"]);
    assert_eq!(order(Some("Xã Z")), ["Xã A", "Xã C"], "a unit without alerts changes nothing");
}

/// TDGQ 9/20 (45 %) is red, 12/20 (60 %) yellow, 15/20 (75 %) nothing; sorted by points.
#[test]
fn group_shares_and_the_order_of_the_list() {
    let rules = RuleSet::default_rules().unwrap();
    let units = [
        unit("A", &[("ON_TIME", 9.0, 20.0)]),
        unit("B", &[("ON_TIME", 12.0, 20.0)]),
        unit("C", &[("ON_TIME", 15.0, 20.0)]),
    ];
    let scores = score_units(&units, &rules);
    let alerts: Vec<(String, String, Severity, f64)> =
        evaluate(&[AlertRule::GroupShare { red: 0.5, yellow: 0.7 }], &scores, &rules)
            .into_iter()
            .filter(|a| a.code() == "TDGQ")
            .map(|a| (a.unit.clone(), a.code().to_string(), a.severity, a.points_at_stake))
            .collect();
    assert_eq!(
        alerts,
        [("A".into(), "TDGQ".into(), Severity::Red, 11.0), ("B".into(), "TDGQ".into(), Severity::Yellow, 8.0)]
    );
}

#[test]
fn settings_turn_rules_on_and_off() {
    let defaults = AlertSettings::default();
    assert_eq!(
        defaults.rules(),
        [
            AlertRule::GroupShare { red: 0.5, yellow: 0.7 },
            AlertRule::CriterionBelowTarget,
            AlertRule::TotalBelow { points: 50.0 },
            AlertRule::CriterionBelowRate { criterion: "PAY_DOSSIERS".into(), rate: 0.5 },
        ]
    );
    let off = AlertSettings {
        red: 0.0,
        yellow: 0.0,
        below_target: false,
        total_below: 0.0,
        rate_criterion: String::new(),
        bottom_n: 2,
        ..defaults
    };
    assert_eq!(off.rules(), [AlertRule::BottomOfGroup { group: "TTTT".into(), n: 2 }]);
    let remembered: AlertSettings = serde_json::from_str(r#"{"rate": 0.6}"#).unwrap();
    assert_eq!((remembered.rate, remembered.red), (0.6, 0.5), "missing fields take the defaults");
}

#[test]
fn targets_totals_bottoms_and_bands() {
    let rules = RuleSet::default_rules().unwrap();
    // ONLINE_DOSSIERS 2/10 against 50 %: 20/50 × 6 = 2.4, 3.6 points lost.
    let units = [
        unit("A", &[("ONLINE_DOSSIERS", 2.0, 10.0)]),
        unit("B", &[("ONLINE_DOSSIERS", 6.0, 10.0)]),
        unit("C", &[("ONLINE_DOSSIERS", 4.0, 10.0)]),
    ];
    let scores = score_units(&units, &rules);
    let below: Vec<(String, f64)> = evaluate(&[AlertRule::CriterionBelowTarget], &scores, &rules)
        .into_iter()
        .map(|a| (a.unit, a.points_at_stake))
        .collect();
    assert_eq!(below, [("A".to_string(), 3.6), ("C".to_string(), 1.2)]);
    let bottom: Vec<String> = evaluate(&[AlertRule::BottomOfGroup { group: "CLGQ".into(), n: 1 }], &scores, &rules)
        .into_iter()
        .map(|a| a.unit)
        .collect();
    assert_eq!(bottom, ["A"]);
    let weak: Vec<String> =
        evaluate(&[AlertRule::TotalBelow { points: 5.0 }], &scores, &rules).into_iter().map(|a| a.unit).collect();
    assert_eq!(weak, ["A", "C"], "2.4 and 4.8 are below 5; 6 is not");
}

#[test]
fn missing_figures_are_not_shortfalls() {
    let rules = RuleSet::default_rules().unwrap();
    // ON_TIME 5/10 → 10 of TDGQ's 20; DOSSIER_SYNC 1/2 → 3 of CKMB's 18, whose three
    // province-level criteria (12 points) have no figures; nothing else is given.
    let scores = score_units(&[unit("A", &[("ON_TIME", 5.0, 10.0), ("DOSSIER_SYNC", 1.0, 2.0)])], &rules);
    let found: Vec<(String, f64)> = evaluate(&default_rules(), &scores, &rules)
        .into_iter()
        .map(|a| (a.code().to_string(), a.points_at_stake))
        .collect();
    // The total 13 is below 50: at stake 10 + 3, not the 87 points it lacks; CKMB 3/18 is red
    // for 3 points; no alert on the groups with no figures at all (CLGQ, TTTT, MDHL, MDSH).
    assert_eq!(found, [("TOTAL".to_string(), 13.0), ("TDGQ".to_string(), 10.0), ("CKMB".to_string(), 3.0)]);
    let missing = missing_data(&scores, &rules);
    assert_eq!(missing.len(), 1);
    assert_eq!((missing[0].criteria.len(), missing[0].points), (19, 74.0));
    assert!(missing[0].message(&rules, Lang::Vi).starts_with(
        "A — thiếu số liệu 19 tiêu chí (74 điểm chưa tính): TTHC công bố đúng hạn; TTHC cập nhật, công khai đúng hạn;"
    ));
}

#[test]
fn what_comes_from_above_is_said_once_not_alerted_on_each_unit() {
    let rules = RuleSet::default_rules().unwrap();
    // P gives PUBLISH_ON_TIME 8/10 (4,8 of 6); communes A and B take it and have ON_TIME 5/10.
    let mut a = unit("A", &[("ON_TIME", 5.0, 10.0)]);
    let mut b = unit("B", &[("ON_TIME", 5.0, 10.0)]);
    a.parent = Some("P".into());
    b.parent = Some("P".into());
    let scores = score_units(&[unit("P", &[("PUBLISH_ON_TIME", 8.0, 10.0)]), a, b], &rules);
    let found = evaluate(&default_rules(), &scores, &rules);
    let ckmb: Vec<(&str, f64)> =
        found.iter().filter(|a| a.code() == "CKMB").map(|a| (a.unit.as_str(), a.points_at_stake)).collect();
    // CKMB 4,8/18 is red everywhere, but only P can act on it (1,2 points).
    assert_eq!(ckmb, [("P", 1.2)]);
    let above = from_above(&scores, &rules);
    assert_eq!(
        above,
        [FromAbove { from: Some("P".into()), criterion: "PUBLISH_ON_TIME".into(), score: 4.8, max: 6.0, units: 2 }]
    );
    assert_eq!(
        above[0].message(&rules, Lang::Vi),
        "Do cấp tỉnh — TTHC công bố đúng hạn: 4,8/6 điểm (số liệu của P, chung cho 2 đơn vị)."
    );
    let grouped = by_unit(&found);
    let units: Vec<&str> = grouped.iter().map(|(u, _)| *u).collect();
    assert_eq!(units.len(), 3, "{units:?}");
    assert_eq!(grouped.iter().map(|(_, l)| l.len()).sum::<usize>(), found.len());
    assert!(grouped.windows(2).all(|w| w[0].1[0].points_at_stake >= w[1].1[0].points_at_stake));
}

/// A town's file repeats the province's PUBLISH_ON_TIME 0/10 (0 of 6 points) on every
/// commune's row. Tốt has ON_TIME 9/10 (18 of 20: 2 points its own to win back), Hưng Long
/// 8/10 (16: 4 points), Vừa 8/10 with PUBLISH 10/10 repeated in its row (4 points, total 22).
/// Hand-worked order: Hưng Long and Vừa (4 points each; Hưng Long's total 16 before Vừa's 22),
/// then Tốt (2). The 6 points of PUBLISH are no commune's: said once, not alerted, not planned.
#[test]
fn what_the_province_sets_is_no_communes_own_even_repeated_on_its_row() {
    let rules = RuleSet::default_rules().unwrap();
    let units = [
        unit("UBND xã Tốt", &[("ON_TIME", 9.0, 10.0), ("PUBLISH_ON_TIME", 0.0, 10.0)]),
        unit("UBND xã Hưng Long", &[("ON_TIME", 8.0, 10.0), ("PUBLISH_ON_TIME", 0.0, 10.0)]),
        unit("UBND xã Vừa", &[("ON_TIME", 8.0, 10.0), ("PUBLISH_ON_TIME", 10.0, 10.0)]),
    ];
    let scores = score_units(&units, &rules);
    let stakes: Vec<f64> = scores.units.iter().map(|u| u.own_shortfall(&rules, None)).collect();
    assert_eq!(stakes, [2.0, 4.0, 4.0]);
    let found = evaluate(
        &[AlertRule::GroupShare { red: 0.5, yellow: 0.7 }, AlertRule::TotalBelow { points: 50.0 }],
        &scores,
        &rules,
    );
    let order: Vec<&str> = by_unit(&found).into_iter().map(|(u, _)| u).collect();
    assert_eq!(order, ["UBND xã Hưng Long", "UBND xã Vừa", "UBND xã Tốt"]);
    assert!(found.iter().all(|a| a.code() != "CKMB"), "CKMB 0/18 is red, but no commune can act on it: {found:?}");
    let tot = &scores.units[0];
    let publish = tot.criterion("PUBLISH_ON_TIME").unwrap();
    assert_eq!(crate::core::insight::plan::to_full(&rules, tot, publish), None);
    assert!(crate::core::insight::plan::top_actions(tot, &rules, 3).iter().all(|s| s.criterion != "PUBLISH_ON_TIME"));
    let above = from_above(&scores, &rules);
    assert_eq!(above, [FromAbove { from: None, criterion: "PUBLISH_ON_TIME".into(), score: 0.0, max: 6.0, units: 2 }]);
    assert_eq!(
        above[0].message(&rules, Lang::Vi),
        "Do cấp tỉnh — TTHC công bố đúng hạn: 0/6 điểm (nhắc lại trên dòng của 2 đơn vị, không phải điểm đơn vị tự nâng được)."
    );
}
