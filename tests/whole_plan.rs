//! The plan for the whole: hand-worked cases under the rule set's rounding. ON_TIME alone has
//! figures (20 points, linear: 20 × n / d rounded to the hundredth, half away from zero), so the
//! whole's total is its ON_TIME score.

mod common;

use chiso::core::insight::plan::whole::{plan_whole, Fixable, WholeStep};
use chiso::core::scoring::score_units;
use common::{counts, rules, unit};

fn step(unit: &str, add: u64, points: f64) -> WholeStep {
    WholeStep { unit: unit.into(), criterion: "ON_TIME".into(), add, points }
}

/// Two communes with no unit above them, pooled: A 30/50, B 40/50 → 70/100 → 14,00. To 15:
/// 20 × (70 + k) / 100 ≥ 15 → k = 5. A has the more room (20 against 10) and takes all 5; with 3
/// dossiers of B's to fix in a loaded list, B takes them (its room 10 holds all 5).
#[test]
fn two_units_one_criterion() {
    let rules = rules();
    let scores = score_units(
        &[
            unit("UBND xã A", None, &[("ON_TIME", counts(30.0, 50.0))]),
            unit("UBND xã B", None, &[("ON_TIME", counts(40.0, 50.0))]),
        ],
        &rules,
    );
    let plan = plan_whole(&scores, &rules, 15.0, &Fixable::new()).unwrap();
    assert_eq!((plan.whole.as_str(), plan.current, plan.total_after, plan.reachable), ("", 14.0, 15.0, true));
    assert_eq!(plan.steps, [step("UBND xã A", 5, 1.0)]);
    let fixable: Fixable = [("UBND xã B".to_string(), [("ON_TIME".to_string(), 3)].into())].into();
    let plan = plan_whole(&scores, &rules, 15.0, &fixable).unwrap();
    assert_eq!(plan.steps, [step("UBND xã B", 5, 1.0)]);
}

/// A town pooled from three communes: A 95/100, B 90/100, C 85/100 → 270/300 → 18,00. To 19,5:
/// 292/300 → 19,4667 → 19,47 is short, 293/300 → 19,5333 → 19,53 reaches it: 23 dossiers. C (room
/// 15) takes 15 → 285/300 = 19,00 (+1,00), B (room 10) the other 8 → 19,53 (+0,53); A (room 5)
/// is not asked. To 21, beyond the maximum: every room (30 dossiers) → 20.
#[test]
fn three_units_with_rounding_steps() {
    let rules = rules();
    let town = "UBND thị xã T";
    let scores = score_units(
        &[
            unit("UBND xã A", Some(town), &[("ON_TIME", counts(95.0, 100.0))]),
            unit("UBND xã B", Some(town), &[("ON_TIME", counts(90.0, 100.0))]),
            unit("UBND xã C", Some(town), &[("ON_TIME", counts(85.0, 100.0))]),
        ],
        &rules,
    );
    let plan = plan_whole(&scores, &rules, 19.5, &Fixable::new()).unwrap();
    assert_eq!((plan.whole.as_str(), plan.current, plan.total_after, plan.dossiers()), (town, 18.0, 19.53, 23));
    assert_eq!(plan.steps, [step("UBND xã C", 15, 1.0), step("UBND xã B", 8, 0.53)]);
    assert_eq!(
        plan.assignment(&rules),
        "Giao chỉ tiêu để toàn thị xã T đạt 19,5 điểm trở lên, các đơn vị tăng thêm số hồ sơ đạt yêu cầu như sau: \
         UBND xã B (Hồ sơ đúng hạn, trong hạn: thêm 8 hồ sơ); UBND xã C (Hồ sơ đúng hạn, trong hạn: thêm 15 hồ sơ)."
    );
    let beyond = plan_whole(&scores, &rules, 21.0, &Fixable::new()).unwrap();
    assert_eq!((beyond.reachable, beyond.best_reachable, beyond.dossiers()), (false, 20.0, 30));
    assert_eq!(beyond.steps, [step("UBND xã C", 15, 1.0), step("UBND xã B", 10, 0.67), step("UBND xã A", 5, 0.33)]);
}
