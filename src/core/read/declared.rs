//! Counts a file declares about itself, checked against what the file can hold before calamine
//! allocates from them: a 10 KB workbook claiming four billion shared strings, or an .xls sheet
//! claiming four billion rows, made calamine reserve that memory and abort the process.

use std::io::{Cursor, Read};

use quick_xml::events::Event;
use serde::{Deserialize, Serialize};

use super::limits::Limits;
use super::ReadError;

/// What a declared count counts.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Declared {
    /// The shared strings of an xlsx package (`uniqueCount` in `sharedStrings.xml`).
    SharedStrings,
    /// The rows of an .xls sheet (its DIMENSIONS record).
    SheetRows { sheet: String },
}

/// The fewest bytes one shared string takes in `sharedStrings.xml`: `<si/>`.
const SHARED_STRING_BYTES: u64 = 5;
/// The rows and columns a BIFF8 (.xls) sheet can have.
const XLS_ROWS: u64 = 65_536;
const XLS_COLUMNS: u64 = 256;

/// An xlsx package's `uniqueCount` against the strings its inflated part could hold.
pub fn check_shared_strings(bytes: &[u8]) -> Result<(), ReadError> {
    let Ok(mut archive) = zip::ZipArchive::new(Cursor::new(bytes)) else { return Ok(()) };
    let Some(name) = archive
        .file_names()
        .filter_map(Result::ok)
        .find(|n| n.to_ascii_lowercase().ends_with("sharedstrings.xml"))
        .map(|n| n.into_owned())
    else {
        return Ok(());
    };
    let Ok(part) = archive.by_name(&name) else { return Ok(()) };
    let room = part.size() / SHARED_STRING_BYTES;
    // The count stands in the root element, at the very start of the part.
    let mut reader = quick_xml::Reader::from_reader(std::io::BufReader::new(part.take(64 * 1024)));
    let mut buf = Vec::new();
    loop {
        match reader.read_event_into(&mut buf) {
            Ok(Event::Start(e) | Event::Empty(e)) if e.local_name().as_ref() == "sst" => {
                let declared =
                    e.try_get_attribute("uniqueCount").ok().flatten().and_then(|a| a.value.trim().parse::<u64>().ok());
                return match declared {
                    Some(declared) if declared > room => {
                        Err(ReadError::DeclaredCount { what: Declared::SharedStrings, declared, room })
                    }
                    _ => Ok(()),
                };
            }
            // A damaged part is the workbook reader's to report.
            Ok(Event::Eof) | Err(_) => return Ok(()),
            _ => buf.clear(),
        }
    }
}

/// The DIMENSIONS record of every sheet in an .xls workbook stream, against what the format
/// allows and the cell limit. Sheets are named by the BOUNDSHEET record that points at their
/// first record.
pub fn check_xls_dimensions(stream: &mut impl Read, limits: &Limits) -> Result<(), ReadError> {
    let mut names: Vec<(u64, String)> = Vec::new();
    let mut sheet = String::new();
    let mut at: u64 = 0;
    let mut header = [0u8; 4];
    let mut data = vec![0u8; u16::MAX as usize];
    while stream.read_exact(&mut header).is_ok() {
        let kind = u16::from_le_bytes([header[0], header[1]]);
        let len = usize::from(u16::from_le_bytes([header[2], header[3]]));
        if stream.read_exact(&mut data[..len]).is_err() {
            return Ok(());
        }
        let record = &data[..len];
        match kind {
            // BOUNDSHEET: the stream offset of a sheet's BOF, then its name (BIFF8 short string).
            0x0085 if len >= 8 => {
                let offset = u64::from(u32::from_le_bytes([record[0], record[1], record[2], record[3]]));
                names.push((offset, biff_name(&record[6..])));
            }
            // BOF: which sheet the records that follow belong to.
            0x0809 => {
                if let Some((_, name)) = names.iter().find(|(offset, _)| *offset == at) {
                    sheet.clone_from(name);
                }
            }
            // DIMENSIONS (BIFF8): first row, last row + 1, first column, last column + 1.
            0x0200 if len >= 12 => {
                let u32_at =
                    |i: usize| u64::from(u32::from_le_bytes([record[i], record[i + 1], record[i + 2], record[i + 3]]));
                let u16_at = |i: usize| u64::from(u16::from_le_bytes([record[i], record[i + 1]]));
                let rows = u32_at(4).saturating_sub(u32_at(0));
                let cols = u16_at(10).saturating_sub(u16_at(8)).min(XLS_COLUMNS);
                if rows > XLS_ROWS {
                    let what = Declared::SheetRows { sheet: sheet.clone() };
                    return Err(ReadError::DeclaredCount { what, declared: rows, room: XLS_ROWS });
                }
                limits.check_cells(&sheet, rows, cols)?;
            }
            _ => {}
        }
        at += 4 + len as u64;
    }
    Ok(())
}

/// A BIFF8 short unicode string: length, a flag byte (bit 0: two bytes a character), the text.
fn biff_name(bytes: &[u8]) -> String {
    let [len, flags, text @ ..] = bytes else { return String::new() };
    let len = usize::from(*len);
    if flags & 1 == 1 {
        let units: Vec<u16> = text.chunks_exact(2).take(len).map(|c| u16::from_le_bytes([c[0], c[1]])).collect();
        String::from_utf16_lossy(&units)
    } else {
        // Compressed: each byte is a code point below U+0100.
        text.iter().take(len).map(|&b| char::from(b)).collect()
    }
}
