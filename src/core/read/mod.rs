//! From a file's bytes to a [`Workbook`]. The kind of file is found from its content (its magic
//! bytes), not trusted from its name: offices rename files freely.

use serde::{Deserialize, Serialize};
mod cells;
mod csv;
mod declared;
pub mod decode;
mod json;
pub mod limits;
mod markup;
mod merges;
mod message;
pub mod settings;
pub mod sink;
mod sniff;
mod workbook;

use crate::core::model::table::{Format, Workbook};
pub use declared::Declared;
pub use limits::Limits;
pub use sniff::Content;

/// Why a file could not be read at all. One enum for the reading layer; [`ReadError::message`]
/// says it to the user.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum ReadError {
    Empty,
    /// The content is a known kind of file that is not a spreadsheet (a PDF, an image …).
    NotASpreadsheet(Content),
    /// Password-protected (encrypted) workbook.
    Encrypted,
    /// Looks like `format` but the reader failed.
    Corrupt {
        format: Format,
        detail: String,
    },
    /// Delimited text that broke the CSV reader.
    Csv {
        line: u64,
        detail: String,
    },
    /// Nothing recognisable.
    Unknown,
    /// Text that starts as JSON and is not valid JSON.
    Json {
        line: u64,
        column: u64,
        detail: String,
    },
    /// Valid JSON without the portal's per-unit detail (no `departmentName` anywhere).
    NotPortalJson,
    /// The browser or the operating system could not hand over the file's bytes.
    Unreadable {
        detail: String,
    },
    /// Larger than the file size limit.
    TooLarge {
        size: u64,
        limit: u64,
    },
    /// A zip package with an entry that inflates more than `ratio` times its compressed size: no
    /// spreadsheet does, a zip bomb does.
    ZipBomb {
        entry: String,
        compressed: u64,
        unzipped: u64,
        ratio: u64,
    },
    /// A zip package whose entries together inflate past the ceiling: honest, but more than chiso
    /// reads in one file.
    TooLargeUnzipped {
        unzipped: u64,
        limit: u64,
    },
    /// A count the file declares about itself that its size or format cannot hold (a damaged or
    /// forged file), refused before a reader reserves memory for it.
    DeclaredCount {
        what: Declared,
        declared: u64,
        room: u64,
    },
    /// A sheet wider than the column limit.
    TooManyColumns {
        sheet: String,
        cols: u64,
        limit: u64,
    },
    /// A sheet whose used rectangle holds more cells than the limit.
    TooManyCells {
        sheet: String,
        rows: u64,
        cols: u64,
        limit: u64,
    },
    /// Reading took longer than the time budget (the web app stops it).
    TimedOut {
        seconds: u32,
    },
    /// The user stopped the reading.
    Cancelled,
    /// A reader panicked on this file (natively, where a panic unwinds); the other files go on.
    Panicked {
        detail: String,
    },
    /// The reader itself failed (in the web app: its worker died); nothing else was lost.
    Crashed {
        detail: String,
    },
    /// The web app's engine worker cannot start in this browser: nothing can be read.
    NoEngine,
}

/// How far the reading of a sheet has come.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Progress {
    pub rows_done: u64,
    /// Rows the sheet declares; 0 when unknown.
    pub rows_total: u64,
}

/// Something the user should know about a file that was read.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Note {
    HiddenSheet {
        sheet: String,
    },
    SheetUnreadable {
        sheet: String,
        detail: String,
    },
    /// The name says workbook but the content is delimited text.
    TextNamedAsWorkbook {
        extension: String,
    },
    /// The content is an HTML page or SpreadsheetML, whatever the name says.
    MarkupWorkbook {
        format: Format,
    },
    /// Text longer than the limit was cut: `count` cells, the first at `cell`.
    LongText {
        sheet: String,
        cell: String,
        count: usize,
        limit: usize,
    },
    /// Formula cells whose result the file does not hold: `count` cells, the first at `cell`.
    FormulaWithoutValue {
        sheet: String,
        cell: String,
        count: usize,
    },
}

/// The extensions chiso offers in its file picker.
pub const ACCEPTED_EXTENSIONS: [&str; 9] = [".xlsx", ".xlsm", ".xls", ".xlsb", ".ods", ".csv", ".tsv", ".txt", ".json"];

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Loaded {
    pub workbook: Workbook,
    pub notes: Vec<Note>,
}

/// Reads a whole file within the default limits. `file_name` is used for the sheet name of a
/// CSV, for telling the user what it was, and never to decide the format on its own.
pub fn read_file(file_name: &str, bytes: &[u8]) -> Result<Loaded, ReadError> {
    read_with(file_name, bytes, &Limits::default(), &mut |_| {})
}

/// Reads a whole file within `limits`, telling `progress` how many rows are read; every sheet is
/// kept as cells.
pub fn read_with(
    file_name: &str,
    bytes: &[u8],
    limits: &Limits,
    progress: &mut dyn FnMut(Progress),
) -> Result<Loaded, ReadError> {
    read_into(file_name, bytes, limits, progress, &sink::KeepCells)
}

/// Reads a whole file within `limits`, telling `progress` how many rows are read and offering
/// each sheet's rows to `sink`.
///
/// A panic inside a reader (calamine's xlsb reader still panics on some malformed records)
/// becomes [`ReadError::Panicked`] where the build unwinds (natively), so that one bad file in a
/// batch costs only itself. The web build aborts instead; its reading worker is replaced.
pub fn read_into(
    file_name: &str,
    bytes: &[u8],
    limits: &Limits,
    progress: &mut dyn FnMut(Progress),
    sink: &dyn sink::Sink,
) -> Result<Loaded, ReadError> {
    let reading = cells::Reading { limits, sink };
    // Nothing the closure touches is used again after a panic: only the error goes on.
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| read_unguarded(file_name, bytes, &reading, progress)))
        .unwrap_or_else(|payload| Err(ReadError::Panicked { detail: panic_text(payload.as_ref()) }))
}

/// What a panic said, for the technical detail of a message.
pub fn panic_text(payload: &(dyn std::any::Any + Send)) -> String {
    payload
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "panic".to_string())
}

fn read_unguarded(
    file_name: &str,
    bytes: &[u8],
    reading: &cells::Reading,
    progress: &mut dyn FnMut(Progress),
) -> Result<Loaded, ReadError> {
    let limits = reading.limits;
    limits.check_file_size(bytes.len() as u64)?;
    let extension = extension(file_name);
    let content = match sniff::sniff(bytes) {
        // A damaged package may have lost the entries that name its kind: trust the name then, so
        // that the user hears "damaged workbook" rather than "not a spreadsheet".
        Content::OtherZip => match extension.as_str() {
            "xlsx" | "xlsm" => Content::Workbook(Format::Xlsx),
            "xlsb" => Content::Workbook(Format::Xlsb),
            "ods" => Content::Workbook(Format::Ods),
            _ => Content::OtherZip,
        },
        content => content,
    };
    let mut notes = Vec::new();
    let mut date1904 = false;
    let (format, sheets, dialect) = match content {
        Content::Empty => return Err(ReadError::Empty),
        Content::Encrypted => return Err(ReadError::Encrypted),
        Content::Markup => {
            let (format, sheets, sheet_notes) = markup::read(bytes, reading, progress)?;
            notes.push(Note::MarkupWorkbook { format });
            notes.extend(sheet_notes);
            (format, sheets, None)
        }
        Content::Workbook(format) => {
            if matches!(format, Format::Xlsx | Format::Xlsb | Format::Ods) {
                limits.check_zip(bytes)?;
            }
            if format == Format::Xlsx {
                declared::check_shared_strings(bytes)?;
            }
            let (sheets, sheet_notes, epoch1904) = workbook::read(bytes, format, reading, progress)?;
            notes.extend(sheet_notes);
            date1904 = epoch1904;
            (format, sheets, None)
        }
        Content::Json => (Format::Json, vec![json::read(bytes, stem(file_name))?], None),
        Content::Text => {
            if !matches!(extension.as_str(), "csv" | "tsv" | "txt") {
                notes.push(Note::TextNamedAsWorkbook { extension: extension.clone() });
            }
            let (sheet, sheet_notes, dialect) = csv::read(bytes, stem(file_name), reading, progress)?;
            notes.extend(sheet_notes);
            (Format::Csv, vec![sheet], Some(dialect))
        }
        Content::Unknown => return Err(ReadError::Unknown),
        other => return Err(ReadError::NotASpreadsheet(other)),
    };
    let workbook = Workbook {
        file_name: file_name.to_string(),
        byte_size: bytes.len() as u64,
        format,
        csv: dialect,
        sheets,
        date1904,
    };
    Ok(Loaded { workbook, notes })
}

fn extension(file_name: &str) -> String {
    file_name.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase()).unwrap_or_default()
}

use crate::core::model::table::stem;
