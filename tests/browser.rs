//! Browser tests (wasm-bindgen-test in headless Chromium): the paths that only exist in a browser.
//! Run by tools/test.sh as `cargo test --target wasm32-unknown-unknown --features browser --test browser`.
#![cfg(all(target_arch = "wasm32", feature = "browser"))]

use chiso::browser;
use chiso::core::model::table::{Cell, Format};
use chiso::core::read::read_file;
use js_sys::{Array, Uint8Array};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn browser_file(name: &str, bytes: &[u8]) -> web_sys::File {
    let parts = Array::of1(&Uint8Array::from(bytes));
    web_sys::File::new_with_u8_array_sequence(&parts, name).expect("File constructor")
}

/// A File made in the page goes through the same path as a dropped one, and calamine reads it
/// inside wasm32 exactly as natively.
#[wasm_bindgen_test]
async fn a_browser_file_is_read_into_the_table_model() {
    let fixture: &[u8] = include_bytes!("fixtures/units.xlsx");
    let file = browser_file("units.xlsx", fixture);
    let bytes = browser::file_bytes(&file).await.expect("bytes");
    assert_eq!(bytes.len(), fixture.len());
    let loaded = read_file(&file.name(), &bytes).expect("workbook");
    assert_eq!(loaded.workbook.format, Format::Xlsx);
    let sheet = &loaded.workbook.sheets[0];
    assert_eq!(sheet.name, "Số liệu");
    assert_eq!(sheet.cell(4, 0), Some(&Cell::Text("UBND xã Ba Vì".into())));
    assert_eq!(sheet.cell(4, 2), Some(&Cell::Number(4474.0)));
    assert_eq!(sheet.cell(4, 6).map(Cell::display).as_deref(), Some("30/11/2023"));
}

#[wasm_bindgen_test]
async fn windows_1258_csv_decodes_in_the_browser() {
    let file = browser_file("units.csv", include_bytes!("fixtures/units-windows-1258.csv"));
    let bytes = browser::file_bytes(&file).await.expect("bytes");
    let loaded = read_file("units.csv", &bytes).expect("csv");
    assert_eq!(loaded.workbook.csv.as_ref().map(|d| d.encoding.as_str()), Some("windows-1258"));
    assert_eq!(loaded.workbook.sheets[0].cell(3, 0), Some(&Cell::Text("UBND phường Phan Đình Phùng".into())));
}

/// The analysis measure of the automation contract: one entry per analysis, the latest only.
#[wasm_bindgen_test]
async fn the_analysis_is_measured_once_per_batch() {
    let performance = web_sys::window().and_then(|w| w.performance()).expect("performance");
    for _ in 0..2 {
        browser::mark_received();
        browser::next_frame().await;
        let duration = browser::measure_analysis().expect("a measure");
        assert!(duration > 0.0, "a frame passed between mark and measure: {duration}");
    }
    let entries = performance.get_entries_by_name_with_entry_type(browser::ANALYSIS, "measure");
    assert_eq!(entries.length(), 1);
}

#[wasm_bindgen_test]
fn settings_are_remembered() {
    use chiso::browser::remembered::{Remembered, RememberedText};
    // A text is stored as it is (as earlier versions stored it), a value as JSON.
    let text = RememberedText::at("chiso.test");
    text.save("en");
    assert_eq!(text.load().as_deref(), Some("en"));
    text.save("vi");
    assert_eq!(text.load().as_deref(), Some("vi"));
    text.forget();
    assert_eq!(text.load(), None);
    assert_eq!(RememberedText::at("chiso.missing").load(), None);
    let value: Remembered<Vec<u32>> = Remembered::at("chiso.test-json");
    value.save(&vec![7, 9]);
    assert_eq!(value.load(), Some(vec![7, 9]));
    assert_eq!(RememberedText::at("chiso.test-json").load().as_deref(), Some("[7,9]"));
    value.forget();
    assert_eq!(value.load(), None);
}

/// A dossier list streamed into records inside wasm32: its dates (Excel date cells, bare serials
/// and text) and its round trip through the engine's protocol, as the page receives it.
#[wasm_bindgen_test]
async fn a_dossier_list_is_streamed_and_crosses_the_wire() {
    let file = browser_file("so-ho-so.xlsx", include_bytes!("fixtures/dossiers/so-ho-so.xlsx"));
    let bytes = browser::file_bytes(&file).await.expect("bytes");
    let limits = chiso::core::read::Limits::default();
    let outcome = chiso::core::dossier::book::read("so-ho-so.xlsx", &bytes, &limits, &mut |_| {});
    use chiso::core::engine::protocol::{Posted, Reply};
    let reply = Posted::new(Reply::Read { outline: Some(outcome), found: None });
    let Ok(Posted { message: Reply::Read { outline: Some(back), .. }, .. }) = Posted::decode(reply.encode()) else {
        panic!("the reading did not cross")
    };
    use chiso::core::dossier::book::Streamed;
    let (back, _) = back.expect("read");
    let list = back.list(0).cloned().expect("a dossier list");
    assert_eq!(list.dossiers.len(), 44);
    // A01: received 02/11/2026 08:00, finished 10/11/2026 16:30 (tests/fixtures/dossiers/so-ho-so.csv).
    let a01 = &list.dossiers[0];
    assert_eq!(
        (a01.id.as_str(), a01.received.map(|d| d.to_string())),
        ("A01", Some("2026-11-02 08:00:00".to_string()))
    );
    assert_eq!(a01.finished.map(|d| d.to_string()).as_deref(), Some("2026-11-10 16:30:00"));
    let window = list.window().expect("a month");
    assert_eq!(window, chiso::core::model::window::Window::month(2026, 11));
}
