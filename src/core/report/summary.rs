//! The month in a few plain lines, for Zalo or e-mail: the whole's six results and total, the
//! change against the period before, the best and the lowest units, and the units the letter names.

use super::letter::{total_of, Letter};
use crate::core::insight::compare::{change_phrase, Comparison};
use crate::core::layout::kind::whole_label;
use crate::core::model::format::number;
use crate::core::model::lang::Lang;
use crate::core::scoring::band::Band;
use crate::core::scoring::{Scores, TOTAL};

/// The copy-ready summary (in Vietnamese, as the letter it goes with).
pub fn summary(letter: &Letter, scores: &Scores, comparison: Option<&Comparison>) -> String {
    let period = scores.units.iter().find_map(|u| u.period.as_ref()).map(|p| format!(" {}", p.phrase()));
    let whole =
        if letter.whole.is_empty() { "Các đơn vị".to_string() } else { whole_label(&letter.whole, Lang::Vi) };
    let total = total_of(&letter.whole_groups);
    let change = comparison.and_then(|c| {
        let delta = c.unit(&letter.whole, None)?.total.delta()?;
        Some(format!(", {}", change_phrase(delta, 2, &c.previous, Some(&c.current))))
    });
    let mut lines = vec![format!(
        "Kết quả Bộ chỉ số phục vụ người dân, doanh nghiệp{}: {whole} đạt {}/100 điểm ({}){}.",
        period.unwrap_or_default(),
        number(total, 2),
        Band::of(total).label(Lang::Vi),
        change.unwrap_or_default()
    )];
    // The total and its change are in the first line already.
    lines.extend(letter.results.iter().filter(|r| r.code != TOTAL).map(|r| format!("- {}", r.text)));
    let ranked: Vec<_> = scores.units.iter().filter(|u| !u.is_whole()).collect();
    let best = ranked.iter().max_by(|a, b| a.total.total_cmp(&b.total).then_with(|| b.name.cmp(&a.name)));
    // Among equals, the first by name, both ways.
    let lowest = ranked.iter().min_by(|a, b| a.total.total_cmp(&b.total).then_with(|| a.name.cmp(&b.name)));
    if let (Some(best), Some(lowest), true) = (best, lowest, ranked.len() > 1) {
        lines.push(format!(
            "Cao nhất: {} ({} điểm); thấp nhất: {} ({} điểm).",
            best.name,
            number(best.total, 2),
            lowest.name,
            number(lowest.total, 2)
        ));
    }
    if !letter.named_units.is_empty() {
        lines.push(format!("Đơn vị cần tập trung khắc phục: {}.", letter.named_units.join(", ")));
    }
    lines.join("\n")
}
