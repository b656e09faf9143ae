//! Turning the bytes of a text file into Unicode text: BOMs, UTF-16 without a BOM, UTF-8, and the
//! two single-byte code pages Vietnamese offices still meet (Windows-1258 and Windows-1252).

use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, UTF_8, WINDOWS_1252, WINDOWS_1258};
use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

/// Decodes `bytes` and returns the text in NFC together with the encoding that was used.
pub fn decode(bytes: &[u8]) -> (String, &'static Encoding) {
    let (encoding, body) = detect(bytes);
    let (text, _) = encoding.decode_without_bom_handling(body);
    // Windows-1258 spells most tone marks as combining characters; NFC composes them so that
    // "U\u{309}y" and "Ủy" are the same text for everything downstream.
    let text = match is_nfc_quick(text.chars()) {
        IsNormalized::Yes => text.into_owned(),
        _ => text.nfc().collect(),
    };
    (text, encoding)
}

fn detect(bytes: &[u8]) -> (&'static Encoding, &[u8]) {
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        return (encoding, &bytes[bom_len..]);
    }
    if let Some(encoding) = utf16_without_bom(bytes) {
        return (encoding, bytes);
    }
    if std::str::from_utf8(bytes).is_ok() {
        return (UTF_8, bytes);
    }
    (single_byte_code_page(bytes), bytes)
}

/// Text in UTF-16 has a zero byte in every other position wherever it is ASCII.
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    let sample = &bytes[..bytes.len().min(4096) & !1];
    let pairs = sample.len() / 2;
    if pairs < 2 {
        return None;
    }
    let zeros_even = sample.iter().step_by(2).filter(|b| **b == 0).count();
    let zeros_odd = sample.iter().skip(1).step_by(2).filter(|b| **b == 0).count();
    if zeros_odd * 10 >= pairs * 4 && zeros_even * 10 < pairs {
        Some(UTF_16LE)
    } else if zeros_even * 10 >= pairs * 4 && zeros_odd * 10 < pairs {
        Some(UTF_16BE)
    } else {
        None
    }
}

/// Windows-1258 and Windows-1252 agree on ASCII and most Western letters; where they differ,
/// the right one is the reading that yields Vietnamese letters rather than stray symbols.
/// A tie goes to Windows-1258: these are Vietnamese offices' files.
fn single_byte_code_page(bytes: &[u8]) -> &'static Encoding {
    let score = |encoding: &'static Encoding| {
        let (text, _) = encoding.decode_without_bom_handling(bytes);
        vietnamese_score(&text.nfc().collect::<String>())
    };
    if score(WINDOWS_1252) > score(WINDOWS_1258) {
        WINDOWS_1252
    } else {
        WINDOWS_1258
    }
}

/// +1 for each non-ASCII Vietnamese letter, −1 for any other non-ASCII character.
fn vietnamese_score(text: &str) -> i64 {
    text.chars().filter(|c| !c.is_ascii()).map(|c| if is_vietnamese_letter(c) { 1 } else { -1 }).sum()
}

fn is_vietnamese_letter(c: char) -> bool {
    if matches!(c, 'đ' | 'Đ') {
        return true;
    }
    let mut parts = std::iter::once(c).nfd();
    let Some(base) = parts.next() else { return false };
    if !"aeiouyAEIOUY".contains(base) {
        return false;
    }
    // circumflex, breve, horn; then the five tone marks.
    parts.all(|m| {
        matches!(m, '\u{302}' | '\u{306}' | '\u{31B}' | '\u{300}' | '\u{301}' | '\u{309}' | '\u{303}' | '\u{323}')
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "Đơn vị;Tổng hồ sơ tiếp nhận\nUBND xã Hưng Long;1.234\nỦy ban phường Phan Đình Phùng;56\n";

    #[test]
    fn utf8_with_and_without_bom() {
        let (text, enc) = decode(SAMPLE.as_bytes());
        assert_eq!((text.as_str(), enc), (SAMPLE, UTF_8));
        let mut with_bom = vec![0xEF, 0xBB, 0xBF];
        with_bom.extend_from_slice(SAMPLE.as_bytes());
        let (text, enc) = decode(&with_bom);
        assert_eq!((text.as_str(), enc), (SAMPLE, UTF_8));
    }

    #[test]
    fn utf16_both_orders_with_and_without_bom() {
        let le: Vec<u8> = SAMPLE.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let be: Vec<u8> = SAMPLE.encode_utf16().flat_map(u16::to_be_bytes).collect();
        assert_eq!(decode(&le), (SAMPLE.to_string(), UTF_16LE));
        assert_eq!(decode(&be), (SAMPLE.to_string(), UTF_16BE));
        let mut le_bom = vec![0xFF, 0xFE];
        le_bom.extend_from_slice(&le);
        assert_eq!(decode(&le_bom), (SAMPLE.to_string(), UTF_16LE));
    }

    #[test]
    fn windows_1258_with_combining_tone_marks() {
        // "Đơn vị;Ủy ban xã" in Windows-1258: tone marks are combining bytes after the vowel
        // (0xF2 dot below, 0xD2 hook above, 0xDE tilde).
        let bytes = b"\xD0\xF5n vi\xF2;U\xD2y ban xa\xDE";
        let (text, enc) = decode(bytes);
        assert_eq!(enc, WINDOWS_1258);
        assert_eq!(text, "Đơn vị;Ủy ban xã");
    }

    #[test]
    fn windows_1252_western_text() {
        // ò and ì are letters in Windows-1252 but combining marks in Windows-1258, where they
        // would leave "ṛ" and a stray acute on the d.
        let bytes = b"Caf\xE9;per\xF2;luned\xEC";
        let (text, enc) = decode(bytes);
        assert_eq!(enc, WINDOWS_1252);
        assert_eq!(text, "Café;però;lunedì");
    }
}
