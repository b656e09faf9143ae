//! Score files as the field has them (real-formats.md §4, issue 27): a peer tool's monthly export
//! of the portal's scores, with the portal's own field names as headers, scores as text with a dot
//! decimal and names carrying the province; one sheet of the 34 provinces, or a workbook of several
//! tables of different scope. Written here with rust_xlsxwriter, read back as a user's file.

mod common;

use chiso::core::analysis::{analyse, Analysis, Choice, Focus};
use chiso::core::dossier::units::Typed;
use chiso::core::figures::IssueKind;
use chiso::core::model::message::Message;
use chiso::core::model::period::Period;
use chiso::core::model::table::Workbook;
use chiso::core::read::read_file;
use rust_xlsxwriter::Workbook as Writer;

const HEADERS: [&str; 15] = [
    "ID",
    "TEN",
    "TEN_COQUAN",
    "MA_COQUAN",
    "LOAI_COQUAN",
    "CAPDONVIID",
    "ID_COQUAN",
    "TDGQ",
    "MDHL",
    "MDSH",
    "TTTT",
    "CLGQ",
    "CKMB",
    "TONG_SCORE",
    "ROW_STT",
];
const GROUPS: [&str; 6] = ["TDGQ", "MDHL", "MDSH", "TTTT", "CLGQ", "CKMB"];

/// One row of the export: a name, its kind (1, 2, 3) and its six scores in the export's order
/// (TDGQ, MDHL, MDSH, TTTT, CLGQ, CKMB), in hundredths.
struct Row {
    name: String,
    kind: u32,
    scores: [i64; 6],
}

impl Row {
    fn total(&self) -> i64 {
        self.scores.iter().sum()
    }
}

/// Hundredths as the export writes them: «18.99», «10».
fn dotted(h: i64) -> String {
    if h % 100 == 0 {
        (h / 100).to_string()
    } else {
        format!("{}.{:02}", h / 100, h % 100)
    }
}

/// Competition ranks on the totals, as the portal's ROW_STT gives them.
fn ranks(rows: &[Row]) -> Vec<usize> {
    rows.iter().map(|r| 1 + rows.iter().filter(|o| o.total() > r.total()).count()).collect()
}

fn sheet(book: &mut Writer, name: &str, rows: &[Row]) {
    let ws = book.add_worksheet().set_name(name).unwrap();
    for (c, h) in HEADERS.iter().enumerate() {
        ws.write_string(0, c as u16, *h).unwrap();
    }
    for ((i, row), rank) in rows.iter().enumerate().zip(ranks(rows)) {
        let r = i as u32 + 1;
        let short = row.name.split(" - ").next().unwrap_or(&row.name).to_string();
        let cells = [
            (1000 + i).to_string(),
            row.name.clone(),
            short,
            format!("G{i:03}"),
            row.kind.to_string(),
            row.kind.to_string(),
            (500 + i).to_string(),
        ];
        for (c, v) in cells.iter().enumerate() {
            ws.write_string(r, c as u16, v).unwrap();
        }
        for (k, h) in row.scores.iter().enumerate() {
            ws.write_string(r, 7 + k as u16, dotted(*h)).unwrap();
        }
        ws.write_string(r, 13, dotted(row.total())).unwrap();
        ws.write_string(r, 14, rank.to_string()).unwrap();
    }
}

/// The 34 provinces with distinct, made-up scores that stay within each group's maximum.
fn provinces(shift: i64) -> Vec<Row> {
    (0..34)
        .map(|i| Row {
            name: if i == 0 { "Tỉnh An Giang".into() } else { format!("Tỉnh Số {i}") },
            kind: 1,
            scores: [1500 + 13 * i + shift, 1200 + 7 * i, 1500 + 5 * i, 600 + 3 * i, 800 + 2 * i, 1100 + i],
        })
        .collect()
}

fn units() -> (Vec<Row>, Vec<Row>) {
    let row = |name: &str, kind, scores| Row { name: format!("{name} - tỉnh An Giang"), kind, scores };
    let departments = vec![
        row("Sở Y tế", 2, [1899, 1800, 2020, 950, 1100, 1700]),
        row("Sở Tư pháp", 2, [2000, 1650, 1800, 1000, 1200, 1800]),
        row("Sở Xây dựng", 2, [1700, 1500, 1600, 700, 900, 1500]),
    ];
    let communes = vec![
        row("Phường Long Xuyên", 3, [1950, 1800, 1700, 800, 1000, 1600]),
        row("Xã Mỹ Hòa Hưng", 3, [1800, 1700, 1500, 500, 950, 1550]),
    ];
    (departments, communes)
}

fn write(dir: &std::path::Path, name: &str, sheets: &[(&str, &[Row])], trend: bool) -> Workbook {
    let mut book = Writer::new();
    for (name, rows) in sheets {
        sheet(&mut book, name, rows);
    }
    if trend {
        let ws = book.add_worksheet().set_name("Xu hướng tháng").unwrap();
        for (c, h) in ["Tháng", "Năm", "Điểm"].iter().enumerate() {
            ws.write_string(0, c as u16, *h).unwrap();
        }
        ws.write_string(1, 0, "10").unwrap();
        ws.write_string(1, 1, "2025").unwrap();
        ws.write_string(1, 2, "78.5").unwrap();
    }
    let path = dir.join(name);
    book.save(&path).unwrap();
    read_file(name, &std::fs::read(&path).unwrap()).unwrap().workbook
}

fn analysed(book: &Workbook, choice: Choice) -> Analysis {
    analyse(&[(book, choice)], &common::rules(), &Focus::default(), &Typed::new())
}

/// Every unit scores exactly what its row says: the six groups and the total, in hundredths.
fn check_as_written(analysis: &Analysis, rows: &[Row]) {
    for row in rows {
        let name = row.name.split(" - ").next().unwrap();
        let u = analysis.scores.units.iter().find(|u| u.name == name).unwrap_or_else(|| panic!("{name}"));
        for (code, h) in GROUPS.iter().zip(row.scores) {
            assert_eq!(u.group(code).unwrap().score, h as f64 / 100.0, "{name} {code}");
        }
        assert_eq!(u.total, row.total() as f64 / 100.0, "{name}");
    }
}

#[test]
fn one_sheet_of_the_34_provinces() {
    let dir = common::scratch("one_sheet_of_the_34_provinces");
    let rows = provinces(0);
    let book = write(dir.path(), "diem-34-tinh-thang-10-2025.xlsx", &[("Điểm tháng", &rows)], false);
    let analysis = analysed(&book, Choice::default());
    assert!(analysis.errors.is_empty(), "{:?}", analysis.errors);
    assert_eq!(analysis.scores.units.len(), 34);
    assert_eq!(analysis.period, Some(Period::Month { year: 2025, month: 10 }));
    check_as_written(&analysis, &rows);
    // Ranked among themselves as ROW_STT ranks them; no whole among 34 equals.
    let expected = ranks(&rows);
    for (row, rank) in rows.iter().zip(expected) {
        let u = analysis.scores.units.iter().find(|u| u.name == row.name).unwrap();
        assert_eq!(u.rank, Some(rank), "{}", row.name);
    }
    assert!(analysis.scores.whole().is_none());
}

#[test]
fn a_workbook_of_tables_of_different_scope() {
    let dir = common::scratch("a_workbook_of_tables_of_different_scope");
    let (departments, communes) = units();
    let (year, month) = (provinces(40), provinces(0));
    let book = write(
        dir.path(),
        "an-giang-10-2025.xlsx",
        &[("Điểm năm", &year), ("Điểm tháng", &month), ("Sở Ban", &departments), ("Xã Phường", &communes)],
        true,
    );
    let analysis = analysed(&book, Choice::default());
    assert!(analysis.errors.is_empty(), "{:?}", analysis.errors);
    // Each sheet is a table of its own; the province's departments and communes make the month.
    let sheets: Vec<(&str, bool)> =
        analysis.tables.iter().map(|t| (book.sheets[t.sheet_index].name.as_str(), t.used)).collect();
    assert_eq!(sheets, [("Điểm năm", false), ("Điểm tháng", false), ("Sở Ban", true), ("Xã Phường", true)]);
    assert_eq!(analysis.periods, [Period::Month { year: 2025, month: 10 }]);
    assert_eq!(analysis.scores.units.len(), 5);
    check_as_written(&analysis, &departments);
    check_as_written(&analysis, &communes);
    // Names are shown without the province the export adds; the kinds are the portal's codes:
    // Sở Y tế 94,69 first among the departments (Tư pháp 94,5, Xây dựng 79).
    let y_te = analysis.scores.units.iter().find(|u| u.name == "Sở Y tế").unwrap();
    assert_eq!((y_te.kind.as_deref(), y_te.kind_rank), (Some("Sở, ban, ngành"), Some(1)));
    // The year's table is a year: chosen, it is scored as 2025 beside the month.
    let year_sheet = book.sheets.iter().position(|s| s.name == "Điểm năm").unwrap();
    let scope = chiso::core::figures::scope::scope(&analysis.tables[0].table.units, chiso::core::model::lang::Lang::Vi);
    assert_eq!(scope, "34 đơn vị · Cấp tỉnh");
    let chosen = analysed(&book, Choice { sheets: Some(vec![year_sheet]), ..Choice::default() });
    assert_eq!(chosen.periods, [Period::Year(2025)]);
    check_as_written(&chosen, &year);
}

/// A score above its group's maximum, and a score that is not a number, are said and not used.
#[test]
fn scores_that_cannot_be_used_are_said() {
    let dir = common::scratch("scores_that_cannot_be_used_are_said");
    let mut rows = provinces(0);
    rows.truncate(3);
    rows[1].scores[0] = 2150; // TDGQ 21,5 of 20
    let book = write(dir.path(), "diem-thang-10-2025.xlsx", &[("Điểm tháng", &rows)], false);
    let analysis = analysed(&book, Choice::default());
    let out: Vec<String> = analysis
        .issues
        .iter()
        .filter(|i| matches!(i.kind, IssueKind::ScoreOutOfRange { .. }))
        .map(|i| i.message(chiso::core::model::lang::Lang::Vi))
        .collect();
    // TDGQ alone: the total, 73,5, is within 0–100.
    assert_eq!(out.len(), 1, "{out:?}");
    assert!(out[0].starts_with("Tệp «diem-thang-10-2025.xlsx», trang tính «Điểm tháng», ô H3 (dòng 3, cột H), cột «TDGQ»: điểm 21,5 nằm ngoài khoảng 0–20"), "{}", out[0]);
}

/// The portal's JSON as crawlers save it (real-formats.md §4): the reference's commune example,
/// UBND xã Ba Vì — ON_TIME 4358/4474 → 19,48 (TDGQ given as totals); HAS_ONLINE 31/403 and
/// ONLINE_DOSSIERS 3294/4474 with FULL 0/0 → CLGQ 6,31; PAY_DOSSIERS 2558/3292, PAY_FORMALITIES
/// 3/31 (TTTT's totals), PAY_PROVISION 3/31 → TTTT 5,14; no petitions and 4357/4474 satisfied →
/// MDHL 18. Minh Châu: 30/40 → 15; 20/40 = 50 % → 6; 38/40 ≥ 90 % → 6 + 6 + 6.
#[test]
fn the_portals_json_gives_each_criterions_counts() {
    let book = common::fixture_book("month/cong-dvcqg-xa-thang-10-2026.json");
    assert_eq!(book.format, chiso::core::model::table::Format::Json);
    let analysis = analysed(&book, Choice::default());
    assert!(analysis.errors.is_empty(), "{:?}", analysis.errors);
    assert_eq!(analysis.period, Some(Period::Month { year: 2026, month: 10 }));
    let ba_vi = analysis.scores.units.iter().find(|u| u.name == "UBND xã Ba Vì").unwrap();
    let c = |code: &str| {
        let r = ba_vi.criterion(code).unwrap();
        (r.numerator, r.denominator)
    };
    assert_eq!(c("ON_TIME"), (Some(4358.0), Some(4474.0)));
    assert_eq!(c("ONLINE_DOSSIERS"), (Some(3294.0), Some(4474.0)));
    assert_eq!(c("PAY_FORMALITIES"), (Some(3.0), Some(31.0)));
    let groups: Vec<f64> = ba_vi.groups.iter().map(|g| g.score).collect();
    assert_eq!(groups, [0.0, 19.48, 6.31, 5.14, 18.0, 0.0]);
    assert_eq!(ba_vi.total, 48.93);
    assert_eq!(ba_vi.tracked.get("RECEIVED").and_then(|f| f.numerator), Some(4474.0));
    assert_eq!(ba_vi.kind.as_deref(), Some("Cấp xã"));
    let minh_chau = analysis.scores.units.iter().find(|u| u.name == "UBND xã Minh Châu").unwrap();
    assert_eq!(minh_chau.total, 15.0 + 6.0 + 18.0);
}

/// JSON that is not the portal's, and JSON that is broken, each get a Vietnamese message.
#[test]
fn json_that_is_not_the_portals_is_said() {
    let not_portal = read_file("du-lieu.json", br#"{"units": [{"name": "UBND xa A", "score": 80}]}"#).unwrap_err();
    let said = chiso::core::model::message::Located::in_file(not_portal, "du-lieu.json")
        .message(chiso::core::model::lang::Lang::Vi);
    assert!(
        said.starts_with("Tệp «du-lieu.json» là JSON nhưng không phải dữ liệu chi tiết đơn vị của Cổng DVCQG"),
        "{said}"
    );
    let broken = read_file("hong.json", b"[{\"departmentName\": \"UBND xa A\",\n \"totalScore\": }]").unwrap_err();
    let said =
        chiso::core::model::message::Located::in_file(broken, "hong.json").message(chiso::core::model::lang::Lang::Vi);
    assert!(said.starts_with("Tệp «hong.json», dòng 2, cột 16: nội dung JSON bị hỏng"), "{said}");
}
