//! Properties of the number and period parsers over generated inputs: whatever chiso writes the
//! Vietnamese way it reads back, the English way too, and periods survive their own labels.

use chiso::core::model::format::{fixed, number};
use chiso::core::model::lang::Lang;
use chiso::core::model::period::Period;
use chiso::core::model::table::Cell;
use chiso::core::model::text::{fold, fold_words};
use chiso::core::model::values::{count, rate, value};
use chiso::core::read::read_file;
use proptest::prelude::*;
use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

/// Folding as written first: the whole text decomposed (NFD), then filtered. The one-pass
/// folding must agree with it on any text.
fn fold_reference(text: &str) -> String {
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

fn text(s: impl Into<String>) -> Cell {
    Cell::Text(s.into())
}

proptest! {
    #[test]
    fn folding_agrees_with_decomposing_the_whole_text(
        text in "[a-zA-Z0-9 ,.()–_-]{0,8}[\\PC\u{300}-\u{36F}àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵĐÀỲ]{0,24}"
    ) {
        prop_assert_eq!(fold(&text), fold_reference(&text));
        let words: Vec<String> = text
            .split(|c: char| !c.is_alphanumeric() && !is_combining_mark(c))
            .map(fold_reference)
            .filter(|w| !w.is_empty())
            .collect();
        prop_assert_eq!(fold_words(&text), words.join(" "));
    }

    #[test]
    fn counts_with_vietnamese_or_english_thousands(n in 0u64..10_000_000_000) {
        let vietnamese = number(n as f64, 0);
        let english = vietnamese.replace('.', ",");
        prop_assert_eq!(count(&text(&vietnamese)), Ok(Some(n as f64)), "{}", vietnamese);
        prop_assert_eq!(count(&text(&english)), Ok(Some(n as f64)), "{}", english);
        prop_assert_eq!(count(&text(format!("  {n} "))), Ok(Some(n as f64)));
    }

    #[test]
    fn decimals_with_a_comma_or_a_point(hundredths in 0u64..100_000_000) {
        let x = hundredths as f64 / 100.0;
        let vietnamese = fixed(x, 2);
        prop_assert_eq!(value(&text(&vietnamese)), Ok(Some(x)), "{}", vietnamese);
        prop_assert_eq!(value(&text(format!("{x:.2}"))), Ok(Some(x)));
    }

    #[test]
    fn rates_as_percent_text_or_fractions(hundredths in 0u32..=10_000) {
        let percent = f64::from(hundredths) / 100.0;
        let expected = percent / 100.0;
        let parsed = rate(&text(format!("{}%", fixed(percent, 2)))).unwrap().unwrap();
        prop_assert!((parsed - expected).abs() < 1e-12, "{} → {}", percent, parsed);
        prop_assert_eq!(rate(&Cell::Number(expected)), Ok(Some(expected)));
    }

    #[test]
    fn anything_else_is_refused_not_guessed(s in "[a-zđ]{1,12}") {
        prop_assert!(count(&text(&s)).is_err());
    }

    #[test]
    fn months_quarters_and_years_survive_their_labels(year in 1990i32..=2100, month in 1u32..=12, quarter in 1u32..=4) {
        for period in [Period::Month { year, month }, Period::Quarter { year, quarter }, Period::Year(year)] {
            prop_assert_eq!(Period::parse(&period.label(Lang::Vi)), Some(period.clone()));
        }
        prop_assert_eq!(Period::parse(&format!("Tháng {month} năm {year}")), Some(Period::Month { year, month }));
        prop_assert_eq!(Period::parse(&format!("{year}-{month:02}")), Some(Period::Month { year, month }));
        prop_assert_eq!(Period::find_in(&format!("so-lieu-thang-{month}-{year}.xlsx")), Some(Period::Month { year, month }));
        let (this, next) = (Period::Month { year, month }, Period::Month { year: year + 1, month: 1 });
        prop_assert!(this < next);
    }

    #[test]
    fn a_truncated_workbook_is_an_error_never_a_panic(cut in 0.0f64..1.0) {
        for name in ["units.xls", "units.xlsx", "units.xlsb", "units.ods"] {
            let bytes = std::fs::read(format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"))).unwrap();
            let _ = read_file(name, &bytes[..(bytes.len() as f64 * cut) as usize]);
        }
    }
}
