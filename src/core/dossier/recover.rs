//! Points a unit can still win back this period: for each dossier-derived criterion, the score
//! it would reach if the dossiers it can still act on were fixed, within the criterion's target
//! and maximum, and the fewest dossiers that reach it.

use crate::core::figures::Figure;
use crate::core::model::format::{fixed, number};
use crate::core::model::lang::Lang;
use crate::core::rules::{Criterion, Measure};
use crate::core::scoring::{counts_hundredths, fewest_to_reach};

#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Recovery {
    /// Dossiers counted against the criterion.
    pub against: usize,
    /// Of those, the ones the unit can still fix.
    pub fixable: usize,
    /// The fewest fixes that win back all there is to win (a target is reached before every
    /// dossier is fixed).
    pub needed: usize,
    /// Points won back, to the hundredth.
    pub gain: f64,
}

fn score(criterion: &Criterion, numerator: f64, denominator: f64) -> i64 {
    counts_hundredths(criterion, numerator, denominator).unwrap_or(0)
}

/// What fixing `fixable` of the `against` dossiers would bring; `None` when the figure has no
/// counts or nothing is to be won.
pub fn recover(criterion: &Criterion, figure: &Figure, against: usize, fixable: usize) -> Option<Recovery> {
    let (n, d) = (figure.numerator?, figure.denominator?);
    if d <= 0.0 || n > d || fixable == 0 {
        return None;
    }
    let now = score(criterion, n, d);
    let best = score(criterion, n + fixable as f64, d);
    if best <= now {
        return None;
    }
    let needed = fewest_to_reach(criterion, n, d, fixable as u64, best)? as usize;
    Some(Recovery { against, fixable, needed, gain: (best - now) as f64 / 100.0 })
}

/// The action to take, as a line of the action list: "Thanh toán trực tuyến 12 hồ sơ còn lại:
/// +0,84 điểm".
pub fn action(measure: Measure, criterion: &Criterion, recovery: &Recovery, lang: Lang) -> String {
    let n = number(recovery.needed as f64, 0);
    let gain = fixed(recovery.gain, 2);
    let vi = lang == Lang::Vi;
    let what = match (measure, vi) {
        (Measure::OnTime | Measure::OnlineOnTime | Measure::Satisfied, true) => {
            format!("Giải quyết đúng hạn {n} hồ sơ sắp đến hạn")
        }
        (Measure::OnTime | Measure::OnlineOnTime | Measure::Satisfied, false) => {
            format!("Finish {n} dossiers before they fall due")
        }
        (Measure::Synced, true) => format!("Đồng bộ lên Cổng DVCQG {n} hồ sơ"),
        (Measure::Synced, false) => format!("Sync {n} dossiers to the national portal"),
        (Measure::PaidOnline, true) => format!("Thanh toán trực tuyến {n} hồ sơ còn lại"),
        (Measure::PaidOnline, false) => format!("Take online payment for the {n} remaining dossiers"),
        (Measure::ElectronicResult, true) => format!("Cấp kết quả điện tử cho {n} hồ sơ"),
        (Measure::ElectronicResult, false) => format!("Issue electronic results for {n} dossiers"),
        (Measure::Digitised, true) => format!("Số hóa {n} hồ sơ"),
        (Measure::Digitised, false) => format!("Digitise {n} dossiers"),
        (Measure::Reused, true) => format!("Khai thác lại dữ liệu số hóa cho {n} hồ sơ"),
        (Measure::Reused, false) => format!("Reuse digitised data for {n} dossiers"),
        (Measure::PersonalStore, true) => format!("Kết nối kho dữ liệu cá nhân cho {n} hồ sơ"),
        (Measure::PersonalStore, false) => format!("Share {n} dossiers with the personal data store"),
        (Measure::PopulationData, true) => format!("Sử dụng dữ liệu dân cư cho {n} hồ sơ"),
        (Measure::PopulationData, false) => format!("Use population data for {n} dossiers"),
        (_, true) => format!("{}: xử lý {n} hồ sơ", criterion.name),
        (_, false) => format!("{}: fix {n} dossiers", criterion.name_en),
    };
    if vi {
        format!("{what}: +{gain} điểm")
    } else {
        format!("{what}: +{gain} points")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::rules::RuleSet;

    fn figure(n: f64, d: f64) -> Figure {
        Figure { numerator: Some(n), denominator: Some(d), rate: None }
    }

    #[test]
    fn linear_criteria_gain_for_every_dossier_fixed() {
        let rules = RuleSet::default_rules().unwrap();
        let pay = rules.criterion("PAY_DOSSIERS").unwrap();
        // 30/50 paid online → 6 × 0.6 = 3.60; 42/50 → 5.04: +1.44 for 12 dossiers.
        let r = recover(pay, &figure(30.0, 50.0), 20, 12).unwrap();
        assert_eq!(r, Recovery { against: 20, fixable: 12, needed: 12, gain: 1.44 });
        assert_eq!(
            action(Measure::PaidOnline, pay, &r, Lang::Vi),
            "Thanh toán trực tuyến 12 hồ sơ còn lại: +1,44 điểm"
        );
    }

    #[test]
    fn a_target_caps_what_is_needed() {
        let rules = RuleSet::default_rules().unwrap();
        let reused = rules.criterion("REUSED_DIGITIZED_DATA").unwrap();
        // Target 80 % of 2 points: 10/20 → 2 × 0.5/0.8 = 1.25; 16/20 already reaches 2.00, so 6
        // of the 10 fixable dossiers win the 0.75 there is.
        let r = recover(reused, &figure(10.0, 20.0), 10, 10).unwrap();
        assert_eq!((r.needed, r.gain), (6, 0.75));
        assert_eq!(recover(reused, &figure(16.0, 20.0), 4, 4), None);
        assert_eq!(recover(reused, &figure(10.0, 20.0), 10, 0), None);
    }
}
