//! Any bytes, under any of the names offices give files: the reader returns a workbook or an
//! error, within the limits, and never panics.
#![no_main]

use chiso::core::read::{read_with, Limits};
use libfuzzer_sys::fuzz_target;

// Smaller limits keep each run fast; the checks are the same code.
fn limits() -> Limits {
    Limits { max_file_bytes: 4 << 20, max_unzipped_bytes: 64 << 20, max_cells: 200_000, ..Limits::default() }
}

fuzz_target!(|data: &[u8]| {
    for name in ["bao-cao.xlsx", "bao-cao.xls", "bao-cao.csv"] {
        let _ = read_with(name, data, &limits(), &mut |_| {});
    }
});
