//! Charts as inline SVG written here, with no chart library: horizontal bars against a maximum,
//! and paired bars (a unit against the average of its peers). Every chart carries a <title> and a
//! <desc> with its figures, its text alternative.

use crate::core::format::number;

/// One bar: its label, its value and the maximum it is drawn against.
#[derive(Clone, Debug, PartialEq)]
pub struct Bar {
    pub label: String,
    pub value: f64,
    pub max: f64,
}

const LABEL_WIDTH: f64 = 230.0;
const PLOT_WIDTH: f64 = 360.0;
const ROW: f64 = 22.0;
const BAR: f64 = 14.0;

fn escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

fn width_of(value: f64, max: f64) -> f64 {
    if max > 0.0 {
        (value / max).clamp(0.0, 1.0) * PLOT_WIDTH
    } else {
        0.0
    }
}

fn open(id: &str, title: &str, desc: &str, height: f64) -> String {
    let width = LABEL_WIDTH + PLOT_WIDTH + 70.0;
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
        .map(|b| format!("{}: {}/{}", b.label, number(b.value, 2), number(b.max, 2)))
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
            escape(&b.label),
            width_of(b.value, b.max),
            LABEL_WIDTH + PLOT_WIDTH + 6.0,
            y + BAR - 3.0,
            number(b.value, 2)
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
            escape(label),
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bar_widths_are_proportional_and_the_figures_are_in_the_text_alternative() {
        let svg = bars(
            "tdgq",
            "Tiến độ giải quyết",
            &[
                Bar { label: "Xã <A>".into(), value: 10.0, max: 20.0 },
                Bar { label: "Xã B".into(), value: 25.0, max: 20.0 },
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

    #[test]
    fn paired_bars_carry_both_series() {
        let svg =
            paired("u", "Đơn vị so với trung bình", ("Xã A", "Trung bình"), &[("TDGQ".into(), 19.48, 18.0, 20.0)]);
        assert!(svg.contains("<desc id=\"u-desc\">TDGQ: Xã A 19,48, Trung bình 18 (/20)</desc>"));
        assert!(svg.contains(r#"width="350.6" height="14" class="bar""#), "19.48/20 × 360");
        assert!(svg.contains(r#"width="324.0" height="11" class="peer""#), "18/20 × 360");
    }
}
