//! Folding Vietnamese text for comparison: "Hồ sơ đúng hạn, trong hạn (tử số)" and
//! "ho so dung han trong han tu so" are the same header, and "UBND Xã Ba Vì" the same unit as
//! "UBND xã Ba Vì".

use unicode_normalization::UnicodeNormalization;

/// Lower case, without diacritics (đ → d), keeping only letters and digits.
pub fn fold(text: &str) -> String {
    text.nfd()
        .filter_map(|c| match c {
            'đ' | 'Đ' => Some('d'),
            c if c.is_alphanumeric() => Some(c),
            _ => None,
        })
        .flat_map(char::to_lowercase)
        .filter(|c| c.is_ascii_alphanumeric())
        .collect()
}

/// Like [`fold`] but keeps word boundaries as single spaces, for matching names that a user
/// might type with other spacing ("UBND  xã Ba Vì " → "ubnd xa ba vi").
pub fn fold_words(text: &str) -> String {
    text.split(|c: char| !c.is_alphanumeric()).map(fold).filter(|w| !w.is_empty()).collect::<Vec<_>>().join(" ")
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
    }

    #[test]
    fn tidy_keeps_single_spaces_between_words() {
        assert_eq!(tidy("UBND xã An Bình"), "UBND xã An Bình");
        assert_eq!(tidy("  UBND  xã\tAn Bình\u{a0}"), "UBND xã An Bình");
        assert_eq!(tidy(""), "");
    }
}
