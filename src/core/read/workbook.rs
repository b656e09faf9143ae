//! Workbooks (xlsx, xlsm, xlsb, xls, ods) through calamine, into the neutral table model.

use std::io::{Cursor, Read, Seek};

use calamine::{open_workbook_from_rs, Data, Ods, Range, Reader, SheetType, SheetVisible, Xls, Xlsb, Xlsx};

use super::cells::Reading;
use super::cells::{HeaderMerges, SheetBuilder, Ticker};
use super::declared::check_xls_dimensions;
use super::limits::Limits;
use super::merges::xlsx_merges;
use super::{Note, Progress, ReadError};
use crate::core::model::table::HEADER_SEARCH_ROWS;
use crate::core::model::table::{Cell, DateTime, Format, Sheet};

/// Reads every worksheet; a sheet that fails is reported and skipped so that the others still
/// load. Chart and dialog sheets hold no cells and are passed over. xlsx and xlsb sheets are
/// streamed cell by cell; xls and ods through calamine's ranges, whose size the file format
/// bounds (xls) or [`Limits::check_ods`] checked first. The flag says whether the workbook
/// counts its dates from 1904 (only xlsx says so in a way chiso reads).
pub(super) fn read(
    bytes: &[u8],
    format: Format,
    reading: &Reading<'_>,
    progress: &mut dyn FnMut(Progress),
) -> Result<(Vec<Sheet>, Vec<Note>, bool), ReadError> {
    if format == Format::Xlsx {
        return read_xlsx(bytes, reading, progress);
    }
    read_others(bytes, format, reading, progress).map(|(sheets, notes)| (sheets, notes, false))
}

fn read_xlsx(
    bytes: &[u8],
    reading: &Reading<'_>,
    progress: &mut dyn FnMut(Progress),
) -> Result<(Vec<Sheet>, Vec<Note>, bool), ReadError> {
    match open_workbook_from_rs::<Xlsx<_>, _>(Cursor::new(bytes)) {
        Ok(mut book) => {
            let date1904 = book.has_1904_epoch();
            sheets_of(
                &mut book,
                reading,
                progress,
                |book: &mut Xlsx<_>, name: &str, reading: &Reading<'_>, progress: &mut dyn FnMut(Progress)| {
                    let mut reader = book.worksheet_cells_reader(name).map_err(|e| e.to_string())?;
                    let mut builder = SheetBuilder::new(name, reading);
                    builder.date1904(date1904);
                    let mut ticker = Ticker::new(u64::from(reader.dimensions().end.0) + 1);
                    while let Some(cell) = reader.next_cell_with_formula().map_err(|e| e.to_string())? {
                        let (row, col) = cell.pos;
                        ticker.tick(row, progress);
                        if !builder.wants(row, col) {
                            continue;
                        }
                        let data = Data::from(cell.value);
                        if data == Data::Empty && cell.formula.is_some_and(|f| !f.is_empty()) {
                            builder.uncached_formula(row, col);
                        }
                        builder.push(row, col, cell_of(data))?;
                    }
                    drop(reader);
                    Ok(builder.finish()?)
                },
            )
            .map(|(mut sheets, notes)| {
                // A merge leaves empty cells behind its first one: with none in the header rows,
                // no merge there can matter, and a large sheet is not scanned again. Nor does one
                // in a sheet whose rows went to a sink, whose header was read as the rows came
                // (re-read with its cells kept, it is scanned then).
                let gaps = |sheet: &Sheet| {
                    sheet.keeps_every_row()
                        && sheet.rows().take(HEADER_SEARCH_ROWS).any(|row| row.iter().any(Cell::is_empty))
                };
                if sheets.iter().any(gaps) {
                    let merges = xlsx_merges(bytes);
                    for sheet in &mut sheets {
                        let mut header = HeaderMerges::default();
                        for &(first, last) in merges.get(&sheet.name).into_iter().flatten() {
                            header.add(first, last);
                        }
                        header.apply(sheet);
                    }
                }
                (sheets, notes, date1904)
            })
        }
        Err(calamine::XlsxError::Password) => Err(ReadError::Encrypted),
        Err(e) => Err(ReadError::Corrupt { format: Format::Xlsx, detail: e.to_string() }),
    }
}

fn read_others(
    bytes: &[u8],
    format: Format,
    reading: &Reading<'_>,
    progress: &mut dyn FnMut(Progress),
) -> Result<(Vec<Sheet>, Vec<Note>), ReadError> {
    let cursor = Cursor::new(bytes);
    let corrupt = |detail: String| ReadError::Corrupt { format, detail };
    match format {
        Format::Xlsb => match open_workbook_from_rs::<Xlsb<_>, _>(cursor) {
            Ok(mut book) => sheets_of(&mut book, reading, progress, |book, name, reading, progress| {
                let mut reader = book.worksheet_cells_reader(name).map_err(|e| e.to_string())?;
                let mut builder = SheetBuilder::new(name, reading);
                let mut ticker = Ticker::new(u64::from(reader.dimensions().end.0) + 1);
                while let Some(cell) = reader.next_cell().map_err(|e| e.to_string())? {
                    let (row, col) = cell.get_position();
                    ticker.tick(row, progress);
                    if !builder.wants(row, col) {
                        continue;
                    }
                    builder.push(row, col, cell_of(Data::from(cell.get_value().clone())))?;
                }
                Ok(builder.finish()?)
            }),
            Err(e) => Err(corrupt(e.to_string())),
        },
        Format::Xls => {
            check_compound_file(bytes, reading.limits)?;
            match open_workbook_from_rs::<Xls<_>, _>(cursor) {
                Ok(mut book) => sheets_of(&mut book, reading, progress, |book, name, reading, progress| {
                    let range = book.worksheet_range(name).map_err(|e| e.to_string())?;
                    from_range(name, &range, reading, progress)
                }),
                Err(calamine::XlsError::Password) => Err(ReadError::Encrypted),
                Err(e) => Err(corrupt(e.to_string())),
            }
        }
        Format::Ods => {
            reading.limits.check_ods(bytes)?;
            match open_workbook_from_rs::<Ods<_>, _>(cursor) {
                Ok(mut book) => sheets_of(&mut book, reading, progress, |book, name, reading, progress| {
                    let range = book.worksheet_range(name).map_err(|e| e.to_string())?;
                    from_range(name, &range, reading, progress)
                }),
                Err(e) => Err(corrupt(e.to_string())),
            }
        }
        Format::Xlsx | Format::Csv | Format::Html | Format::SpreadsheetMl | Format::Json => {
            Err(corrupt("not a workbook".to_string()))
        }
    }
}

/// An .xls is a compound file; its sector chains are checked (by the cfb crate) before calamine
/// follows them, since calamine indexes past the end of a truncated one, and the workbook
/// stream's declared sheet sizes before calamine reserves memory for them.
fn check_compound_file(bytes: &[u8], limits: &Limits) -> Result<(), ReadError> {
    let damaged = || ReadError::Corrupt { format: Format::Xls, detail: "compound file structure".to_string() };
    let mut file = cfb::CompoundFile::open(Cursor::new(bytes)).map_err(|_| damaged())?;
    let streams: Vec<_> = file.walk().filter(|e| e.is_stream()).map(|e| (e.path().to_path_buf(), e.len())).collect();
    for (path, len) in streams {
        let mut stream = std::io::BufReader::new(file.open_stream(&path).map_err(|_| damaged())?);
        // The workbook stream is scanned as it is read for its length: one pass, not two.
        let mut scanned = Counted { inner: &mut stream, bytes: 0 };
        if path.file_name().is_some_and(|n| n == "Workbook" || n == "Book") {
            check_xls_dimensions(&mut scanned, limits)?;
        }
        std::io::copy(&mut scanned, &mut std::io::sink()).map_err(|_| damaged())?;
        if scanned.bytes != len {
            return Err(damaged());
        }
    }
    Ok(())
}

/// A reader that counts the bytes it hands on.
struct Counted<R> {
    inner: R,
    bytes: u64,
}

impl<R: Read> Read for Counted<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.bytes += n as u64;
        Ok(n)
    }
}

/// Why one sheet could not be read: over a limit (the whole file is refused, since its figures
/// would be incomplete) or damaged (the sheet is skipped with a note).
enum SheetError {
    Limit(ReadError),
    Damaged(String),
}

impl From<String> for SheetError {
    fn from(detail: String) -> Self {
        SheetError::Damaged(detail)
    }
}

impl From<ReadError> for SheetError {
    fn from(e: ReadError) -> Self {
        SheetError::Limit(e)
    }
}

fn sheets_of<RS, B, F>(
    book: &mut B,
    reading: &Reading<'_>,
    progress: &mut dyn FnMut(Progress),
    read_sheet: F,
) -> Result<(Vec<Sheet>, Vec<Note>), ReadError>
where
    RS: Read + Seek,
    B: Reader<RS>,
    F: Fn(&mut B, &str, &Reading<'_>, &mut dyn FnMut(Progress)) -> Result<(Sheet, Vec<Note>), SheetError>,
{
    let metadata: Vec<_> = book.sheets_metadata().to_vec();
    let mut sheets = Vec::with_capacity(metadata.len());
    let mut notes = Vec::new();
    for meta in metadata {
        if meta.typ != SheetType::WorkSheet {
            continue;
        }
        match read_sheet(book, &meta.name, reading, progress) {
            Ok((mut sheet, sheet_notes)) => {
                sheet.hidden = meta.visible != SheetVisible::Visible;
                if sheet.hidden {
                    notes.push(Note::HiddenSheet { sheet: meta.name.clone() });
                }
                notes.extend(sheet_notes);
                sheets.push(sheet);
            }
            Err(SheetError::Limit(e)) => return Err(e),
            Err(SheetError::Damaged(detail)) => notes.push(Note::SheetUnreadable { sheet: meta.name.clone(), detail }),
        }
    }
    Ok((sheets, notes))
}

fn from_range(
    name: &str,
    range: &Range<Data>,
    reading: &Reading<'_>,
    progress: &mut dyn FnMut(Progress),
) -> Result<(Sheet, Vec<Note>), SheetError> {
    let mut builder = SheetBuilder::new(name, reading);
    let mut ticker = Ticker::new(range.height() as u64);
    let (r0, c0) = range.start().unwrap_or((0, 0));
    for (r, c, data) in range.used_cells() {
        ticker.tick(r as u32, progress);
        builder.push(r0 + r as u32, c0 + c as u32, cell_of(data.clone()))?;
    }
    Ok(builder.finish()?)
}

/// Takes the value over: a 200,000-row sheet's strings are moved, not copied.
fn cell_of(data: Data) -> Cell {
    match data {
        Data::Empty => Cell::Empty,
        Data::String(s) => Cell::Text(s),
        Data::Int(i) => Cell::Number(i as f64),
        Data::Float(f) => Cell::Number(f),
        Data::Bool(b) => Cell::Bool(b),
        Data::DateTime(dt) if dt.is_datetime() => {
            let (year, month, day, hour, minute, second, _) = dt.to_ymd_hms_milli();
            Cell::Date(DateTime { year, month, day, hour, minute, second })
        }
        // A duration ("[hh]:mm") is a number of days.
        Data::DateTime(dt) => Cell::Number(dt.as_f64()),
        Data::DateTimeIso(s) => iso_date(&s).map_or(Cell::Text(s), Cell::Date),
        Data::DurationIso(s) => Cell::Text(s),
        Data::Error(e) => Cell::Error(e.to_string()),
    }
}

/// ODS and SpreadsheetML store dates as ISO 8601 text: "2023-11-30" or "2023-11-30T14:05:00".
pub(super) fn iso_date(s: &str) -> Option<DateTime> {
    let (date, time) = s.split_once('T').unwrap_or((s, ""));
    let mut d = date.splitn(3, '-').map(|p| p.parse::<u16>().ok());
    let (year, month, day) = (d.next()??, d.next()??, d.next()??);
    let mut t = time.splitn(3, ':').map(|p| p.split('.').next().and_then(|x| x.parse::<u8>().ok()));
    let hour = t.next().flatten().unwrap_or(0);
    let minute = t.next().flatten().unwrap_or(0);
    let second = t.next().flatten().unwrap_or(0);
    let valid = (1..=12).contains(&month) && (1..=31).contains(&day) && hour < 24 && minute < 60 && second < 61;
    valid.then_some(DateTime { year, month: month as u8, day: day as u8, hour, minute, second })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_dates_from_ods() {
        let d = iso_date("2023-11-30T14:05:09").unwrap();
        assert_eq!((d.year, d.month, d.day, d.hour, d.minute, d.second), (2023, 11, 30, 14, 5, 9));
        assert_eq!(iso_date("2023-11-30").map(|d| d.display()).as_deref(), Some("30/11/2023"));
        assert_eq!(iso_date("2023-13-01"), None);
        assert_eq!(iso_date("hôm qua"), None);
    }
}
