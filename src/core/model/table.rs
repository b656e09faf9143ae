//! The neutral model every reader produces: a workbook of sheets, each a rectangle of cells.
//! Later stages (header matching, figures, dossiers) read only this, never a file format.

use crate::core::model::format;
use serde::{Deserialize, Serialize};

/// Rows searched for a table's header, below any title rows: readers, header matching and
/// dossier lists look no further.
pub const HEADER_SEARCH_ROWS: usize = 30;

/// A file's name without its extension: what a CSV's sheet and a one-unit list are named.
pub fn stem(file_name: &str) -> &str {
    file_name.rsplit_once('.').map_or(file_name, |(s, _)| s)
}

/// A date and time as the spreadsheet stored it (no time zone: Excel has none).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct DateTime {
    pub year: u16,
    pub month: u8,
    pub day: u8,
    pub hour: u8,
    pub minute: u8,
    pub second: u8,
}

impl DateTime {
    /// Vietnamese order: "30/11/2023", with the time only when there is one ("30/11/2023 14:05").
    pub fn display(&self) -> String {
        let date = format!("{:02}/{:02}/{:04}", self.day, self.month, self.year);
        if self.hour == 0 && self.minute == 0 && self.second == 0 {
            date
        } else {
            format!("{date} {:02}:{:02}", self.hour, self.minute)
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Cell {
    Empty,
    Text(String),
    Number(f64),
    Bool(bool),
    Date(DateTime),
    /// A formula error such as `#DIV/0!`, kept as the spreadsheet shows it.
    Error(String),
}

impl Cell {
    pub fn is_empty(&self) -> bool {
        match self {
            Cell::Empty => true,
            Cell::Text(t) => t.trim().is_empty(),
            _ => false,
        }
    }

    /// The cell as text: a text tidied to single spaces, anything else as [`Cell::display`]
    /// shows it.
    pub fn text(&self) -> String {
        match self {
            Cell::Text(t) => crate::core::model::text::tidy(t),
            other => other.display(),
        }
    }

    /// The cell as a Vietnamese reader expects to see it: numbers with a decimal comma and
    /// dotted thousands, dates as dd/mm/yyyy, booleans as words.
    pub fn display(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Text(t) => t.clone(),
            Cell::Number(n) => format::number(*n, 6),
            Cell::Bool(true) => "ĐÚNG".to_string(),
            Cell::Bool(false) => "SAI".to_string(),
            Cell::Date(d) => d.display(),
            Cell::Error(e) => e.clone(),
        }
    }
}

/// One sheet: a rectangle of cells whose top-left corner sits at `origin` (zero-based row and
/// column) in the spreadsheet, so that messages can name the cell a user sees in Excel.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Sheet {
    pub name: String,
    pub hidden: bool,
    pub origin: (usize, usize),
    width: usize,
    cells: Vec<Cell>,
    /// Merged ranges in the header rows, as (first, last) absolute (row, column), inclusive.
    #[serde(default)]
    pub merges: Vec<((usize, usize), (usize, usize))>,
    /// Set on an outline, and on a sheet whose rows went to a sink past its first ones: what
    /// the whole sheet was.
    #[serde(default)]
    whole: Option<Whole>,
}

/// What an outline of a sheet still knows of the whole of it.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
struct Whole {
    rows_in_file: usize,
    empty: bool,
}

/// Rows an outline keeps: the preview's, and more than any header sits below.
pub const OUTLINE_ROWS: usize = 50;

impl Sheet {
    /// Builds a sheet from rows of any lengths; short rows are padded with empty cells.
    pub fn from_rows(name: impl Into<String>, origin: (usize, usize), rows: Vec<Vec<Cell>>) -> Sheet {
        let width = rows.iter().map(Vec::len).max().unwrap_or(0);
        let mut cells = Vec::with_capacity(width * rows.len());
        for mut row in rows {
            row.resize(width, Cell::Empty);
            cells.extend(row);
        }
        Sheet::from_cells(name, origin, width, cells)
    }

    /// Builds a sheet from cells already laid out row after row, `width` to a row.
    pub fn from_cells(name: impl Into<String>, origin: (usize, usize), width: usize, cells: Vec<Cell>) -> Sheet {
        debug_assert!(width == 0 || cells.len().is_multiple_of(width));
        Sheet { name: name.into(), hidden: false, origin, width, cells, merges: Vec::new(), whole: None }
    }

    pub fn width(&self) -> usize {
        self.width
    }

    pub fn height(&self) -> usize {
        self.cells.len().checked_div(self.width).unwrap_or(0)
    }

    pub fn is_empty(&self) -> bool {
        match self.whole {
            Some(whole) => whole.empty,
            None => self.cells.iter().all(Cell::is_empty),
        }
    }

    /// The sheet as the page holds it: its first [`OUTLINE_ROWS`] rows; its size and emptiness
    /// stay the whole sheet's.
    pub fn outline(&self) -> Sheet {
        let whole = Whole { rows_in_file: self.rows_in_file(), empty: self.is_empty() };
        Sheet {
            name: self.name.clone(),
            hidden: self.hidden,
            origin: self.origin,
            width: self.width,
            cells: self.cells[..self.cells.len().min(OUTLINE_ROWS * self.width)].to_vec(),
            merges: self.merges.clone(),
            whole: Some(whole),
        }
    }

    /// Row `index` (zero-based within the sheet), or `None` past the end.
    pub fn row(&self, index: usize) -> Option<&[Cell]> {
        let start = index.checked_mul(self.width)?;
        self.cells.get(start..start + self.width)
    }

    pub fn rows(&self) -> impl Iterator<Item = &[Cell]> {
        // `max(1)` keeps chunks() defined for a sheet with no columns (it then has no cells).
        self.cells.chunks(self.width.max(1))
    }

    pub fn cell(&self, row: usize, col: usize) -> Option<&Cell> {
        self.row(row).and_then(|r| r.get(col))
    }

    /// A cell as a header reads it: inside a merge across columns, the merge's first cell,
    /// which holds the text (Excel leaves the others empty).
    pub fn header_cell(&self, row: usize, col: usize) -> Option<&Cell> {
        let (r, c) = (row + self.origin.0, col + self.origin.1);
        match self.merges.iter().find(|(first, last)| first.0 == r && (first.1..=last.1).contains(&c)) {
            Some(((r0, c0), _)) => self.cell(r0 - self.origin.0, c0.checked_sub(self.origin.1)?),
            None => self.cell(row, col),
        }
    }

    /// A sheet whose rows past its first went to a sink (`read::sink`): its rows in the file run
    /// through `last` (a 0-based spreadsheet row), though only the first are kept as cells.
    pub fn rows_through(self, last: usize) -> Sheet {
        let rows_in_file = (last + 1).saturating_sub(self.origin.0).max(self.height());
        Sheet { whole: Some(Whole { rows_in_file, empty: false }), ..self }
    }

    /// Whether every row of the sheet is kept as cells (not an outline, nor a sink's preview).
    pub fn keeps_every_row(&self) -> bool {
        self.whole.is_none()
    }

    /// The rows the sheet has in its file, though it may keep only the first as cells.
    pub fn rows_in_file(&self) -> usize {
        self.whole.map_or(self.height(), |whole| whole.rows_in_file)
    }

    /// The used range in spreadsheet notation ("A1:O120"); `None` for an empty sheet.
    pub fn range_address(&self) -> Option<String> {
        let rows = self.rows_in_file();
        if self.width == 0 || rows == 0 {
            return None;
        }
        let (r0, c0) = self.origin;
        Some(format!("{}:{}", format::cell_address(r0, c0), format::cell_address(r0 + rows - 1, c0 + self.width - 1)))
    }
}

/// The real kind of a file, found from its content rather than its name.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Format {
    Xlsx,
    Xlsb,
    Xls,
    Ods,
    Csv,
    /// An HTML page with tables, named .xls by the system that exported it.
    Html,
    /// SpreadsheetML 2003 (Excel's XML workbook), likewise named .xls.
    SpreadsheetMl,
    /// The national portal's per-unit detail, saved as JSON.
    Json,
}

impl Format {
    pub fn label(self) -> &'static str {
        match self {
            Format::Xlsx => "Excel (.xlsx/.xlsm)",
            Format::Xlsb => "Excel nhị phân (.xlsb)",
            Format::Xls => "Excel 97–2003 (.xls)",
            Format::Ods => "OpenDocument (.ods)",
            Format::Csv => "CSV",
            Format::Html => "HTML (.xls)",
            Format::SpreadsheetMl => "XML Spreadsheet 2003 (.xls)",
            Format::Json => "JSON của Cổng DVCQG (.json)",
        }
    }
}

/// How a CSV file was decoded: its text encoding and field delimiter, both detected.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CsvDialect {
    pub encoding: String,
    pub delimiter: u8,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Workbook {
    pub file_name: String,
    pub byte_size: u64,
    pub format: Format,
    pub csv: Option<CsvDialect>,
    pub sheets: Vec<Sheet>,
    /// Dates count from 1904 (old Mac Excel) rather than 1900: date serials stored as plain
    /// numbers are read with it.
    #[serde(default)]
    pub date1904: bool,
}

impl Workbook {
    /// The workbook as the page holds it: each sheet's [`Sheet::outline`].
    pub fn outline(&self) -> Workbook {
        Workbook {
            file_name: self.file_name.clone(),
            byte_size: self.byte_size,
            format: self.format,
            csv: self.csv.clone(),
            sheets: self.sheets.iter().map(Sheet::outline).collect(),
            date1904: self.date1904,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> Cell {
        Cell::Text(s.to_string())
    }

    #[test]
    fn ragged_rows_are_padded_and_addressed_from_the_origin() {
        let sheet = Sheet::from_rows(
            "S",
            (2, 1),
            vec![vec![text("Đơn vị"), text("Tử số"), text("Mẫu số")], vec![text("Xã A"), Cell::Number(3.0)]],
        );
        assert_eq!((sheet.height(), sheet.width()), (2, 3));
        assert_eq!(sheet.cell(1, 2), Some(&Cell::Empty));
        assert_eq!(sheet.cell(2, 0), None);
        assert_eq!(sheet.range_address().as_deref(), Some("B3:D4"));
        assert_eq!(sheet.rows().count(), 2);
    }

    #[test]
    fn empty_sheet_has_no_range() {
        let sheet = Sheet::from_rows("S", (0, 0), vec![]);
        assert_eq!(sheet.range_address(), None);
        assert_eq!(sheet.rows().count(), 0);
        assert!(sheet.is_empty());
    }

    #[test]
    fn cells_display_the_vietnamese_way() {
        assert_eq!(Cell::Number(4474.0).display(), "4.474");
        assert_eq!(Cell::Number(0.7404).display(), "0,7404");
        let d = DateTime { year: 2023, month: 11, day: 30, hour: 0, minute: 0, second: 0 };
        assert_eq!(Cell::Date(d).display(), "30/11/2023");
        let t = DateTime { hour: 14, minute: 5, ..d };
        assert_eq!(Cell::Date(t).display(), "30/11/2023 14:05");
        assert_eq!(Cell::Bool(true).display(), "ĐÚNG");
    }

    #[test]
    fn an_outline_keeps_the_first_rows_and_the_size_of_the_whole() {
        let rows: Vec<Vec<Cell>> = (0..120).map(|r| vec![Cell::Number(r as f64), text("x")]).collect();
        let mut sheet = Sheet::from_rows("S", (2, 1), rows);
        let blank = Sheet::from_rows("B", (0, 0), vec![vec![Cell::Empty]; 80]);
        sheet.hidden = true;
        let outline = sheet.outline();
        assert_eq!((outline.height(), outline.width()), (50, 2));
        assert_eq!(outline.cell(49, 0), Some(&Cell::Number(49.0)));
        // Rows 3 to 122, columns B and C: the whole sheet, as the file card says it.
        assert_eq!((outline.rows_in_file(), outline.range_address().as_deref()), (120, Some("B3:C122")));
        assert!(outline.hidden && !outline.is_empty() && blank.outline().is_empty());
        // Round trip through the worker's bytes keeps what the outline knows.
        let back: Sheet = postcard::from_bytes(&postcard::to_allocvec(&outline).unwrap()).unwrap();
        assert_eq!(back.rows_in_file(), 120);
    }
}
