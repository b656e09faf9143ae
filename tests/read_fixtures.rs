//! The reader against the committed fixtures (tests/fixtures/make.sh): the same small report in
//! every format, with its values written out here by hand.

mod common;

use chiso::core::model::lang::Lang;
use chiso::core::model::message::{Located, Message};
use chiso::core::model::table::{Cell, DateTime, Format, Sheet};
use chiso::core::read::{read_file, Content, Loaded, Note, ReadError};

use common::fixture_bytes as fixture;

fn load(name: &str) -> Loaded {
    read_file(name, &fixture(name)).unwrap_or_else(|e| panic!("{name}: {e:?}"))
}

fn text(s: &str) -> Cell {
    Cell::Text(s.to_string())
}

fn date(year: u16, month: u8, day: u8, hour: u8, minute: u8) -> Cell {
    Cell::Date(DateTime { year, month, day, hour, minute, second: 0 })
}

/// LibreOffice writes a boolean into .ods as the formula `=TRUE()` with the number 1 cached, so
/// there it arrives as a number; the yes/no reading later accepts both.
fn boolean(file: &str, value: bool) -> Cell {
    if file.ends_with(".ods") {
        Cell::Number(value as u8 as f64)
    } else {
        Cell::Bool(value)
    }
}

fn check_report_sheet(file: &str, sheet: &Sheet) {
    assert_eq!(sheet.name, "Số liệu", "{file}");
    assert_eq!((sheet.height(), sheet.width()), (7, 8), "{file}");
    assert_eq!(sheet.range_address().as_deref(), Some("A1:H7"), "{file}");
    let at = |r, c| sheet.cell(r, c).cloned().unwrap_or_else(|| panic!("{file}: no cell {r},{c}"));
    assert_eq!(at(0, 0), text("BÁO CÁO SỐ LIỆU BỘ CHỈ SỐ THÁNG 11/2023"), "{file}");
    assert_eq!(at(1, 0), text("Đơn vị báo cáo: UBND thị xã Mỹ Hào"), "{file}");
    assert_eq!(at(2, 1), text("Tiến độ giải quyết"), "{file}");
    assert_eq!(at(2, 2), Cell::Empty, "{file}: merged cells other than the first are empty");
    assert_eq!(at(3, 0), text("Đơn vị"), "{file}");
    assert_eq!(at(3, 2), text("Hồ sơ đúng hạn, trong hạn (mẫu số)"), "{file}");
    assert_eq!(at(3, 7), text("Đã rà soát"), "{file}");
    assert_eq!(at(4, 0), text("UBND xã Ba Vì"), "{file}");
    assert_eq!(at(4, 1), Cell::Number(4358.0), "{file}");
    assert_eq!(at(4, 2), Cell::Number(4474.0), "{file}");
    assert_eq!(at(4, 4), Cell::Number(3292.0), "{file}");
    assert_eq!(at(4, 5), Cell::Number(97.41), "{file}");
    assert_eq!(at(4, 6), date(2023, 11, 30, 0, 0), "{file}");
    assert_eq!(at(4, 7), boolean(file, true), "{file}");
    assert_eq!(at(5, 0), text("UBND xã Hưng Long"), "{file}");
    assert_eq!(at(5, 3), Cell::Number(3.0), "{file}");
    assert_eq!(at(5, 7), boolean(file, false), "{file}");
    assert_eq!(at(6, 0), text("UBND phường Phan Đình Phùng"), "{file}");
    assert_eq!(at(6, 1), Cell::Number(0.0), "{file}");
    assert_eq!(at(6, 3), Cell::Empty, "{file}: blank stays blank");
    assert_eq!(at(6, 6), date(2023, 12, 1, 14, 30), "{file}");
    assert_eq!(at(6, 6).display(), "01/12/2023 14:30");
    assert_eq!(at(4, 1).display(), "4.358");
    assert_eq!(at(4, 5).display(), "97,41");
}

#[test]
fn every_workbook_format_reads_the_same_report() {
    for (file, format) in [
        ("units.xlsx", Format::Xlsx),
        ("units.xls", Format::Xls),
        ("units.xlsb", Format::Xlsb),
        ("units.ods", Format::Ods),
    ] {
        let Loaded { workbook, notes } = load(file);
        assert_eq!(workbook.format, format, "{file}");
        assert_eq!(workbook.byte_size, fixture(file).len() as u64);
        let names: Vec<&str> = workbook.sheets.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(names, ["Số liệu", "Ghi chú", "Trống"], "{file}");
        check_report_sheet(file, &workbook.sheets[0]);
        let hidden = &workbook.sheets[1];
        assert!(hidden.hidden, "{file}");
        assert_eq!(hidden.cell(0, 0), Some(&text("Số liệu chốt ngày 30/11/2023")), "{file}");
        assert_eq!(notes, [Note::HiddenSheet { sheet: "Ghi chú".to_string() }], "{file}");
        assert!(workbook.sheets[2].is_empty(), "{file}");
        assert_eq!(workbook.sheets[2].range_address(), None, "{file}");
    }
}

#[test]
fn the_format_comes_from_the_content_not_the_name() {
    let bytes = fixture("units.xlsx");
    let loaded = read_file("bao-cao.xls", &bytes).unwrap();
    assert_eq!(loaded.workbook.format, Format::Xlsx);
    check_report_sheet("xlsx named .xls", &loaded.workbook.sheets[0]);
    let loaded = read_file("bao-cao.xlsx", &fixture("units-utf8.csv")).unwrap();
    assert_eq!(loaded.workbook.format, Format::Csv);
    assert_eq!(loaded.notes, [Note::TextNamedAsWorkbook { extension: "xlsx".to_string() }]);
}

fn check_csv(file: &str, encoding: &str, delimiter: u8, rate: &str, reviewed: &str) {
    let Loaded { workbook, notes } = load(file);
    assert!(notes.is_empty(), "{file}: {notes:?}");
    assert_eq!(workbook.format, Format::Csv);
    let dialect = workbook.csv.clone().unwrap();
    assert_eq!((dialect.encoding.as_str(), dialect.delimiter), (encoding, delimiter), "{file}");
    assert_eq!(workbook.sheets.len(), 1);
    let sheet = &workbook.sheets[0];
    assert_eq!(sheet.name, file.trim_end_matches(".csv"));
    assert_eq!((sheet.height(), sheet.width()), (4, 8), "{file}");
    assert_eq!(sheet.cell(0, 1), Some(&text("Hồ sơ đúng hạn, trong hạn (tử số)")), "{file}");
    assert_eq!(sheet.cell(1, 0), Some(&text("UBND xã Ba Vì")), "{file}");
    assert_eq!(sheet.cell(1, 1), Some(&text("4358")), "{file}");
    assert_eq!(sheet.cell(1, 5), Some(&text(rate)), "{file}");
    assert_eq!(sheet.cell(1, 6), Some(&text("30/11/2023")), "{file}");
    assert_eq!(sheet.cell(2, 7), Some(&text(reviewed)), "{file}");
    assert_eq!(sheet.cell(3, 0), Some(&text("UBND phường Phan Đình Phùng")), "{file}");
    assert_eq!(sheet.cell(3, 3), Some(&Cell::Empty), "{file}");
}

#[test]
fn csv_in_every_encoding_and_delimiter() {
    check_csv("units-utf8.csv", "UTF-8", b',', "97.41", "Không");
    check_csv("units-utf8-bom-semicolon.csv", "UTF-8", b';', "97,41", "Không");
    check_csv("units-utf16le-tab.csv", "UTF-16LE", b'\t', "97,41", "Không");
    check_csv("units-windows-1258.csv", "windows-1258", b';', "97,41", "Không");
}

#[test]
fn files_that_cannot_be_read_say_why() {
    assert_eq!(read_file("trong.xlsx", b""), Err(ReadError::Empty));
    assert_eq!(
        read_file("bao-cao.xlsx", b"%PDF-1.4\n%\xE2\xE3\xCF\xD3\n1 0 obj"),
        Err(ReadError::NotASpreadsheet(Content::Pdf))
    );
    assert_eq!(
        read_file("anh.xlsx", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10"),
        Err(ReadError::NotASpreadsheet(Content::Image))
    );
    let noise: Vec<u8> = (0u32..4096).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8).collect();
    assert_eq!(read_file("ngau-nhien.xlsx", &noise), Err(ReadError::Unknown));

    let xlsx = fixture("units.xlsx");
    let truncated = &xlsx[..xlsx.len() * 6 / 10];
    match read_file("cat-ngang.xlsx", truncated) {
        Err(ReadError::Corrupt { format: Format::Xlsx, .. }) => {}
        other => panic!("truncated xlsx: {other:?}"),
    }
}

#[test]
fn messages_name_the_file_and_say_what_to_do() {
    let errors = [
        ReadError::Empty,
        ReadError::NotASpreadsheet(Content::Pdf),
        ReadError::Encrypted,
        ReadError::TooLarge { size: 200 << 20, limit: 100 << 20 },
        ReadError::ZipBomb {
            entry: "xl/worksheets/sheet1.xml".into(),
            compressed: 4 << 20,
            unzipped: 1 << 30,
            ratio: 100,
        },
        ReadError::TooLargeUnzipped { unzipped: 5 << 30, limit: 4 << 30 },
        ReadError::TooManyCells { sheet: "Sheet1".into(), rows: 1_048_576, cols: 16_384, limit: 10_000_000 },
        ReadError::TooManyColumns { sheet: "Sheet1".into(), cols: 20_000, limit: 16_384 },
        ReadError::TimedOut { seconds: 60 },
        ReadError::Crashed { detail: "RuntimeError: unreachable".into() },
        ReadError::Corrupt { format: Format::Xlsx, detail: "invalid Zip archive".into() },
        ReadError::Csv { line: 12, detail: "x".into() },
        ReadError::Unknown,
        ReadError::Unreadable { detail: "NotReadableError".into() },
    ];
    for error in errors {
        let vi = error.clone().in_file("so-lieu.xlsx").message(Lang::Vi);
        let en = error.clone().in_file("so-lieu.xlsx").message(Lang::En);
        assert!(vi.contains("«so-lieu.xlsx»") && en.contains("«so-lieu.xlsx»"), "{vi}");
        assert!(vi.contains("Hãy"), "a Vietnamese message says what to do: {vi}");
        assert_ne!(vi, en);
    }
    assert!(ReadError::Csv { line: 12, detail: "x".into() }
        .clone()
        .in_file("a.csv")
        .message(Lang::Vi)
        .contains("dòng 12"));
    assert_eq!(
        ReadError::NotASpreadsheet(Content::Pdf).clone().in_file("a.xlsx").message(Lang::Vi),
        "Tệp «a.xlsx» là tài liệu PDF, không phải bảng tính. Hãy chọn tệp Excel (.xlsx, .xlsm, .xls, .xlsb), \
         OpenDocument (.ods), CSV hoặc JSON của Cổng DVCQG xuất từ hệ thống một cửa hoặc Cổng dịch vụ công."
    );
}
