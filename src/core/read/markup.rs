//! ".xls" files that are not Excel files: many one-stop systems export an HTML page with a
//! `<table>`, or a SpreadsheetML 2003 XML workbook, and name it .xls. Excel opens both, so offices
//! expect chiso to as well. Each HTML table becomes a sheet; merged cells (colspan, rowspan,
//! ss:MergeAcross) keep their value in the top-left cell, as Excel shows them, and header merges
//! are spread as for a workbook.

use html5gum::{Token, Tokenizer};
use quick_xml::events::{BytesStart, Event};

use super::cells::Reading;
use super::cells::{HeaderMerges, SheetBuilder, Ticker};
use super::decode::decode;
use super::workbook::iso_date;
use super::{Note, Progress, ReadError};
use crate::core::model::table::{Cell, Format, Sheet};

pub(super) type Read = (Format, Vec<Sheet>, Vec<Note>);

pub(super) fn read(bytes: &[u8], reading: &Reading<'_>, progress: &mut dyn FnMut(Progress)) -> Result<Read, ReadError> {
    let (text, _) = decode(bytes);
    let head: String = text.trim_start_matches('\u{feff}').trim_start().chars().take(2048).collect();
    if head.starts_with("<?xml")
        && (head.contains("urn:schemas-microsoft-com:office:spreadsheet") || head.contains("<Workbook"))
    {
        spreadsheet_ml(&text, reading, progress).map(|(sheets, notes)| (Format::SpreadsheetMl, sheets, notes))
    } else {
        html(&text, reading, progress).map(|(sheets, notes)| (Format::Html, sheets, notes))
    }
}

/// The HTML specification's own caps on colspan and rowspan.
const MAX_COLSPAN: u32 = 1_000;
const MAX_ROWSPAN: u32 = 65_534;

/// One table being read: where the next cell goes, and the cells that rows above cover.
struct Table<'a> {
    builder: SheetBuilder<'a>,
    row: Option<u32>,
    next_row: u32,
    col: u32,
    /// (first row, last row, first column, last column) covered by a rowspan from above: one
    /// entry per spanning cell, however many rows it spans.
    covered: Vec<(u32, u32, u32, u32)>,
    cell: Option<CellText>,
    merges: HeaderMerges,
}

struct CellText {
    col: u32,
    text: String,
    number: Option<f64>,
}

impl<'a> Table<'a> {
    fn new(name: &str, reading: &Reading<'a>) -> Table<'a> {
        Table {
            builder: SheetBuilder::new(name, reading),
            row: None,
            next_row: 0,
            col: 0,
            covered: Vec::new(),
            cell: None,
            merges: HeaderMerges::default(),
        }
    }

    /// Ends the table: its sheet joins `sheets` unless it is empty.
    fn finish(mut self, sheets: &mut Vec<Sheet>, notes: &mut Vec<Note>) -> Result<(), ReadError> {
        self.end_row()?;
        let (mut sheet, sheet_notes) = self.builder.finish()?;
        if !sheet.is_empty() {
            self.merges.apply(&mut sheet);
            sheets.push(sheet);
            notes.extend(sheet_notes);
        }
        Ok(())
    }

    /// HTML lets a page leave out `</td>` and `</tr>`: a new row or cell ends the open one.
    fn start_row(&mut self) -> Result<(), ReadError> {
        self.end_row()?;
        self.row = Some(self.next_row);
        self.next_row += 1;
        self.col = 0;
        Ok(())
    }

    fn end_row(&mut self) -> Result<(), ReadError> {
        self.end_cell()?;
        self.row = None;
        Ok(())
    }

    fn start_cell(&mut self, colspan: u32, rowspan: u32, number: Option<f64>) -> Result<(), ReadError> {
        self.end_cell()?;
        if self.row.is_none() {
            self.start_row()?;
        }
        let row = self.row.unwrap_or_default();
        self.covered.retain(|&(_, last_row, _, _)| last_row >= row);
        while let Some(&(_, _, _, last)) =
            self.covered.iter().find(|&&(r0, r1, c0, c1)| (r0..=r1).contains(&row) && (c0..=c1).contains(&self.col))
        {
            self.col = last + 1;
        }
        if rowspan > 1 {
            self.covered.push((row + 1, row + rowspan - 1, self.col, self.col + colspan - 1));
        }
        self.cell = Some(CellText { col: self.col, text: String::new(), number });
        self.merges.add((row, self.col), (row + rowspan - 1, self.col + colspan - 1));
        self.col += colspan;
        Ok(())
    }

    fn end_cell(&mut self) -> Result<(), ReadError> {
        let Some(cell) = self.cell.take() else { return Ok(()) };
        let text = crate::core::model::text::tidy(&cell.text);
        let value = match cell.number {
            Some(n) => Cell::Number(n),
            None if text.is_empty() => Cell::Empty,
            None => Cell::Text(text),
        };
        self.builder.push(self.row.unwrap_or_default(), cell.col, value)
    }
}

fn attribute(tag: &html5gum::StartTag<()>, name: &str) -> Option<String> {
    tag.attributes.get(name.as_bytes()).map(|v| String::from_utf8_lossy(v).trim().to_string())
}

fn span(tag: &html5gum::StartTag<()>, name: &str, max: u32) -> u32 {
    attribute(tag, name).and_then(|v| v.parse::<u32>().ok()).unwrap_or(1).clamp(1, max)
}

fn html(
    text: &str,
    reading: &Reading<'_>,
    progress: &mut dyn FnMut(Progress),
) -> Result<(Vec<Sheet>, Vec<Note>), ReadError> {
    let mut sheets = Vec::new();
    let mut notes = Vec::new();
    // Tables inside tables are read as their own sheets; the outer one resumes after them.
    let mut open: Vec<Table> = Vec::new();
    let mut count = 0;
    let mut rows_read = 0u32;
    let mut ticker = Ticker::new(0);
    for token in Tokenizer::new(text).flatten() {
        match token {
            Token::StartTag(tag) => match tag.name.as_slice() {
                b"table" => {
                    count += 1;
                    open.push(Table::new(&format!("Bảng {count}"), reading));
                }
                b"tr" => {
                    if let Some(t) = open.last_mut() {
                        t.start_row()?;
                        rows_read += 1;
                        ticker.tick(rows_read, progress);
                    }
                }
                b"td" | b"th" => {
                    if let Some(t) = open.last_mut() {
                        let number =
                            attribute(&tag, "x:num").and_then(|v| v.parse::<f64>().ok()).filter(|n| n.is_finite());
                        t.start_cell(span(&tag, "colspan", MAX_COLSPAN), span(&tag, "rowspan", MAX_ROWSPAN), number)?;
                    }
                }
                b"br" | b"p" | b"div" => {
                    if let Some(cell) = open.last_mut().and_then(|t| t.cell.as_mut()) {
                        cell.text.push(' ');
                    }
                }
                _ => {}
            },
            Token::EndTag(tag) => match tag.name.as_slice() {
                b"table" => {
                    if let Some(t) = open.pop() {
                        t.finish(&mut sheets, &mut notes)?;
                    }
                }
                b"tr" => {
                    if let Some(t) = open.last_mut() {
                        t.end_row()?;
                    }
                }
                b"td" | b"th" => {
                    if let Some(t) = open.last_mut() {
                        t.end_cell()?;
                    }
                }
                _ => {}
            },
            Token::String(s) => {
                if let Some(cell) = open.last_mut().and_then(|t| t.cell.as_mut()) {
                    cell.text.push_str(&String::from_utf8_lossy(&s));
                }
            }
            _ => {}
        }
    }
    // Tables the page never closed still count.
    while let Some(t) = open.pop() {
        t.finish(&mut sheets, &mut notes)?;
    }
    Ok((sheets, notes))
}

fn local_name(name: &str) -> &str {
    name.rsplit(':').next().unwrap_or(name)
}

fn ss_attribute(e: &BytesStart, name: &str) -> Option<String> {
    e.attributes().flatten().find(|a| local_name(a.key.as_ref()) == name).map(|a| a.value.into_owned())
}

fn spreadsheet_ml(
    text: &str,
    reading: &Reading<'_>,
    progress: &mut dyn FnMut(Progress),
) -> Result<(Vec<Sheet>, Vec<Note>), ReadError> {
    let corrupt = |detail: String| ReadError::Corrupt { format: Format::SpreadsheetMl, detail };
    let mut reader = quick_xml::Reader::from_str(text);
    let mut sheets = Vec::new();
    let mut notes = Vec::new();
    let mut current: Option<(SheetBuilder, String, HeaderMerges)> = None;
    let (mut row, mut col): (u32, u32) = (0, 0);
    // The cell being read: its column, its ss:Type and its text.
    let mut data: Option<(u32, String, String)> = None;
    let mut ticker = Ticker::new(0);
    let mut in_visible = false;
    let mut hidden = false;
    loop {
        let event = reader.read_event().map_err(|e| corrupt(format!("{e} (byte {})", reader.buffer_position())))?;
        match event {
            Event::Start(ref e) | Event::Empty(ref e) => {
                let empty = matches!(event, Event::Empty(_));
                let index =
                    |e: &BytesStart| ss_attribute(e, "Index").and_then(|v| v.parse::<u32>().ok()).filter(|i| *i >= 1);
                match local_name(e.name().as_ref()) {
                    "Worksheet" => {
                        let name = ss_attribute(e, "Name").unwrap_or_else(|| format!("Sheet{}", sheets.len() + 1));
                        current = Some((SheetBuilder::new(&name, reading), name, HeaderMerges::default()));
                        hidden = false;
                        row = 0;
                    }
                    "Row" => {
                        row = index(e).unwrap_or(row + 1);
                        col = 0;
                        ticker.tick(row, progress);
                    }
                    "Cell" => {
                        col = index(e).unwrap_or(col + 1);
                        // The value lands in this column; the next cell starts after the merge.
                        data = (!empty).then(|| (col, String::new(), String::new()));
                        let across = ss_attribute(e, "MergeAcross")
                            .and_then(|v| v.parse::<u32>().ok())
                            .unwrap_or(0)
                            .min(MAX_COLSPAN);
                        let down = ss_attribute(e, "MergeDown")
                            .and_then(|v| v.parse::<u32>().ok())
                            .unwrap_or(0)
                            .min(MAX_ROWSPAN);
                        if let Some((_, _, merges)) = current.as_mut() {
                            merges.add(
                                (row.saturating_sub(1), col.saturating_sub(1)),
                                (row.saturating_sub(1) + down, col.saturating_sub(1) + across),
                            );
                        }
                        col += across;
                    }
                    "Data" => {
                        if let Some(d) = data.as_mut() {
                            d.1 = ss_attribute(e, "Type").unwrap_or_default();
                        }
                    }
                    "Visible" => in_visible = !empty,
                    _ => {}
                }
            }
            Event::Text(t) => {
                let t: &str = &t;
                if in_visible {
                    hidden |= t.contains("Hidden");
                } else if let Some(d) = data.as_mut() {
                    d.2.push_str(t);
                }
            }
            Event::GeneralRef(r) => {
                if let Some(d) = data.as_mut() {
                    let name: &str = &r;
                    let resolved = match name {
                        "amp" => "&".to_string(),
                        "lt" => "<".to_string(),
                        "gt" => ">".to_string(),
                        "quot" => "\"".to_string(),
                        "apos" => "'".to_string(),
                        other => r
                            .resolve_char_ref()
                            .ok()
                            .flatten()
                            .map(String::from)
                            .unwrap_or_else(|| format!("&{other};")),
                    };
                    d.2.push_str(&resolved);
                }
            }
            Event::End(e) => match local_name(e.name().as_ref()) {
                "Cell" => {
                    if let (Some((at, kind, value)), Some((builder, _, _))) = (data.take(), current.as_mut()) {
                        builder.push(row.saturating_sub(1), at.saturating_sub(1), ml_cell(&kind, value))?;
                    }
                }
                "Visible" => in_visible = false,
                "Worksheet" => {
                    if let Some((builder, name, merges)) = current.take() {
                        let (mut sheet, sheet_notes) = builder.finish()?;
                        merges.apply(&mut sheet);
                        sheet.hidden = hidden;
                        if hidden {
                            notes.push(Note::HiddenSheet { sheet: name });
                        }
                        notes.extend(sheet_notes);
                        sheets.push(sheet);
                    }
                }
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
    }
    Ok((sheets, notes))
}

/// A SpreadsheetML `<Data ss:Type="…">`: numbers and booleans are stored the English way.
fn ml_cell(kind: &str, value: String) -> Cell {
    match kind {
        "Number" => value.trim().parse::<f64>().map_or(Cell::Text(value), Cell::Number),
        "Boolean" => Cell::Bool(value.trim() == "1"),
        "DateTime" => iso_date(value.trim()).map_or(Cell::Text(value), Cell::Date),
        "Error" => Cell::Error(value),
        _ if value.is_empty() => Cell::Empty,
        _ => Cell::Text(value),
    }
}
