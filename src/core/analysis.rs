//! From loaded workbooks to scores: pick each file's table of units, read its figures, put the
//! units of every file together, and score them. The web app and the CLI both call [`analyse`].

use std::collections::HashMap;

use crate::core::figures::{read_units, Issue, IssueKind, TableError, UnitRow, UnitTable};
use crate::core::header::Mapping;
use crate::core::rules::RuleSet;
use crate::core::score::{score_units, Scores};
use crate::core::table::Workbook;

/// The user's choices for one file: which sheet, and a corrected column mapping.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Choice {
    pub sheet: Option<usize>,
    pub mapping: Option<Mapping>,
}

/// The table read from one file.
#[derive(Clone, Debug, PartialEq)]
pub struct FileTable {
    pub file: String,
    pub sheet_index: usize,
    pub table: UnitTable,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Analysis {
    pub tables: Vec<FileTable>,
    pub errors: Vec<TableError>,
    pub issues: Vec<Issue>,
    pub scores: Scores,
}

/// The table of units in `book`: the chosen sheet, or else the first sheet (visible sheets
/// first) that has one. When none has, the error of the first sheet tried.
pub fn table_of(book: &Workbook, rules: &RuleSet, choice: &Choice) -> Result<FileTable, TableError> {
    let make = |index: usize, mapping: Option<Mapping>| {
        read_units(&book.file_name, &book.sheets[index], rules, mapping).map(|table| FileTable { file: book.file_name.clone(), sheet_index: index, table })
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

/// Reads every file's table and scores all their units together. A unit that appears in two
/// files counts once (the first), with an issue naming both places.
pub fn analyse(books: &[(&Workbook, Choice)], rules: &RuleSet) -> Analysis {
    let mut tables = Vec::new();
    let mut errors = Vec::new();
    for (book, choice) in books {
        match table_of(book, rules, choice) {
            Ok(t) => tables.push(t),
            Err(e) => errors.push(e),
        }
    }
    let mut issues: Vec<Issue> = tables.iter().flat_map(|t| t.table.issues.iter().cloned()).collect();
    let mut rows: Vec<UnitRow> = Vec::new();
    let mut seen: HashMap<(String, String), usize> = HashMap::new();
    for t in &tables {
        for unit in &t.table.units {
            let key = unit.key();
            if let Some(&first) = seen.get(&key) {
                let kind = IssueKind::DuplicateUnit { name: unit.name.clone(), first: rows[first].source.clone() };
                issues.push(Issue { place: unit.source.clone(), kind });
                continue;
            }
            seen.insert(key, rows.len());
            rows.push(unit.clone());
        }
    }
    let scores = score_units(&rows, rules);
    Analysis { tables, errors, issues, scores }
}
