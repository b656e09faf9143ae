//! A reading's outcome as bytes, for the trip from the reading worker to the page: compact
//! (a province's month is millions of cells) and transferable without copying.

use super::{Loaded, ReadError};

/// The outcome as bytes; [`decode`] gives it back.
pub fn encode(outcome: &Result<Loaded, ReadError>) -> Vec<u8> {
    postcard::to_allocvec(outcome).unwrap_or_else(|e| {
        let failed: Result<Loaded, ReadError> = Err(ReadError::Crashed { detail: format!("encode: {e}") });
        postcard::to_allocvec(&failed).unwrap_or_default()
    })
}

/// Bytes from [`encode`]; anything else is reported as a reader failure.
pub fn decode(bytes: &[u8]) -> Result<Loaded, ReadError> {
    postcard::from_bytes::<Result<Loaded, ReadError>>(bytes)
        .unwrap_or_else(|e| Err(ReadError::Crashed { detail: format!("decode: {e}") }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::read::{read_file, Note};
    use crate::core::table::{Cell, DateTime};

    #[test]
    fn a_workbook_and_an_error_survive_the_trip() {
        let text = "Đơn vị;Ngày;Số\nXã A;30/11/2023;1,5\n";
        let loaded = read_file("a.csv", text.as_bytes());
        assert_eq!(decode(&encode(&loaded)), loaded);
        let mut book = loaded.unwrap();
        book.workbook.sheets[0] = crate::core::table::Sheet::from_rows(
            "S",
            (3, 2),
            vec![vec![
                Cell::Date(DateTime { year: 2023, month: 11, day: 30, hour: 14, minute: 5, second: 0 }),
                Cell::Bool(true),
                Cell::Number(-0.25),
                Cell::Error("#DIV/0!".into()),
                Cell::Empty,
            ]],
        );
        book.notes.push(Note::HiddenSheet { sheet: "Ẩn".into() });
        let ok = Ok(book);
        assert_eq!(decode(&encode(&ok)), ok);
        let error = Err(ReadError::TooManyCells { sheet: "S".into(), rows: 1, cols: 2, limit: 3 });
        assert_eq!(decode(&encode(&error)), error);
        assert!(matches!(decode(b"\xFF\xFF"), Err(ReadError::Crashed { .. })));
    }
}
