//! Broken and hostile files: each gets its exact outcome (the error or note, with its place), and
//! a good file reads normally right after. The packages are built here, byte by byte where a
//! normal writer would refuse to make them.

use std::io::{Cursor, Write};

mod common;

use chiso::core::model::lang::Lang;
use chiso::core::model::message::{Located, Message};
use chiso::core::model::table::{Cell, DateTime, Format};
use chiso::core::read::{read_file, read_with, Declared, Limits, Loaded, Note, ReadError};

const NS: &str = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

fn zip_of(entries: &[(&str, Vec<u8>)]) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for (name, data) in entries {
        let method =
            if *name == "mimetype" { zip::CompressionMethod::Stored } else { zip::CompressionMethod::Deflated };
        zip.start_file(*name, zip::write::SimpleFileOptions::default().compression_method(method)).unwrap();
        zip.write_all(data).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

/// A minimal xlsx: one sheet per (name, state, sheetData and more), a date style (index 1).
fn xlsx(sheets: &[(&str, &str, &str)], date1904: bool) -> Vec<u8> {
    let mut entries = vec![
        ("[Content_Types].xml", format!(r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>{}</Types>"#,
            (1..=sheets.len()).map(|i| format!(r#"<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>"#)).collect::<String>())),
        ("_rels/.rels", format!(r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>"#)),
        ("xl/workbook.xml", format!(r#"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{NS}" xmlns:r="{REL}"><workbookPr{}/><sheets>{}</sheets></workbook>"#,
            if date1904 { r#" date1904="1""# } else { "" },
            sheets.iter().enumerate().map(|(i, (name, state, _))| format!(r#"<sheet name="{name}" sheetId="{}" state="{state}" r:id="rId{}"/>"#, i + 1, i + 1)).collect::<String>())),
        ("xl/_rels/workbook.xml.rels", format!(r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{}<Relationship Id="rIdS" Type="{REL}/styles" Target="styles.xml"/></Relationships>"#,
            (1..=sheets.len()).map(|i| format!(r#"<Relationship Id="rId{i}" Type="{REL}/worksheet" Target="worksheets/sheet{i}.xml"/>"#)).collect::<String>())),
        ("xl/styles.xml", format!(r#"<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="{NS}"><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/></cellXfs></styleSheet>"#)),
    ];
    for (i, (_, _, body)) in sheets.iter().enumerate() {
        entries.push((
            Box::leak(format!("xl/worksheets/sheet{}.xml", i + 1).into_boxed_str()),
            format!(r#"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{NS}">{body}</worksheet>"#),
        ));
    }
    zip_of(&entries.into_iter().map(|(n, t)| (n, t.into_bytes())).collect::<Vec<_>>())
}

fn text_cell(r: &str, t: &str) -> String {
    format!(r#"<c r="{r}" t="inlineStr"><is><t>{t}</t></is></c>"#)
}

fn good_file_still_loads() {
    let good = read_file("tot.csv", "Đơn vị;ON_TIME (tử số);ON_TIME (mẫu số)\nXã A;9;10\n".as_bytes()).unwrap();
    assert_eq!(good.workbook.sheets[0].cell(1, 1), Some(&Cell::Text("9".into())));
}

fn loads(name: &str, bytes: &[u8]) -> Loaded {
    let loaded = read_file(name, bytes).unwrap_or_else(|e| panic!("{name}: {e:?}"));
    good_file_still_loads();
    loaded
}

fn refused(name: &str, bytes: &[u8]) -> ReadError {
    let error = read_file(name, bytes).expect_err(name);
    good_file_still_loads();
    error
}

#[test]
fn files_that_are_not_spreadsheets() {
    assert_eq!(refused("trong.xlsx", b""), ReadError::Empty);
    let noise: Vec<u8> = (0u32..4096).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8).collect();
    assert_eq!(refused("ngau-nhien.xlsx", &noise), ReadError::Unknown);
    let good = xlsx(
        &[("S", "visible", &format!("<sheetData><row r=\"1\">{}</row></sheetData>", text_cell("A1", "x")))],
        false,
    );
    assert!(matches!(refused("cut.xlsx", &good[..good.len() / 2]), ReadError::Corrupt { format: Format::Xlsx, .. }));
}

#[test]
fn file_size_is_checked_first() {
    let limits = Limits { max_file_bytes: 1_000, ..Limits::default() };
    let error = read_with("lon.csv", &[b'a'; 1_001], &limits, &mut |_| {}).unwrap_err();
    assert_eq!(error, ReadError::TooLarge { size: 1_001, limit: 1_000 });
    assert_eq!(Limits::default().max_file_bytes, 100 * 1024 * 1024);
}

fn compound_file(streams: &[(&str, Vec<u8>)]) -> Vec<u8> {
    let mut cfb = cfb::CompoundFile::create(Cursor::new(Vec::new())).unwrap();
    for (name, data) in streams {
        cfb.create_stream(name).unwrap().write_all(data).unwrap();
    }
    cfb.flush().unwrap();
    cfb.into_inner().into_inner()
}

#[test]
fn password_protected_xlsx_and_xls() {
    // An encrypted xlsx is a compound file holding the package as "EncryptedPackage".
    let xlsx =
        compound_file(&[("EncryptionInfo", vec![4, 0, 4, 0, 0x40, 0, 0, 0]), ("EncryptedPackage", vec![0x5A; 4096])]);
    assert_eq!(refused("mat-khau.xlsx", &xlsx), ReadError::Encrypted);
    // An encrypted xls has a FILEPASS record (0x002F, RC4 encryption) right after its BOF.
    let mut stream = Vec::new();
    let record = |id: u16, data: &[u8], out: &mut Vec<u8>| {
        out.extend(id.to_le_bytes());
        out.extend((data.len() as u16).to_le_bytes());
        out.extend(data);
    };
    record(0x0809, &[0x00, 0x06, 0x05, 0x00, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], &mut stream);
    record(0x002F, &[0x01, 0x00, 0x01, 0x00, 0x02, 0x00], &mut stream);
    record(0x000A, &[], &mut stream);
    stream.resize(4096, 0);
    // Excel always writes a small summary stream beside it (which also keeps the mini stream, that
    // calamine's compound-file reader expects, from being empty).
    let xls = compound_file(&[("Workbook", stream), ("\u{5}SummaryInformation", vec![0; 200])]);
    assert_eq!(refused("mat-khau.xls", &xls), ReadError::Encrypted);
}

/// A deflate stream (one fixed-Huffman block) of `1 + 258 × repeats` bytes of 'a': one literal,
/// then copies of 258 bytes at distance 1. 13 bits for every 258 bytes.
fn deflated_a(repeats: u64) -> Vec<u8> {
    struct Bits(Vec<u8>, u32, u8);
    impl Bits {
        fn push(&mut self, value: u32, count: u8) {
            for i in 0..count {
                self.1 |= ((value >> i) & 1) << self.2;
                self.2 += 1;
                if self.2 == 8 {
                    self.0.push(self.1 as u8);
                    (self.1, self.2) = (0, 0);
                }
            }
        }
        /// Huffman codes are sent most significant bit first.
        fn code(&mut self, code: u32, len: u8) {
            let reversed = (0..len).fold(0, |acc, i| acc | (((code >> i) & 1) << (len - 1 - i)));
            self.push(reversed, len);
        }
    }
    let mut bits = Bits(Vec::new(), 0, 0);
    bits.push(1, 1); // final block
    bits.push(1, 2); // fixed Huffman codes
    bits.code(0x30 + u32::from(b'a'), 8);
    for _ in 0..repeats {
        bits.code(0xC5, 8); // length 258 (code 285)
        bits.code(0, 5); // distance 1
    }
    bits.code(0, 7); // end of block
    bits.push(0, 7);
    bits.0
}

/// A zip written by hand, so that an entry can claim its true (enormous) inflated size.
fn raw_zip(entries: &[(&str, u16, Vec<u8>, u32)]) -> Vec<u8> {
    let (mut out, mut central) = (Vec::new(), Vec::new());
    for (name, method, data, size) in entries {
        let offset = out.len() as u32;
        let header = |sig: u32, central: bool| {
            let mut h = Vec::new();
            h.extend(sig.to_le_bytes());
            if central {
                h.extend(20u16.to_le_bytes());
            }
            h.extend(20u16.to_le_bytes());
            h.extend(0u16.to_le_bytes());
            h.extend(method.to_le_bytes());
            h.extend([0u8; 4]); // time, date
            h.extend(0u32.to_le_bytes()); // crc (never checked: nothing is inflated)
            h.extend((data.len() as u32).to_le_bytes());
            h.extend(size.to_le_bytes());
            h.extend((name.len() as u16).to_le_bytes());
            h.extend(0u16.to_le_bytes());
            if central {
                h.extend([0u8; 6]); // comment length, disk, internal attributes
                h.extend(0u32.to_le_bytes()); // external attributes
                h.extend(offset.to_le_bytes());
            }
            h.extend(name.as_bytes());
            h
        };
        out.extend(header(0x0403_4b50, false));
        out.extend(data);
        central.extend(header(0x0201_4b50, true));
    }
    let (start, length) = (out.len() as u32, central.len() as u32);
    out.extend(central);
    out.extend(0x0605_4b50u32.to_le_bytes());
    out.extend([0u8; 4]);
    out.extend((entries.len() as u16).to_le_bytes());
    out.extend((entries.len() as u16).to_le_bytes());
    out.extend(length.to_le_bytes());
    out.extend(start.to_le_bytes());
    out.extend(0u16.to_le_bytes());
    out
}

#[test]
fn a_zip_bomb_is_refused_before_inflating() {
    let repeats = 4_161_790; // 1 + 258 × 4,161,790 = 1,073,741,821 bytes ≥ 1 GiB
    let bomb = deflated_a(repeats);
    assert!(bomb.len() < 7_000_000, "{} bytes", bomb.len());
    let compressed = bomb.len() as u64;
    let workbook =
        format!(r#"<workbook xmlns="{NS}"><sheets><sheet name="S" sheetId="1"/></sheets></workbook>"#).into_bytes();
    let size = 1 + 258 * repeats as u32;
    let file = raw_zip(&[
        ("xl/workbook.xml", 0, workbook.clone(), workbook.len() as u32),
        ("xl/worksheets/sheet1.xml", 8, bomb, size),
    ]);
    // 1 GiB from under 7 MB: more than 150 times, past the 100 no spreadsheet reaches.
    let error = refused("bom.xlsx", &file);
    assert_eq!(
        error,
        ReadError::ZipBomb {
            entry: "xl/worksheets/sheet1.xml".into(),
            compressed,
            unzipped: u64::from(size),
            ratio: 100
        }
    );
    let said = error.clone().in_file("bom.xlsx").message(chiso::core::model::lang::Lang::Vi);
    assert!(said.contains("«xl/worksheets/sheet1.xml»") && said.contains("gấp hơn 100 lần"), "{said}");
}

/// An honest big workbook: a sheet of 60,000 dossier-like rows inflates about ten times, and is
/// read whole with a ratio judged from 1 MiB on (the default judges from 64 MiB: the same
/// guard, at a size a test can afford); the same rows beyond a ceiling of 2 MiB are refused as
/// too large, with nothing said of damage.
#[test]
fn an_honest_big_workbook_is_read_and_only_its_size_can_refuse_it() {
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    let rows = 60_000u32;
    for (c, h) in ["Mã hồ sơ", "Đơn vị", "Ngày tiếp nhận", "Trạng thái"].iter().enumerate() {
        sheet.write_string(0, c as u16, *h).unwrap();
    }
    for r in 1..=rows {
        sheet.write_string(r, 0, format!("H{r:08}-{}", r * 7919 % 100_003)).unwrap();
        sheet.write_string(r, 1, format!("UBND xã {}", r % 97)).unwrap();
        sheet.write_number(r, 2, 45_200.0 + f64::from(r % 300)).unwrap();
        sheet.write_string(r, 3, if r % 3 == 0 { "Đã trả kết quả" } else { "Đang xử lý" }).unwrap();
    }
    let bytes = book.save_to_buffer().unwrap();
    let mut archive = zip::ZipArchive::new(Cursor::new(&bytes)).unwrap();
    let entry = archive.by_name("xl/worksheets/sheet1.xml").unwrap();
    let (unzipped, compressed) = (entry.size(), entry.compressed_size());
    drop(entry);
    assert!(unzipped > 2 << 20 && unzipped < 25 * compressed, "{unzipped} from {compressed}: an honest ratio");
    let strict = Limits { ratio_from_bytes: 1 << 20, keep_dossier_cells: true, ..Limits::default() };
    let Loaded { workbook, .. } = read_with("nam.xlsx", &bytes, &strict, &mut |_| {}).expect("an honest file reads");
    assert_eq!(workbook.sheets[0].height(), rows as usize + 1);
    let small = Limits { max_unzipped_bytes: 2 << 20, ..strict };
    let error = read_with("nam.xlsx", &bytes, &small, &mut |_| {}).expect_err("past the ceiling");
    assert!(matches!(error, ReadError::TooLargeUnzipped { limit, .. } if limit == 2 << 20), "{error:?}");
    let said = error.in_file("nam.xlsx").message(Lang::Vi);
    assert!(said.contains("vượt quá giới hạn 2 MB") && !said.contains("hỏng") && !said.contains("phình"), "{said}");
}

#[test]
fn a_declared_dimension_is_not_trusted_but_real_cells_are_counted() {
    let declared = format!(
        r#"<dimension ref="A1:XFD1048576"/><sheetData><row r="1">{}{}</row></sheetData>"#,
        text_cell("A1", "Đơn vị"),
        text_cell("B1", "ON_TIME (tử số)")
    );
    let loaded = loads("rong.xlsx", &xlsx(&[("Rộng", "visible", &declared)], false));
    let sheet = &loaded.workbook.sheets[0];
    assert_eq!((sheet.height(), sheet.width()), (1, 2), "only the cells that exist");

    let far = format!(
        r#"<sheetData><row r="1">{}</row><row r="1048576">{}</row></sheetData>"#,
        text_cell("A1", "Đơn vị"),
        text_cell("XFD1048576", "lạc")
    );
    let error = refused("xa.xlsx", &xlsx(&[("Xa", "visible", &far)], false));
    assert_eq!(error, ReadError::TooManyCells { sheet: "Xa".into(), rows: 1_048_576, cols: 16_384, limit: 10_000_000 });
}

fn ods(content_body: &str) -> Vec<u8> {
    let content = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body><office:spreadsheet>{content_body}</office:spreadsheet></office:body></office:document-content>"#
    );
    let manifest = r#"<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>"#;
    zip_of(&[
        ("mimetype", b"application/vnd.oasis.opendocument.spreadsheet".to_vec()),
        ("content.xml", content.into_bytes()),
        ("META-INF/manifest.xml", manifest.as_bytes().to_vec()),
    ])
}

#[test]
fn ods_repeated_rows_are_counted_before_they_are_expanded() {
    let cell = r#"<table:table-cell office:value-type="float" office:value="1"><text:p>1</text:p></table:table-cell>"#;
    let bomb = format!(
        r#"<table:table table:name="Lặp"><table:table-row table:number-rows-repeated="1000000000">{cell}{cell}</table:table-row></table:table>"#
    );
    let error = refused("lap.ods", &ods(&bomb));
    assert_eq!(error, ReadError::TooManyCells { sheet: "Lặp".into(), rows: 1_000_000_000, cols: 2, limit: 10_000_000 });

    // LibreOffice ends every sheet with a million repeated empty rows: that is normal.
    let normal = format!(
        r#"<table:table table:name="Bình thường"><table:table-row>{cell}{cell}</table:table-row><table:table-row table:number-rows-repeated="1048575"><table:table-cell table:number-columns-repeated="16384"/></table:table-row></table:table>"#
    );
    let loaded = loads("binh-thuong.ods", &ods(&normal));
    assert_eq!((loaded.workbook.sheets[0].height(), loaded.workbook.sheets[0].width()), (1, 2));
}

#[test]
fn formulas_without_values_and_hidden_sheets_are_noted() {
    let data = format!(
        r#"<sheetData><row r="1">{}{}</row><row r="2"><c r="A2"><f>1+1</f></c><c r="B2"><f>A2*2</f><v>4</v></c></row><row r="3"><c r="A3"><f>SUM(A1:A2)</f></c></row></sheetData>"#,
        text_cell("A1", "a"),
        text_cell("B1", "b")
    );
    let loaded =
        loads("cong-thuc.xlsx", &xlsx(&[("Số liệu", "visible", &data), ("Cũ", "hidden", "<sheetData/>")], false));
    assert_eq!(
        loaded.notes,
        [
            Note::FormulaWithoutValue { sheet: "Số liệu".into(), cell: "A2".into(), count: 2 },
            Note::HiddenSheet { sheet: "Cũ".into() }
        ]
    );
    assert_eq!(loaded.workbook.sheets[0].cell(1, 1), Some(&Cell::Number(4.0)), "a cached value is used");
    assert!(loaded.workbook.sheets[1].hidden);
    assert_eq!(
        loaded.notes[0].clone().in_file("cong-thuc.xlsx").message(chiso::core::model::lang::Lang::Vi),
        "Tệp «cong-thuc.xlsx», trang tính «Số liệu», ô A2 và 1 ô khác: ô công thức chưa được tính (tệp không lưu kết quả), chiso coi là ô trống. Hãy mở tệp bằng Excel và lưu lại, rồi chọn lại tệp."
    );
}

#[test]
fn dates_as_serials_in_both_systems_and_as_text() {
    let date = |serial: u32| {
        format!(
            r#"<sheetData><row r="1"><c r="A1" s="1"><v>{serial}</v></c><c r="B1"><v>{serial}</v></c>{}</row></sheetData>"#,
            text_cell("C1", "30/11/2023")
        )
    };
    let expected = Cell::Date(DateTime { year: 2023, month: 11, day: 30, hour: 0, minute: 0, second: 0 });
    // 30/11/2023 is day 45260 counted from 1900 and day 43798 counted from 1904.
    for (serial, system_1904) in [(45_260, false), (43_798, true)] {
        let loaded = loads("ngay.xlsx", &xlsx(&[("S", "visible", &date(serial))], system_1904));
        let row = loaded.workbook.sheets[0].row(0).unwrap().to_vec();
        assert_eq!(row, [expected.clone(), Cell::Number(f64::from(serial)), Cell::Text("30/11/2023".into())]);
    }
}

#[test]
fn a_megabyte_text_cell_is_cut_and_noted() {
    let long = "x".repeat(1 << 20);
    let loaded = loads("dai.csv", format!("Đơn vị;Ghi chú\nXã A;{long}\n").as_bytes());
    let Some(Cell::Text(kept)) = loaded.workbook.sheets[0].cell(1, 1) else { panic!() };
    assert_eq!(kept.chars().count(), 32_767);
    assert_eq!(loaded.notes, [Note::LongText { sheet: "dai".into(), cell: "B2".into(), count: 1, limit: 32_767 }]);
}

#[test]
fn ten_thousand_columns_load() {
    let header: Vec<String> = (0..10_000).map(|i| format!("C{i}")).collect();
    let values: Vec<String> = (0..10_000).map(|i| i.to_string()).collect();
    let loaded = loads("rong.csv", format!("{}\n{}\n", header.join(";"), values.join(";")).as_bytes());
    let sheet = &loaded.workbook.sheets[0];
    assert_eq!((sheet.height(), sheet.width()), (2, 10_000));
    assert_eq!(sheet.cell(1, 9_999), Some(&Cell::Text("9999".into())));
}

#[test]
fn too_many_cells_in_a_csv() {
    let limits = Limits { max_cells: 100, ..Limits::default() };
    let text = "a;b;c;d;e;f;g;h;i;j\n".repeat(11);
    let error = read_with("nhieu.csv", text.as_bytes(), &limits, &mut |_| {}).unwrap_err();
    assert_eq!(error, ReadError::TooManyCells { sheet: "nhieu".into(), rows: 11, cols: 10, limit: 100 });
}

#[test]
fn an_html_table_named_xls_is_read() {
    let page = r#"<html><head><meta charset="utf-8"><title>Báo cáo</title></head><body>
        <p>Không phải bảng</p>
        <table border="1">
          <tr><th rowspan="2">Đơn vị</th><th colspan="2">Hồ sơ đúng hạn, trong hạn</th></tr>
          <tr><th>(tử số)</th><th>(mẫu số)</th>
          <tr><td>UBND xã Ba Vì</td><td x:num="4358">4.358</td><td>4474</td></tr>
          <tr><td>Xã A &amp; B</td><td>9<br>0</td><td></td></tr>
        </table></body></html>"#;
    let loaded = loads("bao-cao.xls", page.as_bytes());
    assert_eq!(loaded.workbook.format, Format::Html);
    assert_eq!(loaded.notes, [Note::MarkupWorkbook { format: Format::Html }]);
    let sheet = &loaded.workbook.sheets[0];
    assert_eq!(sheet.name, "Bảng 1");
    let rows: Vec<Vec<String>> = sheet.rows().map(|r| r.iter().map(Cell::display).collect()).collect();
    assert_eq!(
        rows,
        [
            ["Đơn vị", "Hồ sơ đúng hạn, trong hạn", ""],
            ["", "(tử số)", "(mẫu số)"],
            ["UBND xã Ba Vì", "4.358", "4474"],
            ["Xã A & B", "9 0", ""],
        ]
    );
    assert_eq!(sheet.cell(2, 1), Some(&Cell::Number(4358.0)), "x:num is the number Excel would show");
    let rules = chiso::core::rules::RuleSet::default_rules().unwrap();
    let table = chiso::core::figures::read_units("bao-cao.xls", sheet, &rules, None).unwrap();
    let ba_vi = table.units.iter().find(|u| u.name == "UBND xã Ba Vì").unwrap();
    assert_eq!(
        (ba_vi.figures["ON_TIME"].numerator, ba_vi.figures["ON_TIME"].denominator),
        (Some(4358.0), Some(4474.0)),
        "a two-row header under a colspan"
    );
    assert!(loaded.notes[0]
        .clone()
        .in_file("bao-cao.xls")
        .message(chiso::core::model::lang::Lang::Vi)
        .contains("trang web (HTML)"));
}

#[test]
fn spreadsheet_ml_2003_named_xls_is_read() {
    let xml = r#"<?xml version="1.0"?>
<?mso-application progid="Excel.Sheet"?>
<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet">
 <Worksheet ss:Name="Số liệu">
  <Table>
   <Row><Cell ss:MergeAcross="1"><Data ss:Type="String">Kết quả</Data></Cell><Cell><Data ss:Type="String">Ghi chú</Data></Cell></Row>
   <Row ss:Index="3"><Cell><Data ss:Type="String">Xã A &amp; B</Data></Cell><Cell ss:Index="3"><Data ss:Type="Number">97.5</Data></Cell><Cell><Data ss:Type="DateTime">2023-11-30T14:05:00.000</Data></Cell><Cell><Data ss:Type="Boolean">1</Data></Cell></Row>
  </Table>
 </Worksheet>
 <Worksheet ss:Name="Ẩn"><Table><Row><Cell><Data ss:Type="String">x</Data></Cell></Row></Table>
  <WorksheetOptions xmlns="urn:schemas-microsoft-com:office:excel"><Visible>SheetHidden</Visible></WorksheetOptions></Worksheet>
</Workbook>"#;
    let loaded = loads("xuat.xls", xml.as_bytes());
    assert_eq!(loaded.workbook.format, Format::SpreadsheetMl);
    assert_eq!(
        loaded.notes,
        [Note::MarkupWorkbook { format: Format::SpreadsheetMl }, Note::HiddenSheet { sheet: "Ẩn".into() }]
    );
    let sheet = &loaded.workbook.sheets[0];
    let date = Cell::Date(DateTime { year: 2023, month: 11, day: 30, hour: 14, minute: 5, second: 0 });
    assert_eq!(
        sheet.row(0).unwrap(),
        [Cell::Text("Kết quả".into()), Cell::Empty, Cell::Text("Ghi chú".into()), Cell::Empty, Cell::Empty]
    );
    assert_eq!(sheet.header_cell(0, 1), Some(&Cell::Text("Kết quả".into())), "a header reads the merge's text");
    assert_eq!(sheet.row(1).unwrap(), [Cell::Empty, Cell::Empty, Cell::Empty, Cell::Empty, Cell::Empty]);
    assert_eq!(
        sheet.row(2).unwrap(),
        [Cell::Text("Xã A & B".into()), Cell::Empty, Cell::Number(97.5), date, Cell::Bool(true)]
    );
    assert!(loaded.workbook.sheets[1].hidden);
}

#[test]
fn broken_markup_gets_a_message_with_its_place() {
    let xml = "<?xml version=\"1.0\"?><Workbook xmlns=\"urn:schemas-microsoft-com:office:spreadsheet\"><Worksheet><Table><Row><Cell></Row></Workbook>";
    match refused("hong.xls", xml.as_bytes()) {
        ReadError::Corrupt { format: Format::SpreadsheetMl, detail } => assert!(detail.contains("byte"), "{detail}"),
        other => panic!("{other:?}"),
    }
}

fn fixture(name: &str) -> Vec<u8> {
    common::fixture_bytes(&format!("hostile/{name}"))
}

#[test]
fn the_committed_oversized_workbooks_are_refused() {
    assert_eq!(
        refused("far-cell.xlsx", &fixture("far-cell.xlsx")),
        ReadError::TooManyCells { sheet: "Xa".into(), rows: 1_048_576, cols: 16_384, limit: 10_000_000 }
    );
    assert_eq!(
        refused("huge-sheet.xlsx", &fixture("huge-sheet.xlsx")),
        ReadError::TooManyCells { sheet: "Lớn".into(), rows: 1_048_576, cols: 256, limit: 10_000_000 }
    );
}

#[test]
fn merged_header_cells_are_noted_and_the_table_still_reads() {
    let body = format!(
        r#"<sheetData><row r="1">{}{}</row><row r="2">{}{}{}</row><row r="3">{}<c r="B3"><v>9</v></c><c r="C3"><v>10</v></c></row></sheetData><mergeCells count="2"><mergeCell ref="A1:A2"/><mergeCell ref="B1:C1"/></mergeCells>"#,
        text_cell("A1", "Đơn vị"),
        text_cell("B1", "Hồ sơ đúng hạn, trong hạn"),
        text_cell("A2", ""),
        text_cell("B2", "tử số"),
        text_cell("C2", "mẫu số"),
        text_cell("A3", "UBND xã A")
    );
    let loaded = loads("gop.xlsx", &xlsx(&[("Số liệu", "visible", &body)], false));
    assert_eq!(loaded.workbook.sheets[0].merges, [((0, 0), (1, 0)), ((0, 1), (0, 2))]);
    let rules = chiso::core::rules::RuleSet::default_rules().unwrap();
    let table = chiso::core::figures::read_units("gop.xlsx", &loaded.workbook.sheets[0], &rules, None).unwrap();
    assert_eq!(table.issues.len(), 1);
    assert_eq!(
        table.issues[0].message(chiso::core::model::lang::Lang::Vi),
        "Tệp «gop.xlsx», trang tính «Số liệu», ô B1 (dòng 1, cột B): 1 cột lấy tiêu đề từ ô gộp (đầu tiên là vùng B1:C1); chiso đã đọc chữ của ô gộp cho mọi cột nó phủ. Hãy kiểm tra phần «Ghép cột» xem mỗi cột đã đúng tiêu chí chưa."
    );
    assert_eq!(table.units[0].figures["ON_TIME"].numerator, Some(9.0), "the merged group label reaches both columns");
    assert_eq!(table.units[0].figures["ON_TIME"].denominator, Some(10.0));
}

#[test]
fn huge_spans_in_an_html_table_cost_nothing() {
    // Every cell claims the largest rowspan and colspan HTML allows: the spans are kept as
    // ranges, never expanded row by row, and the width they reach is refused.
    let cells = "<td rowspan=\"65534\" colspan=\"1000\">x</td>".repeat(500);
    let page = format!("<table><tr><td>Đơn vị</td></tr><tr>{cells}</tr><tr><td>y</td></tr></table>");
    let started = std::time::Instant::now();
    let error = refused("nhip.xls", page.as_bytes());
    assert_eq!(
        error,
        ReadError::TooManyColumns { sheet: "Bảng 1".into(), cols: 500_001, limit: 16_384 },
        "y lands after the 500 spans"
    );
    assert!(started.elapsed().as_secs() < 20, "no quadratic work");
    let wide =
        read_with("nhip.xls", page.as_bytes(), &Limits { max_columns: 1_000_000, ..Limits::default() }, &mut |_| {})
            .map_err(|e| format!("{e:?}"))
            .unwrap();
    assert_eq!(wide.workbook.sheets[0].cell(2, 500_000), Some(&Cell::Text("y".into())));
}

/// Each of these made calamine abort the process (a 96 GB or 1.4 TB allocation) or panic.
#[test]
fn declared_counts_a_file_cannot_hold_are_refused_before_calamine_allocates() {
    let bytes = fixture("shared-strings-count.xlsx");
    // Room: one `<si/>` (5 bytes) a string in the part as it inflates.
    let mut package = zip::ZipArchive::new(Cursor::new(&bytes)).unwrap();
    let part = package.by_name("xl/sharedStrings.xml").unwrap().size();
    assert_eq!(
        refused("shared-strings-count.xlsx", &bytes),
        ReadError::DeclaredCount { what: Declared::SharedStrings, declared: 4_000_000_000, room: part / 5 }
    );
    // 0xFFFF_FFF0 rows declared on «Số liệu»; BIFF8 sheets have 65,536.
    let error = refused("dimensions.xls", &fixture("dimensions.xls"));
    assert_eq!(
        error,
        ReadError::DeclaredCount {
            what: Declared::SheetRows { sheet: "Số liệu".into() },
            declared: 4_294_967_280,
            room: 65_536
        }
    );
    assert_eq!(
        error.clone().in_file("dimensions.xls").message(Lang::Vi),
        "Tệp «dimensions.xls» bị hỏng: trang tính «Số liệu» khai báo 4.294.967.280 dòng, nhưng định dạng .xls chỉ cho phép nhiều nhất 65.536. chiso không đọc tiếp để tránh treo máy. Hãy mở tệp bằng Excel và lưu lại, hoặc xuất lại tệp từ hệ thống."
    );
    // The good .xls the hostile one was patched from still reads.
    assert_eq!(read_file("units.xls", &common::fixture_bytes("units.xls")).unwrap().workbook.sheets[0].name, "Số liệu");
}

#[test]
fn a_panic_inside_calamine_is_this_file_s_error() {
    // calamine's xlsb reader slices 8 bytes out of an empty BrtBeginSst record.
    match refused("short-record.xlsb", &fixture("short-record.xlsb")) {
        ReadError::Panicked { detail } => {
            assert_eq!(detail, "range start index 4 out of range for slice of length 0")
        }
        other => panic!("{other:?}"),
    }
}
