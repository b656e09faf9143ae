//! Any bytes, under any of the names offices give files: the reader returns a workbook (with the
//! dossier lists streamed from it, as the app reads) or an error, within the limits, and never
//! panics.
#![no_main]

use chiso::core::dossier::book;
use chiso::core::read::Limits;
use libfuzzer_sys::fuzz_target;

// Smaller limits keep each run fast; the checks are the same code.
fn limits() -> Limits {
    Limits { max_file_bytes: 4 << 20, max_unzipped_bytes: 64 << 20, max_cells: 200_000, ..Limits::default() }
}

// calamine 0.38 slices some records unchecked and panics on malformed ones (found here: its xlsb
// reader, xlsb/mod.rs:312, and its xls formula parser, xls.rs:1531). That cannot be guarded from
// outside; the reader contains such a panic as the file's error (`ReadError::Panicked`), as the
// app does (its reading worker is replaced). So a panic located in calamine's source goes on to that
// guard; any other panic — ours to fix — aborts as libFuzzer's own hook would.
fn abort_unless_in_calamine() {
    let libfuzzer_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if !info.location().is_some_and(|l| l.file().contains("/calamine-")) {
            libfuzzer_hook(info);
        }
    }));
}

fuzz_target!(|data: &[u8]| {
    static HOOK: std::sync::Once = std::sync::Once::new();
    HOOK.call_once(abort_unless_in_calamine);
    for name in ["bao-cao.xlsx", "bao-cao.xls", "bao-cao.csv"] {
        let _ = book::read(name, data, &limits(), &mut |_| {});
    }
});
