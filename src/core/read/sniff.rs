//! What a file really is, from its first bytes and, for zip packages, the names inside.

use crate::core::model::table::Format;
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Content {
    Empty,
    Workbook(Format),
    Text,
    /// HTML or XML markup (an "Excel" export that is really a web page or SpreadsheetML 2003).
    Markup,
    /// JSON text (the portal's per-unit detail as crawlers save it).
    Json,
    Encrypted,
    Pdf,
    Image,
    WordDocument,
    OtherZip,
    Unknown,
}

const ZIP: &[u8] = b"PK\x03\x04";
const CFB: &[u8] = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";

pub fn sniff(bytes: &[u8]) -> Content {
    if bytes.is_empty() {
        return Content::Empty;
    }
    if bytes.starts_with(ZIP) {
        return zip_content(bytes);
    }
    if bytes.starts_with(CFB) {
        // Office encrypts an xlsx by wrapping it in a compound file with this stream.
        return if contains(bytes, &utf16le("EncryptedPackage")) {
            Content::Encrypted
        } else {
            Content::Workbook(Format::Xls)
        };
    }
    if bytes.starts_with(b"%PDF") {
        return Content::Pdf;
    }
    if bytes.starts_with(b"\x89PNG") || bytes.starts_with(b"\xFF\xD8\xFF") || bytes.starts_with(b"GIF8") {
        return Content::Image;
    }
    if looks_like_text(bytes) {
        return if starts_with_markup(bytes) {
            Content::Markup
        } else if starts_with_json(bytes) {
            Content::Json
        } else {
            Content::Text
        };
    }
    Content::Unknown
}

/// The names of a zip's entries are stored uncompressed, so a byte search finds them.
fn zip_content(bytes: &[u8]) -> Content {
    if contains(bytes, b"mimetype") && contains(bytes, b"application/vnd.oasis.opendocument.spreadsheet") {
        Content::Workbook(Format::Ods)
    } else if contains(bytes, b"xl/workbook.bin") {
        Content::Workbook(Format::Xlsb)
    } else if contains(bytes, b"xl/workbook.xml") || contains(bytes, b"[Content_Types].xml") && contains(bytes, b"xl/")
    {
        Content::Workbook(Format::Xlsx)
    } else if contains(bytes, b"word/document.xml") {
        Content::WordDocument
    } else {
        Content::OtherZip
    }
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

fn utf16le(s: &str) -> Vec<u8> {
    s.encode_utf16().flat_map(u16::to_le_bytes).collect()
}

/// Text has no NUL bytes (UTF-16 aside, whose NULs sit in every other byte) and few controls.
fn looks_like_text(bytes: &[u8]) -> bool {
    let sample = &bytes[..bytes.len().min(8192)];
    if sample.starts_with(b"\xFF\xFE") || sample.starts_with(b"\xFE\xFF") {
        return true;
    }
    let nuls = sample.iter().filter(|b| **b == 0).count();
    if nuls > 0 {
        // UTF-16 without a BOM: many zeros (the high bytes of ASCII), all on one parity.
        let odd = sample.iter().skip(1).step_by(2).filter(|b| **b == 0).count();
        return nuls * 5 >= sample.len() && (odd == nuls || odd == 0);
    }
    let controls = sample.iter().filter(|b| **b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0C)).count();
    controls * 100 <= sample.len()
}

/// A JSON object or array: no table a one-stop system exports begins with «{» or «[».
fn starts_with_json(bytes: &[u8]) -> bool {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    matches!(bytes.iter().find(|b| !b.is_ascii_whitespace()), Some(b'{' | b'['))
}

fn starts_with_markup(bytes: &[u8]) -> bool {
    let (text, _) = super::decode::decode(&bytes[..bytes.len().min(1024)]);
    let head = text.trim_start().to_ascii_lowercase();
    head.starts_with("<!doctype html")
        || head.starts_with("<html")
        || head.starts_with("<?xml")
        || head.starts_with("<table")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn magic_bytes() {
        assert_eq!(sniff(b""), Content::Empty);
        assert_eq!(sniff(b"%PDF-1.7\n..."), Content::Pdf);
        assert_eq!(sniff(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"), Content::Image);
        assert_eq!(sniff(b"Don vi,Diem\nXa A,1\n"), Content::Text);
        assert_eq!(sniff(b"<html><table><tr><td>1</td></tr></table></html>"), Content::Markup);
        assert_eq!(sniff(b"\xEF\xBB\xBF<?xml version=\"1.0\"?><Workbook>"), Content::Markup);
        assert_eq!(sniff(&[0x00, 0x01, 0x02, 0x03, 0xFF, 0x00, 0x00, 0x10, 0x00]), Content::Unknown);
    }

    #[test]
    fn encrypted_compound_file() {
        let mut bytes = CFB.to_vec();
        bytes.extend(std::iter::repeat_n(0u8, 64));
        bytes.extend(utf16le("EncryptedPackage"));
        assert_eq!(sniff(&bytes), Content::Encrypted);
    }
}
