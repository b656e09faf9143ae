//! The number, rate and period parsers on any text: a value or a refusal, never a panic, and a
//! count is never negative or fractional when accepted as such.
#![no_main]

use chiso::core::model::period::Period;
use chiso::core::model::table::Cell;
use chiso::core::model::values;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let cell = Cell::Text(text.to_string());
    let _ = values::value(&cell);
    let _ = values::rate(&cell);
    if let Ok(Some(n)) = values::count(&cell) {
        assert!(n.is_finite());
    }
    if let Some(period) = Period::parse(text) {
        assert_eq!(Period::parse(&period.label(chiso::core::model::lang::Lang::Vi)), Some(period.clone()), "{text:?}");
        let _ = period.slug();
    }
    let _ = Period::find_in(text);
});
