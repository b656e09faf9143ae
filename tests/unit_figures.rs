//! Reading unit-figure workbooks end to end (bytes → workbook → table → scores): the three header
//! styles give identical results, and bad cells are reported with their place while the rest of
//! the file is still scored.

use chiso::core::analysis::{analyse, Choice, Focus};
use chiso::core::figures::{IssueKind, TableError};
use chiso::core::model::lang::Lang;
use chiso::core::model::message::Message;
use chiso::core::read::read_file;
use chiso::core::rules::RuleSet;
use chiso::core::scoring::{Scores, Status};
use rust_xlsxwriter::{Format, Workbook};

/// (unit, ON_TIME num/den, PAY_DOSSIERS num/den, ONLINE_DOSSIERS rate as text)
const UNITS: [(&str, f64, f64, f64, f64, &str); 3] = [
    ("UBND xã Ba Vì", 4358.0, 4474.0, 2558.0, 3292.0, "73,63%"),
    ("UBND xã Hưng Long", 120.0, 125.0, 3.0, 40.0, "20%"),
    ("UBND phường Phan Đình Phùng", 98.0, 100.0, 0.0, 0.0, "0,5"),
];

/// Writes the same figures under the given headers, below `titles` rows and an optional merged
/// group row, with the columns in the given order.
fn workbook(headers: [&str; 6], titles: &[&str], group_row: bool, order: [usize; 6]) -> Vec<u8> {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet().set_name("Báo cáo").unwrap();
    let mut row = 0;
    for t in titles {
        sheet.write_string(row, 0, *t).unwrap();
        row += 1;
    }
    if group_row {
        sheet.merge_range(row, 1, row, 2, "Tiến độ giải quyết", &Format::new()).unwrap();
        sheet.merge_range(row, 3, row, 4, "Thanh toán trực tuyến", &Format::new()).unwrap();
        row += 1;
    }
    for (c, &k) in order.iter().enumerate() {
        sheet.write_string(row, c as u16, headers[k]).unwrap();
    }
    for (i, (name, a, b, c, d, rate)) in UNITS.iter().enumerate() {
        let r = row + 1 + i as u32;
        for (col, &k) in order.iter().enumerate() {
            let col = col as u16;
            match k {
                0 => sheet.write_string(r, col, *name).unwrap(),
                1 => sheet.write_number(r, col, *a).unwrap(),
                2 => sheet.write_string(r, col, format!("{b}")).unwrap(), // a count stored as text
                3 => sheet.write_number(r, col, *c).unwrap(),
                4 => sheet.write_number(r, col, *d).unwrap(),
                _ => sheet.write_string(r, col, *rate).unwrap(),
            };
        }
    }
    book.save_to_buffer().unwrap()
}

fn scores_of(name: &str, bytes: &[u8]) -> Scores {
    let rules = RuleSet::default_rules().unwrap();
    let book = read_file(name, bytes).unwrap().workbook;
    let analysis = analyse(&[(&book, Choice::default())], &rules, &Focus::default(), &Default::default());
    assert!(
        analysis.errors.is_empty() && analysis.issues.is_empty(),
        "{name}: {:?} {:?}",
        analysis.errors,
        analysis.issues
    );
    analysis.scores
}

#[test]
fn three_header_styles_give_identical_results() {
    let labels = workbook(
        [
            "Đơn vị",
            "Hồ sơ đúng hạn, trong hạn (tử số)",
            "Hồ sơ đúng hạn, trong hạn (mẫu số)",
            "Hồ sơ thanh toán trực tuyến (tử số)",
            "Hồ sơ thanh toán trực tuyến (mẫu số)",
            "Hồ sơ nộp trực tuyến (%)",
        ],
        &[],
        false,
        [0, 1, 2, 3, 4, 5],
    );
    let codes = workbook(
        [
            "Đơn vị",
            "ON_TIME (tử số)",
            "ON_TIME (mẫu số)",
            "PAY_DOSSIERS (tử số)",
            "PAY_DOSSIERS (mẫu số)",
            "ONLINE_DOSSIERS (%)",
        ],
        &[],
        false,
        [5, 3, 0, 2, 4, 1],
    );
    let folded = workbook(
        [
            "don vi",
            "ho so dung han, trong han - tu so",
            "ho so dung han trong han (mau so)",
            "ho so thanh toan truc tuyen (tu so)",
            "HO SO THANH TOAN TRUC TUYEN (MAU SO)",
            "ty le ho so nop truc tuyen (%)",
        ],
        &["UBND HUYỆN BA VÌ", "BÁO CÁO KẾT QUẢ THÁNG 11/2026"],
        true,
        [0, 1, 2, 3, 4, 5],
    );
    // Only where each unit and figure was read from differs.
    let without_source = |mut s: Scores| {
        for u in &mut s.units {
            u.source = None;
            u.criteria.iter_mut().for_each(|c| c.origin = None);
        }
        s
    };
    let a = without_source(scores_of("labels.xlsx", &labels));
    let b = without_source(scores_of("codes.xlsx", &codes));
    let c = without_source(scores_of("folded.xlsx", &folded));
    assert_eq!(a, b);
    assert_eq!(a, c);
    // Hand-worked: Ba Vì ON_TIME 4358/4474 → 19.48; PAY 2558/3292 → 4.66; ONLINE 73.63 % ≥ 50 % → 6.
    let ba_vi = &a.units[0];
    assert_eq!(ba_vi.group("TDGQ").unwrap().score, 19.48);
    assert_eq!(ba_vi.criterion("PAY_DOSSIERS").unwrap().score, Some(4.66));
    assert_eq!(ba_vi.criterion("ONLINE_DOSSIERS").unwrap().score, Some(6.0));
    // Hưng Long: 120/125 → 19.2; 3/40 → 0.45; 20 % / 50 % × 6 = 2.4.
    let hl = &a.units[1];
    assert_eq!(
        (hl.group("TDGQ").unwrap().score, hl.group("TTTT").unwrap().score, hl.group("CLGQ").unwrap().score),
        (19.2, 0.45, 2.4)
    );
    // Phan Đình Phùng: 98/100 → 19.6; 0/0 fees → no data; "0,5" read as 0.5 → 6.
    let pdp = &a.units[2];
    assert_eq!(pdp.criterion("PAY_DOSSIERS").unwrap().status, Status::NoData);
    assert_eq!((pdp.total, pdp.rank), (25.6, Some(2))); // 30.14, 25.6, 22.05
}

#[test]
fn bad_cells_are_reported_with_their_place_and_the_rest_is_scored() {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet().set_name("Số liệu").unwrap();
    sheet.write_string(0, 0, "BÁO CÁO").unwrap();
    let headers = ["Đơn vị", "ON_TIME (tử số)", "ON_TIME (mẫu số)", "Ghi chú"];
    for (c, h) in headers.iter().enumerate() {
        sheet.write_string(2, c as u16, *h).unwrap();
    }
    let rows: [(&str, &str, &str); 6] = [
        ("Xã A", "9", "10"),
        ("Xã B", "mười", "10"),
        ("Xã C", "12", "10"),
        ("Xã A", "1", "1"),
        ("", "5", "5"),
        ("Xã D", "-3", "10"),
    ];
    for (i, (u, n, d)) in rows.iter().enumerate() {
        let r = 3 + i as u32;
        if !u.is_empty() {
            sheet.write_string(r, 0, *u).unwrap();
        }
        sheet.write_string(r, 1, *n).unwrap();
        sheet.write_string(r, 2, *d).unwrap();
    }
    let bytes = book.save_to_buffer().unwrap();
    let rules = RuleSet::default_rules().unwrap();
    let wb = read_file("so-lieu.xlsx", &bytes).unwrap().workbook;
    let analysis = analyse(&[(&wb, Choice::default())], &rules, &Focus::default(), &Default::default());
    let found: Vec<(usize, String, &IssueKind)> =
        analysis.issues.iter().map(|i| (i.place.row, i.place.column.clone(), &i.kind)).collect();
    assert_eq!(found.len(), 5, "{found:?}");
    assert!(matches!(found[0], (5, ref c, IssueKind::NotANumber { value, .. }) if c == "B" && value == "mười"));
    assert!(
        matches!(found[1], (6, ref c, IssueKind::NumeratorAboveDenominator { numerator, denominator, .. }) if c == "B" && *numerator == 12.0 && *denominator == 10.0)
    );
    assert!(matches!(found[2], (7, ref c, IssueKind::DuplicateUnit { first, .. }) if c == "A" && first.row == 4));
    assert!(matches!(found[3], (8, ref c, IssueKind::MissingUnitName) if c.is_empty()));
    assert!(matches!(found[4], (9, ref c, IssueKind::NegativeCount { value, .. }) if c == "B" && *value == -3.0));
    let message = analysis.issues[0].message(Lang::Vi);
    assert_eq!(
        message,
        "Tệp «so-lieu.xlsx», trang tính «Số liệu», ô B5 (dòng 5, cột B), cột «ON_TIME (tử số)»: «mười» không phải là số. Hãy nhập số (ví dụ 1.234 hoặc 74,04%); ô này được coi là không có dữ liệu."
    );
    let names: Vec<(&str, f64, Status)> = analysis
        .scores
        .units
        .iter()
        .map(|u| (u.name.as_str(), u.total, u.criterion("ON_TIME").unwrap().status))
        .collect();
    assert_eq!(
        names,
        [
            ("Xã A", 18.0, Status::Ok),
            ("Xã B", 0.0, Status::NoData),
            ("Xã C", 0.0, Status::DataError),
            ("Xã D", 0.0, Status::NoData)
        ]
    );
}

#[test]
fn a_sheet_without_units_or_criteria_is_refused_with_a_reason() {
    let rules = RuleSet::default_rules().unwrap();
    let no_unit = read_file("a.csv", "Tên;ON_TIME (tử số)\nXã A;1\n".as_bytes()).unwrap().workbook;
    let analysis = analyse(&[(&no_unit, Choice::default())], &rules, &Focus::default(), &Default::default());
    assert_eq!(analysis.errors, [TableError::NoUnitColumn { file: "a.csv".into(), sheet: "a".into() }]);
    let no_criteria = read_file("b.csv", "Tiêu đề\nĐơn vị;Ghi chú\nXã A;x\n".as_bytes()).unwrap().workbook;
    let analysis = analyse(&[(&no_criteria, Choice::default())], &rules, &Focus::default(), &Default::default());
    assert_eq!(analysis.errors, [TableError::NoKnownColumn { file: "b.csv".into(), sheet: "b".into(), header_row: 2 }]);
    assert!(analysis.errors[0]
        .message(Lang::Vi)
        .starts_with("Tệp «b.csv», trang tính «b», dòng tiêu đề 2: không có cột nào khớp"));
}

#[test]
fn the_right_sheet_is_found_and_several_files_combine() {
    let rules = RuleSet::default_rules().unwrap();
    let sample = chiso::core::report::template::demo(&rules).unwrap();
    let book = read_file("mau.xlsx", &sample).unwrap().workbook;
    assert_eq!(book.sheets.iter().map(|s| s.name.as_str()).collect::<Vec<_>>(), ["Số liệu", "Hướng dẫn"]);
    let extra = read_file("them.csv", "Đơn vị;Đơn vị cấp trên;ON_TIME (tử số);ON_TIME (mẫu số)\nUBND xã Mới;UBND thị xã An Hòa;5;10\nUBND phường An Lạc;UBND thị xã An Hòa;1;1\n".as_bytes()).unwrap().workbook;
    let analysis = analyse(
        &[(&book, Choice::default()), (&extra, Choice::default())],
        &rules,
        &Focus::default(),
        &Default::default(),
    );
    assert_eq!(analysis.scores.units.len(), 1 + 14 + 1);
    assert_eq!(analysis.issues.len(), 1, "An Lạc appears in both files: {:?}", analysis.issues);
    assert!(
        matches!(&analysis.issues[0].kind, IssueKind::DuplicateUnit { first, .. } if first.file == "mau.xlsx" && first.row == 6)
    );
    let an_lac = analysis.scores.units.iter().find(|u| u.name == "UBND phường An Lạc").unwrap();
    assert_eq!(an_lac.group("TDGQ").unwrap().score, 19.48, "the first file's figures count");
}

#[test]
fn a_mapping_made_for_another_table_is_not_used() {
    use chiso::core::figures::read_units;
    use chiso::core::layout::header::Mapping;
    let rules = RuleSet::default_rules().unwrap();
    let book = read_file("a.csv", "Đơn vị;ON_TIME (tử số);ON_TIME (mẫu số)\nXã A;9;10\n".as_bytes()).unwrap().workbook;
    let wrong = Mapping { header_row: 0, headers: vec!["Đơn vị".into()], columns: vec![None] };
    let table = read_units("a.csv", &book.sheets[0], &rules, Some(wrong)).unwrap();
    assert_eq!(table.units.len(), 1, "the header found automatically is used instead");
    assert_eq!(table.units[0].figures["ON_TIME"].numerator, Some(9.0));
}

/// The blank template sent back as it came: no unit is scored, and the message says so and
/// where to fill the rows in (the template's title, rule set and group rows, its header on row 4: units from row 5, column A).
#[test]
fn a_blank_template_says_where_to_fill_the_units() {
    let rules = RuleSet::default_rules().unwrap();
    let bytes = chiso::core::report::template::template(&rules).unwrap();
    let wb = read_file("mau-so-lieu.xlsx", &bytes).unwrap().workbook;
    let analysis = analyse(&[(&wb, Choice::default())], &rules, &Focus::default(), &Default::default());
    assert!(analysis.scores.units.is_empty());
    let blank: Vec<_> = analysis.issues.iter().filter(|i| matches!(i.kind, IssueKind::NoUnitRows)).collect();
    assert_eq!(blank.len(), 1, "{:?}", analysis.issues);
    assert_eq!((blank[0].place.row, blank[0].place.column.as_str()), (5, "A"));
    let said = blank[0].message(Lang::Vi);
    assert!(
        said.contains("chưa có dòng đơn vị nào") && said.contains("bắt đầu từ dòng 5: tên đơn vị ở cột A"),
        "{said}"
    );
}
