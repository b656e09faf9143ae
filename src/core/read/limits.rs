//! Limits checked before anything large is allocated: a hostile or broken file is refused with a
//! message, never allowed to exhaust the tab's memory (on wasm32 that aborts the whole instance).

use std::io::{Cursor, Read};

use quick_xml::events::Event;
use serde::{Deserialize, Serialize};

use super::ReadError;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Limits {
    /// The file itself.
    pub max_file_bytes: u64,
    /// All entries of a zip package (xlsx, xlsb, ods) once inflated: a ceiling streaming never
    /// needs to reach (an honest year of dossiers is about 1 GB of sheet XML, streamed, never held).
    pub max_unzipped_bytes: u64,
    /// How many times its compressed size one entry may inflate to. Spreadsheets inflate about
    /// 5–25 times; a zip bomb a thousand.
    pub max_ratio: u64,
    /// Entries smaller than this once inflated are not judged by their ratio: a small entry can be
    /// very compressible and still harmless. Not a limit the user sets.
    pub ratio_from_bytes: u64,
    /// Cells of one sheet, counting the empty ones inside its used rectangle.
    pub max_cells: u64,
    /// Columns of one sheet (Excel's own limit): a CSV or HTML page can claim more.
    pub max_columns: u64,
    /// Characters in one cell; longer text is cut (Excel itself stops at 32,767).
    pub max_text_chars: usize,
    /// Keep a dossier list's cells instead of streaming its rows into dossier records: for a
    /// user who reads such a sheet as another kind of table. Not a limit the user sets.
    pub keep_dossier_cells: bool,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_file_bytes: 100 * 1024 * 1024,
            max_unzipped_bytes: 4 * 1024 * 1024 * 1024,
            max_ratio: 100,
            ratio_from_bytes: 64 * 1024 * 1024,
            // 200,000 dossiers × 20 columns with room to spare; about 320 MB at most in memory.
            max_cells: 10_000_000,
            max_columns: 16_384,
            max_text_chars: 32_767,
            keep_dossier_cells: false,
        }
    }
}

impl Limits {
    pub fn check_file_size(&self, size: u64) -> Result<(), ReadError> {
        if size > self.max_file_bytes {
            return Err(ReadError::TooLarge { size, limit: self.max_file_bytes });
        }
        Ok(())
    }

    /// Refuses, from the sizes its central directory declares and before any entry is inflated,
    /// a package with an entry that inflates more times its compressed size than any spreadsheet
    /// does (a zip bomb), or whose entries together pass the ceiling (an honest but enormous
    /// file). A package too damaged to list is left to the workbook reader, which says so.
    pub fn check_zip(&self, bytes: &[u8]) -> Result<(), ReadError> {
        let Ok(mut archive) = zip::ZipArchive::new(Cursor::new(bytes)) else { return Ok(()) };
        let mut total: u64 = 0;
        for i in 0..archive.len() {
            let Ok(entry) = archive.by_index_raw(i) else { continue };
            let (unzipped, compressed) = (entry.size(), entry.compressed_size());
            let name = || entry.name().map(|n| n.into_owned()).unwrap_or_default();
            if unzipped > self.ratio_from_bytes && unzipped > compressed.saturating_mul(self.max_ratio) {
                return Err(ReadError::ZipBomb { entry: name(), compressed, unzipped, ratio: self.max_ratio });
            }
            total = total.saturating_add(unzipped);
            if total > self.max_unzipped_bytes {
                return Err(ReadError::TooLargeUnzipped { unzipped: total, limit: self.max_unzipped_bytes });
            }
        }
        Ok(())
    }

    pub fn check_cells(&self, sheet: &str, rows: u64, cols: u64) -> Result<(), ReadError> {
        if cols > self.max_columns {
            return Err(ReadError::TooManyColumns { sheet: sheet.to_string(), cols, limit: self.max_columns });
        }
        if rows.saturating_mul(cols) > self.max_cells {
            return Err(ReadError::TooManyCells { sheet: sheet.to_string(), rows, cols, limit: self.max_cells });
        }
        Ok(())
    }

    /// An ODS sheet stores a run of identical rows or cells once with a repeat count; expanded,
    /// one line of XML can stand for 10⁹ rows. Counts, per sheet of `content.xml`, the rectangle
    /// the reader would build (trailing empty rows and cells are dropped by it, so not counted).
    pub fn check_ods(&self, bytes: &[u8]) -> Result<(), ReadError> {
        let Ok(mut archive) = zip::ZipArchive::new(Cursor::new(bytes)) else { return Ok(()) };
        let Ok(content) = archive.by_name("content.xml") else { return Ok(()) };
        let mut reader = quick_xml::Reader::from_reader(std::io::BufReader::new(content.take(self.max_unzipped_bytes)));
        let mut buf = Vec::new();
        let mut sheet = OdsSheet::default();
        loop {
            let event = match reader.read_event_into(&mut buf) {
                Ok(e) => e,
                // A damaged file is the workbook reader's to report.
                Err(_) => return Ok(()),
            };
            match event {
                Event::Start(ref e) | Event::Empty(ref e) => {
                    let open = matches!(event, Event::Start(_));
                    let repeat = |name: &str| {
                        e.try_get_attribute(name)
                            .ok()
                            .flatten()
                            .and_then(|a| a.value.trim().parse::<u64>().ok())
                            .unwrap_or(1)
                    };
                    match e.name().as_ref() {
                        "table:table" => {
                            sheet = OdsSheet { name: attribute(e, "table:name"), ..OdsSheet::default() };
                        }
                        "table:table-row" => sheet.start_row(repeat("table:number-rows-repeated")),
                        "table:table-cell" | "table:covered-table-cell" => {
                            let has_value = e.try_get_attribute("office:value-type").ok().flatten().is_some();
                            sheet.cell(repeat("table:number-columns-repeated"), has_value, open);
                        }
                        _ => {}
                    }
                }
                Event::Text(t) if !t.trim().is_empty() => sheet.text(),
                Event::End(e) => match e.name().as_ref() {
                    "table:table-cell" | "table:covered-table-cell" => sheet.in_cell = false,
                    "table:table-row" => sheet.end_row(),
                    "table:table" => self.check_cells(&sheet.name, sheet.rows, sheet.width)?,
                    _ => {}
                },
                Event::Eof => return Ok(()),
                _ => {}
            }
            buf.clear();
        }
    }
}

fn attribute(e: &quick_xml::events::BytesStart, name: &str) -> String {
    e.try_get_attribute(name).ok().flatten().map(|a| a.value.into_owned()).unwrap_or_default()
}

/// The used rectangle of an ODS sheet, counted with repeats as the reader would expand them.
#[derive(Default)]
struct OdsSheet {
    name: String,
    /// Rows up to the last one with a value, and the widest such row.
    rows: u64,
    width: u64,
    /// Rows seen since the last row with a value.
    pending_rows: u64,
    row_repeat: u64,
    column: u64,
    row_width: u64,
    in_cell: bool,
}

impl OdsSheet {
    fn start_row(&mut self, repeat: u64) {
        self.row_repeat = repeat;
        self.column = 0;
        self.row_width = 0;
    }

    fn cell(&mut self, repeat: u64, has_value: bool, open: bool) {
        self.column = self.column.saturating_add(repeat);
        self.in_cell = open;
        if has_value {
            self.row_width = self.column;
        }
    }

    /// A text cell without a value type still has content.
    fn text(&mut self) {
        if self.in_cell {
            self.row_width = self.row_width.max(self.column);
        }
    }

    fn end_row(&mut self) {
        self.pending_rows = self.pending_rows.saturating_add(self.row_repeat);
        if self.row_width > 0 {
            self.rows = self.rows.saturating_add(self.pending_rows);
            self.pending_rows = 0;
            self.width = self.width.max(self.row_width);
        }
    }
}
