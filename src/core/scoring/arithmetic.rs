//! The portal's arithmetic: a criterion's score in whole hundredths from its counts or its rate,
//! rounded as the portal does (half away from zero, or its front end's percent-first rounding for
//! payments), and the fewest items that reach a score.

use super::*;

pub(crate) fn points_to_hundredths(points: f64) -> i64 {
    (points * 100.0).round() as i64
}

pub(crate) fn hundredths_to_points(h: i64) -> f64 {
    h as f64 / 100.0
}

/// a / b rounded half away from zero, for a ≥ 0 and b > 0.
fn div_round(a: i128, b: i128) -> i128 {
    (2 * a + b) / (2 * b)
}

fn is_count(x: f64) -> bool {
    x.fract() == 0.0 && (0.0..9.0e15).contains(&x)
}

/// The score in hundredths of a point for a ratio `numerator / denominator` (denominator > 0,
/// numerator ≤ denominator). Whole counts are computed exactly in integers, so that a score
/// landing on x.xx5 rounds up as on paper; other inputs fall back to floating point.
fn score_hundredths(max: f64, rule: Rule, numerator: f64, denominator: f64) -> i64 {
    let m = points_to_hundredths(max) as i128;
    if is_count(numerator) && is_count(denominator) {
        let (n, d) = (numerator as i128, denominator as i128);
        let h = match rule {
            Rule::Linear => div_round(m * n, d),
            Rule::Target(t) => {
                let t = (t * 1_000_000.0).round() as i128;
                if n * 1_000_000 >= d * t {
                    m
                } else {
                    div_round(m * n * 1_000_000, d * t)
                }
            }
        };
        return h as i64;
    }
    rate_hundredths(max, rule, numerator / denominator)
}

fn rate_hundredths(max: f64, rule: Rule, ratio: f64) -> i64 {
    let share = match rule {
        Rule::Linear => ratio,
        Rule::Target(t) => (ratio / t).min(1.0),
    };
    // The nudge keeps a product that should be exactly x.xx5 from rounding down on binary error.
    (max * 100.0 * share * (1.0 + 1e-12)).round() as i64
}

/// `x` (≥ 0) in hundredths as JavaScript's `x.toFixed(2)` gives them: the exact binary value of
/// the double rounded to the nearest hundredth, a tie going up (5.085, stored as 5.08499…, gives
/// 5.08; 0.375, stored exactly, gives 0.38).
fn to_fixed2_hundredths(x: f64) -> i64 {
    if x.is_nan() || x <= 0.0 {
        return 0;
    }
    let bits = x.to_bits();
    let exponent = ((bits >> 52) & 0x7ff) as i32;
    let fraction = bits & ((1u64 << 52) - 1);
    let (mantissa, e) = if exponent == 0 { (fraction, -1074) } else { (fraction | (1u64 << 52), exponent - 1075) };
    if e >= 0 {
        // A whole number of 2^52 or more: no fraction to round.
        return (x * 100.0).round() as i64;
    }
    // x × 100 = mantissa × 100 / 2^shift, exactly.
    let shift = e.unsigned_abs();
    if shift >= 127 {
        return 0;
    }
    let scaled = u128::from(mantissa) * 100;
    let whole = scaled >> shift;
    let rest = scaled & ((1u128 << shift) - 1);
    (whole + u128::from(rest >= 1u128 << (shift - 1))) as i64
}

/// The portal front end's score: the percentage rounded first, then max × percent / (100 × target)
/// capped at max, each step on doubles as JavaScript computes it.
fn percent_first_hundredths(max: f64, rule: Rule, ratio: f64) -> i64 {
    let percent = to_fixed2_hundredths(ratio * 100.0) as f64 / 100.0;
    let target = match rule {
        Rule::Linear => 1.0,
        Rule::Target(t) => t,
    };
    to_fixed2_hundredths((max * percent / (100.0 * target)).min(max))
}

/// The score in hundredths of a point for counts `numerator ≤ denominator` (both ≥ 0), with the
/// criterion's zero-denominator rule and rounding; `None` when a zero denominator is "no data".
pub fn counts_hundredths(criterion: &Criterion, numerator: f64, denominator: f64) -> Option<i64> {
    if denominator == 0.0 {
        return match criterion.zero {
            ZeroRule::NoData => None,
            ZeroRule::Full => Some(points_to_hundredths(criterion.max)),
            ZeroRule::Zero => Some(0),
        };
    }
    Some(match criterion.rounding {
        Rounding::Exact => score_hundredths(criterion.max, criterion.rule, numerator, denominator),
        Rounding::PercentFirst => percent_first_hundredths(criterion.max, criterion.rule, numerator / denominator),
    })
}

/// The fewest items, up to `room`, that raise counts `numerator / denominator` (the denominator
/// unchanged) to a score of at least `wanted` hundredths; `None` when even `room` does not.
/// Scores rise with the numerator, so it is found by bisection.
pub fn fewest_to_reach(criterion: &Criterion, numerator: f64, denominator: f64, room: u64, wanted: i64) -> Option<u64> {
    let reaches = |add: u64| counts_hundredths(criterion, numerator + add as f64, denominator).unwrap_or(0) >= wanted;
    if !reaches(room) {
        return None;
    }
    let (mut lo, mut hi) = (0, room);
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        if reaches(mid) {
            hi = mid;
        } else {
            lo = mid + 1;
        }
    }
    Some(lo)
}

/// One criterion from its figure.
pub fn score_criterion(criterion: &Criterion, figure: Option<&Figure>, source: Source) -> CriterionResult {
    let mut result = CriterionResult {
        code: criterion.code.clone(),
        numerator: figure.and_then(|f| f.numerator),
        denominator: figure.and_then(|f| f.denominator),
        ratio: None,
        score: None,
        max: criterion.max,
        status: Status::NoData,
        source,
        origin: None,
    };
    let hundredths = match (result.numerator, result.denominator, figure.and_then(|f| f.rate)) {
        (Some(n), Some(d), _) if n > d || n < 0.0 || d < 0.0 => {
            result.ratio = (d > 0.0).then(|| n / d);
            result.status = Status::DataError;
            None
        }
        (Some(n), Some(d), _) => {
            result.ratio = (d > 0.0).then(|| n / d);
            counts_hundredths(criterion, n, d)
        }
        (_, _, Some(r)) => {
            result.ratio = Some(r);
            Some(match criterion.rounding {
                Rounding::Exact => rate_hundredths(criterion.max, criterion.rule, r),
                Rounding::PercentFirst => percent_first_hundredths(criterion.max, criterion.rule, r),
            })
        }
        _ => None,
    };
    if let Some(h) = hundredths {
        result.score = Some(hundredths_to_points(h));
        result.status = Status::Ok;
    }
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn to_fixed_rounds_the_binary_value_as_javascript_does() {
        // Each expected value is what node prints for (x).toFixed(2).
        for (x, hundredths) in [(5.085, 508), (0.375, 38), (1.005, 100), (84.745, 8475), (19.48, 1948), (0.0, 0)] {
            assert_eq!(to_fixed2_hundredths(x), hundredths, "{x}");
        }
    }
}
