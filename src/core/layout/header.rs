//! Finding the header row of a table and matching its columns to what the rule set knows:
//! by label or by code, regardless of case, diacritics, spacing or punctuation.

use std::collections::HashMap;

use crate::core::model::table::{Cell, Sheet};
use crate::core::model::text::fold;
use crate::core::rules::RuleSet;

use crate::core::model::table::HEADER_SEARCH_ROWS;

/// Which part of a ratio a column holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
pub enum Part {
    Numerator,
    Denominator,
    Rate,
    /// A single value (a tracked count or a number of days).
    Value,
}

/// What a column means.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
pub enum Column {
    Unit,
    UnitKind,
    Parent,
    Period,
    Criterion {
        code: String,
        part: Part,
    },
    Tracked {
        code: String,
        part: Part,
    },
    /// A group's score (a score-only table copied from the portal).
    GroupScore(String),
    TotalScore,
}

impl Column {
    /// A stable text form, for a `<select>` value and for remembering a user's mapping.
    pub fn encode(&self) -> String {
        let part = |p: &Part| match p {
            Part::Numerator => "num",
            Part::Denominator => "den",
            Part::Rate => "rate",
            Part::Value => "val",
        };
        match self {
            Column::Unit => "unit".into(),
            Column::UnitKind => "kind".into(),
            Column::Parent => "parent".into(),
            Column::Period => "period".into(),
            Column::Criterion { code, part: p } => format!("c:{code}:{}", part(p)),
            Column::Tracked { code, part: p } => format!("t:{code}:{}", part(p)),
            Column::GroupScore(code) => format!("g:{code}"),
            Column::TotalScore => "total".into(),
        }
    }

    pub fn decode(text: &str) -> Option<Column> {
        let part = |p: &str| match p {
            "num" => Some(Part::Numerator),
            "den" => Some(Part::Denominator),
            "rate" => Some(Part::Rate),
            "val" => Some(Part::Value),
            _ => None,
        };
        let mut pieces = text.splitn(3, ':');
        match (pieces.next()?, pieces.next(), pieces.next()) {
            ("unit", None, None) => Some(Column::Unit),
            ("kind", None, None) => Some(Column::UnitKind),
            ("parent", None, None) => Some(Column::Parent),
            ("period", None, None) => Some(Column::Period),
            ("total", None, None) => Some(Column::TotalScore),
            ("g", Some(code), None) => Some(Column::GroupScore(code.to_string())),
            ("c", Some(code), Some(p)) => Some(Column::Criterion { code: code.to_string(), part: part(p)? }),
            ("t", Some(code), Some(p)) => Some(Column::Tracked { code: code.to_string(), part: part(p)? }),
            _ => None,
        }
    }

    /// Every column a rule set knows, in the order a mapping screen offers them.
    pub fn all(rules: &RuleSet) -> Vec<Column> {
        let mut out = vec![Column::Unit, Column::UnitKind, Column::Parent, Column::Period];
        for c in &rules.criteria {
            for part in [Part::Numerator, Part::Denominator, Part::Rate] {
                out.push(Column::Criterion { code: c.code.clone(), part });
            }
        }
        for t in &rules.tracked {
            for part in [Part::Numerator, Part::Denominator, Part::Value] {
                out.push(Column::Tracked { code: t.code.clone(), part });
            }
        }
        out.extend(rules.groups.iter().map(|g| Column::GroupScore(g.code.clone())));
        out.push(Column::TotalScore);
        out
    }

    /// Every meaning a column can be given, as (code, what it means for a person): the choices of
    /// a column's select.
    pub fn choices(rules: &RuleSet, lang: crate::core::model::lang::Lang) -> Vec<(String, String)> {
        Column::all(rules).iter().map(|c| (c.encode(), c.describe(rules, lang))).collect()
    }

    /// What the column means, for a person.
    pub fn describe(&self, rules: &RuleSet, lang: crate::core::model::lang::Lang) -> String {
        use crate::core::model::lang::Lang;
        let part = |p: &Part| match p {
            Part::Numerator => lang.pick("tử số", "numerator"),
            Part::Denominator => lang.pick("mẫu số", "denominator"),
            Part::Rate => lang.pick("tỷ lệ %", "rate %"),
            Part::Value => lang.pick("giá trị", "value"),
        };
        match self {
            Column::Unit => lang.pick("Đơn vị", "Unit").into(),
            Column::UnitKind => lang.pick("Loại đơn vị", "Unit kind").into(),
            Column::Parent => lang.pick("Đơn vị cấp trên", "Parent unit").into(),
            Column::Period => lang.pick("Kỳ", "Period").into(),
            Column::Criterion { code, part: p } => {
                let label = rules.criterion(code).map_or(code.as_str(), |c| c.label_in(lang));
                format!("{label} ({})", part(p))
            }
            Column::Tracked { code, part: p } => {
                let label = rules.tracked.iter().find(|t| &t.code == code).map_or(code.as_str(), |t| t.label.as_str());
                format!("{label} ({})", part(p))
            }
            Column::GroupScore(code) => {
                let name = rules.group(code).map_or(code.clone(), |g| match lang {
                    Lang::Vi => g.name.clone(),
                    Lang::En => g.name_en.clone(),
                });
                format!("{} — {name}", lang.pick("Điểm nhóm", "Group score"))
            }
            Column::TotalScore => lang.pick("Tổng điểm", "Total score").into(),
        }
    }
}

/// How each column of a sheet was understood; `None` columns are ignored.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Mapping {
    /// Zero-based row of the header within the sheet.
    pub header_row: usize,
    pub headers: Vec<String>,
    pub columns: Vec<Option<Column>>,
}

impl Mapping {
    pub fn column_of(&self, wanted: &Column) -> Option<usize> {
        self.columns.iter().position(|c| c.as_ref() == Some(wanted))
    }

    pub fn has_criteria(&self) -> bool {
        self.columns.iter().flatten().any(|c| matches!(c, Column::Criterion { .. }))
    }

    pub fn has_group_scores(&self) -> bool {
        self.columns.iter().flatten().any(|c| matches!(c, Column::GroupScore(_)))
    }

    /// A key for remembering a user's corrections: the folded header texts.
    pub fn signature(&self) -> String {
        self.headers.iter().map(|h| fold(h)).collect::<Vec<_>>().join("|")
    }
}

/// The folded names a rule set answers to.
pub struct Vocabulary {
    names: HashMap<String, Column>,
}

// «TEN_COQUAN», «LOAI_COQUAN», «TONG_SCORE»: the portal's own field names, as a peer tool exports
// them (real-formats.md §4; a bare «Tên» is too vague to be the unit).
const UNIT_WORDS: [&str; 6] = ["donvi", "tendonvi", "unit", "coquandonvi", "tencoquan", "departmentname"];
const KIND_WORDS: [&str; 4] = ["loaidonvi", "capdonvi", "unitkind", "loaicoquan"];
const PARENT_WORDS: [&str; 3] = ["donvicaptren", "captren", "parent"];
const PERIOD_WORDS: [&str; 3] = ["ky", "kybaocao", "period"];
const TOTAL_WORDS: [&str; 7] = ["tongdiem", "tong", "total", "diem", "tongso", "tongscore", "totalscore"];

impl Vocabulary {
    pub fn new(rules: &RuleSet) -> Vocabulary {
        let mut names = HashMap::new();
        let fixed = [
            (&UNIT_WORDS[..], Column::Unit),
            (&KIND_WORDS[..], Column::UnitKind),
            (&PARENT_WORDS[..], Column::Parent),
            (&PERIOD_WORDS[..], Column::Period),
            (&TOTAL_WORDS[..], Column::TotalScore),
        ];
        for (words, column) in fixed {
            for w in words {
                names.insert(w.to_string(), column.clone());
            }
        }
        for g in &rules.groups {
            for name in [&g.code, &g.name, &g.name_en] {
                names.insert(fold(name), Column::GroupScore(g.code.clone()));
            }
        }
        // Criterion and tracked names go in with a placeholder part; the header's suffix decides.
        for c in &rules.criteria {
            for name in [&c.code, &c.label, &c.name] {
                names.insert(fold(name), Column::Criterion { code: c.code.clone(), part: Part::Value });
            }
        }
        for t in &rules.tracked {
            for name in [&t.code, &t.label, &t.name] {
                names.insert(fold(name), Column::Tracked { code: t.code.clone(), part: Part::Value });
            }
        }
        Vocabulary { names }
    }

    /// What a header text means, if anything.
    pub fn column(&self, header: &str) -> Option<Column> {
        let folded = fold(header);
        if folded.is_empty() {
            return None;
        }
        let percent = header.contains('%');
        let (stem, part) = if let Some(s) = strip_any(&folded, &["tuso", "numerator"]) {
            (s, Part::Numerator)
        } else if let Some(s) = strip_any(&folded, &["mauso", "denominator"]) {
            (s, Part::Denominator)
        } else if percent {
            (folded.as_str(), Part::Rate)
        } else {
            (folded.as_str(), Part::Value)
        };
        let found = self
            .names
            .get(stem)
            .or_else(|| ["tyle", "rate"].iter().find_map(|p| stem.strip_prefix(p).and_then(|s| self.names.get(s))))
            .or_else(|| stem.strip_suffix("tyle").and_then(|s| self.names.get(s)))?;
        match (found, part) {
            (Column::Criterion { code, .. }, part) => Some(Column::Criterion { code: code.clone(), part }),
            (Column::Tracked { code, .. }, part) => Some(Column::Tracked { code: code.clone(), part }),
            (other, Part::Value) => Some(other.clone()),
            _ => None,
        }
    }
}

fn strip_any<'a>(text: &'a str, suffixes: &[&str]) -> Option<&'a str> {
    suffixes.iter().find_map(|s| text.strip_suffix(s)).filter(|s| !s.is_empty())
}

fn header_text(cell: Option<&Cell>) -> String {
    match cell {
        Some(Cell::Text(t)) => t.trim().to_string(),
        Some(c) if !c.is_empty() => c.display(),
        _ => String::new(),
    }
}

/// The header the user points at: row `row` of `sheet`, each column read as the rule set names
/// it (the user then says what the others are). For a table chiso does not recognise.
pub fn mapping_at(sheet: &Sheet, row: usize, vocabulary: &Vocabulary) -> Mapping {
    let headers: Vec<String> = (0..sheet.width()).map(|c| header_text(sheet.header_cell(row, c))).collect();
    let mut columns: Vec<Option<Column>> = headers.iter().map(|h| vocabulary.column(h)).collect();
    dedupe(&mut columns);
    Mapping { header_row: row, headers, columns }
}

/// Finds the header: among the first rows, the one that names a unit column and the most known
/// columns. A unit label merged over two header rows sits in the row above; it is taken from there.
pub fn find_header(sheet: &Sheet, vocabulary: &Vocabulary) -> Option<Mapping> {
    let mut best: Option<(usize, Mapping)> = None;
    for r in 0..sheet.height().min(HEADER_SEARCH_ROWS) {
        let mut headers = Vec::with_capacity(sheet.width());
        let mut columns = Vec::with_capacity(sheet.width());
        for c in 0..sheet.width() {
            let own = header_text(sheet.header_cell(r, c));
            let above = || if r > 0 { header_text(sheet.header_cell(r - 1, c)) } else { String::new() };
            let (text, column) = if own.is_empty() && r > 0 {
                let above = above();
                let column = vocabulary
                    .column(&above)
                    .filter(|col| matches!(col, Column::Unit | Column::UnitKind | Column::Parent | Column::Period));
                (if column.is_some() { above } else { own }, column)
            } else if is_bare_part(&own) && !above().is_empty() {
                // A two-row header: the criterion above (often merged across), its part below.
                let text = format!("{} ({own})", above());
                let column = vocabulary.column(&text);
                (text, column)
            } else {
                let column = vocabulary.column(&own);
                (own, column)
            };
            headers.push(text);
            columns.push(column);
        }
        dedupe(&mut columns);
        if !columns.contains(&Some(Column::Unit)) {
            continue;
        }
        // Figures outweigh group names: a merged group row above the real header also names a
        // unit column when its label is merged downwards.
        let known: usize = columns
            .iter()
            .flatten()
            .map(|c| if matches!(c, Column::Criterion { .. } | Column::Tracked { .. }) { 2 } else { 1 })
            .sum();
        if best.as_ref().is_none_or(|(k, _)| known > *k) {
            best = Some((known, Mapping { header_row: r, headers, columns }));
        }
    }
    best.map(|(_, m)| m)
}

/// A header that names only a part: "tử số", "Mẫu số", "%", "Tỷ lệ (%)".
pub fn is_bare_part(text: &str) -> bool {
    text.trim() == "%" || matches!(crate::core::model::text::fold(text).as_str(), "tuso" | "mauso" | "tyle")
}

/// A second column for the same thing is ignored: the first one wins.
fn dedupe(columns: &mut [Option<Column>]) {
    let mut seen = std::collections::HashSet::new();
    for column in columns.iter_mut() {
        if let Some(c) = column {
            if !seen.insert(c.clone()) {
                *column = None;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vocab() -> Vocabulary {
        Vocabulary::new(&RuleSet::default_rules().unwrap())
    }

    fn crit(code: &str, part: Part) -> Option<Column> {
        Some(Column::Criterion { code: code.into(), part })
    }

    #[test]
    fn labels_codes_and_folded_forms() {
        let v = vocab();
        assert_eq!(v.column("Hồ sơ đúng hạn, trong hạn (tử số)"), crit("ON_TIME", Part::Numerator));
        assert_eq!(v.column("ho so dung han trong han (mau so)"), crit("ON_TIME", Part::Denominator));
        assert_eq!(v.column("ON_TIME (tử số)"), crit("ON_TIME", Part::Numerator));
        assert_eq!(v.column("on_time - mẫu số"), crit("ON_TIME", Part::Denominator));
        assert_eq!(v.column("Hồ sơ đúng hạn, trong hạn (%)"), crit("ON_TIME", Part::Rate));
        assert_eq!(v.column("Tỷ lệ hồ sơ nộp trực tuyến (%)"), crit("ONLINE_DOSSIERS", Part::Rate));
        assert_eq!(v.column("Tỷ lệ hồ sơ đã và đang xử lý đúng hạn, trong hạn (%)"), crit("ON_TIME", Part::Rate));
        assert_eq!(v.column("ĐƠN VỊ"), Some(Column::Unit));
        assert_eq!(v.column("Đơn vị cấp trên"), Some(Column::Parent));
        assert_eq!(v.column("Kỳ"), Some(Column::Period));
        assert_eq!(
            v.column("Tổng hồ sơ tiếp nhận"),
            Some(Column::Tracked { code: "RECEIVED".into(), part: Part::Value })
        );
        assert_eq!(
            v.column("Thời gian giải quyết trung bình (ngày)"),
            Some(Column::Tracked { code: "AVG_DAYS".into(), part: Part::Value })
        );
        assert_eq!(v.column("Công khai, minh bạch"), Some(Column::GroupScore("CKMB".into())));
        assert_eq!(v.column("MDSH"), Some(Column::GroupScore("MDSH".into())));
        assert_eq!(v.column("Tổng điểm"), Some(Column::TotalScore));
        assert_eq!(v.column("Ghi chú"), None);
        assert_eq!(v.column("Đơn vị (tử số)"), None);
        assert_eq!(v.column(""), None);
    }

    fn text_row(cells: &[&str]) -> Vec<Cell> {
        cells.iter().map(|s| if s.is_empty() { Cell::Empty } else { Cell::Text(s.to_string()) }).collect()
    }

    #[test]
    fn the_header_row_is_found_under_titles_and_a_merged_group_row() {
        let sheet = Sheet::from_rows(
            "S",
            (0, 0),
            vec![
                text_row(&["BÁO CÁO THÁNG 11/2023", "", "", ""]),
                text_row(&["Đơn vị", "Tiến độ giải quyết", "", "Ghi chú"]),
                text_row(&["", "Hồ sơ đúng hạn, trong hạn (tử số)", "Hồ sơ đúng hạn, trong hạn (mẫu số)", ""]),
                text_row(&["UBND xã Ba Vì", "4358", "4474", ""]),
            ],
        );
        let m = find_header(&sheet, &vocab()).unwrap();
        assert_eq!(m.header_row, 2);
        assert_eq!(
            m.columns,
            vec![Some(Column::Unit), crit("ON_TIME", Part::Numerator), crit("ON_TIME", Part::Denominator), None]
        );
        assert_eq!(m.headers[0], "Đơn vị");
        assert!(m.has_criteria() && !m.has_group_scores());
    }

    #[test]
    fn every_column_survives_encoding() {
        let rules = RuleSet::default_rules().unwrap();
        for column in Column::all(&rules) {
            assert_eq!(Column::decode(&column.encode()), Some(column.clone()));
        }
        assert_eq!(Column::encode(&Column::Criterion { code: "ON_TIME".into(), part: Part::Rate }), "c:ON_TIME:rate");
        assert_eq!(Column::decode("c:ON_TIME:xyz"), None);
        assert_eq!(Column::decode(""), None);
    }

    #[test]
    fn a_header_the_user_points_at() {
        let sheet = Sheet::from_rows(
            "S",
            (0, 0),
            vec![text_row(&["BÁO CÁO"]), text_row(&["Tên", "ON_TIME (tử số)", "Ghi chú"]), text_row(&["A", "1", ""])],
        );
        // No unit column chiso knows: no header found, but row 2 as the user points at it.
        assert_eq!(find_header(&sheet, &vocab()), None);
        let m = mapping_at(&sheet, 1, &vocab());
        assert_eq!(
            (m.header_row, m.headers.clone()),
            (1, vec!["Tên".to_string(), "ON_TIME (tử số)".into(), "Ghi chú".into()])
        );
        assert_eq!(m.columns, vec![None, crit("ON_TIME", Part::Numerator), None]);
    }

    #[test]
    fn a_duplicate_column_is_ignored_and_no_unit_means_no_header() {
        let sheet = Sheet::from_rows(
            "S",
            (0, 0),
            vec![text_row(&["Đơn vị", "ON_TIME (tử số)", "Hồ sơ đúng hạn, trong hạn (tử số)"])],
        );
        let m = find_header(&sheet, &vocab()).unwrap();
        assert_eq!(m.columns, vec![Some(Column::Unit), crit("ON_TIME", Part::Numerator), None]);
        let sheet = Sheet::from_rows("S", (0, 0), vec![text_row(&["Tên", "ON_TIME (tử số)"])]);
        assert_eq!(find_header(&sheet, &vocab()), None);
    }
}
