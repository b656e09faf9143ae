//! From loaded workbooks to scores: pick each file's table of units, read its figures, put the
//! units of every file together, sort them into periods, and score the period in focus (and the
//! one it is compared with). The web app and the CLI both call [`analyse`].

use std::collections::BTreeMap;
use std::sync::Arc;

use crate::core::dossier::actions::{actions, Action};
use crate::core::dossier::book::Streamed;
use crate::core::dossier::procedures::{procedures, ProcedureTable};
use crate::core::dossier::units::DossierTable;
use crate::core::dossier::{find_header, list::from_sheet, Certainty, DossierMapping};
use crate::core::figures::scope::{default_use, sheet_period};
use crate::core::figures::settlement;
use crate::core::figures::sources::{find_whole, match_key, merge, SourceKind, SourceOrder, Sourced, Typed};
use crate::core::figures::{read_units, Issue, IssueKind, Place, TableError, TableKind, UnitRow, UnitTable};
use crate::core::layout::header::Mapping;
use crate::core::layout::title::title;
use crate::core::model::lang::Lang;
use crate::core::model::message::Message;
use crate::core::model::period::Period;
use crate::core::model::window::Window;
use crate::core::rules::RuleSet;
use crate::core::scoring::{score_units, Scores};

/// The user's choices for one file: which sheet, a corrected column mapping, and the period of
/// rows that do not say theirs.
#[derive(Clone, Debug, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Choice {
    pub sheet: Option<usize>,
    pub mapping: Option<Mapping>,
    pub period: Option<Period>,
    /// What kind of table the file is, when the user said (chiso recognises it otherwise).
    pub kind: Option<TableKind>,
    /// The period a dossier list is scored over, when the user chose it.
    pub window: Option<Window>,
    /// A dossier list's columns as the user corrected them (read from the sheet's cells).
    pub dossier_mapping: Option<DossierMapping>,
    /// What a settlement report's rows are, when the user said (units, or fields of one unit).
    #[serde(default)]
    pub report_rows: Option<settlement::Layout>,
    /// Which of a workbook's tables make the month, when the user said (by sheet index).
    #[serde(default)]
    pub sheets: Option<Vec<usize>>,
}

/// Which loaded period is scored and which it is compared with (`None` lets chiso choose the
/// latest and the one before it), which source's figures are trusted first, and which unit is the
/// whole.
#[derive(Clone, Debug, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Focus {
    pub current: Option<Period>,
    pub previous: Option<Period>,
    /// The order in which sources are trusted, when the user changed it.
    #[serde(default)]
    pub sources: SourceOrder,
    /// The unit the user named as the whole, when no row stands above the others.
    #[serde(default)]
    pub whole: Option<String>,
}

/// The table read from one file.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct FileTable {
    pub file: String,
    pub sheet_index: usize,
    pub table: UnitTable,
    /// For a dossier list: its records and their tally over the window.
    pub dossiers: Option<DossierTable>,
    /// For a dossier list: the actions worth taking on its dossiers, and its procedures that
    /// cost points (of every unit together), against the scores of the period in focus: found
    /// with the scores, once, in the engine, rather than by every view that shows them.
    pub actions: Vec<Action>,
    pub procedures: Option<ProcedureTable>,
    /// Whether its units make the month (a workbook of several tables: see [`tables_of`]).
    pub used: bool,
}

impl FileTable {
    /// A table of unit figures (or a settlement report) read from sheet `sheet_index` of `file`.
    fn of_units(file: &str, sheet_index: usize, table: UnitTable) -> FileTable {
        FileTable {
            file: file.to_string(),
            sheet_index,
            table,
            dossiers: None,
            actions: Vec::new(),
            procedures: None,
            used: true,
        }
    }

    /// What its units' figures were counted from, when they were counted by the office (a
    /// dossier list, a settlement report) rather than copied from the portal's figures.
    pub fn counted(&self) -> Option<SourceKind> {
        Some(SourceKind::of_table(self.table.kind)).filter(|k| k.is_counted())
    }
}

#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Analysis {
    pub tables: Vec<FileTable>,
    pub errors: Vec<TableError>,
    pub issues: Vec<Issue>,
    /// Every period found, earliest first; empty when no row says its period.
    pub periods: Vec<Period>,
    /// The period `scores` are for.
    pub period: Option<Period>,
    pub scores: Scores,
    /// The period compared with, and its scores.
    pub previous: Option<(Period, Scores)>,
    /// Periods loaded but neither in focus nor compared, with their number of units: they
    /// count only in the trend.
    pub set_aside: Vec<(Period, usize)>,
    /// Every period's scores, earliest first (the trend's points).
    pub history: Vec<(Period, Scores)>,
}

impl Analysis {
    /// The period compared with and its scores, as the letter takes them.
    /// The cells of one sheet the analysis could not use, each with its message: (row, column
    /// letters, message), for marking them in the preview.
    pub fn flags(&self, file: &str, sheet: &str, lang: Lang) -> Vec<(usize, String, String)> {
        self.issues
            .iter()
            .filter(|i| i.place.file == file && i.place.sheet == sheet && !i.place.column.is_empty())
            .map(|i| (i.place.row, i.place.column.clone(), i.message(lang)))
            .collect()
    }

    /// A unit's row as the office's own file of `kind` counted it (a dossier list, a report), before
    /// the sources were merged: what the self-check shows beside the figure used.
    pub fn counted_row(&self, unit: &str, kind: SourceKind) -> Option<&UnitRow> {
        let key = match_key(unit);
        self.tables
            .iter()
            .filter(|t| t.counted() == Some(kind))
            .flat_map(|t| &t.table.units)
            .find(|u| match_key(&u.name) == key && (self.period.is_none() || u.period == self.period))
    }

    pub fn before(&self) -> Option<(&Period, &Scores)> {
        self.previous.as_ref().map(|(p, s)| (p, s))
    }

    /// What the user is told about the periods set aside, one line each.
    pub fn set_aside_messages(&self, lang: crate::core::model::lang::Lang) -> Vec<String> {
        let Some(current) = &self.period else { return Vec::new() };
        self.set_aside
            .iter()
            .map(|(p, units)| match lang {
                crate::core::model::lang::Lang::Vi => format!(
                    "Số liệu kỳ {} ({units} đơn vị) chỉ được tính trong «Xu hướng qua các kỳ», không tính vào kỳ {}. Hãy chọn kỳ ở «Kỳ đánh giá» hoặc «So sánh với kỳ» để xem chi tiết.",
                    p.label(lang),
                    current.label(lang)
                ),
                crate::core::model::lang::Lang::En => format!(
                    "Figures for {} ({units} units) count only in «Trend over the periods», not in {}. Choose that period under «Period scored» or «Compared with» for its details.",
                    p.label(lang),
                    current.label(lang)
                ),
            })
            .collect()
    }
}

/// The table of units in `book`: the chosen sheet, or else the first sheet (visible sheets
/// first) that has one. When none has, the error of the first sheet tried.
pub fn table_of<B: Streamed + ?Sized>(source: &B, rules: &RuleSet, choice: &Choice) -> Result<FileTable, TableError> {
    let book = source.workbook();
    let make = |index: usize, mapping: Option<Mapping>| {
        let sheet = &book.sheets[index];
        let as_dossiers = match choice.kind {
            Some(TableKind::DossierList) => true,
            Some(_) => false,
            None => source.is_list(index),
        };
        if as_dossiers {
            return dossier_table(source, index, choice, rules);
        }
        if choice.mapping.is_none() && matches!(choice.kind, None | Some(TableKind::SettlementReport)) {
            if let Some(table) = settlement::read(&book.file_name, sheet, rules, choice.report_rows) {
                return Ok(FileTable::of_units(&book.file_name, index, table));
            }
        }
        let table = read_units(&book.file_name, sheet, rules, mapping)?;
        if let Some(said) = choice.kind.filter(|k| *k != table.kind) {
            return Err(TableError::NotThatKind {
                file: book.file_name.clone(),
                sheet: sheet.name.clone(),
                said,
                found: table.kind,
            });
        }
        Ok(FileTable::of_units(&book.file_name, index, table))
    };
    if let Some(index) = choice.sheet.filter(|i| *i < book.sheets.len()) {
        return make(index, choice.mapping.clone());
    }
    let mut order: Vec<usize> = (0..book.sheets.len()).collect();
    order.sort_by_key(|&i| book.sheets[i].hidden);
    let mut first_error = None;
    for index in order {
        match make(index, None) {
            Ok(t) => return Ok(t),
            Err(e) => {
                first_error.get_or_insert(e);
            }
        }
    }
    Err(first_error.unwrap_or(TableError::NoUnitColumn { file: book.file_name.clone(), sheet: String::new() }))
}

/// A sheet read as a dossier list: its streamed records, or (when the user said it is one) its
/// cells read as records now. Its units are tallied over the chosen window, or the inferred one.
fn dossier_table<B: Streamed + ?Sized>(
    source: &B,
    index: usize,
    choice: &Choice,
    rules: &RuleSet,
) -> Result<FileTable, TableError> {
    let book = source.workbook();
    let sheet = &book.sheets[index];
    let (file, name) = (book.file_name.clone(), sheet.name.clone());
    let list = match (source.list(index), &choice.dossier_mapping) {
        (None, Some(mapping)) if mapping.fits(sheet) => Arc::new(from_sheet(sheet, mapping.clone(), book.date1904)),
        (Some(list), _) => list.clone(),
        (None, _) => {
            let mapping = find_header(sheet, Certainty::Told)
                .ok_or_else(|| TableError::NoDossierHeader { file: file.clone(), sheet: name.clone() })?;
            Arc::new(from_sheet(sheet, mapping, book.date1904))
        }
    };
    // «Từ ngày 01/11/2026 đến ngày 30/11/2026» above the header: the period the export is of.
    let stated = title(sheet, list.mapping.header_row).range.map(|(from, to)| Window::of_days(from, to));
    let dossiers = DossierTable::new(list, &file, choice.window.clone(), stated, rules)
        .ok_or_else(|| TableError::NoReceivedDates { file: file.clone(), sheet: name.clone() })?;
    // Rules are applied when the units are made, in `analyse`; here only the frame.
    let mapping = Mapping {
        header_row: dossiers.list.mapping.header_row,
        headers: dossiers.list.mapping.headers.clone(),
        columns: vec![None; dossiers.list.mapping.headers.len()],
    };
    let table = UnitTable { kind: TableKind::DossierList, mapping, units: Vec::new(), issues: Vec::new() };
    Ok(FileTable {
        file,
        sheet_index: index,
        table,
        dossiers: Some(dossiers),
        actions: Vec::new(),
        procedures: None,
        used: true,
    })
}

/// A sheet no taller than this, beside the tables, is a title block (an HTML export's first table).
const TITLE_ROWS: usize = 10;

/// Every table `book` gives: the one [`table_of`] finds, and, when the user mapped no sheet by hand,
/// each other sheet that is a table of unit figures or scores too (a portal export's year, month,
/// departments and communes). A dossier list's units are tallied; rows that do not say their period
/// take the one the user gave the file, else their sheet's (see [`sheet_period`]), else the one a
/// title block of the workbook states, else the one in the file's name. Which tables make the month is the
/// user's choice (`Choice::sheets`), else [`default_use`]'s.
pub fn tables_of<B: Streamed + ?Sized>(
    source: &B,
    rules: &RuleSet,
    choice: &Choice,
) -> Result<Vec<FileTable>, TableError> {
    let mut tables = vec![table_of(source, rules, choice)?];
    let book = source.workbook();
    let figures = matches!(tables[0].table.kind, TableKind::UnitFigures | TableKind::ScoreOnly);
    if figures && choice.mapping.is_none() && (choice.sheet.is_none() || choice.sheets.is_some()) {
        let first = tables[0].sheet_index;
        for (index, sheet) in book.sheets.iter().enumerate().filter(|(i, s)| *i != first && !s.hidden) {
            if let Ok(table) = read_units(&book.file_name, sheet, rules, None) {
                tables.push(FileTable::of_units(&book.file_name, index, table));
            }
        }
        tables.sort_by_key(|t| t.sheet_index);
    }
    // An export saved as HTML puts its title in a table of its own, before the data.
    let titled = book.sheets.iter().filter(|s| s.height() <= TITLE_ROWS).find_map(|s| title(s, s.height()).period);
    let named = Period::find_in(&book.file_name);
    for t in &mut tables {
        if let Some(d) = &t.dossiers {
            let (units, issues) = d.units(&t.file, &book.sheets[t.sheet_index].name, rules);
            t.table.units = units;
            t.table.issues = issues;
        }
        let sheet = &book.sheets[t.sheet_index].name;
        let period = choice
            .period
            .clone()
            .or_else(|| sheet_period(sheet, named.as_ref()))
            .or_else(|| titled.clone())
            .or_else(|| named.clone());
        if let Some(period) = period {
            for unit in t.table.units.iter_mut().filter(|u| u.period.is_none()) {
                unit.period = Some(period.clone());
            }
        }
    }
    let used = match &choice.sheets {
        Some(chosen) => tables.iter().map(|t| chosen.contains(&t.sheet_index)).collect(),
        None => {
            let described: Vec<(&[UnitRow], Option<&Period>)> = tables
                .iter()
                .map(|t| (t.table.units.as_slice(), t.table.units.first().and_then(|u| u.period.as_ref())))
                .collect();
            default_use(&described)
        }
    };
    for (t, used) in tables.iter_mut().zip(used) {
        t.used = used;
    }
    Ok(tables)
}

/// Reads every file's table, sorts the units into periods, makes one row per unit and period
/// from every source (see [`merge`]), finds the whole, and scores the period in focus and the one
/// it is compared with.
pub fn analyse<B: Streamed + ?Sized>(
    books: &[(&B, Choice)],
    rules: &RuleSet,
    focus: &Focus,
    typed: &Typed,
) -> Analysis {
    let mut tables = Vec::new();
    let mut errors = Vec::new();
    for (book, choice) in books {
        match tables_of(*book, rules, choice) {
            Ok(read) => tables.extend(read),
            Err(e) => errors.push(e),
        }
    }
    let mut issues: Vec<Issue> =
        tables.iter().filter(|t| t.used).flat_map(|t| t.table.issues.iter().cloned()).collect();
    let mut by_period: BTreeMap<Option<Period>, Vec<Sourced>> = BTreeMap::new();
    for t in tables.iter().filter(|t| t.used) {
        let source = SourceKind::of_table(t.table.kind);
        for row in &t.table.units {
            by_period.entry(row.period.clone()).or_default().push(Sourced { row, source, file: &t.file });
        }
    }
    let periods: Vec<Period> = by_period.keys().flatten().cloned().collect();
    // Rows that do not say their period belong to the only one there is; with several, to none.
    let undated = by_period.remove(&None).unwrap_or_default();
    match periods.as_slice() {
        [] => {
            by_period.insert(None, undated);
        }
        [only] => by_period.entry(Some(only.clone())).or_default().extend(undated),
        _ => issues.extend(
            undated
                .into_iter()
                .map(|s| Issue { place: s.row.source.clone(), kind: IssueKind::NoPeriod { name: s.row.name.clone() } }),
        ),
    }
    let mut merged: BTreeMap<Option<Period>, Vec<UnitRow>> = BTreeMap::new();
    for (period, rows) in &by_period {
        let (mut units, duplicates) = merge(rows, typed, &focus.sources, rules);
        issues.extend(duplicates);
        issues.extend(disagreements(&units, rows));
        find_whole(&mut units, focus.whole.as_deref());
        merged.insert(period.clone(), units);
    }
    let current = focus.current.clone().filter(|p| periods.contains(p)).or_else(|| periods.last().cloned());
    let previous = focus
        .previous
        .clone()
        .filter(|p| periods.contains(p) && Some(p) != current.as_ref())
        .or_else(|| periods.iter().take_while(|p| Some(*p) != current.as_ref()).last().cloned());
    let score = |period: &Option<Period>| score_units(merged.get(period).map(Vec::as_slice).unwrap_or_default(), rules);
    // Each period is scored once; the one in focus and the one compared with are taken from these.
    let history: Vec<(Period, Scores)> = periods.iter().map(|p| (p.clone(), score(&Some(p.clone())))).collect();
    let scored = |p: &Period| history.iter().find(|(q, _)| q == p).map(|(_, s)| s.clone());
    let scores = current.as_ref().and_then(scored).unwrap_or_else(|| score(&None));
    let set_aside = periods
        .iter()
        .filter(|p| Some(*p) != current.as_ref() && Some(*p) != previous.as_ref())
        .map(|p| (p.clone(), merged.get(&Some(p.clone())).map_or(0, Vec::len)))
        .collect();
    let previous = previous.and_then(|p| Some((p.clone(), scored(&p)?)));
    for t in &mut tables {
        if let Some(d) = &t.dossiers {
            t.actions = actions(d, &scores, rules);
            t.procedures = Some(procedures(d, &scores, rules, None));
        }
    }
    Analysis { tables, errors, issues, periods, period: current, scores, previous, set_aside, history }
}

/// Once per pair of files that give one unit different figures: how many criteria of how many
/// units, and which file was used (each figure's own conflict is on its unit's page and in the
/// JSON).
fn disagreements(units: &[UnitRow], rows: &[Sourced]) -> Vec<Issue> {
    // Per (file used, other file): their sources, the criteria that differ, and the units.
    type Pair = (SourceKind, SourceKind, usize, std::collections::BTreeSet<String>);
    let mut pairs: BTreeMap<(String, String), Pair> = BTreeMap::new();
    for unit in units {
        for origin in unit.origins.values() {
            // Two files of one kind are said as a duplicate unit (see [`duplicates`]).
            for other in origin.others.iter().filter(|o| o.source != origin.source) {
                let entry = pairs.entry((origin.file.clone(), other.file.clone())).or_insert((
                    origin.source,
                    other.source,
                    0,
                    Default::default(),
                ));
                entry.2 += 1;
                entry.3.insert(unit.name.clone());
            }
        }
    }
    let place = |file: &str| rows.iter().find(|r| r.file == file).map(|r| r.row.source.clone()).unwrap_or_default();
    pairs
        .into_iter()
        .map(|((used_file, other_file), (used, other, criteria, units))| Issue {
            place: Place { row: 0, column: String::new(), ..place(&used_file) },
            kind: IssueKind::SourcesDisagree {
                used,
                used_file,
                other,
                other_file,
                criteria,
                units: units.into_iter().collect(),
            },
        })
        .collect()
}
