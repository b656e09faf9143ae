//! The dossier-list self-check on a hand-worked fixture: 44 dossiers of three communes, as CSV,
//! xlsx (dates as date cells, bare serials and text; yes/no in every form) and ods. Every
//! expected figure below was counted by hand from tests/fixtures/dossiers/so-ho-so.csv (and
//! checked by a separate script); scores follow the reference's formulas.
//!
//! The period is November 2026 (its last moment 30/11/2026 23:59:59). The latest moment the list
//! records is B13's completion, 26/11/2026 15:00: open dossiers due after it can still be saved.

mod common;

use chiso::core::analysis::{analyse, Choice, Focus};
use chiso::core::dossier::book::{Book, Streamed};
use chiso::core::dossier::reasons::Reason;
use chiso::core::dossier::recover::recover;
use chiso::core::dossier::tally::shortfalls;
use chiso::core::dossier::units::Typed;
use chiso::core::figures::dossier_issues::Assumed;
use chiso::core::figures::sources::SourceKind;
use chiso::core::figures::{Figure, IssueKind, TableError, TableKind};
use chiso::core::model::message::Message;
use chiso::core::model::window::Window;
use chiso::core::read::{read_file, Limits};
use chiso::core::rules::RuleSet;
use chiso::core::scoring::UnitResult;

const A: &str = "UBND xã An Bình";
const B: &str = "UBND xã Bình Minh";
const C: &str = "UBND phường Cát Lợi";

/// A fixture read as the app and the CLI read it: a dossier list streamed into records.
fn book(name: &str) -> Book {
    streamed(name, &common::fixture_bytes(&format!("dossiers/{name}")))
}

fn streamed(name: &str, bytes: &[u8]) -> Book {
    chiso::core::dossier::book::read(name, bytes, &Limits::default(), &mut |_| {})
        .unwrap_or_else(|e| panic!("{name}: {e:?}"))
        .0
}

fn unit<'a>(units: &'a [UnitResult], name: &str) -> &'a UnitResult {
    units.iter().find(|u| u.name == name).unwrap_or_else(|| panic!("{name} not scored"))
}

/// (numerator, denominator, score) of a criterion.
fn c(u: &UnitResult, code: &str) -> (Option<f64>, Option<f64>, Option<f64>) {
    let r = u.criterion(code).unwrap();
    (r.numerator, r.denominator, r.score)
}

fn counted(n: f64, d: f64, score: f64) -> (Option<f64>, Option<f64>, Option<f64>) {
    (Some(n), Some(d), Some(score))
}

/// (before, after, undated) of each "outside the period" message.
fn outside(analysis: &chiso::core::analysis::Analysis) -> Vec<(usize, usize, usize)> {
    analysis
        .issues
        .iter()
        .filter_map(|i| match &i.kind {
            IssueKind::OutsidePeriod { before, after, undated, .. } => Some((*before, *after, *undated)),
            _ => None,
        })
        .collect()
}

fn check_fixture(file: &str) {
    let rules = RuleSet::default_rules().unwrap();
    let wb = book(file);
    // Streamed into records: the cells kept are the title, the header and the preview.
    let list = wb.list(0).unwrap_or_else(|| panic!("{file}: not read as a dossier list"));
    assert_eq!(list.dossiers.len(), 44, "{file}");
    let analysis = analyse(&[(&wb, Choice::default())], &rules, &Focus::default(), &Typed::default());
    assert!(analysis.errors.is_empty(), "{file}: {:?}", analysis.errors);
    assert_eq!(
        analysis.period.as_ref().map(|p| p.label(chiso::core::model::lang::Lang::Vi)).as_deref(),
        Some("11/2026"),
        "{file}"
    );
    let units = &analysis.scores.units;
    assert_eq!(units.len(), 3, "{file}");

    // UBND xã An Bình: A01–A16 in November (A17 was received on 31/10).
    // Late: A02 (finished 17:01, due 17:00), A04 (open, due 20/11, past), A13 (due 20/11,
    // finished 23/11). A01 finished on its due day (a due date without a time is the whole day);
    // A03 is open and due 03/12, after the period. On time 13/16 → 20 × 13/16 = 16.25.
    let a = unit(units, A);
    assert_eq!(c(a, "ON_TIME"), counted(13.0, 16.0, 16.25), "{file}");
    // Not synced: A04, A09. 14/16 → 6 × 0.875 = 5.25.
    assert_eq!(c(a, "DOSSIER_SYNC"), counted(14.0, 16.0, 5.25), "{file}");
    // Online: A01 A03 A05 A06 A09 A12 A14 A16 = 8/16 = 50 %, the target → 6.
    assert_eq!(c(a, "ONLINE_DOSSIERS"), counted(8.0, 16.0, 6.0), "{file}");
    // With a fee: A02 A05 A06 A08 A09 A12 A13 A14 = 8; paid offline A02 A08 A13 → 5/8 → 3.75.
    assert_eq!(c(a, "PAY_DOSSIERS"), counted(5.0, 8.0, 3.75), "{file}");
    // Satisfied: the 13 on time less A06 (not satisfied) and A08 (petition) = 11/16; target 90 %:
    // 6 × (11/16)/0.9 = 4.583… → 4.58.
    assert_eq!(c(a, "DOSSIER_RECEIVING_SATISFACTION"), counted(11.0, 16.0, 4.58), "{file}");
    // Electronic result missing on A03 A04 A15 → 13/16 → 4.875 → 4.88 (half away from zero).
    assert_eq!(c(a, "ORIGINAL_RESULT_AVAILABLE"), counted(13.0, 16.0, 4.88), "{file}");
    // Digitised: all but A04 A07 A13 → 13/16 × 4 = 3.25.
    assert_eq!(c(a, "SO_HOA_GIAY_TO_GIAI_QUYET"), counted(13.0, 16.0, 3.25), "{file}");
    // Reused: all but A02 A04 A07 A10 A13 → 11/16; target 80 %: 2 × 0.6875/0.8 = 1.71875 → 1.72.
    assert_eq!(c(a, "REUSED_DIGITIZED_DATA"), counted(11.0, 16.0, 1.72), "{file}");
    // Personal store: A01 A03 A06 A08 A09 A11 A14 A16 → 8/16 × 4 = 2.
    assert_eq!(c(a, "SYNCED_WITH_DVCQG_PERSONAL_STORAGE"), counted(8.0, 16.0, 2.0), "{file}");
    // Population data: all but A07 A13 → 14/16 × 2 = 1.75.
    assert_eq!(c(a, "CITIZEN_DATA_CONNECTED_DOSSIER"), counted(14.0, 16.0, 1.75), "{file}");
    // Procedures with an online dossier: KS, CT, HT (no online KH). Its denominator is a
    // procedure count: not in a dossier list, so no score without a unit sheet.
    let has_online = a.criterion("HAS_ONLINE").unwrap();
    assert_eq!((has_online.numerator, has_online.denominator, has_online.score), (Some(3.0), None, None), "{file}");
    assert_eq!(a.tracked.get("RECEIVED").and_then(|f| f.numerator), Some(16.0), "{file}");
    // Completed: all but A03 A04 = 14.
    assert_eq!(a.tracked.get("COMPLETED").and_then(|f| f.numerator), Some(14.0), "{file}");
    // Online and on time: all 8 online dossiers.
    assert_eq!(
        a.tracked.get("ONLINE_ON_TIME"),
        Some(&Figure { numerator: Some(8.0), denominator: Some(8.0), rate: None }),
        "{file}"
    );
    // Days from receipt to completion, summed over the 14 finished (hours as fractions):
    // A01 8d 8h30, A02 9d 8h01, A05 3, A06 2d 2h30, A07 2, A08 2, A09 3, A10 4, A11 3, A12 1,
    // A13 5, A14 1, A15 4, A16 2 = 49 days + 19h01 = 49.7924 days; / 14 = 3.5566 days.
    let avg = a.tracked.get("AVG_DAYS").and_then(|f| f.numerator).unwrap();
    assert!((avg - (49.0 + (8.5 + 8.0 + 1.0 / 60.0 + 2.5) / 24.0) / 14.0).abs() < 1e-9, "{file}: {avg}");

    // UBND xã Bình Minh: B01–B14. Late: B01 (online, finished 09:00 the day after its 17:00
    // deadline), B07 (open, due 12/11), B11 (open, due 28/11, before the period ends). B14 is
    // open and due 30/11, the last day: not late. 11/14 → 15.714… → 15.71.
    let b = unit(units, B);
    assert_eq!(c(b, "ON_TIME"), counted(11.0, 14.0, 15.71), "{file}");
    // Satisfied: 11 on time less B05 (not satisfied) and B08 (petition) = 9/14 → 6 × 0.6429/0.9 = 4.29.
    assert_eq!(c(b, "DOSSIER_RECEIVING_SATISFACTION"), counted(9.0, 14.0, 4.29), "{file}");
    // Fee: B02 B03 B04 B07 B09 B12 B13 = 7; paid online B04 B09 B13 = 3/7 → 2.571… → 2.57.
    assert_eq!(c(b, "PAY_DOSSIERS"), counted(3.0, 7.0, 2.57), "{file}");
    // Online B01 B04 B06 B09 B13 B14 = 6/14 = 42.86 % of the 50 % target → 5.142… → 5.14.
    assert_eq!(c(b, "ONLINE_DOSSIERS"), counted(6.0, 14.0, 5.14), "{file}");
    assert_eq!(
        b.tracked.get("ONLINE_ON_TIME"),
        Some(&Figure { numerator: Some(5.0), denominator: Some(6.0), rate: None }),
        "{file}"
    );

    // UBND phường Cát Lợi: C01–C12. Late: C04 (due 09/11, finished 10/11) and C12 (open, due
    // 27/11). 10/12 → 16.666… → 16.67. Fee C03 C04 C05 C08 C09 C11, paid offline C04 → 5/6 → 5.
    let cc = unit(units, C);
    assert_eq!(c(cc, "ON_TIME"), counted(10.0, 12.0, 16.67), "{file}");
    assert_eq!(c(cc, "PAY_DOSSIERS"), counted(5.0, 6.0, 5.0), "{file}");
    // Satisfied: 10 on time; C04 is late, not satisfied and petitioned at once (counted once).
    assert_eq!(c(cc, "DOSSIER_RECEIVING_SATISFACTION"), counted(10.0, 12.0, 5.56), "{file}");
    assert_eq!(c(cc, "DOSSIER_SYNC"), counted(12.0, 12.0, 6.0), "{file}");

    // The two October dossiers are reported, not silently dropped.
    let outside = outside(&analysis);
    assert_eq!(outside, vec![(2, 0, 0)], "{file}");
    // Nothing else to complain about in a clean file, but the one rule it has no column for: the
    // population-data rate without «Tài khoản định danh VNeID», said once.
    assert_eq!(analysis.issues.len(), 2, "{file}: {:?}", analysis.issues);
    assert!(matches!(analysis.issues[0].kind, IssueKind::RuleAssumed(Assumed::NoVneid)), "{file}");
}

#[test]
fn the_fixture_as_csv() {
    check_fixture("so-ho-so.csv");
}

#[test]
fn the_fixture_as_xlsx_with_every_cell_form() {
    check_fixture("so-ho-so.xlsx");
}

#[test]
fn the_fixture_as_ods() {
    check_fixture("so-ho-so.ods");
}

#[test]
fn drill_down_names_the_dossiers_and_why() {
    let rules = RuleSet::default_rules().unwrap();
    let wb = book("so-ho-so.csv");
    let analysis = analyse(&[(&wb, Choice::default())], &rules, &Focus::default(), &Typed::default());
    let table = analysis.tables[0].dossiers.as_ref().unwrap();
    let on_time = &rules.criterion("ON_TIME").unwrap().dossiers;
    let b = table.unit_index(B).unwrap();
    let late: Vec<(String, Vec<Reason>)> =
        shortfalls(&table.list, &table.tally, b, on_time).into_iter().map(|(d, r)| (d.id.clone(), r)).collect();
    // B01: deadline 05/11 17:00, finished 06/11 09:00: 16 hours late. B07: due 12/11 (the whole
    // day), still open at 30/11 23:59:59: 18 days. B11: due 28/11, after the list's last moment.
    let due = chrono::NaiveDate::from_ymd_opt(2026, 11, 28).unwrap().and_hms_opt(0, 0, 0).unwrap();
    assert_eq!(
        late,
        vec![
            ("B01".to_string(), vec![Reason::FinishedLate { minutes: 16 * 60 }]),
            ("B07".to_string(), vec![Reason::Overdue { days: 18 }]),
            ("B11".to_string(), vec![Reason::DueBeforePeriodEnd { due }]),
        ]
    );
    assert_eq!(late[0].1[0].text(chiso::core::model::lang::Lang::Vi), "Hoàn thành quá hạn 16 giờ");
    assert_eq!(late[1].1[0].text(chiso::core::model::lang::Lang::Vi), "Chưa giải quyết, quá hạn 18 ngày");
    assert!(late[2].1[0].fixable() && !late[1].1[0].fixable());

    // Satisfaction for Cát Lợi: C04 on three counts, C12 for being due before the period ends.
    let c = table.unit_index(C).unwrap();
    let satisfied = &rules.criterion("DOSSIER_RECEIVING_SATISFACTION").unwrap().dossiers;
    let short = shortfalls(&table.list, &table.tally, c, satisfied);
    assert_eq!(short.len(), 2);
    assert_eq!((short[0].0.id.as_str(), short[0].1.len()), ("C04", 3));
    assert_eq!(short[1].0.id.as_str(), "C12");

    // Payment for An Bình: A02, A08, A13 paid offline, all fixable. 5/8 → 8/8: 3.75 → 6, +2.25.
    let a = table.unit_index(A).unwrap();
    let pay = rules.criterion("PAY_DOSSIERS").unwrap();
    let short = shortfalls(&table.list, &table.tally, a, &pay.dossiers);
    let ids: Vec<&str> = short.iter().map(|(d, _)| d.id.as_str()).collect();
    assert_eq!(ids, ["A02", "A08", "A13"]);
    let r = recover(pay, &Figure { numerator: Some(5.0), denominator: Some(8.0), rate: None }, 3, 3).unwrap();
    assert_eq!((r.needed, r.gain), (3, 2.25));
}

/// The drill-down as the screen asks for it: sorted, turned round, filtered without diacritics;
/// the criteria it offers; the summary and each unit's line above it.
#[test]
fn the_drill_down_sorts_and_filters() {
    use chiso::core::dossier::drill::{drill, drillable, DrillKey, DrillSort};
    use chiso::core::model::lang::Lang;
    let rules = RuleSet::default_rules().unwrap();
    let wb = book("so-ho-so.csv");
    let analysis = analyse(&[(&wb, Choice::default())], &rules, &Focus::default(), &Typed::default());
    let table = analysis.tables[0].dossiers.as_ref().unwrap();
    let b = table.unit_index(B).unwrap();
    let on_time = rules.criterion("ON_TIME").unwrap();
    let ids = |filter: &str, sort: DrillSort| -> Vec<String> {
        drill(table, b, on_time, filter, sort, Lang::Vi).iter().map(|r| r.dossier.id.clone()).collect()
    };
    assert_eq!(ids("", DrillSort::default()), ["B01", "B07", "B11"]);
    // Due 05/11, 12/11, 28/11: latest first after a second click.
    let due = DrillSort::default().choose(DrillKey::Due).choose(DrillKey::Due);
    assert_eq!(ids("", due), ["B11", "B07", "B01"]);
    assert_eq!(ids("qua han 18", due), ["B07"]);
    assert_eq!(ids("B0", DrillSort::default()), ["B01", "B07"], "by the dossier's number");
    let rows = drill(table, b, on_time, "", DrillSort::default(), Lang::Vi);
    assert_eq!((rows[0].reasons.as_str(), rows[0].fixable), ("Hoàn thành quá hạn 16 giờ", false));
    assert!(rows[2].fixable);

    let codes: Vec<&str> = drillable(&rules, table).iter().map(|c| c.code.as_str()).collect();
    assert!(codes.contains(&"ON_TIME") && codes.contains(&"PAY_DOSSIERS"));
    assert!(!codes.contains(&"HAS_ONLINE"), "a procedure count names no dossier");

    // 44 rows; in November 16 + 14 + 12 = 42.
    assert_eq!(
        table.summary("so-ho-so.csv", Lang::Vi),
        "so-ho-so.csv: 44 hồ sơ, 42 hồ sơ tiếp nhận trong kỳ 11/2026, 3 đơn vị."
    );
    let lines = table.unit_lines();
    let an = lines.iter().find(|u| u.name == A).unwrap();
    assert_eq!((an.received, an.completed, an.on_time_text().as_deref()), (16.0, Some(14.0), Some("13 (81,25 %)")));
    assert_eq!(
        chiso::core::report::fix_list::file_name(table, Some(C)),
        "ho-so-can-xu-ly-ubnd-phuong-cat-loi-2026-11.xlsx"
    );
    assert_eq!(chiso::core::report::fix_list::file_name(table, None), "ho-so-can-xu-ly-tat-ca-don-vi-2026-11.xlsx");
}

#[test]
fn another_window_counts_other_dossiers() {
    let rules = RuleSet::default_rules().unwrap();
    let wb = book("so-ho-so.csv");
    // October holds A17 and B15 only; both on time.
    let choice = Choice { window: Some(Window::month(2026, 10)), ..Choice::default() };
    let analysis = analyse(&[(&wb, choice)], &rules, &Focus::default(), &Typed::default());
    let a = unit(&analysis.scores.units, A);
    assert_eq!(c(a, "ON_TIME"), counted(1.0, 1.0, 20.0));
    let outside = outside(&analysis);
    assert_eq!(outside, vec![(0, 42, 0)]);
    // A custom range: 1–15 November. An Bình received A01–A12 then (A12 on 17/11 is out: A01–A11).
    let days = Window::Days {
        from: chrono::NaiveDate::from_ymd_opt(2026, 11, 1).unwrap(),
        to: chrono::NaiveDate::from_ymd_opt(2026, 11, 15).unwrap(),
    };
    let choice = Choice { window: Some(days), ..Choice::default() };
    let analysis = analyse(&[(&wb, choice)], &rules, &Focus::default(), &Typed::default());
    let a = unit(&analysis.scores.units, A);
    // A01–A10 received by 15/11 (A11 on 16/11). The period now ends 15/11 23:59:59: A03 (received
    // 25/11) is out; A04 (open, due 20/11) is not yet due then, so on time; A02 is still late.
    assert_eq!(a.tracked.get("RECEIVED").and_then(|f| f.numerator), Some(9.0));
    assert_eq!(c(a, "ON_TIME"), counted(8.0, 9.0, 17.78));
}

#[test]
fn procedure_figures_from_a_unit_sheet_typed_or_the_province() {
    let rules = RuleSet::default_rules().unwrap();
    let dossiers = book("so-ho-so.csv");
    // A unit sheet for November: the province row and An Bình's procedure-level figures.
    let sheet_csv = "Đơn vị,Đơn vị cấp trên,Kỳ,DVC có hồ sơ trực tuyến (mẫu số),TTHC có giao dịch thanh toán trực tuyến (tử số),TTHC có giao dịch thanh toán trực tuyến (mẫu số),TTHC công bố đúng hạn (tử số),TTHC công bố đúng hạn (mẫu số),Hồ sơ đồng bộ lên Cổng DVCQG (tử số),Hồ sơ đồng bộ lên Cổng DVCQG (mẫu số)\n\
UBND tỉnh Hòa Sơn,,11/2026,,,,74,79,,\n\
UBND xã An Bình,UBND tỉnh Hòa Sơn,11/2026,10,2,8,,,1,1\n";
    let sheet = streamed("so-lieu-don-vi.csv", sheet_csv.as_bytes());
    let mut typed = Typed::default();
    typed.insert(
        "ubnd xa binh minh".into(),
        [("HAS_ONLINE".to_string(), Figure { numerator: None, denominator: Some(4.0), rate: None })].into(),
    );
    let analysis =
        analyse(&[(&dossiers, Choice::default()), (&sheet, Choice::default())], &rules, &Focus::default(), &typed);
    let units = &analysis.scores.units;
    // An Bình's sheet row is taken over by its dossier unit: scored once, with its parent.
    assert_eq!(units.iter().filter(|u| u.name == A).count(), 1);
    let a = unit(units, A);
    assert_eq!(a.parent.as_deref(), Some("UBND tỉnh Hòa Sơn"));
    // HAS_ONLINE: 3 procedures counted from dossiers over 10 from the sheet → 4 × 0.3 = 1.2.
    assert_eq!(c(a, "HAS_ONLINE"), counted(3.0, 10.0, 1.2));
    // PAY_FORMALITIES from the sheet: 2/8 = 25 % of the 80 % target → 2 × 0.3125 = 0.63 (0.625 up).
    assert_eq!(c(a, "PAY_FORMALITIES"), counted(2.0, 8.0, 0.63));
    // The sheet's 1/1 (the portal's figure) comes before the dossiers' own 14/16 → 6 × 14/16
    // = 5,25, which is kept beside it as a disagreeing source.
    assert_eq!(c(a, "DOSSIER_SYNC"), counted(1.0, 1.0, 6.0));
    let origin = |u: &UnitResult, code: &str| u.criterion(code).and_then(|c| c.origin.clone()).unwrap();
    let sync = origin(a, "DOSSIER_SYNC");
    assert_eq!(sync.source, SourceKind::Figures);
    assert_eq!(
        sync.others.iter().map(|o| (o.source, o.figure.numerator, o.figure.denominator)).collect::<Vec<_>>(),
        [(SourceKind::Dossiers, Some(14.0), Some(16.0))]
    );
    // PUBLISH_ON_TIME, a province figure: 74/79 → 6 × 0.93671 = 5.62.
    assert_eq!(c(a, "PUBLISH_ON_TIME"), counted(74.0, 79.0, 5.62));
    // Bình Minh: HAS_ONLINE typed (4 procedures); 2 of them online (KS, CT) → 4 × 0.5 = 2.
    let b = unit(units, B);
    assert_eq!(c(b, "HAS_ONLINE"), counted(2.0, 4.0, 2.0));
    // …and the province's publication figure, inherited.
    assert_eq!(c(b, "PUBLISH_ON_TIME"), counted(74.0, 79.0, 5.62));
    // HAS_ONLINE's numerator counted from the dossiers, its denominator from the sheet.
    let has_online = origin(a, "HAS_ONLINE");
    let figure = a.criterion("HAS_ONLINE").unwrap().figure();
    assert_eq!((has_online.source, has_online.counted(&figure)), (SourceKind::Dossiers, (true, false)));
    assert_eq!(has_online.denominator, Some((SourceKind::Figures, "so-lieu-don-vi.csv".to_string())));
    let typed = origin(b, "HAS_ONLINE");
    assert_eq!(typed.denominator.map(|d| d.0), Some(SourceKind::Typed));
    let province = origin(b, "PUBLISH_ON_TIME");
    assert_eq!(province.via.as_deref(), Some("UBND tỉnh Hòa Sơn"));
    assert_eq!(
        province.label(chiso::core::model::lang::Lang::Vi),
        "bảng số liệu, bảng điểm «so-lieu-don-vi.csv» (dòng của UBND tỉnh Hòa Sơn)"
    );
}

#[test]
fn the_kind_can_be_overridden_both_ways() {
    let rules = RuleSet::default_rules().unwrap();
    // Two dossier columns only: not enough to be sure, so read as unit figures (which fails for
    // want of a criterion) until the user says it is a dossier list.
    let text =
        "Đơn vị,Ngày tiếp nhận,Kênh nộp\nUBND xã An Bình,02/11/2026,Trực tuyến\nUBND xã An Bình,03/11/2026,Trực tiếp\n";
    let wb = streamed("it.csv", text.as_bytes());
    assert!(wb.list(0).is_none());
    let auto = analyse(&[(&wb, Choice::default())], &rules, &Focus::default(), &Typed::default());
    assert!(auto.scores.units.is_empty());
    let told = Choice { kind: Some(TableKind::DossierList), ..Choice::default() };
    let analysis = analyse(&[(&wb, told)], &rules, &Focus::default(), &Typed::default());
    let a = unit(&analysis.scores.units, A);
    assert_eq!(c(a, "ONLINE_DOSSIERS"), counted(1.0, 2.0, 6.0));
    // A dossier list read as unit figures (its cells kept, as the app reads it again then) is
    // not tallied; its headers name no criterion, only a group («Thanh toán trực tuyến»), so the
    // user hears that it is not a table of unit figures.
    let limits = chiso::core::read::Limits { keep_dossier_cells: true, ..Default::default() };
    let path = common::fixture("dossiers/so-ho-so.csv");
    let wb = chiso::core::read::read_with("so-ho-so.csv", &std::fs::read(path).unwrap(), &limits, &mut |_| {})
        .unwrap()
        .workbook;
    assert!(wb.sheets[0].keeps_every_row() && wb.sheets[0].height() == 46);
    let as_units = Choice { kind: Some(TableKind::UnitFigures), ..Choice::default() };
    let analysis = analyse(&[(&wb, as_units)], &rules, &Focus::default(), &Typed::default());
    assert!(analysis.scores.units.is_empty());
    assert!(
        matches!(
            analysis.errors.as_slice(),
            [TableError::NotThatKind { said: TableKind::UnitFigures, found: TableKind::ScoreOnly, .. }]
        ),
        "{:?}",
        analysis.errors
    );
    assert!(analysis.errors[0]
        .message(chiso::core::model::lang::Lang::Vi)
        .contains("đã chọn đọc là «Số liệu đơn vị» nhưng tiêu đề các cột cho thấy đây là «Chỉ có điểm»"));
}

#[test]
fn the_action_list_ranks_what_can_still_be_won() {
    let rules = RuleSet::default_rules().unwrap();
    let wb = book("so-ho-so.csv");
    let analysis = analyse(&[(&wb, Choice::default())], &rules, &Focus::default(), &Typed::default());
    let table = analysis.tables[0].dossiers.as_ref().unwrap();
    let actions = chiso::core::dossier::actions::actions(table, &analysis.scores, &rules);
    let lines: Vec<(String, String, usize, f64)> =
        actions.iter().map(|a| (a.unit.clone(), a.code.clone(), a.recovery.needed, a.recovery.gain)).collect();
    // Worked by hand from the counts in `check_fixture`, each gain = score after − score now:
    let expected = [
        // Bình Minh pays online 3/7 (2.57); the four paid offline fixed → 7/7 = 6: +3.43.
        (B, "PAY_DOSSIERS", 4, 3.43),
        // An Bình 5/8 (3.75) → 8/8: +2.25.
        (A, "PAY_DOSSIERS", 3, 2.25),
        // Bình Minh synced 12/14 (5.14) → 14/14: +0.86; An Bình 14/16 (5.25) → 16/16: +0.75.
        // Bình Minh's electronic results 10/14 (4.29): B07 B11 B14 lack one, B05 too → 14/14: +1.71.
        (B, "ORIGINAL_RESULT_AVAILABLE", 4, 1.71),
        // Bình Minh's personal store 6/14 (1.71) → 14/14 = 4: +2.29.
        (B, "SYNCED_WITH_DVCQG_PERSONAL_STORAGE", 8, 2.29),
    ];
    for (unit, code, needed, gain) in expected {
        assert!(lines.contains(&(unit.to_string(), code.to_string(), needed, gain)), "{unit} {code}: {lines:?}");
    }
    // Ranked by gain: the first is Bình Minh's payment.
    assert_eq!((lines[0].0.as_str(), lines[0].1.as_str()), (B, "PAY_DOSSIERS"));
    assert!(lines.windows(2).all(|w| w[0].3 >= w[1].3));
    // Bình Minh's B11 can still be finished on time (due 28/11): ON_TIME 11/14 → 12/14, +1.43.
    assert!(lines.contains(&(B.to_string(), "ON_TIME".to_string(), 1, 1.43)), "{lines:?}");
    // An Bình's late dossiers (A02 finished late, A04 long overdue) cannot be saved: no action.
    assert!(!lines.iter().any(|l| l.0 == A && l.1 == "ON_TIME"));
    assert_eq!(
        actions[0].text(&rules, chiso::core::model::lang::Lang::Vi),
        "Thanh toán trực tuyến 4 hồ sơ còn lại: +3,43 điểm"
    );
}

#[test]
fn the_to_fix_workbook_lists_each_dossier_with_its_reason() {
    let rules = RuleSet::default_rules().unwrap();
    let wb = book("so-ho-so.csv");
    let analysis = analyse(&[(&wb, Choice::default())], &rules, &Focus::default(), &Typed::default());
    let table = analysis.tables[0].dossiers.as_ref().unwrap();
    let c = table.unit_index(C).unwrap();
    let bytes = chiso::core::report::fix_list::to_bytes(table, &[c], &analysis.scores, &rules, "so-ho-so.csv").unwrap();
    // Read back with chiso's own reader: a workbook like any other.
    let back = read_file("ho-so-can-xu-ly.xlsx", &bytes).unwrap().workbook;
    let sheet = &back.sheets[0];
    let cell = |r: usize, col: usize| sheet.cell(r, col).map(|x| x.display()).unwrap_or_default();
    assert_eq!(cell(2, 2), "Mã hồ sơ");
    // Cát Lợi's shortfalls, by criterion in rule order: ON_TIME C04, C12; ONLINE C04 C06 C09;
    // PAY C04; satisfaction C04 C12; electronic result C12; reused C04 C09; store C02 C04 C09;
    // 0 population, 0 digitised = 14 lines.
    let ids: Vec<String> = (3..sheet.height()).map(|r| cell(r, 2)).collect();
    assert_eq!(ids, ["C04", "C12", "C04", "C06", "C09", "C04", "C04", "C12", "C12", "C04", "C09", "C02", "C04", "C09"]);
    // C04 was due on 09/11 and finished on 10/11: a day late.
    assert_eq!(cell(3, 7), "Hoàn thành quá hạn 1 ngày");
    assert_eq!(cell(4, 8), "Có");
    assert_eq!(cell(4, 5), "27/11/2026");
}

/// A workbook of the old Mac date system (`date1904`), its dates stored as bare serials: 44866
/// is 2 November 2026 there (Excel's 1900 system would make it 1 November 2022).
#[test]
fn serials_of_a_1904_workbook() {
    use std::io::{Cursor, Read, Write};
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    for (c, h) in
        ["Mã hồ sơ", "Đơn vị", "Ngày tiếp nhận", "Ngày hẹn trả", "Ngày hoàn thành", "Kênh nộp"].iter().enumerate()
    {
        sheet.write_string(0, c as u16, *h).unwrap();
    }
    // Received 2/11 08:00, due 5/11, finished 6/11: a day late.
    for (c, v) in [(2, 44866.0 + 8.0 / 24.0), (3, 44869.0), (4, 44870.0)] {
        sheet.write_number(1, c, v).unwrap();
    }
    sheet.write_string(1, 0, "H1").unwrap();
    sheet.write_string(1, 1, A).unwrap();
    sheet.write_string(1, 5, "Trực tuyến").unwrap();
    let plain = book.save_to_buffer().unwrap();
    // Into the 1904 system: the same package with `date1904="1"` on its workbook properties.
    let mut archive = zip::ZipArchive::new(Cursor::new(plain)).unwrap();
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for i in 0..archive.len() {
        let mut entry = archive.by_index(i).unwrap();
        let name = entry.name().unwrap().into_owned();
        let mut data = Vec::new();
        entry.read_to_end(&mut data).unwrap();
        if name == "xl/workbook.xml" {
            let text = String::from_utf8(data).unwrap();
            assert!(text.contains("<workbookPr"));
            data = text.replacen("<workbookPr", "<workbookPr date1904=\"1\"", 1).into_bytes();
        }
        out.start_file(name, zip::write::SimpleFileOptions::default()).unwrap();
        out.write_all(&data).unwrap();
    }
    let bytes = out.finish().unwrap().into_inner();
    let wb = streamed("mac.xlsx", &bytes);
    assert!(wb.workbook.date1904);
    let list = wb.list(0).expect("a dossier list");
    let d = &list.dossiers[0];
    assert_eq!(d.received.map(|x| x.to_string()).as_deref(), Some("2026-11-02 08:00:00"));
    assert_eq!(d.finished.map(|x| x.to_string()).as_deref(), Some("2026-11-06 00:00:00"));
    let rules = RuleSet::default_rules().unwrap();
    let analysis = analyse(&[(&wb, Choice::default())], &rules, &Focus::default(), &Typed::default());
    assert_eq!(analysis.period.map(|p| p.label(chiso::core::model::lang::Lang::Vi)).as_deref(), Some("11/2026"));
    assert_eq!(c(unit(&analysis.scores.units, A), "ON_TIME"), counted(0.0, 1.0, 0.0));
}

/// A receipt year mistyped before 1900 (Excel has no such date) still lands in the to-fix
/// workbook, written as text.
#[test]
fn the_to_fix_workbook_keeps_dates_excel_cannot_hold() {
    let rules = RuleSet::default_rules().unwrap();
    let text = "Mã hồ sơ,Đơn vị,Ngày tiếp nhận,Ngày hẹn trả,Ngày hoàn thành,Đồng bộ DVCQG\nH1,UBND xã An Bình,02/11/2026,05/11/2026,01/01/1899,Không\nH2,UBND xã An Bình,03/11/2026,05/11/2026,04/11/2026,Có\n";
    let wb = read_file("ho-so.csv", text.as_bytes()).unwrap().workbook;
    let analysis = analyse(&[(&wb, Choice::default())], &rules, &Focus::default(), &Typed::default());
    let table = analysis.tables[0].dossiers.as_ref().unwrap();
    let bytes = chiso::core::report::fix_list::to_bytes(table, &[], &analysis.scores, &rules, "ho-so.csv").unwrap();
    let back = read_file("ho-so-can-xu-ly.xlsx", &bytes).unwrap().workbook;
    let sheet = &back.sheets[0];
    // H1 is short of DOSSIER_SYNC (not synced); its completion date stays as it was typed.
    assert_eq!(sheet.cell(3, 2).map(|c| c.display()).as_deref(), Some("H1"));
    assert_eq!(sheet.cell(3, 6).map(|c| c.display()).as_deref(), Some("01/01/1899 00:00"));
}

/// Per procedure, counted by hand from the fixture. «Chứng thực bản sao từ bản chính» of An Bình:
/// A02 A05 A06 A12 A13. Late A02 and A13 (3/5): with them on time An Bình's ON_TIME goes 13/16 →
/// 15/16, 16,25 → 18,75: +2,50. All five have a fee, A02 and A13 paid offline (3/5): PAY 5/8 →
/// 7/8, 3,75 → 5,25: +1,50. Online A05 A06 A12 (3/5), but An Bình is at the 50 % target: +0.
/// A13 not digitised (4/5): 13/16 → 14/16 × 4: +0,25. Satisfied A02 A05 (2/5): 8/16 → 11/16 of
/// the 90 % target, 3,33 → 4,58: +1,25. Reused A05 A06 A12: 11/16 → 13/16, past the 80 % target,
/// 1,72 → 2: +0,28. In the personal store A06 only: 8/16 → 12/16 × 4: +1. Population data all
/// but A13: 14/16 → 15/16 × 2, 1,75 → 1,88: +0,13. Synced and electronic results all: +0.
/// In all +6,91.
/// Every unit together: 14 such dossiers; late A02 A13 C04 (11/14): ON_TIME 34/42 → 37/42,
/// 16,19 → 17,62: +1,43; paid offline A02 A13 B02 B03 C04 (9/14): PAY 13/21 → 18/21 (61,90 % →
/// 85,71 %), 3,71 → 5,14: +1,43.
#[test]
fn the_procedures_that_cost_points() {
    use chiso::core::dossier::procedures::{procedures, ProcedureSort, Share};
    let rules = RuleSet::default_rules().unwrap();
    let wb = book("so-ho-so.csv");
    let analysis = analyse(&[(&wb, Choice::default())], &rules, &Focus::default(), &Typed::default());
    let table = analysis.tables[0].dossiers.as_ref().unwrap();
    const CT: &str = "2.000815 – Chứng thực bản sao từ bản chính";
    let column = |t: &chiso::core::dossier::procedures::ProcedureTable, code: &str| {
        t.criteria.iter().position(|c| c == code).unwrap_or_else(|| panic!("{code}"))
    };

    let an_binh = procedures(table, &analysis.scores, &rules, table.unit_index(A));
    let ct = an_binh.rows.iter().find(|r| r.procedure == CT).unwrap();
    assert_eq!(ct.received, 5);
    assert!(!an_binh.criteria.contains(&"HAS_ONLINE".to_string()), "counted in procedures, not dossiers");
    let at = |code: &str| (ct.shares[column(&an_binh, code)], ct.gains[column(&an_binh, code)]);
    assert_eq!(at("ON_TIME"), (Share { met: 3, of: 5 }, 2.5));
    assert_eq!(at("PAY_DOSSIERS"), (Share { met: 3, of: 5 }, 1.5));
    assert_eq!(at("ONLINE_DOSSIERS"), (Share { met: 3, of: 5 }, 0.0));
    assert_eq!(at("SO_HOA_GIAY_TO_GIAI_QUYET"), (Share { met: 4, of: 5 }, 0.25));
    assert_eq!(an_binh.rows.iter().map(|r| r.received).sum::<u32>(), 16, "A17 was received in October");
    assert_eq!(at("DOSSIER_RECEIVING_SATISFACTION"), (Share { met: 2, of: 5 }, 1.25));
    assert_eq!(at("REUSED_DIGITIZED_DATA"), (Share { met: 3, of: 5 }, 0.28));
    assert_eq!(at("SYNCED_WITH_DVCQG_PERSONAL_STORAGE"), (Share { met: 1, of: 5 }, 1.0));
    assert_eq!(at("CITIZEN_DATA_CONNECTED_DOSSIER"), (Share { met: 4, of: 5 }, 0.13));
    assert_eq!(at("DOSSIER_SYNC"), (Share { met: 5, of: 5 }, 0.0));
    assert_eq!(ct.gain, 6.91);
    assert_eq!(ct.gain_text(), "+6,91");

    let all = procedures(table, &analysis.scores, &rules, None);
    let ct = all.rows.iter().find(|r| r.procedure == CT).unwrap();
    assert_eq!(ct.received, 14);
    assert_eq!(
        (ct.shares[column(&all, "ON_TIME")], ct.gains[column(&all, "ON_TIME")]),
        (Share { met: 11, of: 14 }, 1.43)
    );
    assert_eq!(
        (ct.shares[column(&all, "PAY_DOSSIERS")], ct.gains[column(&all, "PAY_DOSSIERS")]),
        (Share { met: 9, of: 14 }, 1.43)
    );
    let names = |order: Vec<usize>| order.into_iter().map(|i| all.rows[i].procedure.as_str()).collect::<Vec<_>>();
    assert_eq!(
        names(all.order(ProcedureSort::Received, "")),
        ["1.001193 – Đăng ký khai sinh", CT, "2.000635 – Cấp bản sao trích lục hộ tịch", "1.000894 – Đăng ký kết hôn"]
    );
    assert_eq!(names(all.order(ProcedureSort::Gain, "chung thuc")), [CT], "the filter ignores diacritics");
    let gains: Vec<f64> = all.order(ProcedureSort::Gain, "").into_iter().map(|i| all.rows[i].gain).collect();
    assert!(gains.windows(2).all(|w| w[0] >= w[1]), "{gains:?}");

    // The to-fix workbook for every unit: a second sheet, the list as a whole first, then each
    // unit; only procedures that cost points.
    let bytes = chiso::core::report::fix_list::to_bytes(table, &[], &analysis.scores, &rules, "so-ho-so.csv").unwrap();
    let back = read_file("ho-so-can-xu-ly.xlsx", &bytes).unwrap().workbook;
    let sheet = back.sheets.iter().find(|s| s.name == "Thủ tục làm mất điểm").expect("the procedure sheet");
    let cell = |r: usize, col: usize| sheet.cell(r, col).map(|x| x.display()).unwrap_or_default();
    let heads: Vec<String> = (0..sheet.width()).map(|c| cell(3, c)).collect();
    let on_time = heads.iter().position(|h| h == "Hồ sơ đúng hạn, trong hạn: đạt/tính").unwrap();
    let gain = heads.iter().position(|h| h == "Có thể tăng thêm (điểm)").unwrap();
    let row = |unit: &str| {
        (4..sheet.height()).find(|&r| cell(r, 0) == unit && cell(r, 1) == CT).unwrap_or_else(|| panic!("{unit}"))
    };
    let whole = row("Tất cả đơn vị trong danh sách");
    assert_eq!((cell(whole, 2), cell(whole, on_time)), ("14".into(), "11/14".into()));
    let a = row(A);
    assert!(a > whole);
    assert_eq!((cell(a, 2), cell(a, on_time), cell(a, on_time + 1)), ("5".into(), "3/5".into(), "0,6".into()));
    assert_eq!(cell(a, gain), "6,91");
}

/// A list of 250 dossiers keeps only its first rows as cells for the preview, but the sheet still
/// says how many rows it has in its file (the header and 250).
#[test]
fn a_long_list_says_how_many_rows_it_has() {
    let mut text = String::from("Mã hồ sơ,Đơn vị,Ngày tiếp nhận,Ngày hẹn trả,Ngày hoàn thành\n");
    for i in 1..=250 {
        text.push_str(&format!("H{i},UBND xã An Bình,02/11/2026,05/11/2026,04/11/2026\n"));
    }
    let wb = streamed("dai.csv", text.as_bytes());
    let sheet = &wb.workbook.sheets[0];
    assert_eq!(wb.list(0).map(|d| d.dossiers.len()), Some(250));
    assert!(sheet.height() < 250, "only the preview is kept as cells");
    assert_eq!(sheet.rows_in_file(), 251);
    assert_eq!(sheet.range_address().as_deref(), Some("A1:E251"));
}
