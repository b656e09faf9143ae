//! Workbooks (xlsx, xlsm, xlsb, xls, ods) through calamine, into the neutral table model.

use std::io::Cursor;

use calamine::{open_workbook_from_rs, Data, Ods, Range, Reader, SheetType, SheetVisible, Xls, Xlsb, Xlsx};

use super::{Note, ReadError};
use crate::core::table::{Cell, DateTime, Format, Sheet};

pub(super) fn read(bytes: &[u8], format: Format) -> Result<(Vec<Sheet>, Vec<Note>), ReadError> {
    let cursor = Cursor::new(bytes);
    let corrupt = |detail: String| ReadError::Corrupt { format, detail };
    match format {
        Format::Xlsx => match open_workbook_from_rs::<Xlsx<_>, _>(cursor) {
            Ok(book) => Ok(sheets_of(book)),
            Err(calamine::XlsxError::Password) => Err(ReadError::Encrypted),
            Err(e) => Err(corrupt(e.to_string())),
        },
        Format::Xls => match open_workbook_from_rs::<Xls<_>, _>(cursor) {
            Ok(book) => Ok(sheets_of(book)),
            Err(calamine::XlsError::Password) => Err(ReadError::Encrypted),
            Err(e) => Err(corrupt(e.to_string())),
        },
        Format::Xlsb => open_workbook_from_rs::<Xlsb<_>, _>(cursor)
            .map(sheets_of)
            .map_err(|e| corrupt(e.to_string())),
        Format::Ods => open_workbook_from_rs::<Ods<_>, _>(cursor)
            .map(sheets_of)
            .map_err(|e| corrupt(e.to_string())),
        Format::Csv => Err(corrupt("not a workbook".to_string())),
    }
}

/// Reads every worksheet; a sheet that fails is reported and skipped so that the others still
/// load. Chart and dialog sheets hold no cells and are passed over.
fn sheets_of<RS, R>(mut book: R) -> (Vec<Sheet>, Vec<Note>)
where
    RS: std::io::Read + std::io::Seek,
    R: Reader<RS>,
    R::Error: std::fmt::Display,
{
    let metadata: Vec<_> = book.sheets_metadata().to_vec();
    let mut sheets = Vec::with_capacity(metadata.len());
    let mut notes = Vec::new();
    for meta in metadata {
        if meta.typ != SheetType::WorkSheet {
            continue;
        }
        match book.worksheet_range(&meta.name) {
            Ok(range) => {
                let mut sheet = sheet_of(&meta.name, &range);
                sheet.hidden = meta.visible != SheetVisible::Visible;
                if sheet.hidden {
                    notes.push(Note::HiddenSheet { sheet: meta.name.clone() });
                }
                sheets.push(sheet);
            }
            Err(e) => notes.push(Note::SheetUnreadable { sheet: meta.name.clone(), detail: e.to_string() }),
        }
    }
    (sheets, notes)
}

fn sheet_of(name: &str, range: &Range<Data>) -> Sheet {
    let origin = range.start().map_or((0, 0), |(r, c)| (r as usize, c as usize));
    let (_, width) = range.get_size();
    let cells = range.rows().flat_map(|row| row.iter().map(cell_of)).collect();
    Sheet::from_cells(name, origin, width, cells)
}

fn cell_of(data: &Data) -> Cell {
    match data {
        Data::Empty => Cell::Empty,
        Data::String(s) => Cell::Text(s.clone()),
        Data::Int(i) => Cell::Number(*i as f64),
        Data::Float(f) => Cell::Number(*f),
        Data::Bool(b) => Cell::Bool(*b),
        Data::DateTime(dt) if dt.is_datetime() => {
            let (year, month, day, hour, minute, second, _) = dt.to_ymd_hms_milli();
            Cell::Date(DateTime { year, month, day, hour, minute, second })
        }
        // A duration ("[hh]:mm") is a number of days.
        Data::DateTime(dt) => Cell::Number(dt.as_f64()),
        Data::DateTimeIso(s) => iso_date(s).map_or_else(|| Cell::Text(s.clone()), Cell::Date),
        Data::DurationIso(s) => Cell::Text(s.clone()),
        Data::Error(e) => Cell::Error(e.to_string()),
    }
}

/// ODS stores dates as ISO 8601 text: "2023-11-30" or "2023-11-30T14:05:00".
fn iso_date(s: &str) -> Option<DateTime> {
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
