//! How numbers, sizes, dates and cell addresses are written for a Vietnamese reader:
//! a decimal comma and dots between thousands (7,3; 1.234.567).

/// Rounds half away from zero to `decimals` places, trims trailing zeros, and writes the result the
/// Vietnamese way. `number(1234567.0, 2)` is "1.234.567", `number(7.30, 2)` is "7,3".
pub fn number(x: f64, decimals: usize) -> String {
    write_number(x, decimals, true)
}

/// Like [`number`] but keeps exactly `decimals` places: `fixed(19.5, 2)` is "19,50".
pub fn fixed(x: f64, decimals: usize) -> String {
    write_number(x, decimals, false)
}

/// A change with its sign, as [`fixed`]: "+7,80", "−3,20" (a true minus sign), "0,00".
pub fn signed(x: f64, decimals: usize) -> String {
    let text = fixed(x.abs(), decimals);
    if text.chars().all(|c| c == '0' || c == ',') {
        text
    } else if x > 0.0 {
        format!("+{text}")
    } else {
        format!("\u{2212}{text}")
    }
}

/// `x` rounded half away from zero to `decimals` places as on paper: 22,65 to one place is
/// 22,7, though the binary 22.65 lies just below it (the noise is rounded off first).
pub fn round_to(x: f64, decimals: usize) -> f64 {
    let scale = 10f64.powi(decimals as i32);
    let scaled = x * scale;
    let denoised = if scaled.abs() < 1e9 { (scaled * 1e6).round() / 1e6 } else { scaled };
    denoised.round() / scale
}

fn write_number(x: f64, decimals: usize, trim: bool) -> String {
    if !x.is_finite() {
        return "—".to_string();
    }
    let rounded = round_to(x, decimals);
    // `{:.N}` of an already-rounded value prints the intended digits.
    let plain = format!("{:.*}", decimals, rounded.abs());
    let (int_part, frac_part) = match plain.split_once('.') {
        Some((i, f)) => (i, f),
        None => (plain.as_str(), ""),
    };
    let frac = if trim { frac_part.trim_end_matches('0') } else { frac_part };
    let mut out = String::with_capacity(plain.len() + plain.len() / 3 + 2);
    if rounded < 0.0 {
        out.push('-');
    }
    out.push_str(&group_thousands(int_part));
    if !frac.is_empty() {
        out.push(',');
        out.push_str(frac);
    }
    out
}

fn group_thousands(digits: &str) -> String {
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(ch);
    }
    out
}

/// A file size as people read it in a file manager: "820 B", "12,3 KB", "25,1 MB".
/// Text as it may stand in HTML or SVG markup, between tags or in a quoted attribute.
pub fn escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

pub fn bytes(size: u64) -> String {
    const KB: f64 = 1024.0;
    let s = size as f64;
    if s < KB {
        format!("{} B", number(s, 0))
    } else if s < KB * KB {
        format!("{} KB", number(s / KB, 1))
    } else if s < KB * KB * KB {
        format!("{} MB", number(s / (KB * KB), 1))
    } else {
        format!("{} GB", number(s / (KB * KB * KB), 1))
    }
}

/// The spreadsheet letters of a zero-based column index: 0 → "A", 25 → "Z", 26 → "AA".
pub fn column_letters(index: usize) -> String {
    let mut n = index + 1;
    let mut letters = Vec::new();
    while n > 0 {
        let rem = (n - 1) % 26;
        letters.push(b'A' + rem as u8);
        n = (n - 1) / 26;
    }
    letters.reverse();
    String::from_utf8(letters).unwrap_or_default()
}

/// "A1"-style address of a zero-based (row, column).
pub fn cell_address(row: usize, col: usize) -> String {
    format!("{}{}", column_letters(col), row + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn halves_round_up_as_on_paper() {
        assert_eq!(number(22.65, 1), "22,7");
        assert_eq!(number(15.65, 1), "15,7");
        assert_eq!(number(1.005, 2), "1,01");
        assert_eq!(number(-2.25, 1), "-2,3");
        assert_eq!(number(22.649, 1), "22,6");
        assert_eq!(round_to(0.125, 2), 0.13);
    }

    #[test]
    fn vietnamese_numbers() {
        assert_eq!(number(1_234_567.0, 2), "1.234.567");
        assert_eq!(number(7.3, 2), "7,3");
        assert_eq!(number(19.48, 2), "19,48");
        assert_eq!(number(-1234.5, 1), "-1.234,5");
        assert_eq!(number(999.0, 0), "999");
        assert_eq!(number(1000.0, 0), "1.000");
        assert_eq!(number(0.125, 2), "0,13");
        assert_eq!(number(-0.001, 2), "0");
        assert_eq!(fixed(19.5, 2), "19,50");
        assert_eq!(fixed(100.0, 2), "100,00");
        assert_eq!(number(f64::NAN, 2), "—");
        assert_eq!(signed(7.8, 2), "+7,80");
        assert_eq!(signed(-1234.5, 2), "\u{2212}1.234,50");
        assert_eq!(signed(-0.001, 2), "0,00");
    }

    #[test]
    fn sizes() {
        assert_eq!(bytes(0), "0 B");
        assert_eq!(bytes(820), "820 B");
        assert_eq!(bytes(12_595), "12,3 KB");
        assert_eq!(bytes(26_319_257), "25,1 MB");
    }

    #[test]
    fn column_names() {
        assert_eq!(column_letters(0), "A");
        assert_eq!(column_letters(25), "Z");
        assert_eq!(column_letters(26), "AA");
        assert_eq!(column_letters(701), "ZZ");
        assert_eq!(column_letters(702), "AAA");
        assert_eq!(column_letters(16_383), "XFD");
        assert_eq!(cell_address(0, 0), "A1");
        assert_eq!(cell_address(119, 14), "O120");
    }
}
