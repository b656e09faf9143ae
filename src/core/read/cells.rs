//! Cells as a reader streams them, gathered into a sheet within the limits: the rectangle is
//! checked before it is allocated, over-long texts are cut, and formula cells without a cached
//! value are counted so that the user hears about them.
//!
//! A sink may claim the sheet from its first rows (a dossier list); from then on its rows go to
//! the sink as they arrive and only the first rows are kept as cells, for the preview. A
//! province's month (200,000 rows) then never exists as millions of cells.

use super::limits::Limits;
use super::sink::{Rows, Sink};
use super::{Note, Progress, ReadError};
use crate::core::model::format::cell_address;
use crate::core::model::table::HEADER_SEARCH_ROWS;
use crate::core::model::table::{Cell, Sheet};

/// Rows of a claimed sheet kept as cells below its header, for the preview.
pub const PREVIEW_ROWS: u32 = 100;

/// Whether the sheet's rows go to a sink.
enum Stream<'a> {
    /// Not yet known: the header rows are still coming.
    Undecided,
    Cells,
    Sunk(Box<Sunk<'a>>),
}

struct Sunk<'a> {
    rows: Box<dyn Rows + 'a>,
    /// First column of the list and its width.
    first_col: u32,
    width: usize,
    /// The last row kept as cells too.
    preview_until: u32,
    /// Which columns (from `first_col`) the list reads.
    wanted: Vec<bool>,
    /// The row being gathered.
    row: Option<(u32, Vec<Cell>)>,
    cells: u64,
    /// The last row handed over.
    last: Option<u32>,
}

impl Sunk<'_> {
    fn push(&mut self, row: u32, col: u32, cell: Cell) {
        if self.row.as_ref().is_some_and(|(r, _)| *r != row) {
            self.flush();
        }
        let width = self.width;
        let (_, cells) = self.row.get_or_insert_with(|| (row, vec![Cell::Empty; width]));
        if let Some(slot) = col.checked_sub(self.first_col).and_then(|c| cells.get_mut(c as usize)) {
            *slot = cell;
            self.cells += 1;
        }
    }

    fn flush(&mut self) {
        if let Some((row, cells)) = self.row.take() {
            self.rows.row(row as usize, &cells);
            self.last = Some(row);
        }
    }
}

/// What every sheet of a reading is built with: the limits, and the sink offered its rows.
pub(super) struct Reading<'a> {
    pub limits: &'a Limits,
    pub sink: &'a dyn Sink,
}

#[cfg(test)]
impl<'a> Reading<'a> {
    /// Every sheet kept as cells: what the readers' own tests read with.
    pub fn keep_cells(limits: &'a Limits) -> Reading<'a> {
        Reading { limits, sink: &super::sink::KeepCells }
    }
}

pub(super) struct SheetBuilder<'a> {
    name: String,
    limits: &'a Limits,
    sink: &'a dyn Sink,
    cells: Vec<(u32, u32, Cell)>,
    /// First row, last row, first column, last column of the non-empty cells.
    bounds: Option<(u32, u32, u32, u32)>,
    long_texts: Vec<String>,
    uncached: Vec<String>,
    stream: Stream<'a>,
    date1904: bool,
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
    pub fn new(name: &str, reading: &Reading<'a>) -> Self {
        SheetBuilder {
            name: name.to_string(),
            limits: reading.limits,
            sink: reading.sink,
            cells: Vec::new(),
            bounds: None,
            long_texts: Vec::new(),
            uncached: Vec::new(),
            stream: Stream::Undecided,
            date1904: false,
        }
    }

    /// Whether the cell at `row`, `col` is used: past a claimed sheet's preview, only in the
    /// columns the sink reads. Readers skip the others before converting them.
    pub fn wants(&self, row: u32, col: u32) -> bool {
        match &self.stream {
            Stream::Sunk(d) => {
                row <= d.preview_until
                    || col.checked_sub(d.first_col).is_some_and(|c| d.wanted.get(c as usize) == Some(&true))
            }
            _ => true,
        }
    }

    /// Date serials stored as plain numbers count from 1904.
    pub fn date1904(&mut self, yes: bool) {
        self.date1904 = yes;
    }

    /// Offers the rows gathered so far to the sink; if it claims the sheet, the rows below the
    /// header go to it and those past the preview leave the cells.
    fn decide(&mut self) {
        self.stream = Stream::Cells;
        // A rectangle over the limits is not laid out here; `finish` says what is wrong with it.
        let Some(Ok(sheet)) = self.bounds.map(|bounds| self.dense(bounds, self.cells.iter().cloned())) else { return };
        let Some(claim) = self.sink.claim(&sheet, self.date1904) else { return };
        let (r0, c0) = (sheet.origin.0 as u32, sheet.origin.1 as u32);
        let header = r0 + claim.header_row as u32;
        let mut dossiers = Sunk {
            rows: claim.rows,
            first_col: c0,
            width: claim.wanted.len(),
            preview_until: header + PREVIEW_ROWS,
            wanted: claim.wanted,
            row: None,
            cells: 0,
            last: None,
        };
        for (r, c, cell) in &self.cells {
            if *r > header {
                dossiers.push(*r, *c, cell.clone());
            }
        }
        let until = dossiers.preview_until;
        self.cells.retain(|(r, _, _)| *r <= until);
        self.stream = Stream::Sunk(Box::new(dossiers));
    }

    /// The cells laid out in their rectangle (`bounds`), once it is known to be within the limits.
    fn dense(
        &self,
        bounds: (u32, u32, u32, u32),
        cells: impl Iterator<Item = (u32, u32, Cell)>,
    ) -> Result<Sheet, ReadError> {
        let (rows, cols) = extent(bounds);
        self.limits.check_cells(&self.name, rows, cols)?;
        let (r0, _, c0, _) = bounds;
        let width = cols as usize;
        // On wasm32 a raised limit can still exceed what an address can count.
        let too_many =
            || ReadError::TooManyCells { sheet: self.name.clone(), rows, cols, limit: self.limits.max_cells };
        let len = usize::try_from(rows.saturating_mul(cols)).map_err(|_| too_many())?;
        let mut dense = vec![Cell::Empty; len];
        for (r, c, cell) in cells {
            dense[(r - r0) as usize * width + (c - c0) as usize] = cell;
        }
        Ok(Sheet::from_cells(self.name.clone(), (r0 as usize, c0 as usize), width, dense))
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
        if matches!(self.stream, Stream::Undecided)
            && self.bounds.is_some_and(|(r0, ..)| row >= r0 + HEADER_SEARCH_ROWS as u32)
        {
            self.decide();
        }
        if let Stream::Sunk(d) = &mut self.stream {
            if d.cells >= self.limits.max_cells {
                let rows = u64::from(row) + 1;
                return Err(ReadError::TooManyCells {
                    sheet: self.name.clone(),
                    rows,
                    cols: d.width as u64,
                    limit: self.limits.max_cells,
                });
            }
            let keep = row <= d.preview_until;
            if keep {
                d.push(row, col, cell.clone());
            } else {
                d.push(row, col, cell);
                return Ok(());
            }
        }
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
    pub fn finish(mut self) -> Result<(Sheet, Vec<Note>), ReadError> {
        if matches!(self.stream, Stream::Undecided) {
            self.decide();
        }
        let last = match std::mem::replace(&mut self.stream, Stream::Cells) {
            Stream::Sunk(mut d) => {
                d.flush();
                let last = d.last;
                d.rows.end();
                last
            }
            _ => None,
        };
        let (sheet, notes) = self.finish_cells()?;
        let sheet = match last {
            Some(row) => sheet.rows_through(row as usize),
            None => sheet,
        };
        Ok((sheet, notes))
    }

    fn finish_cells(mut self) -> Result<(Sheet, Vec<Note>), ReadError> {
        let mut notes = Vec::new();
        if let Some(first) = self.long_texts.first() {
            notes.push(Note::LongText {
                sheet: self.name.clone(),
                cell: first.clone(),
                count: self.long_texts.len(),
                limit: self.limits.max_text_chars,
            });
        }
        if let Some(first) = self.uncached.first() {
            notes.push(Note::FormulaWithoutValue {
                sheet: self.name.clone(),
                cell: first.clone(),
                count: self.uncached.len(),
            });
        }
        let Some(bounds) = self.bounds else {
            return Ok((Sheet::from_cells(self.name, (0, 0), 0, Vec::new()), notes));
        };
        let cells = std::mem::take(&mut self.cells);
        Ok((self.dense(bounds, cells.into_iter())?, notes))
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
