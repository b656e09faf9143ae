//! A dossier list as compact records: rows are turned into [`Dossier`]s as they are read, unit
//! and procedure names are kept once each, and cells that cannot be used are reported (up to a
//! bound, with a count of the rest) so that a 200,000-row export costs records, not cells.

use std::collections::HashMap;

use chrono::{Datelike, NaiveDateTime};
use serde::{Deserialize, Serialize};

use super::columns::{DossierMapping, Field, ALL, FLAGS};
use super::values::{self, Channel, Rating, Unreadable};
use crate::core::figures::dossier_issues::{ProblemKind, MAX_PROBLEMS};
use crate::core::model::format::column_letters;
use crate::core::model::table::{Cell, Sheet};
use crate::core::model::text::{fold_words, tidy};
use crate::core::model::window::Window;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Dossier {
    /// The spreadsheet row, 1-based, as Excel shows it.
    pub row: u32,
    pub id: String,
    /// Index into [`DossierList::units`].
    pub unit: u32,
    /// Index into [`DossierList::procedures`].
    pub procedure: Option<u32>,
    // As seconds: the worker hands 200,000 of these to the page, and text dates would be written
    // and parsed again 600,000 times.
    #[serde(with = "chrono::naive::serde::ts_seconds_option")]
    pub received: Option<NaiveDateTime>,
    #[serde(with = "chrono::naive::serde::ts_seconds_option")]
    pub due: Option<NaiveDateTime>,
    #[serde(with = "chrono::naive::serde::ts_seconds_option")]
    pub finished: Option<NaiveDateTime>,
    pub channel: Channel,
    pub rating: Rating,
    /// Index into [`DossierList::statuses`]; what it means is the rule set's to say.
    pub status: Option<u32>,
    /// The yes/no fields, a bit each in the order of [`FLAGS`].
    flags: u16,
    /// When processing ended without finishing: refused, stopped or withdrawn (the earliest).
    #[serde(with = "chrono::naive::serde::ts_seconds_option")]
    pub ended: Option<NaiveDateTime>,
    /// Supplement requests so far, and the last one's times: asked, and supplied by the citizen.
    pub supplements: u8,
    #[serde(with = "chrono::naive::serde::ts_seconds_option")]
    pub asked: Option<NaiveDateTime>,
    #[serde(with = "chrono::naive::serde::ts_seconds_option")]
    pub supplied: Option<NaiveDateTime>,
    /// The procedure's maximum time in days, for a dossier without a due date.
    pub max_days: Option<f32>,
}

impl Dossier {
    pub fn has(&self, field: Field) -> bool {
        FLAGS.iter().position(|f| *f == field).is_some_and(|bit| self.flags & (1 << bit) != 0)
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Problem {
    /// Spreadsheet row, 1-based.
    pub row: u32,
    /// Column letters; empty for the whole row.
    pub column: String,
    pub kind: ProblemKind,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DossierList {
    pub mapping: DossierMapping,
    /// Zero-based spreadsheet row and column of the sheet's first cell.
    pub origin: (usize, usize),
    pub units: Vec<String>,
    pub procedures: Vec<String>,
    /// The statuses the list uses, each spelling once.
    #[serde(default)]
    pub statuses: Vec<String>,
    pub dossiers: Vec<Dossier>,
    /// The first [`MAX_PROBLEMS`] problems; `problem_count` counts them all.
    pub problems: Vec<Problem>,
    pub problem_count: usize,
}

impl DossierList {
    /// The month most dossiers were received in; on a tie, the later one.
    pub fn window(&self) -> Option<Window> {
        let mut counts: HashMap<(i32, u32), usize> = HashMap::new();
        for d in self.dossiers.iter().filter_map(|d| d.received) {
            *counts.entry((d.year(), d.month())).or_default() += 1;
        }
        counts.into_iter().max_by_key(|&(month, n)| (n, month)).map(|((year, month), _)| Window::month(year, month))
    }

    pub fn unit_name(&self, index: u32) -> &str {
        self.units.get(index as usize).map_or("", String::as_str)
    }

    pub fn status_name(&self, index: Option<u32>) -> &str {
        index.and_then(|i| self.statuses.get(i as usize)).map_or("", String::as_str)
    }

    pub fn procedure_name(&self, index: Option<u32>) -> &str {
        index.and_then(|i| self.procedures.get(i as usize)).map_or("", String::as_str)
    }

    /// The same list (mapping, names, problems) with other dossiers.
    pub fn with_dossiers(&self, dossiers: Vec<Dossier>) -> DossierList {
        DossierList {
            mapping: self.mapping.clone(),
            origin: self.origin,
            units: self.units.clone(),
            procedures: self.procedures.clone(),
            statuses: self.statuses.clone(),
            dossiers,
            problems: self.problems.clone(),
            problem_count: self.problem_count,
        }
    }

    /// The latest moment the list records (a receipt or a completion): when it was exported, as
    /// near as the data can tell.
    pub fn as_of(&self) -> Option<NaiveDateTime> {
        self.dossiers.iter().flat_map(|d| [d.received, d.finished]).flatten().max()
    }
}

/// Names kept once each. Two spellings of one name ("UBND Xã A", "UBND xã A") are one entry,
/// the first spelling kept; a spelling seen before is found without folding it again.
#[derive(Default)]
struct Names {
    by_spelling: HashMap<String, u32>,
    by_key: HashMap<String, u32>,
}

impl Names {
    fn index(&mut self, names: &mut Vec<String>, spelling: &str, key: impl FnOnce() -> String) -> u32 {
        if let Some(&i) = self.by_spelling.get(spelling) {
            return i;
        }
        let i = *self.by_key.entry(key()).or_insert_with(|| {
            names.push(spelling.to_string());
            names.len() as u32 - 1
        });
        self.by_spelling.insert(spelling.to_string(), i);
        i
    }
}

/// Turns rows into dossiers. Rows come as cells from the sheet's first column (`origin.1`).
pub struct DossierReader {
    list: DossierList,
    date1904: bool,
    /// The column of each field, in the order of [`ALL`].
    columns: [Option<usize>; ALL.len()],
    units: Names,
    procedures: Names,
    statuses: Names,
}

impl DossierReader {
    pub fn new(mapping: DossierMapping, origin: (usize, usize), date1904: bool) -> DossierReader {
        let columns = ALL.map(|f| mapping.column(f));
        let list = DossierList {
            mapping,
            origin,
            units: Vec::new(),
            procedures: Vec::new(),
            statuses: Vec::new(),
            dossiers: Vec::new(),
            problems: Vec::new(),
            problem_count: 0,
        };
        DossierReader {
            list,
            date1904,
            columns,
            units: Names::default(),
            procedures: Names::default(),
            statuses: Names::default(),
        }
    }

    pub fn mapping(&self) -> &DossierMapping {
        &self.list.mapping
    }

    fn problem(&mut self, row: u32, col: Option<usize>, kind: ProblemKind) {
        self.list.problem_count += 1;
        if self.list.problems.len() < MAX_PROBLEMS {
            let column = col.map(|c| column_letters(self.list.origin.1 + c)).unwrap_or_default();
            self.list.problems.push(Problem { row, column, kind });
        }
    }

    /// Reads one row; `sheet_row` is zero-based in the spreadsheet. Blank rows and rows with
    /// nothing but an id are passed over; a "total" row likewise, and the row of column numbers
    /// a register prints under its header.
    pub fn row(&mut self, sheet_row: usize, cells: &[Cell]) {
        let row = sheet_row as u32 + 1;
        let first = sheet_row == self.list.origin.0 + self.list.mapping.header_row + 1;
        if first && crate::core::layout::header_rows::is_column_numbers(cells) {
            return;
        }
        let columns = self.columns;
        let cell = |f: Field| columns[f as usize].map(|c| (c, cells.get(c).unwrap_or(&Cell::Empty)));
        let text = |f: Field| cell(f).map(|(_, c)| text_of(c)).unwrap_or_default();
        let used = ALL.iter().filter(|f| **f != Field::Id).any(|f| cell(*f).is_some_and(|(_, x)| !x.is_empty()));
        if !used {
            return;
        }
        let id = text(Field::Id);
        if is_total(&id) {
            return;
        }
        let mut dossier = Dossier {
            row,
            id,
            unit: 0,
            procedure: None,
            received: None,
            due: None,
            finished: None,
            channel: Channel::Unknown,
            rating: Rating::None,
            status: None,
            flags: 0,
            ended: None,
            supplements: 0,
            asked: None,
            supplied: None,
            max_days: None,
        };
        // Without a unit column, a dossier code names its receiving unit before its first «-»
        // (`000.17.22.H56-210531-0001`); a list of one unit has neither.
        let unit = match columns[Field::Unit as usize] {
            Some(_) => text(Field::Unit),
            None => dossier.id.split_once('-').map(|(unit, _)| unit.trim().to_string()).unwrap_or_default(),
        };
        dossier.unit = self.units.index(&mut self.list.units, &unit, || fold_words(&unit));
        let code = text(Field::ProcedureCode);
        let name = text(Field::Procedure);
        if !code.is_empty() || !name.is_empty() {
            let label = match (code.is_empty(), name.is_empty()) {
                (false, false) => format!("{code} – {name}"),
                (false, true) => code.clone(),
                _ => name.clone(),
            };
            let key = || if code.is_empty() { fold_words(&name) } else { fold_words(&code) };
            dossier.procedure = Some(self.procedures.index(&mut self.list.procedures, &label, key));
        }
        let status = text(Field::Status);
        if !status.is_empty() {
            dossier.status = Some(self.statuses.index(&mut self.list.statuses, &status, || fold_words(&status)));
        }
        let header = |c: usize| self.list.mapping.headers[c].clone();
        let mut problems = Vec::new();
        let date = |field: Field, problems: &mut Vec<(usize, ProblemKind)>| {
            let (c, value) = cell(field)?;
            match values::date(value, self.date1904) {
                Ok(d) => d,
                Err(Unreadable(value)) => {
                    problems.push((c, ProblemKind::NotADate { header: header(c), value }));
                    None
                }
            }
        };
        dossier.received = date(Field::Received, &mut problems);
        // A new due date given with a supplement request replaces the first one.
        dossier.due = date(Field::NewDue, &mut problems).or(date(Field::Due, &mut problems));
        // Finished («Đã xử lý xong») before returned («Đã trả kết quả»).
        dossier.finished = date(Field::Processed, &mut problems).or(date(Field::Finished, &mut problems));
        dossier.ended =
            [Field::Refused, Field::Stopped, Field::Withdrawn].into_iter().filter_map(|f| date(f, &mut problems)).min();
        dossier.asked = date(Field::SupplementAsked, &mut problems);
        dossier.supplied = date(Field::SupplementGiven, &mut problems);
        let count = |field: Field, problems: &mut Vec<(usize, ProblemKind)>| {
            let (c, value) = cell(field)?;
            match crate::core::model::values::value(value) {
                Ok(v) => v.filter(|v| *v >= 0.0),
                Err(crate::core::model::values::NotANumber(value)) => {
                    problems.push((c, ProblemKind::NotANumber { header: header(c), value }));
                    None
                }
            }
        };
        // A request's date without a count is one request.
        let asked_once = if dossier.asked.is_some() { 1.0 } else { 0.0 };
        dossier.supplements = count(Field::Supplements, &mut problems).unwrap_or(asked_once).min(255.0) as u8;
        dossier.max_days = count(Field::MaxDays, &mut problems).map(|d| d as f32);
        let fee = count(Field::FeeAmount, &mut problems);
        if let Some((c, value)) = cell(Field::Channel) {
            match values::channel(value) {
                Ok(ch) => dossier.channel = ch,
                Err(Unreadable(value)) => problems.push((c, ProblemKind::NotAChannel { header: header(c), value })),
            }
        }
        if let Some((_, value)) = cell(Field::Rating) {
            dossier.rating = values::rating(value);
        }
        for (bit, field) in FLAGS.iter().enumerate() {
            let Some((c, value)) = cell(*field) else { continue };
            match values::yes_no(value) {
                Ok(true) => dossier.flags |= 1 << bit,
                Ok(false) => {}
                Err(Unreadable(value)) => problems.push((c, ProblemKind::NotYesNo { header: header(c), value })),
            }
        }
        // A payment status or method column says that a fee is due and how it was paid, where
        // no yes/no column says it.
        let payment = cell(Field::PaymentStatus).map(|(_, c)| values::payment_status(c));
        let method = cell(Field::PaymentMethod).map(|(_, c)| values::paid_online(c));
        let bit = |field: Field| 1u16 << FLAGS.iter().position(|f| *f == field).unwrap_or(0);
        if columns[Field::HasFee as usize].is_none()
            && (payment.is_some_and(|p| p != values::Payment::None) || method.is_some_and(|m| m.is_some()))
        {
            dossier.flags |= bit(Field::HasFee);
        }
        if columns[Field::PaidOnline as usize].is_none()
            && method.flatten() == Some(true)
            && payment.is_none_or(|p| p == values::Payment::Paid)
        {
            dossier.flags |= bit(Field::PaidOnline);
        }
        // A dossier whose fees are all zero has no fee to pay online (PAY_DOSSIERS leaves it out).
        if fee == Some(0.0) {
            dossier.flags &= !(bit(Field::HasFee) | bit(Field::PaidOnline));
        } else if fee.is_some() && columns[Field::HasFee as usize].is_none() {
            dossier.flags |= bit(Field::HasFee);
        }
        let received = cell(Field::Received);
        match (dossier.received, dossier.finished) {
            // An unreadable date was reported above; a blank one is reported here.
            (None, _) if received.is_none_or(|(_, v)| v.is_empty()) => {
                problems.push((columns[Field::Received as usize].unwrap_or(0), ProblemKind::NoReceivedDate))
            }
            (Some(r), Some(f)) if f < r => {
                problems.push((columns[Field::Finished as usize].unwrap_or(0), ProblemKind::FinishedBeforeReceived))
            }
            _ => {}
        }
        for (c, kind) in problems {
            self.problem(row, Some(c), kind);
        }
        self.list.dossiers.push(dossier);
    }

    pub fn finish(self) -> DossierList {
        self.list
    }
}

/// A "Tổng cộng" row under the list; only short texts starting like one are folded to check.
fn is_total(id: &str) -> bool {
    id.len() <= 16
        && id.starts_with(['T', 't', 'C', 'c'])
        && matches!(fold_words(id).as_str(), "tong" | "tong cong" | "cong" | "total")
}

fn text_of(cell: &Cell) -> String {
    match cell {
        Cell::Text(t) => tidy(t),
        Cell::Empty => String::new(),
        // Ids stored as numbers read as they look, without thousands dots.
        Cell::Number(x) if x.fract() == 0.0 && x.abs() < 1e15 => format!("{x:.0}"),
        other => other.display(),
    }
}

/// A dossier list from a sheet already held as cells (a list the user says is one).
pub fn from_sheet(sheet: &Sheet, mapping: DossierMapping, date1904: bool) -> DossierList {
    let header_row = mapping.header_row;
    let mut reader = DossierReader::new(mapping, sheet.origin, date1904);
    for r in header_row + 1..sheet.height() {
        if let Some(cells) = sheet.row(r) {
            reader.row(sheet.origin.0 + r, cells);
        }
    }
    reader.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn total_rows_are_recognised() {
        assert!(is_total("Tổng cộng") && is_total("TOTAL") && is_total("Cộng"));
        assert!(!is_total("H.26-001") && !is_total("Công văn 12"));
    }
}
