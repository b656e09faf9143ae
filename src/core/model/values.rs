//! What a cell means as a number: counts and rates written the Vietnamese way ("1.234", "74,04%")
//! or the English way ("1,234", "0.7404"), stored as numbers or as text.

use crate::core::model::table::Cell;

/// A cell that should hold a number and does not.
#[derive(Clone, Debug, PartialEq)]
pub struct NotANumber(pub String);

/// A whole-number count such as a numerator or a denominator. Blank is `Ok(None)`.
/// In a count a lone separator before exactly three digits groups thousands: "1.234" and
/// "1,234" are both 1234.
pub fn count(cell: &Cell) -> Result<Option<f64>, NotANumber> {
    number(cell, true).map(|v| v.map(|(x, _)| x))
}

/// Any number, where a lone separator is the decimal mark ("74,04", "2.5"). Blank is `Ok(None)`.
pub fn value(cell: &Cell) -> Result<Option<f64>, NotANumber> {
    number(cell, false).map(|v| v.map(|(x, _)| x))
}

/// A number a user typed («72,5», «80», «0.5»), the way [`value`] reads a cell; `None` when it
/// is blank or not a number.
pub fn typed(text: &str) -> Option<f64> {
    value(&Cell::Text(text.to_string())).ok().flatten()
}

/// A rate as a fraction of one. "74,04%", "74,04" and 0.7404 (a percent-formatted cell) are all
/// 0.7404: a number above 1 without a % sign is read as a percentage.
pub fn rate(cell: &Cell) -> Result<Option<f64>, NotANumber> {
    Ok(number(cell, false)?.map(|(x, percent)| if percent || x > 1.0 { x / 100.0 } else { x }))
}

/// The number and whether it carried a % sign.
fn number(cell: &Cell, prefer_thousands: bool) -> Result<Option<(f64, bool)>, NotANumber> {
    match cell {
        Cell::Empty => Ok(None),
        Cell::Number(x) if x.is_finite() => Ok(Some((*x, false))),
        Cell::Text(t) if t.trim().is_empty() => Ok(None),
        Cell::Text(t) => parse_text(t, prefer_thousands).map(Some).ok_or_else(|| NotANumber(t.clone())),
        other => Err(NotANumber(other.display())),
    }
}

fn parse_text(text: &str, prefer_thousands: bool) -> Option<(f64, bool)> {
    let mut s: String = text.chars().filter(|c| !c.is_whitespace() && *c != '\u{a0}').collect();
    let percent = s.ends_with('%');
    if percent {
        s.pop();
    }
    let (negative, digits) = match s.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, s.as_str()),
    };
    if digits.is_empty() || !digits.chars().all(|c| c.is_ascii_digit() || c == '.' || c == ',') {
        return None;
    }
    let dots = digits.matches('.').count();
    let commas = digits.matches(',').count();
    let plain = match (dots, commas) {
        (0, 0) => digits.to_string(),
        (_, 0) | (0, _) => {
            let sep = if dots > 0 { '.' } else { ',' };
            let groups: Vec<&str> = digits.split(sep).collect();
            let grouped =
                groups.len() > 1 && (1..=3).contains(&groups[0].len()) && groups[1..].iter().all(|g| g.len() == 3);
            if grouped && (groups.len() > 2 || prefer_thousands) {
                groups.concat()
            } else if groups.len() == 2 {
                format!("{}.{}", groups[0], groups[1])
            } else {
                return None;
            }
        }
        _ => {
            // Both marks: the last one is the decimal mark, the other groups thousands.
            let (last_dot, last_comma) = (digits.rfind('.'), digits.rfind(','));
            let (decimal, thousands) = if last_dot > last_comma { ('.', ',') } else { (',', '.') };
            if digits.matches(decimal).count() != 1 {
                return None;
            }
            let (int, frac) = digits.split_once(decimal)?;
            let groups: Vec<&str> = int.split(thousands).collect();
            let valid = (1..=3).contains(&groups[0].len())
                && groups[1..].iter().all(|g| g.len() == 3)
                && !frac.contains(thousands);
            if !valid {
                return None;
            }
            format!("{}.{}", groups.concat(), frac)
        }
    };
    if plain.starts_with('.') || plain.ends_with('.') {
        return None;
    }
    let x: f64 = plain.parse().ok()?;
    Some((if negative { -x } else { x }, percent))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> Cell {
        Cell::Text(s.to_string())
    }

    #[test]
    fn counts_in_both_conventions() {
        assert_eq!(count(&t("1.234")), Ok(Some(1234.0)));
        assert_eq!(count(&t("1,234")), Ok(Some(1234.0)));
        assert_eq!(count(&t("1.065.048")), Ok(Some(1_065_048.0)));
        assert_eq!(count(&t("1 065 048")), Ok(Some(1_065_048.0)));
        assert_eq!(count(&t("4474")), Ok(Some(4474.0)));
        assert_eq!(count(&Cell::Number(4474.0)), Ok(Some(4474.0)));
        assert_eq!(count(&t("-3")), Ok(Some(-3.0)));
        assert_eq!(count(&t("  ")), Ok(None));
        assert_eq!(count(&Cell::Empty), Ok(None));
        assert_eq!(count(&t("12,5")), Ok(Some(12.5)));
        assert_eq!(count(&t("mười")), Err(NotANumber("mười".into())));
        assert_eq!(count(&t("1.2.3")), Err(NotANumber("1.2.3".into())));
        assert_eq!(count(&Cell::Error("#DIV/0!".into())), Err(NotANumber("#DIV/0!".into())));
    }

    #[test]
    fn rates_as_fractions() {
        let close = |r: Result<Option<f64>, NotANumber>, x: f64| (r.unwrap().unwrap() - x).abs() < 1e-12;
        assert!(close(rate(&t("74,04%")), 0.7404));
        assert!(close(rate(&t("74,04")), 0.7404));
        assert!(close(rate(&t("74.04 %")), 0.7404));
        assert!(close(rate(&t("0.7404")), 0.7404));
        assert!(close(rate(&t("0,7404")), 0.7404));
        assert!(close(rate(&Cell::Number(0.7404)), 0.7404));
        assert!(close(rate(&Cell::Number(100.0)), 1.0));
        assert!(close(rate(&t("100%")), 1.0));
        assert!(close(rate(&t("1%")), 0.01));
        assert_eq!(rate(&t("")), Ok(None));
    }

    #[test]
    fn values_with_both_marks() {
        assert_eq!(value(&t("1.234,5")), Ok(Some(1234.5)));
        assert_eq!(value(&t("1,234.5")), Ok(Some(1234.5)));
        assert_eq!(value(&t("2,5")), Ok(Some(2.5)));
        assert_eq!(value(&t("1.234.567,89")), Ok(Some(1_234_567.89)));
        assert_eq!(value(&t("1,2,3.4")), Err(NotANumber("1,2,3.4".into())));
        assert_eq!(value(&t(",5")), Err(NotANumber(",5".into())));
    }
}
