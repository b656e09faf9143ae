//! Charts as inline SVG written here, with no chart library: horizontal bars against a maximum,
//! paired bars (a unit against the average of its peers), and a line over periods. Every chart carries a <title> and a
//! <desc> with its figures, its text alternative.

use crate::core::model::format::escape;
use crate::core::model::format::number;
use crate::core::scoring::{Scores, UnitResult};

/// One bar: its label, its value and the maximum it is drawn against.
#[derive(Clone, Debug, PartialEq)]
pub struct Bar {
    pub label: String,
    pub value: f64,
    pub max: f64,
    /// Said after the value («+0,5 so với 10/2026»); empty for nothing.
    pub note: String,
}

/// The bars of one column of the ranking: every ranked unit (the whole stands apart), valued by
/// `value` against `max`, the highest first and, among equals, by name.
pub fn sorted_bars(scores: &Scores, value: impl Fn(&UnitResult) -> f64, max: f64) -> Vec<Bar> {
    let mut bars: Vec<Bar> = scores
        .units
        .iter()
        .filter(|u| !u.is_whole())
        .map(|u| Bar { label: u.name.clone(), value: value(u), max, note: String::new() })
        .collect();
    bars.sort_by(|a, b| b.value.total_cmp(&a.value).then_with(|| a.label.cmp(&b.label)));
    bars
}

const LABEL_WIDTH: f64 = 230.0;
/// Room for a value and its change («19,48 (−1,23)»).
const VALUE_WIDTH: f64 = 100.0;
const PLOT_WIDTH: f64 = 360.0;
const ROW: f64 = 22.0;
const BAR: f64 = 14.0;

/// Characters of a label that fit in `LABEL_WIDTH` at the charts' 11 px.
const LABEL_CHARS: usize = 36;

/// A label as the chart prints it: cut with «…» when it would not fit, the whole of it then in a
/// tooltip (and always in the chart's description).
fn label_text(label: &str) -> String {
    if label.chars().count() <= LABEL_CHARS {
        return escape(label);
    }
    let cut: String = label.chars().take(LABEL_CHARS - 1).collect();
    format!("<title>{}</title>{}…", escape(label), escape(cut.trim_end()))
}

fn note_of(bar: &Bar) -> String {
    if bar.note.is_empty() {
        String::new()
    } else {
        format!(" ({})", bar.note)
    }
}

fn width_of(value: f64, max: f64) -> f64 {
    if max > 0.0 {
        (value / max).clamp(0.0, 1.0) * PLOT_WIDTH
    } else {
        0.0
    }
}

fn open(id: &str, title: &str, desc: &str, height: f64) -> String {
    let width = LABEL_WIDTH + PLOT_WIDTH + VALUE_WIDTH;
    format!(
        r#"<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" viewBox="0 0 {width} {height}" width="{width}" height="{height}" aria-labelledby="{id}-title {id}-desc"><title id="{id}-title">{}</title><desc id="{id}-desc">{}</desc>"#,
        escape(title),
        escape(desc)
    )
}

/// Horizontal bars, one a row, each against its own maximum (drawn as a light track).
pub fn bars(id: &str, title: &str, bars: &[Bar]) -> String {
    let desc = bars
        .iter()
        .map(|b| format!("{}: {}/{}{}", b.label, number(b.value, 2), number(b.max, 2), note_of(b)))
        .collect::<Vec<_>>()
        .join("; ");
    let height = ROW * bars.len() as f64 + 8.0;
    let mut svg = open(id, title, &desc, height);
    for (i, b) in bars.iter().enumerate() {
        let y = 4.0 + ROW * i as f64;
        svg.push_str(&format!(
            r#"<text x="{}" y="{}" text-anchor="end" class="chart-label">{}</text><rect x="{LABEL_WIDTH}" y="{y}" width="{PLOT_WIDTH}" height="{BAR}" class="track"/><rect x="{LABEL_WIDTH}" y="{y}" width="{:.1}" height="{BAR}" class="bar"/><text x="{}" y="{}" class="chart-value">{}</text>"#,
            LABEL_WIDTH - 6.0,
            y + BAR - 3.0,
            label_text(&b.label),
            width_of(b.value, b.max),
            LABEL_WIDTH + PLOT_WIDTH + 6.0,
            y + BAR - 3.0,
            number(b.value, 2) + &escape(&note_of(b))
        ));
    }
    svg.push_str("</svg>");
    svg
}

/// Two bars a row: the first (solid) against the second (hatched outline), both against `max`.
pub fn paired(id: &str, title: &str, legend: (&str, &str), rows: &[(String, f64, f64, f64)]) -> String {
    let desc = rows
        .iter()
        .map(|(label, a, b, max)| {
            format!("{label}: {} {}, {} {} (/{})", legend.0, number(*a, 2), legend.1, number(*b, 2), number(*max, 2))
        })
        .collect::<Vec<_>>()
        .join("; ");
    let row = ROW + 10.0;
    let height = row * rows.len() as f64 + 30.0;
    let mut svg = open(id, title, &desc, height);
    svg.push_str(&format!(
        r#"<rect x="{LABEL_WIDTH}" y="4" width="12" height="10" class="bar"/><text x="{}" y="13" class="chart-value">{}</text><rect x="{}" y="4" width="12" height="10" class="peer"/><text x="{}" y="13" class="chart-value">{}</text>"#,
        LABEL_WIDTH + 16.0,
        escape(legend.0),
        LABEL_WIDTH + 180.0,
        LABEL_WIDTH + 196.0,
        escape(legend.1)
    ));
    for (i, (label, a, b, max)) in rows.iter().enumerate() {
        let y = 26.0 + row * i as f64;
        svg.push_str(&format!(
            r#"<text x="{}" y="{}" text-anchor="end" class="chart-label">{}</text><rect x="{LABEL_WIDTH}" y="{y}" width="{:.1}" height="{}" class="bar"/><rect x="{LABEL_WIDTH}" y="{}" width="{:.1}" height="{}" class="peer"/><text x="{}" y="{}" class="chart-value">{} / {}</text>"#,
            LABEL_WIDTH - 6.0,
            y + BAR,
            label_text(label),
            width_of(*a, *max),
            BAR,
            y + BAR + 1.0,
            width_of(*b, *max),
            BAR - 3.0,
            LABEL_WIDTH + PLOT_WIDTH + 6.0,
            y + BAR,
            number(*a, 2),
            number(*b, 2)
        ));
    }
    svg.push_str("</svg>");
    svg
}

/// How big a line is drawn: a sparkline in a table row, or a chart with its axis and figures.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LineSize {
    Small,
    Large,
}

/// The value axis of a line: from the lowest to the highest value, widened to whole multiples
/// of 5 points, so that a small change still shows.
fn value_range(values: &[Option<f64>]) -> (f64, f64) {
    let present = values.iter().flatten().copied();
    let (lo, hi) = present.fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| (lo.min(v), hi.max(v)));
    if !lo.is_finite() {
        return (0.0, 100.0);
    }
    let (lo, hi) = ((lo / 5.0).floor() * 5.0, (hi / 5.0).ceil() * 5.0);
    if hi > lo {
        (lo, hi)
    } else {
        (lo, lo + 5.0)
    }
}

/// A line over periods (`labels`, one value each; a gap where there is none).
pub fn line(id: &str, title: &str, labels: &[String], values: &[Option<f64>], size: LineSize) -> String {
    let desc = labels
        .iter()
        .zip(values)
        .map(|(l, v)| format!("{l}: {}", v.map_or("—".to_string(), |v| number(v, 2))))
        .collect::<Vec<_>>()
        .join("; ");
    let (width, height, left, top, bottom) = match size {
        LineSize::Small => (120.0, 32.0, 4.0, 4.0, 4.0),
        LineSize::Large => (640.0, 220.0, 48.0, 16.0, 36.0),
    };
    let (lo, hi) = value_range(values);
    let plot = (width - left - 16.0, height - top - bottom);
    let step = if labels.len() > 1 { plot.0 / (labels.len() - 1) as f64 } else { 0.0 };
    let x = |i: usize| left + step * i as f64;
    let y = |v: f64| top + plot.1 * (1.0 - (v - lo) / (hi - lo));
    let class = if size == LineSize::Small { "chart spark" } else { "chart" };
    let mut svg = format!(
        r#"<svg xmlns="http://www.w3.org/2000/svg" class="{class}" role="img" viewBox="0 0 {width} {height}" width="{width}" height="{height}" aria-labelledby="{id}-title {id}-desc"><title id="{id}-title">{}</title><desc id="{id}-desc">{}</desc>"#,
        escape(title),
        escape(&desc)
    );
    if size == LineSize::Large {
        for v in [lo, hi] {
            svg.push_str(&format!(
                r#"<line x1="{left}" x2="{right}" y1="{at:.1}" y2="{at:.1}" class="grid"/><text x="{label}" y="{text:.1}" text-anchor="end" class="chart-label">{value}</text>"#,
                right = left + plot.0,
                at = y(v),
                label = left - 6.0,
                text = y(v) + 4.0,
                value = number(v, 0)
            ));
        }
        for (i, l) in labels.iter().enumerate() {
            svg.push_str(&format!(
                r#"<text x="{:.1}" y="{}" text-anchor="middle" class="chart-label">{}</text>"#,
                x(i),
                height - 12.0,
                escape(l)
            ));
        }
    }
    // One path a run of consecutive values: a period without one breaks the line.
    let mut runs: Vec<Vec<(f64, f64)>> = vec![Vec::new()];
    for (i, v) in values.iter().enumerate() {
        match v {
            Some(v) => runs.last_mut().into_iter().for_each(|r| r.push((x(i), y(*v)))),
            None => runs.push(Vec::new()),
        }
    }
    for run in runs.iter().filter(|r| r.len() > 1) {
        let d: Vec<String> = run.iter().map(|(px, py)| format!("{px:.1},{py:.1}")).collect();
        svg.push_str(&format!(r#"<polyline points="{}" class="trend-line"/>"#, d.join(" ")));
    }
    for (i, v) in values.iter().enumerate() {
        let Some(v) = v else { continue };
        let r = if size == LineSize::Small { 2.0 } else { 4.0 };
        svg.push_str(&format!(r#"<circle cx="{:.1}" cy="{:.1}" r="{r}" class="trend-point"/>"#, x(i), y(*v)));
        if size == LineSize::Large {
            svg.push_str(&format!(
                r#"<text x="{:.1}" y="{:.1}" text-anchor="middle" class="chart-value">{}</text>"#,
                x(i),
                y(*v) - 8.0,
                number(*v, 2)
            ));
        }
    }
    svg.push_str("</svg>");
    svg
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bar_widths_are_proportional_and_the_figures_are_in_the_text_alternative() {
        let svg = bars(
            "tdgq",
            "Tiến độ giải quyết",
            &[
                Bar { label: "Xã <A>".into(), value: 10.0, max: 20.0, note: String::new() },
                Bar { label: "Xã B".into(), value: 25.0, max: 20.0, note: String::new() },
            ],
        );
        assert!(svg.starts_with("<svg") && svg.ends_with("</svg>"));
        assert!(svg.contains(r#"role="img""#) && svg.contains(r#"aria-labelledby="tdgq-title tdgq-desc""#));
        assert!(svg.contains("<title id=\"tdgq-title\">Tiến độ giải quyết</title>"));
        assert!(svg.contains("<desc id=\"tdgq-desc\">Xã &lt;A&gt;: 10/20; Xã B: 25/20</desc>"));
        // 10 of 20 fills half of the 360-unit plot; 25 of 20 is capped at the full width.
        assert!(svg.contains(r#"width="180.0" height="14" class="bar""#));
        assert!(svg.contains(r#"width="360.0" height="14" class="bar""#));
    }

    /// ON_TIME: A 5/10 → 10, B and C 9/10 → 18 each: B and C (by name), then A.
    #[test]
    fn a_column_is_charted_highest_first() {
        use crate::core::figures::UnitRow;
        let rules = crate::core::rules::RuleSet::default_rules().unwrap();
        let units = [("Xã A", 5.0), ("Xã C", 9.0), ("Xã B", 9.0)]
            .map(|(name, n)| UnitRow::with_counts(name, &[("ON_TIME", n, 10.0)]));
        let scores = crate::core::scoring::score_units(&units, &rules);
        let bars = sorted_bars(&scores, |u| u.total, 100.0);
        let got: Vec<(&str, f64)> = bars.iter().map(|b| (b.label.as_str(), b.value)).collect();
        assert_eq!(got, [("Xã B", 18.0), ("Xã C", 18.0), ("Xã A", 10.0)]);
    }

    #[test]
    fn a_long_label_is_cut_and_kept_whole_in_its_tooltip() {
        let long = "Sở Nông nghiệp và Phát triển nông thôn tỉnh Đắk Lắk";
        let svg = bars("x", "T", &[Bar { label: long.into(), value: 1.0, max: 2.0, note: String::new() }]);
        // 35 characters, then «…»; the whole name in the label's tooltip and the description.
        assert!(svg.contains(&format!("<title>{long}</title>Sở Nông nghiệp và Phát triển nông t…</text>")), "{svg}");
        assert!(svg.contains(&format!("<desc id=\"x-desc\">{long}: 1/2</desc>")));
        assert_eq!(label_text("UBND phường Phan Đình Phùng"), "UBND phường Phan Đình Phùng");
    }

    #[test]
    fn paired_bars_carry_both_series() {
        let svg =
            paired("u", "Đơn vị so với trung bình", ("Xã A", "Trung bình"), &[("TDGQ".into(), 19.48, 18.0, 20.0)]);
        assert!(svg.contains("<desc id=\"u-desc\">TDGQ: Xã A 19,48, Trung bình 18 (/20)</desc>"));
        assert!(svg.contains(r#"width="350.6" height="14" class="bar""#), "19.48/20 × 360");
        assert!(svg.contains(r#"width="324.0" height="11" class="peer""#), "18/20 × 360");
    }

    #[test]
    fn a_line_spans_its_values_and_breaks_where_one_is_missing() {
        let labels: Vec<String> = ["9/2026", "10/2026", "11/2026", "12/2026"].map(String::from).to_vec();
        let svg = line("t", "Tổng điểm", &labels, &[Some(52.5), Some(61.0), None, Some(58.0)], LineSize::Large);
        assert!(svg.contains("<desc id=\"t-desc\">9/2026: 52,5; 10/2026: 61; 11/2026: —; 12/2026: 58</desc>"));
        // The axis runs 50 to 65; the plot is 576 wide and 168 high from (48, 16): 52,5 sits at
        // 16 + 168 × (1 − 2,5/15) = 156, 61 at 16 + 168 × (1 − 11/15) = 60,8, three steps of 192.
        assert!(svg.contains(r#"<polyline points="48.0,156.0 240.0,60.8" class="trend-line"/>"#), "{svg}");
        assert_eq!(svg.matches("<polyline").count(), 1, "12/2026 stands alone after the gap");
        assert_eq!(svg.matches("<circle").count(), 3);
        assert!(svg.contains(">50</text>") && svg.contains(">65</text>"));
        let flat = line("s", "x", &labels[..2], &[Some(40.0), Some(40.0)], LineSize::Small);
        assert!(flat.contains(r#"points="4.0,28.0 104.0,28.0""#), "a flat line sits on the axis floor: {flat}");
    }
}
