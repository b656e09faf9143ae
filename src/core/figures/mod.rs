//! Unit figures read from a table: for each unit, the numerator, denominator or rate of every
//! criterion, its tracked values, or (in a score-only table) its group scores. Cells that cannot
//! be used are reported with their place and left out; the rest of the file is still read.

use std::collections::{BTreeMap, HashMap};

use self::dossier_issues::{Assumed, ProblemKind};
use crate::core::layout::header::{find_header, is_bare_part, Column, Mapping, Part, Vocabulary};
use crate::core::model::period::Period;
use crate::core::model::table::{Cell, Sheet};
use crate::core::model::text::fold_words;
use crate::core::model::values;
use crate::core::rules::RuleSet;

pub mod dossier_issues;
mod message;
pub mod scope;
pub mod settlement;
pub mod sources;

/// One criterion's inputs for one unit.
#[derive(Clone, Copy, Debug, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Figure {
    pub numerator: Option<f64>,
    pub denominator: Option<f64>,
    /// A rate given directly, as a fraction of one, when the counts are not known.
    pub rate: Option<f64>,
}

impl UnitRow {
    /// A unit with counts (numerator, denominator) for some criteria: made up to be scored (a
    /// pooling, the tests).
    pub(crate) fn with_counts(name: &str, figures: &[(&str, f64, f64)]) -> UnitRow {
        UnitRow {
            name: name.into(),
            kind: None,
            parent: None,
            period: None,
            source: Place::default(),
            figures: figures
                .iter()
                .map(|&(c, n, d)| (c.to_string(), Figure { numerator: Some(n), denominator: Some(d), rate: None }))
                .collect(),
            tracked: Default::default(),
            group_scores: Default::default(),
            total_score: None,
            origins: Default::default(),
        }
    }

    /// What makes two rows the same unit in the same period.
    pub fn key(&self) -> (String, (String, String)) {
        let period = self.period.as_ref().map(Period::slug).unwrap_or_default();
        (period, unit_key(&self.name, self.parent.as_deref()))
    }
}

/// What makes two units the same one, in any period: the name and the parent, folded.
pub fn unit_key(name: &str, parent: Option<&str>) -> (String, String) {
    (fold_words(name), parent.map(fold_words).unwrap_or_default())
}

impl Figure {
    pub fn is_empty(&self) -> bool {
        self.numerator.is_none() && self.denominator.is_none() && self.rate.is_none()
    }
}

#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct UnitRow {
    pub name: String,
    pub kind: Option<String>,
    pub parent: Option<String>,
    /// The period its `Kỳ` cell names, or (when it names none) the one its file is of.
    pub period: Option<crate::core::model::period::Period>,
    /// Where the unit came from: file, sheet and the spreadsheet row number (1-based).
    pub source: Place,
    pub figures: BTreeMap<String, Figure>,
    pub tracked: BTreeMap<String, Figure>,
    /// Group scores of a score-only table.
    pub group_scores: BTreeMap<String, f64>,
    pub total_score: Option<f64>,
    /// Where each figure came from, once the sources of a period are merged (see [`sources`]);
    /// empty on a row as read.
    #[serde(default)]
    pub origins: BTreeMap<String, sources::Origin>,
}

/// A place in a file that a message can name.
#[derive(Clone, Debug, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub struct Place {
    pub file: String,
    pub sheet: String,
    /// Spreadsheet row number, 1-based, as Excel shows it.
    pub row: usize,
    /// Column letters ("C"), empty when the whole row is meant.
    pub column: String,
}

impl Place {
    /// Row `r` (and column `c`, when one is meant) of `sheet`, both zero-based within it, as
    /// Excel numbers and letters them.
    pub fn in_sheet(file: &str, sheet: &Sheet, r: usize, c: Option<usize>) -> Place {
        Place {
            file: file.to_string(),
            sheet: sheet.name.clone(),
            row: sheet.origin.0 + r + 1,
            column: c.map(|c| crate::core::model::format::column_letters(sheet.origin.1 + c)).unwrap_or_default(),
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum TableKind {
    UnitFigures,
    ScoreOnly,
    /// One row per dossier, tallied into unit figures.
    DossierList,
    /// A settlement report (Biểu II.06a/VPCP/KSTT): counts per unit or per field.
    SettlementReport,
}

impl TableKind {
    pub const ALL: [TableKind; 4] =
        [TableKind::UnitFigures, TableKind::ScoreOnly, TableKind::DossierList, TableKind::SettlementReport];

    pub fn code(self) -> &'static str {
        match self {
            TableKind::UnitFigures => "unit-figures",
            TableKind::ScoreOnly => "score-only",
            TableKind::DossierList => "dossier-list",
            TableKind::SettlementReport => "settlement-report",
        }
    }

    pub fn from_code(code: &str) -> Option<TableKind> {
        TableKind::ALL.into_iter().find(|k| k.code() == code)
    }

    pub fn label(self, lang: crate::core::model::lang::Lang) -> &'static str {
        use crate::core::model::lang::Lang;
        match (self, lang) {
            (TableKind::UnitFigures, Lang::Vi) => "Số liệu đơn vị",
            (TableKind::UnitFigures, Lang::En) => "Unit figures",
            (TableKind::ScoreOnly, Lang::Vi) => "Chỉ có điểm",
            (TableKind::ScoreOnly, Lang::En) => "Scores only",
            (TableKind::DossierList, Lang::Vi) => "Danh sách hồ sơ",
            (TableKind::DossierList, Lang::En) => "Dossier list",
            (TableKind::SettlementReport, Lang::Vi) => "Báo cáo kết quả giải quyết TTHC (Biểu 06)",
            (TableKind::SettlementReport, Lang::En) => "Settlement report (form 06)",
        }
    }
}

/// A cell or row that was not used as it stands.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub enum IssueKind {
    NotANumber {
        header: String,
        value: String,
    },
    NegativeCount {
        header: String,
        value: f64,
    },
    NumeratorAboveDenominator {
        criterion: String,
        numerator: f64,
        denominator: f64,
    },
    RateOutOfRange {
        header: String,
        value: f64,
    },
    /// A published group or total score below 0 or above its maximum.
    ScoreOutOfRange {
        header: String,
        value: f64,
        max: f64,
    },
    /// The same unit (same name and parent) again in the same period; only the first row counts.
    DuplicateUnit {
        name: String,
        first: Place,
    },
    /// A row with no period while other rows have one: it cannot be placed, so it is not scored.
    NoPeriod {
        name: String,
    },
    MissingUnitName,
    /// A header and no unit row under it (a blank template sent back as it came); the place is
    /// the first row to fill, in the unit column.
    NoUnitRows,
    /// `count` columns took their header from merged cells (the first merge `range`).
    MergedHeader {
        range: String,
        count: usize,
    },
    /// A cell of a dossier list that could not be used.
    Dossier(ProblemKind),
    /// More dossier problems than are listed one by one.
    MoreDossierProblems {
        count: usize,
    },
    /// A total of a settlement report that is not the sum of its parts; the row is scored from
    /// the parts.
    PartsDisagree {
        total: String,
        given: f64,
        parts: Vec<String>,
        sum: f64,
    },
    /// A report's group row («I», «Cấp xã»): a heading, not a unit.
    GroupRow {
        name: String,
    },
    /// A report's total row: the whole, pooled from the unit rows rather than read as written.
    TotalRow {
        name: String,
        whole: Option<String>,
    },
    /// A report's total row that is not the sum of its unit rows, in one column.
    TotalDisagrees {
        header: String,
        total: f64,
        sum: f64,
    },
    /// A report whose rows are partly units' names and partly fields': read as `read_as` until the
    /// user says which they are.
    MixedReportRows {
        units: usize,
        fields: usize,
        read_as: crate::core::figures::settlement::Layout,
    },
    /// Two files of different sources that give the same units different figures: said once per
    /// pair, with the file used.
    SourcesDisagree {
        used: sources::SourceKind,
        used_file: String,
        other: sources::SourceKind,
        other_file: String,
        criteria: usize,
        units: Vec<String>,
    },
    /// Dossiers of the period whose status (not accepted, withdrawn) takes them out of the counts.
    StatusLeftOut {
        status: String,
        count: usize,
        period: String,
    },
    /// An operator's dossier rule the list cannot apply for want of a column, and what was assumed.
    RuleAssumed(Assumed),
    /// A settlement report's on-time figure counts dossiers carried over from earlier periods,
    /// which the portal's does not.
    CarriedOver {
        count: f64,
    },
    /// A status the rule set does not know: its dossiers count as in progress.
    UnknownStatus {
        status: String,
        count: usize,
    },
    /// Dossiers received outside the period scored, or with no receipt date.
    OutsidePeriod {
        period: String,
        before: usize,
        after: usize,
        undated: usize,
    },
}

#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Issue {
    pub place: Place,
    pub kind: IssueKind,
}

#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct UnitTable {
    pub kind: TableKind,
    pub mapping: Mapping,
    pub units: Vec<UnitRow>,
    pub issues: Vec<Issue>,
}

/// Why a sheet could not be read as a table of units at all.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub enum TableError {
    /// No row within the first rows names a unit column.
    NoUnitColumn { file: String, sheet: String },
    /// A unit column but no criterion, tracked value or group score.
    NoKnownColumn { file: String, sheet: String, header_row: usize },
    /// Said to be a dossier list, but no header names a receipt date.
    NoDossierHeader { file: String, sheet: String },
    /// The user said the table is of one kind, and its headers make it another.
    NotThatKind { file: String, sheet: String, said: TableKind, found: TableKind },
    /// A dossier list none of whose dossiers has a receipt date: no period to score.
    NoReceivedDates { file: String, sheet: String },
}

impl TableError {
    /// The file it is about.
    pub fn file(&self) -> &str {
        match self {
            TableError::NoUnitColumn { file, .. }
            | TableError::NoKnownColumn { file, .. }
            | TableError::NoDossierHeader { file, .. }
            | TableError::NotThatKind { file, .. }
            | TableError::NoReceivedDates { file, .. } => file,
        }
    }
}

/// Rows whose unit cell says "total" («TỔNG CỘNG», «Tổng số», «Cộng») are sums, not units.
pub fn is_total_row(name: &str) -> bool {
    matches!(fold_words(name).as_str(), "tong cong" | "tong" | "cong" | "total" | "tong so")
}

/// Reads a sheet with the header found automatically, or with `mapping` when the user fixed it.
pub fn read_units(
    file: &str,
    sheet: &Sheet,
    rules: &RuleSet,
    mapping: Option<Mapping>,
) -> Result<UnitTable, TableError> {
    // A mapping made for another table (other width, header past the end) is not used.
    let fits = |m: &Mapping| {
        m.columns.len() == sheet.width() && m.headers.len() == sheet.width() && m.header_row < sheet.height()
    };
    let mapping = match mapping.filter(fits) {
        Some(m) => m,
        None => find_header(sheet, &Vocabulary::new(rules))
            .ok_or_else(|| TableError::NoUnitColumn { file: file.into(), sheet: sheet.name.clone() })?,
    };
    let kind =
        if mapping.has_criteria() || mapping.columns.iter().flatten().any(|c| matches!(c, Column::Tracked { .. })) {
            TableKind::UnitFigures
        } else if mapping.has_group_scores() {
            TableKind::ScoreOnly
        } else {
            return Err(TableError::NoKnownColumn {
                file: file.into(),
                sheet: sheet.name.clone(),
                header_row: sheet.origin.0 + mapping.header_row + 1,
            });
        };
    let unit_col = mapping
        .column_of(&Column::Unit)
        .ok_or_else(|| TableError::NoUnitColumn { file: file.into(), sheet: sheet.name.clone() })?;
    let mut reader = RowReader { file, sheet, mapping: &mapping, rules, issues: Vec::new() };
    if let Some(issue) = merged_header(file, sheet, &mapping) {
        reader.issues.push(issue);
    }
    let mut units: Vec<UnitRow> = Vec::new();
    let mut first_rows: HashMap<(String, (String, String)), Place> = HashMap::new();
    for r in mapping.header_row + 1..sheet.height() {
        let Some(cells) = sheet.row(r) else { break };
        if cells.iter().all(Cell::is_empty) {
            continue;
        }
        let name = cells[unit_col].text();
        if name.is_empty() {
            let has_figures = mapping.columns.iter().enumerate().any(|(c, col)| col.is_some() && !cells[c].is_empty());
            if has_figures {
                reader.issue(r, None, IssueKind::MissingUnitName);
            }
            continue;
        }
        if is_total_row(&name) {
            continue;
        }
        let unit = reader.unit(r, sources::bare_name(&name).to_string(), cells);
        let key = unit.key();
        if let Some(first) = first_rows.get(&key) {
            reader.issue(r, Some(unit_col), IssueKind::DuplicateUnit { name: unit.name.clone(), first: first.clone() });
            continue;
        }
        first_rows.insert(key, unit.source.clone());
        units.push(unit);
    }
    if units.is_empty() && reader.issues.iter().all(|i| !matches!(i.kind, IssueKind::MissingUnitName)) {
        reader.issue(mapping.header_row + 1, Some(unit_col), IssueKind::NoUnitRows);
    }
    let issues = reader.issues;
    Ok(UnitTable { kind, mapping, units, issues })
}

/// Merged header cells whose text the mapping took for another column: said, so that the user
/// checks the mapping (a merged group row above full headers changes nothing).
fn merged_header(file: &str, sheet: &Sheet, mapping: &Mapping) -> Option<Issue> {
    let hr = mapping.header_row;
    let from_merge = |c: usize| {
        let differs = |r: usize| sheet.header_cell(r, c) != sheet.cell(r, c);
        differs(hr)
            || (hr > 0 && differs(hr - 1) && is_bare_part(&sheet.row(hr).map_or(String::new(), |row| row[c].text())))
    };
    let used: Vec<usize> = (0..sheet.width()).filter(|&c| mapping.columns[c].is_some() && from_merge(c)).collect();
    if let Some(&c) = used.first() {
        let (r, c) = (sheet.origin.0 + hr, sheet.origin.1 + c);
        let covering = |row: usize| {
            sheet
                .merges
                .iter()
                .find(|(first, last)| (first.0..=last.0).contains(&row) && (first.1..=last.1).contains(&c))
        };
        let merge = covering(r).or_else(|| r.checked_sub(1).and_then(covering));
        if let Some(((r0, c0), (r1, c1))) = merge {
            let range = format!(
                "{}:{}",
                crate::core::model::format::cell_address(*r0, *c0),
                crate::core::model::format::cell_address(*r1, *c1)
            );
            let place = Place {
                file: file.to_string(),
                sheet: sheet.name.clone(),
                row: r0 + 1,
                column: crate::core::model::format::column_letters(*c0),
            };
            return Some(Issue { place, kind: IssueKind::MergedHeader { range, count: used.len() } });
        }
    }
    None
}

struct RowReader<'a> {
    file: &'a str,
    sheet: &'a Sheet,
    mapping: &'a Mapping,
    rules: &'a RuleSet,
    issues: Vec<Issue>,
}

impl RowReader<'_> {
    fn place(&self, r: usize, c: Option<usize>) -> Place {
        Place::in_sheet(self.file, self.sheet, r, c)
    }

    fn issue(&mut self, r: usize, c: Option<usize>, kind: IssueKind) {
        let place = self.place(r, c);
        self.issues.push(Issue { place, kind });
    }

    fn unit(&mut self, r: usize, name: String, cells: &[Cell]) -> UnitRow {
        let mut unit = UnitRow {
            name,
            kind: None,
            parent: None,
            period: None,
            source: self.place(r, None),
            figures: BTreeMap::new(),
            tracked: BTreeMap::new(),
            group_scores: BTreeMap::new(),
            total_score: None,
            origins: Default::default(),
        };
        for (c, column) in self.mapping.columns.iter().enumerate() {
            let Some(column) = column else { continue };
            let cell = &cells[c];
            let optional_text = || Some(cell.text()).filter(|t| !t.is_empty());
            match column {
                Column::Unit => {}
                Column::UnitKind => unit.kind = optional_text(),
                Column::Parent => unit.parent = optional_text(),
                Column::Period => {
                    unit.period = optional_text().and_then(|t| crate::core::model::period::Period::parse(&t))
                }
                Column::Criterion { code, part } => {
                    if let Some(v) = self.part_value(r, c, cell, *part) {
                        set_part(unit.figures.entry(code.clone()).or_default(), *part, v);
                    }
                }
                Column::Tracked { code, part } => {
                    if let Some(v) = self.part_value(r, c, cell, *part) {
                        set_part(unit.tracked.entry(code.clone()).or_default(), *part, v);
                    }
                }
                Column::GroupScore(code) => {
                    let max = self.rules.group(code).map_or(0.0, |g| g.max);
                    if let Some(v) = self.score(r, c, cell, max) {
                        unit.group_scores.insert(code.clone(), v);
                    }
                }
                Column::TotalScore => {
                    let max = self.rules.groups.iter().map(|g| g.max).sum();
                    unit.total_score = self.score(r, c, cell, max);
                }
            }
        }
        for (code, figure) in &unit.figures {
            if let (Some(n), Some(d)) = (figure.numerator, figure.denominator) {
                if n > d {
                    let c = self.mapping.column_of(&Column::Criterion { code: code.clone(), part: Part::Numerator });
                    let kind =
                        IssueKind::NumeratorAboveDenominator { criterion: code.clone(), numerator: n, denominator: d };
                    self.issue(r, c, kind);
                }
            }
        }
        unit.figures.retain(|_, f| !f.is_empty());
        unit.tracked.retain(|_, f| !f.is_empty());
        unit
    }

    fn number(
        &mut self,
        r: usize,
        c: usize,
        cell: &Cell,
        parse: fn(&Cell) -> Result<Option<f64>, values::NotANumber>,
    ) -> Option<f64> {
        match parse(cell) {
            Ok(v) => v,
            Err(values::NotANumber(value)) => {
                let header = self.mapping.headers[c].clone();
                self.issue(r, Some(c), IssueKind::NotANumber { header, value });
                None
            }
        }
    }

    /// A published score, between 0 and its maximum: one outside is reported and not used.
    fn score(&mut self, r: usize, c: usize, cell: &Cell, max: f64) -> Option<f64> {
        let v = self.number(r, c, cell, values::value)?;
        if !(0.0..=max).contains(&v) {
            let header = self.mapping.headers[c].clone();
            self.issue(r, Some(c), IssueKind::ScoreOutOfRange { header, value: v, max });
            return None;
        }
        Some(v)
    }

    /// A count must not be negative and a rate not above 100 %: such cells are reported and
    /// kept out of the computation.
    fn part_value(&mut self, r: usize, c: usize, cell: &Cell, part: Part) -> Option<f64> {
        let header = || self.mapping.headers[c].clone();
        match part {
            Part::Numerator | Part::Denominator => {
                let v = self.number(r, c, cell, values::count)?;
                if v < 0.0 {
                    let header = header();
                    self.issue(r, Some(c), IssueKind::NegativeCount { header, value: v });
                    return None;
                }
                Some(v)
            }
            Part::Rate => {
                let v = self.number(r, c, cell, values::rate)?;
                if !(0.0..=1.0).contains(&v) {
                    let header = header();
                    self.issue(r, Some(c), IssueKind::RateOutOfRange { header, value: v });
                    return None;
                }
                Some(v)
            }
            Part::Value => self.number(r, c, cell, values::value),
        }
    }
}

fn set_part(figure: &mut Figure, part: Part, value: f64) {
    match part {
        Part::Numerator => figure.numerator = Some(value),
        Part::Denominator => figure.denominator = Some(value),
        Part::Rate => figure.rate = Some(value),
        // A single-value tracked column keeps its value as the numerator.
        Part::Value => figure.numerator = Some(value),
    }
}
