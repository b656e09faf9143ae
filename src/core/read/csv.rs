//! Delimited text (CSV, TSV): encoding and delimiter are detected, every field stays text; the
//! values module decides later what a field means.

use super::cells::Reading;
use super::cells::{SheetBuilder, Ticker};
use super::{decode, Note, Progress, ReadError};
use crate::core::model::table::{Cell, CsvDialect, Sheet};

const DELIMITERS: [u8; 3] = [b'\t', b';', b','];
/// Records sampled to choose the delimiter.
const SNIFF_RECORDS: usize = 50;

pub(super) fn read(
    bytes: &[u8],
    sheet_name: &str,
    reading: &Reading<'_>,
    progress: &mut dyn FnMut(Progress),
) -> Result<(Sheet, Vec<Note>, CsvDialect), ReadError> {
    let (text, encoding) = decode::decode(bytes);
    let delimiter = sniff_delimiter(&text);
    let mut reader =
        ::csv::ReaderBuilder::new().has_headers(false).flexible(true).delimiter(delimiter).from_reader(text.as_bytes());
    let mut builder = SheetBuilder::new(sheet_name, reading);
    let mut ticker = Ticker::new(0);
    let mut record = ::csv::StringRecord::new();
    for row in 0u32.. {
        let more = reader
            .read_record(&mut record)
            .map_err(|e| ReadError::Csv { line: e.position().map_or(0, |p| p.line()), detail: e.to_string() })?;
        if !more {
            break;
        }
        ticker.tick(row, progress);
        for (col, field) in record.iter().enumerate() {
            builder.push(row, col as u32, field_cell(field))?;
        }
    }
    let (sheet, notes) = builder.finish()?;
    Ok((sheet, notes, CsvDialect { encoding: encoding.name().to_string(), delimiter }))
}

fn field_cell(field: &str) -> Cell {
    if field.trim().is_empty() {
        Cell::Empty
    } else {
        Cell::Text(field.to_string())
    }
}

/// The delimiter that splits the first records into the most rows of one same width (more than
/// one column). Ties go to tab, then `;`, then `,`: a `;` file with decimal commas ("1,5") must
/// not be split on its commas.
fn sniff_delimiter(text: &str) -> u8 {
    let mut best = (0usize, 0usize, b',');
    for delimiter in DELIMITERS {
        let widths: Vec<usize> = ::csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .delimiter(delimiter)
            .from_reader(text.as_bytes())
            .records()
            .take(SNIFF_RECORDS)
            .map_while(Result::ok)
            .map(|r| r.len())
            .collect();
        let Some(mode) = mode(&widths) else { continue };
        if mode < 2 {
            continue;
        }
        let agreeing = widths.iter().filter(|w| **w == mode).count();
        if (agreeing, mode) > (best.0, best.1) {
            best = (agreeing, mode, delimiter);
        }
    }
    best.2
}

fn mode(values: &[usize]) -> Option<usize> {
    let mut counts = std::collections::BTreeMap::new();
    for v in values {
        *counts.entry(*v).or_insert(0usize) += 1;
    }
    counts.into_iter().max_by_key(|(value, count)| (*count, *value)).map(|(value, _)| value)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::read::Limits;

    fn texts(sheet: &Sheet, row: usize) -> Vec<String> {
        sheet.row(row).unwrap_or_default().iter().map(Cell::display).collect()
    }

    #[test]
    fn semicolons_with_decimal_commas() {
        let (sheet, _, dialect) = read(
            "Đơn vị;Tỷ lệ;Điểm\nXã A;74,04;14,81\nXã B;100;20\n".as_bytes(),
            "t",
            &Reading::keep_cells(&Limits::default()),
            &mut |_| {},
        )
        .unwrap();
        assert_eq!(dialect.delimiter, b';');
        assert_eq!(texts(&sheet, 1), ["Xã A", "74,04", "14,81"]);
        assert_eq!((sheet.height(), sheet.width()), (3, 3));
    }

    #[test]
    fn commas_with_quoted_fields_and_tabs() {
        let (sheet, _, d) =
            read(b"a,\"b, c\",d\n1,2,3\n", "t", &Reading::keep_cells(&Limits::default()), &mut |_| {}).unwrap();
        assert_eq!(d.delimiter, b',');
        assert_eq!(texts(&sheet, 0), ["a", "b, c", "d"]);
        let (sheet, _, d) =
            read(b"a\tb\n1,5\t2\n", "t", &Reading::keep_cells(&Limits::default()), &mut |_| {}).unwrap();
        assert_eq!(d.delimiter, b'\t');
        assert_eq!(texts(&sheet, 1), ["1,5", "2"]);
    }

    #[test]
    fn blank_fields_are_empty_and_ragged_rows_padded() {
        let (sheet, _, _) =
            read(b"a,b,c\n1,,\n2\n", "t", &Reading::keep_cells(&Limits::default()), &mut |_| {}).unwrap();
        assert_eq!(sheet.cell(1, 1), Some(&Cell::Empty));
        assert_eq!(sheet.cell(2, 2), Some(&Cell::Empty));
        assert_eq!(sheet.height(), 3);
    }

    #[test]
    fn single_column_defaults_to_comma() {
        let (sheet, _, d) = read(b"one\ntwo\n", "t", &Reading::keep_cells(&Limits::default()), &mut |_| {}).unwrap();
        assert_eq!((d.delimiter, sheet.width()), (b',', 1));
    }
}
