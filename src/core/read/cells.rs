//! Cells as a reader streams them, gathered into a sheet within the limits: the rectangle is
//! checked before it is allocated, over-long texts are cut, and formula cells without a cached
//! value are counted so that the user hears about them.

use super::limits::Limits;
use super::{Note, Progress, ReadError};
use crate::core::format::cell_address;
use crate::core::header::HEADER_SEARCH_ROWS;
use crate::core::table::{Cell, Sheet};

pub(super) struct SheetBuilder<'a> {
    name: String,
    limits: &'a Limits,
    cells: Vec<(u32, u32, Cell)>,
    /// First row, last row, first column, last column of the non-empty cells.
    bounds: Option<(u32, u32, u32, u32)>,
    long_texts: Vec<String>,
    uncached: Vec<String>,
}

/// Reports rows read every so many rows, for the progress bar.
pub(super) struct Ticker {
    next: u32,
    /// Rows the file says the sheet has (0 when unknown).
    total: u64,
}

impl Ticker {
    const STEP: u32 = 2_000;

    pub fn new(total: u64) -> Ticker {
        Ticker { next: Self::STEP, total }
    }

    pub fn tick(&mut self, row: u32, progress: &mut dyn FnMut(Progress)) {
        if row >= self.next {
            self.next = row.saturating_add(Self::STEP);
            progress(Progress { rows_done: u64::from(row) + 1, rows_total: self.total });
        }
    }
}

impl<'a> SheetBuilder<'a> {
    pub fn new(name: &str, limits: &'a Limits) -> Self {
        SheetBuilder { name: name.to_string(), limits, cells: Vec::new(), bounds: None, long_texts: Vec::new(), uncached: Vec::new() }
    }

    /// Adds a cell; empty ones are left out. Fails once the sheet holds more cells than allowed.
    pub fn push(&mut self, row: u32, col: u32, cell: Cell) -> Result<(), ReadError> {
        if cell == Cell::Empty {
            return Ok(());
        }
        let cell = match cell {
            Cell::Text(t) if t.chars().count() > self.limits.max_text_chars => {
                self.long_texts.push(cell_address(row as usize, col as usize));
                Cell::Text(t.chars().take(self.limits.max_text_chars).collect())
            }
            other => other,
        };
        let (r0, r1, c0, c1) = self.bounds.unwrap_or((row, row, col, col));
        let bounds = (r0.min(row), r1.max(row), c0.min(col), c1.max(col));
        self.bounds = Some(bounds);
        if self.cells.len() as u64 >= self.limits.max_cells {
            let (rows, cols) = extent(bounds);
            return Err(ReadError::TooManyCells { sheet: self.name.clone(), rows, cols, limit: self.limits.max_cells });
        }
        self.cells.push((row, col, cell));
        Ok(())
    }

    /// A formula cell the file holds no computed value for: chiso sees it as empty.
    pub fn uncached_formula(&mut self, row: u32, col: u32) {
        self.uncached.push(cell_address(row as usize, col as usize));
    }

    /// The sheet, once its rectangle is known to be within the limits, and what to tell the user.
    pub fn finish(self) -> Result<(Sheet, Vec<Note>), ReadError> {
        let mut notes = Vec::new();
        if let Some(first) = self.long_texts.first() {
            notes.push(Note::LongText { sheet: self.name.clone(), cell: first.clone(), count: self.long_texts.len(), limit: self.limits.max_text_chars });
        }
        if let Some(first) = self.uncached.first() {
            notes.push(Note::FormulaWithoutValue { sheet: self.name.clone(), cell: first.clone(), count: self.uncached.len() });
        }
        let Some(bounds) = self.bounds else {
            return Ok((Sheet::from_cells(self.name, (0, 0), 0, Vec::new()), notes));
        };
        let (rows, cols) = extent(bounds);
        self.limits.check_cells(&self.name, rows, cols)?;
        let (r0, _, c0, _) = bounds;
        let width = cols as usize;
        // On wasm32 a raised limit can still exceed what an address can count.
        let too_many = || ReadError::TooManyCells { sheet: self.name.clone(), rows, cols, limit: self.limits.max_cells };
        let len = usize::try_from(rows.saturating_mul(cols)).map_err(|_| too_many())?;
        let mut dense = vec![Cell::Empty; len];
        for (r, c, cell) in self.cells {
            dense[(r - r0) as usize * width + (c - c0) as usize] = cell;
        }
        Ok((Sheet::from_cells(self.name, (r0 as usize, c0 as usize), width, dense), notes))
    }
}

fn extent((r0, r1, c0, c1): (u32, u32, u32, u32)) -> (u64, u64) {
    (u64::from(r1 - r0) + 1, u64::from(c1 - c0) + 1)
}

/// Cells merged in the rows where a header may sit: kept with the sheet, so that the header
/// finder reads a group label over every column it spans (and tells the user it did).
#[derive(Default)]
pub(super) struct HeaderMerges(Vec<((u32, u32), (u32, u32))>);

impl HeaderMerges {
    /// A merge from `first` to `last` (absolute row and column, inclusive).
    pub fn add(&mut self, first: (u32, u32), last: (u32, u32)) {
        if (first.0 as usize) < HEADER_SEARCH_ROWS && (last.0 > first.0 || last.1 > first.1) {
            self.0.push((first, last));
        }
    }

    pub fn apply(self, sheet: &mut Sheet) {
        let at = |(r, c): (u32, u32)| (r as usize, c as usize);
        sheet.merges = self.0.into_iter().map(|(first, last)| (at(first), at(last))).collect();
    }
}
