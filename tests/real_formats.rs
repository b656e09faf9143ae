//! Files in the layouts offices really export (../shared/docs/real-formats.md), written by
//! tests/fixtures/real.rs. Every expected figure is worked by hand below from the values there,
//! with the reference's formulas (ON_TIME 20 × ratio; ONLINE_DOSSIERS 6 × min(1, ratio / 0,5);
//! PAY_DOSSIERS 6 × ratio).

mod common;

use chiso::core::analysis::{analyse, Analysis, Choice, Focus};
use chiso::core::dossier::units::Typed;
use chiso::core::dossier::{find_header, Certainty, Field};
use chiso::core::figures::dossier_issues::Assumed;
use chiso::core::figures::sources::SourceKind;
use chiso::core::figures::{IssueKind, TableKind};
use chiso::core::model::message::Message;
use chiso::core::model::period::Period;
use chiso::core::model::table::{Cell, Sheet, Workbook};
use chiso::core::scoring::UnitResult;

fn analysed(books: &[Workbook]) -> Analysis {
    let rules = common::rules();
    let books: Vec<(&Workbook, Choice)> = books.iter().map(|b| (b, Choice::default())).collect();
    analyse(&books, &rules, &Focus::default(), &Typed::new())
}

fn unit<'a>(analysis: &'a Analysis, name: &str) -> &'a UnitResult {
    analysis.scores.units.iter().find(|u| u.name == name).unwrap_or_else(|| panic!("{name} not scored"))
}

/// (numerator, denominator, score) of a criterion.
fn c(u: &UnitResult, code: &str) -> (Option<f64>, Option<f64>, Option<f64>) {
    let r = u.criterion(code).unwrap_or_else(|| panic!("{code} of {}", u.name));
    (r.numerator, r.denominator, r.score)
}

fn counted(n: f64, d: f64, score: f64) -> (Option<f64>, Option<f64>, Option<f64>) {
    (Some(n), Some(d), Some(score))
}

fn tracked(u: &UnitResult, code: &str) -> Option<f64> {
    u.tracked.get(code).and_then(|f| f.numerator)
}

const PROVINCE: &str = "UBND tỉnh Hưng Yên";

/// Biểu II.06a of a province: two departments, two communes, under group rows «I», «II».
///
/// | unit | received (online, direct, carried) | done (early, on time, late) | pending (in time, late) |
/// |---|---|---|---|
/// | Sở Tư pháp | 160 (120, 30, 10) | 135 (50, 80, 5) | 25 (20, 5) |
/// | Sở Xây dựng | 100 (40, 60, blank) | 90 (10, 70, 10) | 10 (8, 2) |
/// | UBND xã Tân Tiến | written 110, parts 105 (30, 70, 5) | 85 (20, 60, 5) | 20 (18, 2) |
/// | UBND xã Văn Giang | 45 (blank, 45, blank) | 40 (blank, 40, blank) | 5 (5, blank) |
fn check_units_report(file: &str) {
    let analysis = analysed(&[common::fixture_book(&format!("real/{file}"))]);
    assert!(analysis.errors.is_empty(), "{:?}", analysis.errors);
    assert_eq!(analysis.tables[0].table.kind, TableKind::SettlementReport);
    assert_eq!(analysis.period, Some(Period::Month { year: 2026, month: 11 }));
    let names: Vec<&str> = analysis.scores.units.iter().map(|u| u.name.as_str()).collect();
    // Group rows (Sở, ban, ngành; Cấp xã) and the total row are not units; the total row's whole
    // is the reporting unit, pooled from its rows.
    let mut sorted = names.clone();
    sorted.sort();
    assert_eq!(
        sorted,
        vec!["Sở Tư pháp", "Sở Xây dựng", "UBND tỉnh Hưng Yên", "UBND xã Tân Tiến", "UBND xã Văn Giang"]
    );

    let tu_phap = unit(&analysis, "Sở Tư pháp");
    assert_eq!(tu_phap.parent.as_deref(), Some(PROVINCE));
    // ON_TIME (50 + 80 + 20) / 160 = 0,9375 → 18,75; online 120 / 150 = 0,8 ≥ 0,5 → 6.
    assert_eq!(c(tu_phap, "ON_TIME"), counted(150.0, 160.0, 18.75));
    assert_eq!(c(tu_phap, "ONLINE_DOSSIERS"), counted(120.0, 150.0, 6.0));
    assert_eq!((tracked(tu_phap, "RECEIVED"), tracked(tu_phap, "COMPLETED")), (Some(150.0), Some(135.0)));

    // (10 + 70 + 8) / 100 → 17,6; 40 / 100 = 0,4 → 6 × 0,8 = 4,8.
    let xay_dung = unit(&analysis, "Sở Xây dựng");
    assert_eq!(c(xay_dung, "ON_TIME"), counted(88.0, 100.0, 17.6));
    assert_eq!(c(xay_dung, "ONLINE_DOSSIERS"), counted(40.0, 100.0, 4.8));

    // Scored from its parts: (20 + 60 + 18) / 105 = 0,93333 → 18,67; 30 / 100 → 3,6.
    let tan_tien = unit(&analysis, "UBND xã Tân Tiến");
    assert_eq!(c(tan_tien, "ON_TIME"), counted(98.0, 105.0, 18.67));
    assert_eq!(c(tan_tien, "ONLINE_DOSSIERS"), counted(30.0, 100.0, 3.6));
    assert_eq!(tracked(tan_tien, "RECEIVED"), Some(100.0));

    // Blank cells are 0: 45 / 45 → 20; 0 / 45 → 0.
    let van_giang = unit(&analysis, "UBND xã Văn Giang");
    assert_eq!(c(van_giang, "ON_TIME"), counted(45.0, 45.0, 20.0));
    assert_eq!(c(van_giang, "ONLINE_DOSSIERS"), counted(0.0, 45.0, 0.0));

    // The province pools: (150 + 88 + 98 + 45) / (160 + 100 + 105 + 45) = 381 / 410 → 18,59;
    // online 190 / 395 = 0,48101 → 6 × 0,96203 = 5,77.
    let province = unit(&analysis, PROVINCE);
    assert_eq!(c(province, "ON_TIME"), counted(381.0, 410.0, 18.59));
    assert_eq!(c(province, "ONLINE_DOSSIERS"), counted(190.0, 395.0, 5.77));

    // Tân Tiến's row (15) is said, with its columns; the total row (415 as written) agrees with
    // the rows as written, so it is not.
    let parts: Vec<_> = analysis
        .issues
        .iter()
        .filter_map(|i| match &i.kind {
            IssueKind::PartsDisagree { given, sum, parts, .. } => {
                Some((i.place.row, i.place.column.clone(), *given, *sum, parts.len()))
            }
            _ => None,
        })
        .collect();
    assert_eq!(parts, vec![(15, "C".to_string(), 110.0, 105.0, 3)]);
    assert!(!analysis.issues.iter().any(|i| matches!(i.kind, IssueKind::TotalDisagrees { .. })));
    let message = analysis.issues.iter().find(|i| matches!(i.kind, IssueKind::PartsDisagree { .. })).unwrap();
    let text = message.message(chiso::core::model::lang::Lang::Vi);
    assert!(text.contains("trang tính «Biểu 06a»") && text.contains("ô C15"), "{text}");
    assert!(text.contains("«Số hồ sơ nhận giải quyết › Trong đó › Trực tuyến»"), "{text}");
    assert!(text.contains("là 110") && text.contains("105"), "{text}");
    // Its ON_TIME counts the 15 dossiers carried over (Tư pháp 10, Tân Tiến 5); the portal's does
    // not: said once.
    let carried: Vec<f64> = analysis
        .issues
        .iter()
        .filter_map(|i| match i.kind {
            IssueKind::CarriedOver { count } => Some(count),
            _ => None,
        })
        .collect();
    assert_eq!(carried, [15.0]);
    // Each counted figure says where it came from.
    let origin = unit(&analysis, "Sở Tư pháp").criterion("ON_TIME").and_then(|c| c.origin.clone()).unwrap();
    assert_eq!(origin.source, SourceKind::Report);
    let label = origin.label(chiso::core::model::lang::Lang::Vi);
    assert!(label.starts_with("báo cáo kết quả giải quyết TTHC «bao-cao-06a."), "{label}");
}

#[test]
fn a_06a_report_of_units_as_xlsx() {
    check_units_report("bao-cao-06a.xlsx");
}

#[test]
fn the_same_report_converted_to_ods_and_xls_reads_alike() {
    // LibreOffice's conversions: calamine keeps no merges for them, so the header is read from
    // the cells alone.
    check_units_report("bao-cao-06a.ods");
    check_units_report("bao-cao-06a.xls");
}

/// A commune's per-field 06 form in OpenCPS wording («Tiếp nhận», «Sớm hạn», «Trễ hạn»,
/// «Chưa đến hạn»), 01–30/11/2026: one unit, the sum of its fields.
///
/// Hộ tịch 82 (50, 30, 2) · 72 (40, 30, 2) · 10 (10, blank); Chứng thực 100 (blank, 100, blank)
/// · 100 (90, 10, blank) · blank; Đất đai 30 (5, 15, 10) · 20 (2, 10, 8) · 10 (6, 4).
#[test]
fn a_per_field_report_is_one_unit() {
    let analysis = analysed(&[common::fixture_book("real/bao-cao-06-linh-vuc.xlsx")]);
    assert_eq!(analysis.scores.units.len(), 1);
    let u = &analysis.scores.units[0];
    assert_eq!(u.name, "UBND xã Tân Tiến");
    assert_eq!(u.period, Some(Period::Month { year: 2026, month: 11 }));
    // (132 + 50 + 16) / 212 = 0,93396 → 18,68; online 55 / 200 = 0,275 → 6 × 0,55 = 3,3.
    assert_eq!(c(u, "ON_TIME"), counted(198.0, 212.0, 18.68));
    assert_eq!(c(u, "ONLINE_DOSSIERS"), counted(55.0, 200.0, 3.3));
    assert_eq!((tracked(u, "RECEIVED"), tracked(u, "COMPLETED")), (Some(200.0), Some(192.0)));
    assert!(analysis
        .issues
        .iter()
        .all(|i| !matches!(i.kind, IssueKind::PartsDisagree { .. } | IssueKind::TotalDisagrees { .. })));
}

/// A one-stop «DANH SÁCH HỒ SƠ» of two communes, November 2026. An Bình: 8 rows, of which one
/// not accepted (left out), one withdrawn after acceptance (counted, ended on no date the list
/// gives: taken as ended by its due date), one received 31/10 (outside), one of a status the rule
/// set does not know («Đang chờ ký số»: in progress, its finish date not used). The latest moment
/// the list records is Hòa Lạc's receipt on 28/11 10:00.
///
/// An Bình, 6 received: on time A1 (finished 05/11 10:20 for 05/11 17:00), A3 (open, due
/// 10/12), A5 (withdrawn), A6 (16:59:59 for 17:00:00); late A2 (07/11 for 06/11 17:00), A7 (open,
/// due 26/11 17:00, past it by 28/11). Online A1, A6. Fees A1 (paid truc-tuyen), A2 (paid
/// tien-mat), A5 (Chưa thanh toán). Completed A1, A2, A6.
/// Hòa Lạc, 3 received, all on time (B1 due the whole of 05/11; B2 open, due 03/12; B3 «Dừng xử
/// lý», ended 11/11 for 12/11, not completed); online B2; fee B2 (Chờ thanh toán).
#[test]
fn a_one_stop_dossier_list_with_statuses_and_payments() {
    let analysis = analysed(&[common::fixture_book("real/danh-sach-ho-so-mot-cua.xlsx")]);
    assert!(analysis.errors.is_empty(), "{:?}", analysis.errors);
    let a = unit(&analysis, "UBND xã An Bình");
    // 4/6 → 20 × 0,6667 = 13,33; online 2/6 = 33,33 % → 6 × 0,6667 = 4; paid online 1/3 → 2.
    assert_eq!(c(a, "ON_TIME"), counted(4.0, 6.0, 13.33));
    assert_eq!(c(a, "ONLINE_DOSSIERS"), counted(2.0, 6.0, 4.0));
    assert_eq!(c(a, "PAY_DOSSIERS"), counted(1.0, 3.0, 2.0));
    assert_eq!((tracked(a, "RECEIVED"), tracked(a, "COMPLETED")), (Some(6.0), Some(3.0)));
    let b = unit(&analysis, "UBND xã Hòa Lạc");
    assert_eq!(c(b, "ON_TIME"), counted(3.0, 3.0, 20.0));
    // 1 / 3 = 0,3333 → 6 × 0,6667 = 4.
    assert_eq!(c(b, "ONLINE_DOSSIERS"), counted(1.0, 3.0, 4.0));
    assert_eq!(c(b, "PAY_DOSSIERS"), counted(0.0, 1.0, 0.0));
    // Stopped is not completed: B1 alone.
    assert_eq!(tracked(b, "COMPLETED"), Some(1.0));

    let left_out: Vec<_> = analysis
        .issues
        .iter()
        .filter_map(|i| match &i.kind {
            IssueKind::StatusLeftOut { status, count, .. } => Some((status.as_str(), *count)),
            _ => None,
        })
        .collect();
    assert_eq!(left_out, vec![("Không được tiếp nhận", 1)]);
    let assumed: Vec<_> = analysis
        .issues
        .iter()
        .filter_map(|i| match &i.kind {
            IssueKind::RuleAssumed(a) => Some(*a),
            _ => None,
        })
        .collect();
    // Said once per list: A5's end, B2 waiting on a supplement without its dates, and payments read
    // from a status and a method without «Lệ phí».
    assert_eq!(assumed, vec![Assumed::EndedUndated(1), Assumed::NoSupplementDates(1), Assumed::NoFeeAmount]);
    let unknown: Vec<_> = analysis
        .issues
        .iter()
        .filter_map(|i| match &i.kind {
            IssueKind::UnknownStatus { status, count } => {
                Some((status.as_str(), *count, i.place.row, i.place.column.as_str()))
            }
            _ => None,
        })
        .collect();
    // A7 is the list's 7th dossier: spreadsheet row 12, status in column E.
    assert_eq!(unknown, vec![("Đang chờ ký số", 1, 12, "E")]);
    let outside = analysis.issues.iter().find_map(|i| match i.kind {
        IssueKind::OutsidePeriod { before, after, undated, .. } => Some((before, after, undated)),
        _ => None,
    });
    assert_eq!(outside, Some((1, 0, 0)));
}

/// «SỔ THEO DÕI HỒ SƠ»: «Ngày, tháng, năm» merged over «Nhận hồ sơ» · «Hẹn trả kết quả» · «Trả kết
/// quả», a row of column numbers; the unit from «Cơ quan chủ trì giải quyết». «Phương thức nhận
/// kết quả» is how the result was collected, not a channel: no ONLINE_DOSSIERS numerator.
///
/// An Bình: 02/11 due 03/11 returned 03/11 15:00 (on time, the due day is whole); 05/11 09:00
/// due 06/11 returned 09/11 (late). Hòa Lạc: 10/11 due 20/11 open (overdue: the list's latest
/// moment is 25/11); 25/11 due 02/12 open (on time); 12/11 due 14/11 returned 13/11 (on time).
#[test]
fn a_register_with_a_two_row_header() {
    let analysis = analysed(&[common::fixture_book("real/so-theo-doi-ho-so.xlsx")]);
    assert!(analysis.errors.is_empty(), "{:?}", analysis.errors);
    let a = unit(&analysis, "UBND xã An Bình");
    assert_eq!(c(a, "ON_TIME"), counted(1.0, 2.0, 10.0));
    let b = unit(&analysis, "UBND xã Hòa Lạc");
    // 2 / 3 → 13,33.
    assert_eq!(c(b, "ON_TIME"), counted(2.0, 3.0, 13.33));
    assert_eq!(c(b, "ONLINE_DOSSIERS").0, None);
    assert_eq!(analysis.scores.units.len(), 2);
    // The column-number row is not a dossier: nothing was left out or unreadable.
    assert!(
        analysis.issues.iter().all(|i| !matches!(i.kind, IssueKind::Dossier(_) | IssueKind::OutsidePeriod { .. })),
        "{:?}",
        analysis.issues
    );
}

fn text(s: &str) -> Cell {
    if s.is_empty() {
        Cell::Empty
    } else {
        Cell::Text(s.to_string())
    }
}

fn n(x: f64) -> Cell {
    Cell::Number(x)
}

/// A row of texts, blank ones empty.
fn header(cells: &[&str]) -> Vec<Cell> {
    cells.iter().map(|s| text(s)).collect()
}

fn book_of(name: &str, rows: Vec<Vec<Cell>>) -> Workbook {
    Workbook {
        file_name: name.to_string(),
        byte_size: 0,
        format: chiso::core::model::table::Format::Xlsx,
        csv: None,
        sheets: vec![Sheet::from_rows("Sheet1", (0, 0), rows)],
        date1904: false,
    }
}

/// A sheet held as cells read as a dossier list (as when the user says it is one).
fn as_dossiers(book: &Workbook) -> Analysis {
    let choice = Choice { kind: Some(TableKind::DossierList), ..Choice::default() };
    analyse(&[(book, choice)], &common::rules(), &Focus::default(), &Typed::new())
}

/// Without a unit column, dossiers are grouped by the unit part of their code (before the
/// first «-»): two of `000.17.22.H56`, one of `H15.50.05.13`.
#[test]
fn dossier_codes_name_the_unit_when_no_column_does() {
    let row =
        |id: &str, received: &str, due: &str, finished: &str| vec![text(id), text(received), text(due), text(finished)];
    let book = book_of(
        "ho-so.xlsx",
        vec![
            vec![text("Mã hồ sơ"), text("Ngày tiếp nhận"), text("Ngày hẹn trả"), text("Ngày trả kết quả")],
            row("000.17.22.H56-261102-0001", "02/11/2026 08:00:00", "04/11/2026 17:00:00", "04/11/2026 10:00:00"),
            row("000.17.22.H56-261103-0002", "03/11/2026 08:00:00", "04/11/2026 17:00:00", "05/11/2026 10:00:00"),
            row("H15.50.05.13-261008-0975", "08/11/2026 08:00:00", "10/11/2026 17:00:00", "09/11/2026 10:00:00"),
        ],
    );
    let rules = common::rules();
    let analysis = analyse(
        &[(&book, Choice { kind: Some(TableKind::DossierList), ..Choice::default() })],
        &rules,
        &Focus::default(),
        &Typed::new(),
    );
    assert_eq!(c(unit(&analysis, "000.17.22.H56"), "ON_TIME"), counted(1.0, 2.0, 10.0));
    assert_eq!(c(unit(&analysis, "H15.50.05.13"), "ON_TIME"), counted(1.0, 1.0, 20.0));
}

/// A total row that does not add up is said per column; the units are scored as written.
#[test]
fn a_total_row_that_does_not_add_up_is_said() {
    let book = book_of(
        "bao-cao.xlsx",
        vec![
            header(&["Đơn vị báo cáo: UBND huyện A"]),
            header(&[
                "STT",
                "Tên đơn vị",
                "Số hồ sơ nhận giải quyết",
                "",
                "",
                "Số hồ sơ đã giải quyết",
                "",
                "",
                "Số hồ sơ đang giải quyết",
                "",
            ]),
            header(&[
                "",
                "",
                "Tổng số",
                "Trực tuyến",
                "Trực tiếp, dịch vụ bưu chính",
                "Trước hạn",
                "Đúng hạn",
                "Quá hạn",
                "Trong hạn",
                "Quá hạn",
            ]),
            vec![n(1.), text("UBND xã B"), n(10.), n(4.), n(6.), n(2.), n(5.), n(1.), n(2.), Cell::Empty],
            vec![
                n(2.),
                text("UBND xã C"),
                n(20.),
                n(20.),
                Cell::Empty,
                n(10.),
                n(10.),
                Cell::Empty,
                Cell::Empty,
                Cell::Empty,
            ],
            vec![text(""), text("Tổng cộng"), n(31.), n(24.), n(6.), n(12.), n(15.), n(1.), n(2.), Cell::Empty],
        ],
    );
    let analysis = analysed(&[book]);
    // B: (2 + 5 + 2) / 10 → 18; C: 20 / 20 → 20; the whole: 29 / 30 → 19,33.
    assert_eq!(c(unit(&analysis, "UBND xã B"), "ON_TIME"), counted(9.0, 10.0, 18.0));
    assert_eq!(c(unit(&analysis, "UBND xã C"), "ON_TIME"), counted(20.0, 20.0, 20.0));
    assert_eq!(c(unit(&analysis, "UBND huyện A"), "ON_TIME"), counted(29.0, 30.0, 19.33));
    let totals: Vec<_> = analysis
        .issues
        .iter()
        .filter_map(|i| match &i.kind {
            IssueKind::TotalDisagrees { total, sum, .. } => Some((i.place.row, i.place.column.clone(), *total, *sum)),
            _ => None,
        })
        .collect();
    // Row 6: received 31 for 30, done on time 15 for 15 (agrees), early 12 for 12 (agrees).
    assert_eq!(totals, vec![(6, "C".to_string(), 31.0, 30.0)]);
}

/// What a status means is the rule set's: an operator who counts refused dossiers edits the
/// file, and An Bình's refused dossier (received 10/11, due 12/11, never finished: overdue) joins
/// the counts — 7 received, still 4 on time: 20 × 4/7 = 11,43.
#[test]
fn the_meaning_of_a_status_is_a_rule_set_edit() {
    let edited = chiso::core::rules::DEFAULT_RULES.replace(
        "names = [\"Không được tiếp nhận\", \"Từ chối tiếp nhận\"]\ncounted = false",
        "names = [\"Không được tiếp nhận\", \"Từ chối tiếp nhận\"]\ncounted = true",
    );
    assert_ne!(edited, chiso::core::rules::DEFAULT_RULES);
    let rules = chiso::core::rules::RuleSet::from_toml(&edited).unwrap();
    let book = common::fixture_book("real/danh-sach-ho-so-mot-cua.xlsx");
    let analysis = analyse(&[(&book, Choice::default())], &rules, &Focus::default(), &Typed::new());
    assert_eq!(c(unit(&analysis, "UBND xã An Bình"), "ON_TIME"), counted(4.0, 7.0, 11.43));
}

/// A unit sheet loaded alongside a report: one unit, each figure from the first source that has
/// it (the unit figures before the report, the reference's order). Sở Tư pháp's PAY_DOSSIERS
/// 30/40 → 6 × 0,75 = 4,5 from the sheet, which the report lacks; its ON_TIME is the sheet's 1/2
/// → 10, not the report's 150/160 nor their sum 151/162, and the report's figure is kept beside
/// it as a disagreeing source.
#[test]
fn a_unit_sheet_alongside_fills_what_the_report_lacks() {
    let sheet = book_of(
        "so-lieu.xlsx",
        vec![
            vec![
                text("Đơn vị"),
                text("Hồ sơ thanh toán trực tuyến (tử số)"),
                text("Hồ sơ thanh toán trực tuyến (mẫu số)"),
                text("Hồ sơ đúng hạn, trong hạn (tử số)"),
                text("Hồ sơ đúng hạn, trong hạn (mẫu số)"),
            ],
            vec![text("Sở Tư pháp"), n(30.), n(40.), n(1.), n(2.)],
        ],
    );
    let analysis = analysed(&[common::fixture_book("real/bao-cao-06a.xlsx"), sheet]);
    let tu_phap: Vec<&UnitResult> = analysis.scores.units.iter().filter(|u| u.name == "Sở Tư pháp").collect();
    assert_eq!(tu_phap.len(), 1);
    assert_eq!(c(tu_phap[0], "PAY_DOSSIERS"), counted(30.0, 40.0, 4.5));
    assert_eq!(c(tu_phap[0], "ON_TIME"), counted(1.0, 2.0, 10.0));
    let origin = |code: &str| tu_phap[0].criterion(code).and_then(|c| c.origin.clone()).unwrap();
    assert_eq!(
        origin("PAY_DOSSIERS").label(chiso::core::model::lang::Lang::Vi),
        "bảng số liệu, bảng điểm «so-lieu.xlsx»"
    );
    let on_time = origin("ON_TIME");
    assert_eq!((on_time.source, on_time.file.as_str()), (SourceKind::Figures, "so-lieu.xlsx"));
    let others: Vec<_> =
        on_time.others.iter().map(|o| (o.source, o.file.as_str(), o.figure.numerator, o.figure.denominator)).collect();
    assert_eq!(others, [(SourceKind::Report, "bao-cao-06a.xlsx", Some(150.0), Some(160.0))]);
}

/// The register's other rendition (real-formats.md §3), three header rows and no merges kept
/// (as a streamed sheet has none): «Ngày, tháng, năm» › «Trả kết quả» › «Ngày nhận kết quả». No
/// unit column: the dossier codes' unit part groups them. Two dossiers: returned 05/11 for 06/11
/// (on time) and 09/11 for 07/11 (late) → 1/2 → 10.
#[test]
fn a_register_with_three_header_rows_and_no_unit_column() {
    let h = |cells: &[&str]| cells.iter().map(|s| text(s)).collect::<Vec<_>>();
    let book = book_of(
        "so-tiep-nhan.xlsx",
        vec![
            h(&["SỔ THEO DÕI HỒ SƠ"]),
            h(&[
                "STT",
                "Mã hồ sơ",
                "Nội dung hồ sơ",
                "Số lượng (bộ)",
                "Họ tên chủ hồ sơ",
                "Ngày, tháng, năm",
                "",
                "",
                "",
                "",
                "Ghi chú",
            ]),
            h(&["", "", "", "", "", "Nhận hồ sơ", "Hẹn trả kết quả", "Trả kết quả", "", "", ""]),
            h(&["", "", "", "", "", "", "", "Ngày nhận kết quả", "Bên giao (Ký tên)", "Bên nhận (Ký tên)", ""]),
            h(&[
                "1",
                "H56.07-261103-0001",
                "Đăng ký khai sinh",
                "1",
                "Lê Văn A",
                "03/11/2026",
                "06/11/2026",
                "05/11/2026",
                "",
                "",
                "",
            ]),
            h(&[
                "2",
                "H56.07-261104-0002",
                "Chứng thực",
                "1",
                "Lê Văn B",
                "04/11/2026",
                "07/11/2026",
                "09/11/2026",
                "",
                "",
                "",
            ]),
        ],
    );
    // Recognised on its own, as the streaming reader recognises a sheet.
    let found = find_header(&book.sheets[0], Certainty::Detect).expect("a dossier header");
    assert_eq!(found.header_row, 3);
    let fields: Vec<_> = found.fields.iter().flatten().copied().collect();
    assert_eq!(fields, vec![Field::Id, Field::Procedure, Field::Received, Field::Due, Field::Finished]);
    assert_eq!(found.headers[5], "Ngày, tháng, năm › Nhận hồ sơ");
    let analysis = as_dossiers(&book);
    assert!(analysis.errors.is_empty(), "{:?}", analysis.errors);
    let u = unit(&analysis, "H56.07");
    assert_eq!(c(u, "ON_TIME"), counted(1.0, 2.0, 10.0));
    assert_eq!(analysis.scores.units.len(), 1);
}

/// A one-stop export says its period above the header: 15/10 to 14/11 is the period counted,
/// not the month most of its dossiers fall in. Of three dossiers (14/10, 20/10, 10/11), the
/// first is outside; the other two are received and finished on time.
#[test]
fn the_period_an_export_states_is_the_period_counted() {
    let h = |cells: &[&str]| cells.iter().map(|s| text(s)).collect::<Vec<_>>();
    let book = book_of(
        "ho-so.xlsx",
        vec![
            h(&["DANH SÁCH HỒ SƠ"]),
            h(&["Từ ngày 15/10/2026 đến ngày 14/11/2026"]),
            h(&["Mã hồ sơ", "Đơn vị tiếp nhận", "Ngày nhận", "Ngày hẹn trả", "Ngày kết thúc xử lý"]),
            h(&["H1", "UBND xã A", "14/10/2026 08:00:00", "16/10/2026 17:00:00", "15/10/2026 09:00:00"]),
            h(&["H2", "UBND xã A", "20/10/2026 08:00:00", "22/10/2026 17:00:00", "21/10/2026 09:00:00"]),
            h(&["H3", "UBND xã A", "10/11/2026 08:00:00", "12/11/2026 17:00:00", "11/11/2026 09:00:00"]),
        ],
    );
    assert!(find_header(&book.sheets[0], Certainty::Detect).is_some());
    let analysis = as_dossiers(&book);
    assert_eq!(c(unit(&analysis, "UBND xã A"), "ON_TIME"), counted(2.0, 2.0, 20.0));
    let table = analysis.tables[0].dossiers.as_ref().unwrap();
    assert_eq!(table.tally.window.label(chiso::core::model::lang::Lang::Vi), "15/10/2026–14/11/2026");
}

/// A 06 «các cấp» report (real-formats.md §5): form code «Biểu số 06 /VPCP/KSTT», first column
/// «Lĩnh vực, công việc giải quyết theo cấp», group rows merged over the columns without a
/// numeral, a wrong STT. `rows` are the names under that column, each with received (online,
/// direct), done (early, on time, late) and pending (in time, late).
fn report_06(rows: &[(&str, [f64; 7])]) -> Workbook {
    let mut sheet = vec![
        header(&["Biểu số 06 /VPCP/KSTT"]),
        header(&["TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH TẠI UBND THỊ XÃ HÒA PHONG"]),
        header(&["Kỳ báo cáo: Tháng 11/2023"]),
        header(&["- Đơn vị báo cáo: UBND thị xã Hòa Phong"]),
        header(&[
            "STT",
            "Lĩnh vực, công việc giải quyết theo cấp",
            "Số hồ sơ nhận giải quyết",
            "",
            "",
            "Số hồ sơ đã giải quyết",
            "",
            "",
            "Số lượng hồ sơ đang giải quyết",
            "",
        ]),
        header(&[
            "",
            "",
            "Trực tuyến",
            "Trực tiếp, dịch vụ bưu chính",
            "Từ kỳ trước",
            "Trước hạn",
            "Đúng hạn",
            "Quá hạn",
            "Trong hạn",
            "Quá hạn",
        ]),
        header(&["(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)", "(8)", "(9)", "(10)"]),
        header(&["", "Sở ban ngành"]),
    ];
    for (i, (name, v)) in rows.iter().enumerate() {
        // STT numbering that is wrong (every row «1»), as one system prints it.
        let _ = i;
        sheet.push(vec![n(1.0), text(name), n(v[0]), n(v[1]), n(0.0), n(v[2]), n(v[3]), n(v[4]), n(v[5]), n(v[6])]);
    }
    book_of("bao-cao-06-cac-cap.xlsx", sheet)
}

/// Under «Lĩnh vực, công việc giải quyết theo cấp», rows named as units are units, under the
/// reporting unit (issue 27): Phòng Tư pháp received 10 (6 online, 4 direct), done 2 early, 6 on
/// time, 1 late, 1 pending in time → ON_TIME (2 + 6 + 1) / 10 → 18; online 6/10 ≥ 0,5 → 6.
/// UBND xã Hòa Phong 20 (5, 15), done 3 + 12 + 4, pending 1 late → 15/20 → 15; 5/20 → 6 × 0,5
/// = 3.
#[test]
fn a_06_whose_rows_are_units_gives_its_units() {
    let book = report_06(&[
        ("Phòng Tư pháp", [6.0, 4.0, 2.0, 6.0, 1.0, 1.0, 0.0]),
        ("UBND xã Hòa Phong", [5.0, 15.0, 3.0, 12.0, 4.0, 0.0, 1.0]),
    ]);
    let analysis = analysed(&[book]);
    let mut names: Vec<&str> = analysis.scores.units.iter().map(|u| u.name.as_str()).collect();
    names.sort();
    assert_eq!(names, ["Phòng Tư pháp", "UBND thị xã Hòa Phong", "UBND xã Hòa Phong"]);
    let tu_phap = unit(&analysis, "Phòng Tư pháp");
    assert_eq!(tu_phap.parent.as_deref(), Some("UBND thị xã Hòa Phong"));
    assert_eq!(c(tu_phap, "ON_TIME"), counted(9.0, 10.0, 18.0));
    assert_eq!(c(tu_phap, "ONLINE_DOSSIERS"), counted(6.0, 10.0, 6.0));
    let xa = unit(&analysis, "UBND xã Hòa Phong");
    assert_eq!(c(xa, "ON_TIME"), counted(15.0, 20.0, 15.0));
    assert_eq!(c(xa, "ONLINE_DOSSIERS"), counted(5.0, 20.0, 3.0));
    // The town is their whole, pooled: (9 + 15) / 30 → 16; unranked.
    let town = unit(&analysis, "UBND thị xã Hòa Phong");
    assert_eq!(c(town, "ON_TIME"), counted(24.0, 30.0, 16.0));
    // Pooled from rows of one report: that report is where the figure came from.
    let origin = town.criterion("ON_TIME").and_then(|c| c.origin.clone()).unwrap();
    assert_eq!((origin.source, origin.file.as_str()), (SourceKind::Report, "bao-cao-06-cac-cap.xlsx"));
    assert_eq!(analysis.scores.whole().map(|w| w.name.as_str()), Some("UBND thị xã Hòa Phong"));
    assert!(!analysis.issues.iter().any(|i| matches!(i.kind, IssueKind::MixedReportRows { .. })));
}

/// The same form whose rows are fields (Hộ tịch, Đất đai) is one unit, the reporting one:
/// (2 + 6 + 1 + 3 + 12 + 0) / 30 = 24/30 → 16.
#[test]
fn a_06_whose_rows_are_fields_gives_one_unit() {
    let book = report_06(&[
        ("Hộ tịch", [6.0, 4.0, 2.0, 6.0, 1.0, 1.0, 0.0]),
        ("Đất đai", [5.0, 15.0, 3.0, 12.0, 4.0, 0.0, 1.0]),
    ]);
    let analysis = analysed(&[book]);
    let names: Vec<&str> = analysis.scores.units.iter().map(|u| u.name.as_str()).collect();
    assert_eq!(names, ["UBND thị xã Hòa Phong"]);
    assert_eq!(c(unit(&analysis, "UBND thị xã Hòa Phong"), "ON_TIME"), counted(24.0, 30.0, 16.0));
}

/// A mix of unit and field rows is said, read the way most rows are, and read as the user says.
#[test]
fn a_06_that_mixes_units_and_fields_asks() {
    let book = report_06(&[
        ("Phòng Tư pháp", [6.0, 4.0, 2.0, 6.0, 1.0, 1.0, 0.0]),
        ("UBND xã Hòa Phong", [5.0, 15.0, 3.0, 12.0, 4.0, 0.0, 1.0]),
        ("Chứng thực", [1.0, 1.0, 0.0, 2.0, 0.0, 0.0, 0.0]),
    ]);
    let analysis = analysed(std::slice::from_ref(&book));
    let mixed = analysis.issues.iter().find(|i| matches!(i.kind, IssueKind::MixedReportRows { .. })).unwrap();
    let text = mixed.message(chiso::core::model::lang::Lang::Vi);
    assert!(text.contains("2 dòng là tên đơn vị") && text.contains("1 dòng giống tên lĩnh vực"), "{text}");
    assert!(text.contains("«Các dòng của báo cáo là»"), "{text}");
    assert_eq!(analysis.scores.units.len(), 4, "read as units: three rows and their whole");
    let choice = Choice { report_rows: Some(chiso::core::figures::settlement::Layout::PerField), ..Choice::default() };
    let as_fields = analyse(&[(&book, choice)], &common::rules(), &Focus::default(), &Typed::new());
    // One unit: (9 + 15 + 2) / 32 → 20 × 0,8125 = 16,25.
    assert_eq!(c(unit(&as_fields, "UBND thị xã Hòa Phong"), "ON_TIME"), counted(26.0, 32.0, 16.25));
}

/// Other systems' renditions (real-formats.md §5): «TT», «Đơn vị giải quyết TTHC», «Tiếp nhận» ›
/// «Kỳ trước chuyển sang» · «Trong kỳ» › («Tổng số» · «Trực tuyến» · «Trực tiếp» · «BCCI»),
/// «Đã xử lý» › «Trước hạn» · «Trong hạn» (on time) · «Quá hạn» · «Quá hạn (đã có thư xin lỗi)»,
/// «Đang xử lý» › «Trong hạn» · «Quá hạn», «Tạm dừng xử lý», column numbers 1 … without
/// brackets, a total «TỔNG SỐ» in the first column.
///
/// UBND xã A: carried 2, in the period 20 (8 online, 10 in person, 2 by post); done 4 early, 12
/// in time, 2 late (1 of them with a letter of apology); pending 3 in time, 1 late.
/// ON_TIME (4 + 12 + 3) / 22 → 20 × 0,863636 = 17,27; ONLINE 8 / 20 = 0,4 → 6 × 0,8 = 4,8.
#[test]
fn the_766_progress_table_of_another_system() {
    let book = book_of(
        "theo-doi-tien-do.xlsx",
        vec![
            header(&["THEO DÕI TIẾN ĐỘ GIẢI QUYẾT - THEO QUYẾT ĐỊNH SỐ 766/QĐ-TTG"]),
            header(&["(Từ ngày 01/11/2026 đến ngày 30/11/2026)"]),
            header(&[
                "TT",
                "Đơn vị giải quyết TTHC",
                "Tiếp nhận",
                "",
                "",
                "",
                "",
                "",
                "Đã xử lý",
                "",
                "",
                "",
                "",
                "Đang xử lý",
                "",
                "",
                "Tạm dừng xử lý",
            ]),
            header(&[
                "",
                "",
                "Tổng số",
                "Kỳ trước chuyển sang",
                "Trong kỳ",
                "",
                "",
                "",
                "Tổng số",
                "Trước hạn",
                "Trong hạn",
                "Quá hạn",
                "Quá hạn (đã có thư xin lỗi)",
                "Tổng số",
                "Trong hạn",
                "Quá hạn",
                "",
            ]),
            header(&["", "", "", "", "Tổng số", "Trực tuyến", "Trực tiếp", "BCCI", "", "", "", "", "", "", "", "", ""]),
            header(&["1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14", "15", "16", "17"]),
            vec![
                n(1.),
                text("UBND xã A"),
                n(22.),
                n(2.),
                n(20.),
                n(8.),
                n(10.),
                n(2.),
                n(18.),
                n(4.),
                n(12.),
                n(2.),
                n(1.),
                n(4.),
                n(3.),
                n(1.),
                n(0.),
            ],
            vec![
                text("TỔNG SỐ"),
                Cell::Empty,
                n(22.),
                n(2.),
                n(20.),
                n(8.),
                n(10.),
                n(2.),
                n(18.),
                n(4.),
                n(12.),
                n(2.),
                n(1.),
                n(4.),
                n(3.),
                n(1.),
                n(0.),
            ],
        ],
    );
    let analysis = analysed(&[book]);
    assert!(analysis.errors.is_empty(), "{:?}", analysis.errors);
    let a = unit(&analysis, "UBND xã A");
    assert_eq!(c(a, "ON_TIME"), counted(19.0, 22.0, 17.27));
    assert_eq!(c(a, "ONLINE_DOSSIERS"), counted(8.0, 20.0, 4.8));
    assert_eq!((tracked(a, "RECEIVED"), tracked(a, "COMPLETED")), (Some(20.0), Some(18.0)));
    let disagreements = analysis
        .issues
        .iter()
        .filter(|i| matches!(i.kind, IssueKind::PartsDisagree { .. } | IssueKind::TotalDisagrees { .. }))
        .count();
    assert_eq!(disagreements, 0, "{:?}", analysis.issues);
}

/// A city's unit summary (real-formats.md §5): «Đơn vị giải quyết TTHC», received in person, online
/// and by post, one merged «Đúng và trước hạn», «Quá hạn»; no carried-over column. Received 50
/// (30 online, 15 in person, 5 by post); done 40 on time or early, 4 late; pending 5 in time, 1
/// late → ON_TIME (40 + 5) / 50 → 18; ONLINE 30/50 → 6.
#[test]
fn one_merged_on_time_and_early_column() {
    let book = book_of(
        "tong-hop-don-vi.xlsx",
        vec![
            header(&[
                "STT",
                "Đơn vị giải quyết TTHC",
                "Tiếp nhận",
                "",
                "",
                "",
                "Đã giải quyết",
                "",
                "",
                "Đang giải quyết",
                "",
                "",
            ]),
            header(&[
                "",
                "",
                "Tổng số",
                "Trực tiếp",
                "Trực tuyến",
                "Qua BCCI",
                "Tổng số",
                "Đúng và trước hạn",
                "Quá hạn",
                "Tổng số",
                "Trong hạn",
                "Quá hạn",
            ]),
            vec![n(1.), text("Sở Tư pháp"), n(50.), n(15.), n(30.), n(5.), n(44.), n(40.), n(4.), n(6.), n(5.), n(1.)],
        ],
    );
    let analysis = analysed(&[book]);
    let s = unit(&analysis, "Sở Tư pháp");
    assert_eq!(c(s, "ON_TIME"), counted(45.0, 50.0, 18.0));
    assert_eq!(c(s, "ONLINE_DOSSIERS"), counted(30.0, 50.0, 6.0));
    assert!(
        !analysis.issues.iter().any(|i| matches!(i.kind, IssueKind::PartsDisagree { .. })),
        "{:?}",
        analysis.issues
    );
}

/// «Excel means HTML» (real-formats.md §5): a one-stop system saves a title table, then the 06a per
/// unit as an HTML `<table>` named .xls — «STT» · «Đơn vị» · «Số hồ sơ nhận giải quyết» › … with
/// colspan and rowspan, no column-number row, counts with a dot thousands separator, a total
/// «Tổng số». Sở Tư pháp: received 1.234 (1.000 online, 200 in person, 34 carried over), done 1.100
/// (100 early, 950 on time, 50 late), pending 134 (120 in time, 14 late) → ON_TIME (100 + 950 +
/// 120) / 1.234 = 0,948136 → 18,96; online 1.000 / 1.200 → 6.
#[test]
fn a_report_saved_as_html_named_xls() {
    let html = r#"<html><body>
<table><tr><td colspan="13">CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</td></tr>
<tr><td colspan="13">TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH</td></tr>
<tr><td colspan="13">(Từ ngày 01/11/2026 đến ngày 30/11/2026 )</td></tr></table>
<table>
<tr><td rowspan="3">STT</td><td rowspan="3">Đơn vị</td><td colspan="4">Số hồ sơ nhận giải quyết</td><td colspan="4">Số hồ sơ đã giải quyết</td><td colspan="3">Số hồ sơ đang giải quyết</td></tr>
<tr><td rowspan="2">Tổng số</td><td colspan="2">Trong đó</td><td rowspan="2">Từ kỳ trước</td><td rowspan="2">Tổng số</td><td rowspan="2">Trước hạn</td><td rowspan="2">Đúng hạn</td><td rowspan="2">Quá hạn</td><td rowspan="2">Tổng số</td><td rowspan="2">Trong hạn</td><td rowspan="2">Quá hạn</td></tr>
<tr><td>Trực tuyến</td><td>Trực tiếp, dịch vụ bưu chính</td></tr>
<tr><td>1</td><td>Sở Tư pháp</td><td>1.234</td><td>1.000</td><td>200</td><td>34</td><td>1.100</td><td>100</td><td>950</td><td>50</td><td>134</td><td>120</td><td>14</td></tr>
<tr><td colspan="2">Tổng số</td><td>1.234</td><td>1.000</td><td>200</td><td>34</td><td>1.100</td><td>100</td><td>950</td><td>50</td><td>134</td><td>120</td><td>14</td></tr>
</table></body></html>"#;
    let book = chiso::core::read::read_file("bao-cao-06a.xls", html.as_bytes()).unwrap().workbook;
    let analysis = analysed(&[book]);
    assert!(analysis.errors.is_empty(), "{:?}", analysis.errors);
    let s = unit(&analysis, "Sở Tư pháp");
    assert_eq!(c(s, "ON_TIME"), counted(1170.0, 1234.0, 18.96));
    assert_eq!(c(s, "ONLINE_DOSSIERS"), counted(1000.0, 1200.0, 6.0));
    assert_eq!(analysis.period, Some(Period::Month { year: 2026, month: 11 }));
}
