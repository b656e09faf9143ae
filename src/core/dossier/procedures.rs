//! The procedures (TTHC) that cost points: per procedure of one unit, or of every unit of the
//! list together, the dossiers received and, for each criterion counted from dossiers, how many
//! count of how many, and the points the unit would gain if that procedure's dossiers all
//! counted (the rest unchanged), under the rule set's own scoring.

use std::collections::HashMap;

use super::reasons::meets;
use super::units::DossierTable;
use crate::core::model::format::{fixed, number};
use crate::core::model::lang::Lang;
use crate::core::model::text::fold_words;
use crate::core::rules::{Counts, Measure, RuleSet};
use crate::core::scoring::{counts_hundredths, hundredths_to_points, Scores};

/// Of `of` dossiers counted in a criterion's denominator, `met` count in its numerator.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Share {
    pub met: u32,
    pub of: u32,
}

impl Share {
    /// As a fraction of one; `None` when no dossier is in the denominator.
    pub fn ratio(&self) -> Option<f64> {
        (self.of > 0).then(|| f64::from(self.met) / f64::from(self.of))
    }

    /// «45/50 (90 %)», or «—» when no dossier is in the denominator.
    pub fn text(&self) -> String {
        match self.ratio() {
            Some(r) => format!(
                "{}/{} ({} %)",
                number(f64::from(self.met), 0),
                number(f64::from(self.of), 0),
                number(r * 100.0, 1)
            ),
            None => "—".into(),
        }
    }
}

#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct ProcedureRow {
    /// As the list writes it; empty for dossiers that name none.
    pub procedure: String,
    pub received: u32,
    /// One per criterion of the table, in its order.
    pub shares: Vec<Share>,
    /// Points gained per criterion if every dossier of this procedure counted.
    pub gains: Vec<f64>,
    /// Their sum, to the hundredth.
    pub gain: f64,
}

impl ProcedureRow {
    /// The procedure's name, or what stands for it when the list names none.
    pub fn label(&self, lang: Lang) -> &str {
        match (self.procedure.is_empty(), lang) {
            (false, _) => &self.procedure,
            (true, Lang::Vi) => "(không ghi thủ tục)",
            (true, Lang::En) => "(no procedure given)",
        }
    }

    /// «+2,50», or «—» when the procedure costs nothing.
    pub fn gain_text(&self) -> String {
        if self.gain > 0.0 {
            format!("+{}", fixed(self.gain, 2))
        } else {
            "—".into()
        }
    }
}

/// The heading of the points column, on screen and in the workbook alike.
pub fn gain_heading(lang: Lang) -> &'static str {
    lang.pick("Có thể tăng thêm (điểm)", "Could gain (points)")
}

/// What the points column means, said once under the table and in the workbook.
pub fn gain_note(lang: Lang) -> &'static str {
    lang.pick(
        "Số điểm đơn vị có thể tăng thêm nếu mọi hồ sơ của riêng thủ tục đó đều đạt (các thủ tục khác giữ nguyên), trong giới hạn chỉ tiêu và điểm tối đa.",
        "The points the unit could gain if every dossier of that procedure alone counted (the others unchanged), within targets and maxima.",
    )
}

/// How the rows are put in order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ProcedureSort {
    /// The most points to gain first.
    Gain,
    /// The most dossiers first.
    Received,
    Name,
    /// The lowest share of the criterion at this index first.
    Share(usize),
}

impl ProcedureSort {
    /// The sort a select's value names ("gain", "received", "name", "share-2").
    pub fn from_code(code: &str) -> ProcedureSort {
        match code {
            "received" => ProcedureSort::Received,
            "name" => ProcedureSort::Name,
            other => other
                .strip_prefix("share-")
                .and_then(|i| i.parse().ok())
                .map_or(ProcedureSort::Gain, ProcedureSort::Share),
        }
    }

    /// What the sort select shows; `labels` are the table's criteria's short labels.
    pub fn label(self, lang: Lang, labels: &[&str]) -> String {
        match self {
            ProcedureSort::Gain => lang.pick("Điểm có thể tăng thêm", "Points to gain").into(),
            ProcedureSort::Received => lang.pick("Số hồ sơ tiếp nhận", "Dossiers received").into(),
            ProcedureSort::Name => lang.pick("Tên thủ tục", "Procedure name").into(),
            ProcedureSort::Share(i) => {
                format!("{}{}", lang.pick("Tỷ lệ thấp nhất: ", "Lowest share: "), labels.get(i).copied().unwrap_or(""))
            }
        }
    }

    pub fn code(self) -> String {
        match self {
            ProcedureSort::Gain => "gain".into(),
            ProcedureSort::Received => "received".into(),
            ProcedureSort::Name => "name".into(),
            ProcedureSort::Share(i) => format!("share-{i}"),
        }
    }
}

#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct ProcedureTable {
    /// The criteria counted from dossiers that this list has the columns for (codes).
    pub criteria: Vec<String>,
    /// The most points to gain first.
    pub rows: Vec<ProcedureRow>,
}

impl ProcedureTable {
    /// The rows whose procedure contains `filter` (without regard to case or diacritics), in the
    /// order of `sort` (ties: the most points, then the most dossiers, then the name).
    pub fn order(&self, sort: ProcedureSort, filter: &str) -> Vec<usize> {
        let filter = fold_words(filter);
        let mut order: Vec<usize> = (0..self.rows.len())
            .filter(|&i| filter.is_empty() || fold_words(&self.rows[i].procedure).contains(&filter))
            .collect();
        let row = |i: usize| &self.rows[i];
        let share = |i: usize, c: usize| row(i).shares.get(c).and_then(Share::ratio).unwrap_or(f64::INFINITY);
        order.sort_by(|&a, &b| {
            let first = match sort {
                ProcedureSort::Gain => std::cmp::Ordering::Equal,
                ProcedureSort::Received => row(b).received.cmp(&row(a).received),
                ProcedureSort::Name => fold_words(&row(a).procedure).cmp(&fold_words(&row(b).procedure)),
                ProcedureSort::Share(c) => share(a, c).total_cmp(&share(b, c)),
            };
            first
                .then(row(b).gain.total_cmp(&row(a).gain))
                .then(row(b).received.cmp(&row(a).received))
                .then(row(a).procedure.cmp(&row(b).procedure))
        });
        order
    }

    /// Every way the rows can be ordered, the select's options.
    pub fn sorts(&self) -> Vec<ProcedureSort> {
        [ProcedureSort::Gain, ProcedureSort::Received, ProcedureSort::Name]
            .into_iter()
            .chain((0..self.criteria.len()).map(ProcedureSort::Share))
            .collect()
    }

    /// «4 thủ tục có hồ sơ tiếp nhận trong kỳ; 3 thủ tục làm mất điểm.»
    pub fn summary(&self, lang: Lang) -> String {
        let costing = self.costing().count();
        match lang {
            Lang::Vi => format!(
                "{} thủ tục có hồ sơ tiếp nhận trong kỳ; {} thủ tục làm mất điểm.",
                number(self.rows.len() as f64, 0),
                number(costing as f64, 0)
            ),
            Lang::En => {
                format!("{} procedures with dossiers received in the period; {} cost points.", self.rows.len(), costing)
            }
        }
    }

    /// The rows that cost any points, as the to-fix workbook lists them.
    pub fn costing(&self) -> impl Iterator<Item = &ProcedureRow> {
        self.rows.iter().filter(|r| r.gain > 0.0)
    }
}

/// The procedures of `unit` (an index into the list's units), or of every unit when `None`. The
/// points are reckoned on the unit's scored counts; for every unit together, on the sum of the
/// units' counts (the whole as it pools them).
pub fn procedures(table: &DossierTable, scores: &Scores, rules: &RuleSet, unit: Option<u32>) -> ProcedureTable {
    let mapping = &table.list.mapping;
    let criteria: Vec<(&crate::core::rules::Criterion, Measure, Measure)> = rules
        .criteria
        .iter()
        // A procedure-level criterion (HAS_ONLINE) is not a share of a procedure's dossiers.
        .filter(|c| c.counts == Counts::Dossiers)
        .filter_map(|c| {
            let numerator = c.dossiers.numerator.filter(|m| mapping.can_count(*m))?;
            let denominator = c.dossiers.denominator.filter(|m| mapping.can_count(*m)).unwrap_or(Measure::Received);
            Some((c, numerator, denominator))
        })
        .collect();
    let context = &table.tally.context;
    let mut by_procedure: HashMap<Option<u32>, (u32, Vec<Share>)> = HashMap::new();
    for d in &table.list.dossiers {
        if unit.is_some_and(|u| u != d.unit) || !table.tally.window.contains(d.received) {
            continue;
        }
        let (received, shares) =
            by_procedure.entry(d.procedure).or_insert_with(|| (0, vec![Share::default(); criteria.len()]));
        *received += 1;
        for ((_, numerator, denominator), share) in criteria.iter().zip(shares.iter_mut()) {
            if meets(*denominator, d, context) {
                share.of += 1;
                share.met += u32::from(meets(*numerator, d, context));
            }
        }
    }
    // The counts the points are reckoned on, per criterion.
    let names: Vec<String> = match unit {
        Some(u) => vec![fold_words(&table.names[u as usize])],
        None => table.tally.units.iter().map(|t| fold_words(&table.names[t.unit as usize])).collect(),
    };
    let scored: Vec<_> = scores.units.iter().filter(|u| names.contains(&fold_words(&u.name))).collect();
    let base: Vec<Option<(f64, f64)>> = criteria
        .iter()
        .map(|(c, _, _)| {
            let counts =
                scored.iter().filter_map(|u| u.criterion(&c.code)).filter_map(|r| r.numerator.zip(r.denominator));
            counts.reduce(|(n, d), (m, e)| (n + m, d + e))
        })
        .collect();
    let mut rows: Vec<ProcedureRow> = by_procedure
        .into_iter()
        .map(|(procedure, (received, shares))| {
            let gains: Vec<i64> = criteria
                .iter()
                .zip(&shares)
                .zip(&base)
                .map(|(((c, _, _), share), base)| {
                    let Some((n, d)) = *base else { return 0 };
                    let short = f64::from(share.of - share.met);
                    let now = counts_hundredths(c, n, d);
                    let after = counts_hundredths(c, (n + short).min(d), d);
                    now.zip(after).map_or(0, |(now, after)| (after - now).max(0))
                })
                .collect();
            ProcedureRow {
                procedure: table.list.procedure_name(procedure).to_string(),
                received,
                shares,
                gain: hundredths_to_points(gains.iter().sum()),
                gains: gains.into_iter().map(hundredths_to_points).collect(),
            }
        })
        .collect();
    rows.sort_by(|a, b| {
        b.gain.total_cmp(&a.gain).then(b.received.cmp(&a.received)).then(a.procedure.cmp(&b.procedure))
    });
    ProcedureTable { criteria: criteria.iter().map(|(c, _, _)| c.code.clone()).collect(), rows }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_are_named_for_the_select() {
        for sort in [ProcedureSort::Gain, ProcedureSort::Received, ProcedureSort::Name, ProcedureSort::Share(3)] {
            assert_eq!(ProcedureSort::from_code(&sort.code()), sort);
        }
        assert_eq!(ProcedureSort::from_code("share-x"), ProcedureSort::Gain);
        assert_eq!(Share { met: 45, of: 50 }.text(), "45/50 (90 %)");
        assert_eq!(Share { met: 1, of: 3 }.text(), "1/3 (33,3 %)");
        assert_eq!(Share::default().text(), "—");
        assert_eq!(ProcedureSort::Share(1).label(Lang::Vi, &["Đúng hạn", "Trực tuyến"]), "Tỷ lệ thấp nhất: Trực tuyến");
    }

    #[test]
    fn a_table_says_what_it_holds() {
        let row = |procedure: &str, gain: f64| ProcedureRow {
            procedure: procedure.into(),
            received: 3,
            shares: vec![Share { met: 1, of: 3 }],
            gains: vec![gain],
            gain,
        };
        let t = ProcedureTable { criteria: vec!["ON_TIME".into()], rows: vec![row("A", 1.25), row("", 0.0)] };
        assert_eq!(t.summary(Lang::Vi), "2 thủ tục có hồ sơ tiếp nhận trong kỳ; 1 thủ tục làm mất điểm.");
        assert_eq!(
            t.sorts(),
            [ProcedureSort::Gain, ProcedureSort::Received, ProcedureSort::Name, ProcedureSort::Share(0)]
        );
        assert_eq!((t.rows[0].gain_text(), t.rows[1].gain_text()), ("+1,25".to_string(), "—".to_string()));
        assert_eq!(t.rows[1].label(Lang::Vi), "(không ghi thủ tục)");
    }
}
