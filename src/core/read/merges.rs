//! The merged ranges of an xlsx workbook's sheets. calamine's own lookup parses every sheet's XML
//! a second time (doubling the read of a large sheet); merges sit after the cells, so a byte scan
//! of the inflated XML for `mergeCell` elements finds them at a fraction of that cost.

use std::collections::HashMap;
use std::io::{Cursor, Read};

use quick_xml::events::Event;

/// Inclusive (row, column) corners, zero-based.
pub(super) type Range = ((u32, u32), (u32, u32));

/// Merged ranges per sheet name; sheets without any are absent. A package too damaged to follow
/// gives none (the cell reader reports the damage).
pub(super) fn xlsx_merges(bytes: &[u8]) -> HashMap<String, Vec<Range>> {
    let Ok(mut zip) = zip::ZipArchive::new(Cursor::new(bytes)) else { return HashMap::new() };
    let mut text = |name: &str| -> Option<String> {
        let mut s = String::new();
        zip.by_name(name).ok()?.read_to_string(&mut s).ok()?;
        Some(s)
    };
    let (Some(workbook), Some(rels)) = (text("xl/workbook.xml"), text("xl/_rels/workbook.xml.rels")) else {
        return HashMap::new();
    };
    let targets: HashMap<String, String> = elements(&rels, "Relationship")
        .into_iter()
        .filter_map(|a| Some((a.get("Id")?.clone(), a.get("Target")?.clone())))
        .collect();
    let mut merges = HashMap::new();
    for sheet in elements(&workbook, "sheet") {
        let (Some(name), Some(target)) = (sheet.get("name"), sheet.get("id").and_then(|id| targets.get(id))) else {
            continue;
        };
        let path = match target.strip_prefix('/') {
            Some(absolute) => absolute.to_string(),
            None => format!("xl/{target}"),
        };
        let Ok(entry) = zip.by_name(&path) else { continue };
        let found = scan(entry);
        if !found.is_empty() {
            merges.insert(name.clone(), found);
        }
    }
    merges
}

/// The attributes (by local name) of every element with local name `tag`.
fn elements(xml: &str, tag: &str) -> Vec<HashMap<String, String>> {
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut found = Vec::new();
    loop {
        match reader.read_event() {
            Ok(Event::Start(e) | Event::Empty(e)) if local(e.name().as_ref()) == tag => {
                found.push(
                    e.attributes()
                        .flatten()
                        .map(|a| (local(a.key.as_ref()).to_string(), a.value.into_owned()))
                        .collect(),
                );
            }
            Ok(Event::Eof) | Err(_) => return found,
            _ => {}
        }
    }
}

fn local(name: &str) -> &str {
    name.rsplit(':').next().unwrap_or(name)
}

/// Streams the sheet's XML looking for `mergeCell` elements and their `ref`.
fn scan(mut entry: impl Read) -> Vec<Range> {
    const NEEDLE: &[u8] = b"mergeCell ";
    let mut found = Vec::new();
    let mut buffer = vec![0u8; 1 << 16];
    // Bytes kept from the previous chunk, so that an element split across chunks is still seen.
    let mut carry: Vec<u8> = Vec::new();
    loop {
        let read = match entry.read(&mut buffer) {
            Ok(0) | Err(_) => break,
            Ok(n) => n,
        };
        carry.extend_from_slice(&buffer[..read]);
        let mut consumed = 0;
        let mut at = 0;
        while let Some(i) = find(&carry[at..], NEEDLE) {
            let start = at + i;
            let Some(end) = carry[start..].iter().position(|b| *b == b'>') else { break };
            if let Some(range) = reference(&carry[start..start + end]) {
                found.push(range);
            }
            at = start + end;
            consumed = at;
        }
        // Keep only what could still begin an element.
        let keep_from = consumed.max(carry.len().saturating_sub(256));
        carry.drain(..keep_from);
    }
    found
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    memchr::memmem::find(haystack, needle)
}

/// `ref="B3:D3"` in an element's bytes.
fn reference(element: &[u8]) -> Option<Range> {
    let text = std::str::from_utf8(element).ok()?;
    let value = text.split("ref=\"").nth(1)?.split('"').next()?;
    let (first, last) = value.split_once(':')?;
    Some((cell(first)?, cell(last)?))
}

/// "B3" → (2, 1).
fn cell(address: &str) -> Option<(u32, u32)> {
    let split = address.find(|c: char| c.is_ascii_digit())?;
    let (letters, digits) = address.split_at(split);
    let col =
        letters.bytes().try_fold(0u32, |acc, b| b.is_ascii_uppercase().then(|| acc * 26 + u32::from(b - b'A') + 1))?;
    let row: u32 = digits.parse().ok()?;
    Some((row.checked_sub(1)?, col.checked_sub(1)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_and_split_chunks() {
        assert_eq!(cell("B3"), Some((2, 1)));
        assert_eq!(cell("XFD1048576"), Some((1_048_575, 16_383)));
        assert_eq!(cell("3B"), None);
        let mut xml = b"<worksheet><sheetData>".to_vec();
        xml.extend(std::iter::repeat_n(b'x', (1 << 16) - 30));
        xml.extend_from_slice(b"</sheetData><mergeCells count=\"2\"><mergeCell ref=\"A1:H1\"/><x:mergeCell ref=\"B3:C3\"/></mergeCells></worksheet>");
        assert_eq!(scan(xml.as_slice()), [((0, 0), (0, 7)), ((2, 1), (2, 2))]);
    }
}
