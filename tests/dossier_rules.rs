//! The operator's dossier-level rules (qd766-scoring.md, «Dossier-level rules»; issue 27 item 5),
//! each on a dossier of its own in one list of November 2026, the counts worked by hand below.

mod common;

use chiso::core::analysis::{analyse, Analysis, Choice, Focus};
use chiso::core::dossier::reasons::{lateness, Reason};
use chiso::core::dossier::units::Typed;
use chiso::core::figures::dossier_issues::Assumed;
use chiso::core::figures::IssueKind;
use chiso::core::read::read_file;
use chiso::core::scoring::UnitResult;

const HEADER: &str = "Mã hồ sơ;Đơn vị;Trạng thái;Ngày tiếp nhận;Ngày hẹn trả;Ngày hẹn trả mới;Ngày xử lý xong;\
Ngày trả kết quả;Ngày từ chối;Ngày dừng xử lý;Ngày rút hồ sơ;Số lần yêu cầu bổ sung;Ngày yêu cầu bổ sung;\
Ngày công dân bổ sung;Thời hạn giải quyết (ngày);Hình thức thanh toán;Lệ phí;Dữ liệu dân cư;\
Tài khoản định danh VNeID;Kết nối kho dữ liệu cá nhân";

/// One dossier per rule (columns as in HEADER):
/// D01 never accepted — out of every count.
/// D02 withdrawn 04/11 after acceptance, due 05/11 17:00 — counted, on time, not completed.
/// D03 refused 06/11, due 04/11 17:00 — counted, late.
/// D04 stopped 08/11, due 10/11 17:00 — counted, on time.
/// D05 processed 09/11 10:00, returned 12/11, due 09/11 17:00 — the processing date: on time.
/// D06 first supplement request 11/11 09:00, pending, due 12/11 17:00 — ended at the request: on time.
/// D07 second request pending (12/11), due 25/11 — overdue.
/// D08 asked 14/11 08:00, supplied 17/11 08:00, processed 18/11 16:00, due 16/11 17:00 — the three
///     days of waiting deducted: 15/11 16:00, on time.
/// D09 due 14/11 17:00, new due 20/11 17:00, processed 19/11 08:00 — on time.
/// D10 no due date, 5 days allowed, 16/11 08:00 → 23/11 08:00: 7 days, late.
/// D11 no due date, 5 days allowed, 17/11 08:00 → 20/11 08:00: 3 days, on time.
const ROWS: [&str; 11] = [
    "D01;UBND xã Thử;Không được tiếp nhận;01/11/2026 08:00;03/11/2026 17:00;;;;;;;;;;;;;;;",
    "D02;UBND xã Thử;Công dân yêu cầu rút hồ sơ;02/11/2026 08:00;05/11/2026 17:00;;;;;;04/11/2026 09:00;;;;;;;;;",
    "D03;UBND xã Thử;Từ chối giải quyết;03/11/2026 08:00;04/11/2026 17:00;;;;06/11/2026 10:00;;;;;;;;;;;",
    "D04;UBND xã Thử;Dừng xử lý;05/11/2026 08:00;10/11/2026 17:00;;;;;08/11/2026 10:00;;;;;;;;;;",
    "D05;UBND xã Thử;Đã trả kết quả;06/11/2026 08:00;09/11/2026 17:00;;09/11/2026 10:00;12/11/2026 10:00;;;;;;;;truc-tuyen;50.000;x;;",
    "D06;UBND xã Thử;Yêu cầu bổ sung giấy tờ;10/11/2026 08:00;12/11/2026 17:00;;;;;;;1;11/11/2026 09:00;;;;;;x;",
    "D07;UBND xã Thử;Yêu cầu bổ sung giấy tờ;10/11/2026 09:00;25/11/2026 17:00;;;;;;;2;12/11/2026 09:00;;;;;;;",
    "D08;UBND xã Thử;Đã xử lý xong;13/11/2026 08:00;16/11/2026 17:00;;18/11/2026 16:00;;;;;1;14/11/2026 08:00;17/11/2026 08:00;;tien-mat;0;;;x",
    "D09;UBND xã Thử;Đã xử lý xong;13/11/2026 08:00;14/11/2026 17:00;20/11/2026 17:00;19/11/2026 08:00;;;;;;;;;tien-mat;20.000;;;",
    "D10;UBND xã Thử;Đã xử lý xong;16/11/2026 08:00;;;23/11/2026 08:00;;;;;;;;5;truc-tuyen;0;;;",
    "D11;UBND xã Thử;Đã xử lý xong;17/11/2026 08:00;;;20/11/2026 08:00;;;;;;;;5;;;;;",
];

fn analysed(text: &str) -> Analysis {
    let book = read_file("ho-so-quy-tac.csv", text.as_bytes()).unwrap().workbook;
    analyse(&[(&book, Choice::default())], &common::rules(), &Focus::default(), &Typed::new())
}

fn unit(analysis: &Analysis) -> &UnitResult {
    analysis.scores.units.iter().find(|u| u.name == "UBND xã Thử").expect("the commune")
}

fn c(u: &UnitResult, code: &str) -> (Option<f64>, Option<f64>, Option<f64>) {
    let r = u.criterion(code).unwrap();
    (r.numerator, r.denominator, r.score)
}

fn assumed(analysis: &Analysis) -> Vec<Assumed> {
    analysis
        .issues
        .iter()
        .filter_map(|i| match &i.kind {
            IssueKind::RuleAssumed(a) => Some(*a),
            _ => None,
        })
        .collect()
}

#[test]
fn every_rule_of_the_operators_description() {
    let text = format!("{HEADER}\n{}\n", ROWS.join("\n"));
    let analysis = analysed(&text);
    assert!(analysis.errors.is_empty(), "{:?}", analysis.errors);
    let u = unit(&analysis);
    // Received: D02–D11 = 10 (D01 never accepted). On time: D02, D04, D05, D06, D08, D09, D11 = 7;
    // late D03, D07, D10. 20 × 7/10 = 14.
    assert_eq!(c(u, "ON_TIME"), (Some(7.0), Some(10.0), Some(14.0)));
    let tracked = |code: &str| u.tracked.get(code).and_then(|f| f.numerator);
    assert_eq!(tracked("RECEIVED"), Some(10.0));
    // Completed: the finished states only — D05, D08, D09, D10, D11 (not D02–D04, ended).
    assert_eq!(tracked("COMPLETED"), Some(5.0));
    // Days: D05 3 + 2/24, D08 5 + 8/24 − 3 waiting, D09 6, D10 7, D11 3: 21 + 10/24 over 5.
    let days = tracked("AVG_DAYS").unwrap();
    assert!((days - (21.0 + 10.0 / 24.0) / 5.0).abs() < 1e-9, "{days}");
    // Fees: D05 50.000 paid through the gateway, D09 20.000 in cash; D08 and D10 are zero-fee and
    // leave the denominator: 1/2 = 50 % → 6 × 0,5 = 3.
    assert_eq!(c(u, "PAY_DOSSIERS"), (Some(1.0), Some(2.0), Some(3.0)));
    // Population data D05, a VNeID account D06, the personal store D08: 3/10 → 2 × 0,3 = 0,6.
    assert_eq!(c(u, "CITIZEN_DATA_CONNECTED_DOSSIER"), (Some(3.0), Some(10.0), Some(0.6)));
    // Every column a rule needs is there: nothing assumed. D01 is said as left out.
    assert_eq!(assumed(&analysis), vec![]);
    let left_out = analysis.issues.iter().find_map(|i| match &i.kind {
        IssueKind::StatusLeftOut { status, count, .. } => Some((status.clone(), *count)),
        _ => None,
    });
    assert_eq!(left_out, Some(("Không được tiếp nhận".to_string(), 1)));
    // D07 is overdue for its second request, and the drill-down says why.
    let table = analysis.tables[0].dossiers.as_ref().unwrap();
    let d07 = table.list.dossiers.iter().find(|d| d.id == "D07").unwrap();
    let reason = lateness(d07, &table.tally.context).unwrap();
    assert_eq!(reason, Reason::SupplementAgain { requests: 2 });
    assert_eq!(reason.text(chiso::core::model::lang::Lang::Vi), "Chờ bổ sung lần thứ 2: tính là quá hạn");
}

/// The same dossiers with only the columns a plain export has (id, unit, status, received, due,
/// returned, payment method, population data): each rule it cannot apply is said once, with what
/// chiso assumed, and the counts follow the assumptions. D02–D04 end on no date: taken as ended
/// by their due date, on time. D06 and D07 wait on supplements the list cannot date: in progress —
/// D06, due 12/11, is overdue at the month's end; D07, due 25/11 and the list's last moment 17/11
/// (D11's receipt), is «due before the period ends», not on time. D05 returned 12/11 for 09/11:
/// late. D08 has no return date: in progress, due 16/11, overdue. D09 due 14/11, no return date:
/// overdue. D10 and D11 have no due date and no allowed time: on time. On time: D02, D03, D04,
/// D10, D11 = 5 of 10 → 10.
#[test]
fn what_a_plain_export_cannot_apply_is_said_once() {
    let keep = [0, 1, 2, 3, 4, 7, 15, 17];
    let cut = |line: &str| {
        line.split(';').enumerate().filter(|(i, _)| keep.contains(i)).map(|(_, v)| v).collect::<Vec<_>>().join(";")
    };
    let text = format!("{}\n{}\n", cut(HEADER), ROWS.iter().map(|r| cut(r)).collect::<Vec<_>>().join("\n"));
    let analysis = analysed(&text);
    assert_eq!(
        assumed(&analysis),
        vec![
            Assumed::EndedUndated(3),
            Assumed::NoSupplementDates(2),
            Assumed::NoDueNoMaximum(2),
            Assumed::NoFeeAmount,
            Assumed::NoVneid,
        ]
    );
    let said: Vec<String> = analysis
        .issues
        .iter()
        .filter(|i| matches!(i.kind, IssueKind::RuleAssumed(_)))
        .map(|i| chiso::core::model::message::Message::message(i, chiso::core::model::lang::Lang::Vi))
        .collect();
    assert!(
        said[0].contains("3 hồ sơ từ chối, dừng xử lý hoặc rút sau khi tiếp nhận không ghi ngày kết thúc"),
        "{}",
        said[0]
    );
    assert!(said[2].contains("2 hồ sơ không có ngày hẹn trả"), "{}", said[2]);
    assert_eq!(c(unit(&analysis), "ON_TIME"), (Some(5.0), Some(10.0), Some(10.0)));
}
