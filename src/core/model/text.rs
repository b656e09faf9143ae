//! Folding Vietnamese text for comparison: "Hồ sơ đúng hạn, trong hạn (tử số)" and
//! "ho so dung han trong han tu so" are the same header, and "UBND Xã Ba Vì" the same unit as
//! "UBND xã Ba Vì".

use unicode_normalization::char::{decompose_canonical, is_combining_mark};

/// Lower case, without diacritics (đ → d), keeping only letters and digits.
pub fn fold(text: &str) -> String {
    folded(text, false)
}

/// Like [`fold`] but keeps word boundaries as single spaces, for matching names that a user
/// might type with other spacing ("UBND  xã Ba Vì " → "ubnd xa ba vi"). A diacritic typed as a
/// combining mark belongs to its word.
pub fn fold_words(text: &str) -> String {
    folded(text, true)
}

/// One pass, a character at a time: unit names are folded tens of thousands of times per
/// analysis, and decomposing only what is not ASCII keeps that cheap.
fn folded(text: &str, words: bool) -> String {
    /// A folded character, after the space of a word boundary passed since the last one.
    fn push(c: char, out: &mut String, gap: &mut bool) {
        if *gap && !out.is_empty() {
            out.push(' ');
        }
        *gap = false;
        out.push(c);
    }
    let mut out = String::with_capacity(text.len());
    let mut gap = false;
    for c in text.chars() {
        if c.is_ascii() {
            if c.is_ascii_alphanumeric() {
                push(c.to_ascii_lowercase(), &mut out, &mut gap);
            } else {
                gap = words;
            }
        } else if c == 'đ' || c == 'Đ' {
            push('d', &mut out, &mut gap);
        } else if c.is_alphanumeric() || is_combining_mark(c) {
            decompose_canonical(c, |d| {
                if d.is_alphanumeric() {
                    for l in d.to_lowercase().filter(char::is_ascii_alphanumeric) {
                        push(l, &mut out, &mut gap);
                    }
                }
            });
        } else {
            gap = words;
        }
    }
    out
}

/// Single spaces between words; most cells already are, and are only copied.
pub fn tidy(t: &str) -> String {
    let bytes = t.as_bytes();
    let clean = bytes.first().is_some_and(|b| *b != b' ')
        && bytes.last().is_some_and(|b| *b != b' ')
        && !bytes.windows(2).any(|w| w == b"  ")
        && !t.chars().any(|c| c != ' ' && c.is_whitespace());
    if clean {
        t.to_string()
    } else {
        t.split_whitespace().collect::<Vec<_>>().join(" ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_ignores_case_diacritics_spacing_and_punctuation() {
        assert_eq!(fold("Hồ sơ đúng hạn, trong hạn (tử số)"), "hosodunghantronghantuso");
        assert_eq!(fold("HO SO DUNG HAN TRONG HAN - TU SO"), "hosodunghantronghantuso");
        assert_eq!(fold("ON_TIME (tử số)"), "ontimetuso");
        assert_eq!(fold("Đơn vị"), "donvi");
        assert_eq!(fold("ĐƠN VỊ CẤP TRÊN"), "donvicaptren");
        assert_eq!(fold("Ủy ban"), "uyban");
        // Decomposed input (as some systems export) folds the same.
        assert_eq!(fold("U\u{31B}\u{309}y ban"), fold("Ửy ban"));
        assert_eq!(fold_words("  UBND  xã Ba-Vì "), "ubnd xa ba vi");
        assert_eq!(fold_words("U\u{31B}\u{309}y ban, Ba Vi\u{300}"), "uy ban ba vi");
        assert_eq!(fold_words("Phường 1 – Quận 3 (TP.HCM) ½"), "phuong 1 quan 3 tp hcm");
    }

    #[test]
    fn tidy_keeps_single_spaces_between_words() {
        assert_eq!(tidy("UBND xã An Bình"), "UBND xã An Bình");
        assert_eq!(tidy("  UBND  xã\tAn Bình\u{a0}"), "UBND xã An Bình");
        assert_eq!(tidy(""), "");
    }
}
