//! Two periods loaded together: October's file says its period only in its name, November's in a
//! `Kỳ` column. Every expected figure below was worked by hand from the two fixtures:
//!
//! | unit | ON_TIME (20, linear) | PAY_DOSSIERS (6, linear) | ONLINE_DOSSIERS (6, target 50 %) | total |
//! |---|---|---|---|---|
//! | A, 10/2026 | 90/100 → 18,00 | 30/100 → 1,80 | 20/100 → 6 × 0,2/0,5 = 2,40 | 22,20 |
//! | B, 10/2026 | 50/50 → 20,00 | 60/100 → 3,60 | 60/100 → 6,00 | 29,60 |
//! | C, 10/2026 | 40/80 → 10,00 | 10/40 → 1,50 | 10/40 → 6 × 0,25/0,5 = 3,00 | 14,50 |
//! | A, 11/2026 | 99/100 → 19,80 | 70/100 → 4,20 | 55/100 → 6,00 | 30,00 |
//! | B, 11/2026 | 45/50 → 18,00 | 40/100 → 2,40 | 60/100 → 6,00 | 26,40 |
//! | C, 11/2026 | 41/80 → 10,25 | 10/40 → 1,50 | 12/40 → 6 × 0,3/0,5 = 3,60 | 15,35 |
//! | D, 11/2026 | 1/1 → 20,00 | – | – | 20,00 |
//!
//! Ranks: October B, A, C; November A, B, D, C.
//! Alerts under the default rules that differ: A's online dossiers (20 % < target 50 %) and A's
//! online payment (30 % < 50 %) clear, and so does A's CLGQ (2,40/12 → 6/12: what is left of the
//! group, FULL and HAS_ONLINE, has no figures, and missing is not poor); B's online payment
//! (60 % → 40 %) is new. Every other alert (groups under their share with a shortfall of their
//! own, totals under 50, C's low rates) stands in both periods.

mod common;

use chiso::core::analysis::{analyse, Analysis, Choice, Focus};
use chiso::core::figures::IssueKind;
use chiso::core::insight::alerts::default_rules;
use chiso::core::insight::compare::compare;
use chiso::core::model::lang::Lang;
use chiso::core::model::message::Message;
use chiso::core::model::period::Period;
use chiso::core::model::table::Workbook;
use chiso::core::read::read_file;
use chiso::core::rules::RuleSet;

const OCTOBER: &str = "so-lieu-thang-10-2026.csv";
const NOVEMBER: &str = "so-lieu-moi.csv";
/// A and B only, ON_TIME 1/2 → 10,00 each.
const SEPTEMBER: &str = "so-lieu-thang-9-2026.csv";

fn book(name: &str) -> Workbook {
    common::fixture_book(&format!("periods/{name}"))
}

fn run(books: &[Workbook], focus: Focus) -> Analysis {
    let rules = RuleSet::default_rules().unwrap();
    let inputs: Vec<_> = books.iter().map(|b| (b, Choice::default())).collect();
    analyse(&inputs, &rules, &focus, &Default::default())
}

fn month(month: u32) -> Period {
    Period::Month { year: 2026, month }
}

/// Name, total and rank of every unit (all communes, all ranked), in reading order.
fn totals(scores: &chiso::core::scoring::Scores) -> Vec<(String, f64, usize)> {
    let ranked = |u: &chiso::core::scoring::UnitResult| u.rank.expect("a commune is ranked");
    scores.ranked_order().into_iter().map(|i| &scores.units[i]).map(|u| (u.name.clone(), u.total, ranked(u))).collect()
}

#[test]
fn the_later_period_is_scored_and_compared_with_the_earlier() {
    let analysis = run(&[book(NOVEMBER), book(OCTOBER)], Focus::default());
    assert!(analysis.issues.is_empty(), "{:?}", analysis.issues);
    assert_eq!(analysis.periods, [month(10), month(11)]);
    assert_eq!(analysis.period, Some(month(11)));
    let name = |s: &str| format!("UBND xã {s}");
    assert_eq!(
        totals(&analysis.scores),
        [(name("A"), 30.0, 1), (name("B"), 26.4, 2), (name("D"), 20.0, 3), (name("C"), 15.35, 4)]
    );
    let (previous, before) = analysis.previous.as_ref().unwrap();
    assert_eq!(previous, &month(10));
    assert_eq!(totals(before), [(name("B"), 29.6, 1), (name("A"), 22.2, 2), (name("C"), 14.5, 3)]);
    assert_eq!(before.units[0].period, Some(month(10)), "the period from the file name is the rows' period");
}

#[test]
fn changes_movers_and_alerts_between_the_periods() {
    let rules = RuleSet::default_rules().unwrap();
    let analysis = run(&[book(OCTOBER), book(NOVEMBER)], Focus::default());
    let c = compare(&analysis, &default_rules(), &rules).unwrap();
    assert_eq!((c.current.label(Lang::Vi), c.previous.label(Lang::Vi)), ("11/2026".into(), "10/2026".into()));

    let a = c.unit("UBND xã A", None).unwrap();
    assert_eq!(a.total.delta(), Some(7.8));
    assert_eq!(a.rank, (Some(1), Some(2)));
    assert_eq!(a.places_gained(false), Some(1));
    let group = |code: &str| a.groups.iter().find(|(g, _)| g == code).unwrap().1;
    assert_eq!((group("TDGQ").now, group("TDGQ").before, group("TDGQ").delta()), (Some(19.8), Some(18.0), Some(1.8)));
    assert_eq!(group("TTTT").delta(), Some(2.4));
    assert_eq!(group("CLGQ").delta(), Some(3.6));
    assert_eq!(group("CKMB").delta(), Some(0.0));

    assert_eq!(c.unit("UBND xã B", None).unwrap().total.delta(), Some(-3.2));
    assert_eq!(c.unit("UBND xã B", None).unwrap().places_gained(false), Some(-1));
    assert_eq!(c.unit("UBND xã C", None).unwrap().total.delta(), Some(0.85));
    assert_eq!(c.unit("UBND xã C", None).unwrap().places_gained(false), Some(-1));
    let d = c.unit("UBND xã D", None).unwrap();
    assert_eq!((d.total.now, d.total.before, d.total.delta()), (Some(20.0), None, None));

    let (rises, falls) = c.movers(3);
    let names =
        |v: Vec<&chiso::core::insight::compare::UnitChange>| v.into_iter().map(|u| u.name.clone()).collect::<Vec<_>>();
    assert_eq!(names(rises), ["UBND xã A", "UBND xã C"]);
    assert_eq!(names(falls), ["UBND xã B"]);

    let pairs = |alerts: &[chiso::core::insight::alerts::Alert]| {
        alerts.iter().map(|a| (a.unit.clone(), a.code().to_string())).collect::<Vec<_>>()
    };
    assert_eq!(pairs(&c.new_alerts), [("UBND xã B".to_string(), "PAY_DOSSIERS".to_string())]);
    let mut cleared = pairs(&c.cleared_alerts);
    cleared.sort();
    assert_eq!(
        cleared,
        [
            ("UBND xã A".to_string(), "CLGQ".to_string()),
            ("UBND xã A".to_string(), "ONLINE_DOSSIERS".to_string()),
            ("UBND xã A".to_string(), "PAY_DOSSIERS".to_string())
        ]
    );
}

#[test]
fn the_user_chooses_which_periods() {
    let analysis =
        run(&[book(OCTOBER), book(NOVEMBER)], Focus { current: Some(month(10)), previous: None, ..Focus::default() });
    assert_eq!(analysis.period, Some(month(10)));
    assert_eq!(analysis.scores.units.len(), 3);
    assert!(analysis.previous.is_none(), "nothing before October");
    let rules = RuleSet::default_rules().unwrap();
    assert!(compare(&analysis, &default_rules(), &rules).is_none());

    let unknown = run(
        &[book(OCTOBER), book(NOVEMBER)],
        Focus { current: Some(month(12)), previous: Some(month(12)), ..Focus::default() },
    );
    assert_eq!(unknown.period, Some(month(11)), "a period not loaded falls back to the latest");
    assert_eq!(unknown.previous.as_ref().map(|p| p.0.clone()), Some(month(10)));
}

#[test]
fn the_file_period_set_by_the_user_wins_over_its_name() {
    let rules = RuleSet::default_rules().unwrap();
    let october = book(OCTOBER);
    let november = book(NOVEMBER);
    let choice = Choice { period: Some(Period::Quarter { year: 2026, quarter: 3 }), ..Choice::default() };
    let analysis =
        analyse(&[(&october, choice), (&november, Choice::default())], &rules, &Focus::default(), &Default::default());
    assert_eq!(analysis.periods, [Period::Quarter { year: 2026, quarter: 3 }, month(11)]);
}

#[test]
fn undated_rows_join_the_only_period_and_are_reported_when_there_are_several() {
    let undated =
        read_file("them.csv", "Đơn vị;ON_TIME (tử số);ON_TIME (mẫu số)\nUBND xã E;3;4\nUBND xã A;1;1\n".as_bytes())
            .unwrap()
            .workbook;
    let one = run(&[book(NOVEMBER), undated.clone()], Focus::default());
    assert_eq!(one.scores.units.len(), 5, "E joins November");
    assert_eq!(one.issues.len(), 1);
    assert!(
        matches!(&one.issues[0].kind, IssueKind::DuplicateUnit { first, .. } if first.file == NOVEMBER && first.row == 2)
    );

    let two = run(&[book(NOVEMBER), book(OCTOBER), undated], Focus::default());
    assert_eq!(two.scores.units.len(), 4);
    assert_eq!(two.issues.len(), 2);
    assert!(two.issues.iter().all(|i| matches!(i.kind, IssueKind::NoPeriod { .. }) && i.place.file == "them.csv"));
    assert_eq!(
        two.issues[0].message(Lang::Vi),
        "Tệp «them.csv», trang tính «them», dòng 2: đơn vị «UBND xã E» không ghi kỳ, trong khi các dòng khác có kỳ, nên chưa biết dòng này thuộc kỳ nào và chưa được tính. Hãy điền cột «Kỳ» (ví dụ 11/2026) hoặc đặt kỳ cho tệp trong danh sách tệp."
    );
}

#[test]
fn a_third_period_is_set_aside_and_said() {
    let september = read_file(
        "so-lieu-thang-9-2026.csv",
        "Đơn vị;ON_TIME (tử số);ON_TIME (mẫu số)\nUBND xã A;1;2\nUBND xã B;1;2\n".as_bytes(),
    )
    .unwrap()
    .workbook;
    let analysis = run(&[book(OCTOBER), book(NOVEMBER), september], Focus::default());
    assert_eq!(analysis.set_aside, [(month(9), 2)]);
    assert_eq!(
        analysis.set_aside_messages(Lang::Vi),
        ["Số liệu kỳ 9/2026 (2 đơn vị) chỉ được tính trong «Xu hướng qua các kỳ», không tính vào kỳ 11/2026. Hãy chọn kỳ ở «Kỳ đánh giá» hoặc «So sánh với kỳ» để xem chi tiết."]
    );
    let compared_with_september = run(
        &[
            book(OCTOBER),
            book(NOVEMBER),
            read_file("so-lieu-thang-9-2026.csv", b"Don vi;ON_TIME (tu so);ON_TIME (mau so)\nUBND xa A;1;2\n")
                .unwrap()
                .workbook,
        ],
        Focus { current: None, previous: Some(month(9)), ..Focus::default() },
    );
    assert_eq!(compared_with_september.set_aside, [(month(10), 3)]);
}

#[test]
fn one_file_with_two_periods_in_a_column() {
    let text = "Đơn vị;Kỳ;ON_TIME (tử số);ON_TIME (mẫu số)\nUBND xã A;Quý 3/2026;1;2\nUBND xã A;Quý 4/2026;3;4\n";
    let analysis = run(&[read_file("hai-ky.csv", text.as_bytes()).unwrap().workbook], Focus::default());
    assert!(analysis.issues.is_empty(), "the same unit in two periods is not a duplicate: {:?}", analysis.issues);
    assert_eq!(analysis.scores.units[0].total, 15.0);
    assert_eq!(analysis.previous.as_ref().unwrap().1.units[0].total, 10.0);
}

/// Three periods: September (A and B, ON_TIME 1/2 → 10,00 each), October and November as in the
/// table above. Units in November's ranking order, then none found only earlier.
#[test]
fn three_periods_make_a_trend() {
    let rules = RuleSet::default_rules().unwrap();
    let analysis = run(&[book(OCTOBER), book(NOVEMBER), book(SEPTEMBER)], Focus::default());
    let trend = chiso::core::insight::trend::trend(&analysis.history, &rules).expect("three periods");
    assert_eq!(trend.periods, [month(9), month(10), month(11)]);
    let rows: Vec<(&str, Vec<Option<f64>>)> = trend.units.iter().map(|u| (u.name.as_str(), u.totals())).collect();
    assert_eq!(
        rows,
        [
            ("UBND xã A", vec![Some(10.0), Some(22.2), Some(30.0)]),
            ("UBND xã B", vec![Some(10.0), Some(29.6), Some(26.4)]),
            ("UBND xã D", vec![None, None, Some(20.0)]),
            ("UBND xã C", vec![None, Some(14.5), Some(15.35)]),
        ]
    );
    let a = &trend.units[0];
    assert_eq!((a.change(0), a.change(1), a.change(2)), (None, Some(12.2), Some(7.8)));
    assert_eq!(trend.units[1].change(2), Some(-3.2));
    assert_eq!(trend.units[3].change(1), None, "C has no September");
    assert_eq!(trend.units[3].change(2), Some(0.85));
    // ON_TIME is the only TDGQ criterion in these files.
    let tdgq: Vec<Option<f64>> =
        a.points.iter().map(|p| p.groups.iter().find(|(c, _)| c == "TDGQ").and_then(|(_, g)| *g)).collect();
    assert_eq!(tdgq, [Some(10.0), Some(18.0), Some(19.8)]);
    assert!(trend.whole().is_none(), "communes without a parent have no whole");

    let two = run(&[book(OCTOBER), book(NOVEMBER)], Focus::default());
    assert_eq!(two.history.len(), 2);
    assert!(chiso::core::insight::trend::trend(&two.history, &rules).is_none(), "two periods are a comparison");
}

/// The letter says each result's change against October, from the figures as printed. Pooled by
/// hand: October ON_TIME 180/230 → 15,65 (15,7), PAY 100/240 → 2,50, ONLINE 90/240 = 37,5 % →
/// 4,50; November ON_TIME 186/231 → 16,10, PAY 120/240 → 3,00, ONLINE 127/240 ≥ 50 % → 6,00.
/// Totals 22,65 (22,7) and 25,10.
#[test]
fn the_letter_says_the_change_against_the_month_before() {
    let rules = RuleSet::default_rules().unwrap();
    let analysis = run(&[book(OCTOBER), book(NOVEMBER)], Focus::default());
    let fields = chiso::core::report::letter::LetterFields::for_period("11/2026", "");
    let letter = chiso::core::report::letter::compose(&fields, &analysis.scores, analysis.before(), &rules);
    let line = |code: &str| letter.results.iter().find(|r| r.code == code).map(|r| r.text.clone()).unwrap();
    assert!(line("TDGQ").ends_with(": 16,1/20 điểm (tăng 0,4 điểm so với tháng trước)."), "{}", line("TDGQ"));
    assert!(line("CLGQ").ends_with(": 6/12 điểm (tăng 1,5 điểm so với tháng trước)."), "{}", line("CLGQ"));
    assert!(line("CKMB").ends_with(" (không đổi so với tháng trước)."), "{}", line("CKMB"));
    assert_eq!(line("TOTAL"), "Tổng điểm: 25,1/100 điểm (tăng 2,4 điểm so với tháng trước).");

    let quiet = chiso::core::report::letter::LetterFields { say_change: false, ..fields };
    let letter = chiso::core::report::letter::compose(&quiet, &analysis.scores, analysis.before(), &rules);
    assert!(letter.results.iter().all(|r| r.code != "TOTAL" && !r.text.contains("so với")));
}

/// «Đơn vị của tôi» over the three periods: UBND xã B, second of four in November (30,00 A,
/// 26,40 B, 20,00 D, 15,35 C), «Yếu» below 50; its totals 10 → 29,60 → 26,40; no dossier list,
/// so nothing to fix; its plan starts from the next band, «Trung bình» at 50.
#[test]
fn my_unit_over_three_periods() {
    use chiso::core::model::lang::Lang;
    use chiso::core::scoring::band::Band;
    let rules = RuleSet::default_rules().unwrap();
    let analysis = run(&[book(OCTOBER), book(NOVEMBER), book(SEPTEMBER)], Focus::default());
    let mine =
        chiso::core::present::mine::mine(&analysis, &rules, "ubnd xa b", Lang::Vi).expect("found without diacritics");
    assert_eq!((mine.name.as_str(), mine.total, mine.band), ("UBND xã B", 26.4, Band::of(26.4)));
    assert_eq!(mine.band.label(Lang::Vi), "Yếu");
    assert_eq!(mine.rank, Some((2, 4)));
    let totals: Vec<(&str, f64)> = mine.totals.iter().map(|(p, t)| (p.as_str(), *t)).collect();
    assert_eq!(totals, [("9/2026", 10.0), ("10/2026", 29.6), ("11/2026", 26.4)]);
    assert_eq!(mine.to_fix, 0);
    assert_eq!(mine.to_fix_text(Lang::Vi), "0 hồ sơ làm mất điểm còn khắc phục được trong kỳ.");
    // Every unit is a commune («UBND xã …»): the same rank within its kind.
    assert_eq!(mine.ranks_text(Lang::Vi), "Hạng 2/4; hạng 2/4 trong Cấp xã.");
    // ON_TIME 45/50 → 50/50: 5 dossiers, 18 → 20; PAY_DOSSIERS 40/100 → 100/100: 60 dossiers,
    // 6 × 0,4 = 2,4 → 6; ONLINE 60/100 is past its 50 % target. 26,4 + 2 + 3,6 = 32, short of 50.
    assert_eq!(
        mine.plan.steps,
        ["Hồ sơ đúng hạn, trong hạn: thêm 5 hồ sơ, +2 điểm", "Hồ sơ thanh toán trực tuyến: thêm 60 hồ sơ, +3,6 điểm"]
    );
    assert!(
        mine.plan.summary.starts_with("Chỉ với hồ sơ thì chưa đạt 50 điểm: tối đa 32 điểm (thêm 65 hồ sơ)"),
        "{}",
        mine.plan.summary
    );
    assert!(mine.plan.others.is_empty(), "no figures of procedures or petitions: nothing else to add");
    assert!(chiso::core::present::mine::mine(&analysis, &rules, "UBND xã Z", Lang::Vi).is_none());

    // The chooser lists November's units A to Z, the one typed without diacritics chosen; a unit
    // not loaded stays chosen, last, said absent.
    let listed = |name: &str| -> Vec<(String, bool, bool)> {
        chiso::core::present::mine::choosable(&analysis.scores, name)
            .into_iter()
            .map(|c| (c.name, c.chosen, c.absent))
            .collect()
    };
    let unit = |name: &str, chosen: bool| (format!("UBND xã {name}"), chosen, false);
    assert_eq!(listed("ubnd xa b"), [unit("A", false), unit("B", true), unit("C", false), unit("D", false)]);
    let absent = listed("UBND xã Z");
    assert_eq!((absent.len(), absent.last()), (5, Some(&("UBND xã Z".to_string(), true, true))));
    assert!(listed("").iter().all(|(_, chosen, _)| !chosen));
    // The options as the chooser writes them: «none» first, the chosen one selected.
    let markup = chiso::core::present::mine::options_markup(
        &chiso::core::present::mine::choosable(&analysis.scores, "ubnd xa b"),
        Lang::Vi,
    );
    assert!(
        markup.starts_with(concat!(
            "<option value=\"\">— chưa chọn (xem mọi đơn vị) —</option>",
            "<option value=\"UBND xã A\">UBND xã A</option>",
            "<option value=\"UBND xã B\" selected>UBND xã B</option>"
        )),
        "{markup}"
    );
    let odd = chiso::core::present::mine::Choosable { name: "Xã \"A\" & <B>".into(), chosen: true, absent: true };
    assert_eq!(
        chiso::core::present::mine::options_markup(&[odd], Lang::En),
        "<option value=\"\">— none (every unit) —</option><option value=\"Xã &quot;A&quot; &amp; &lt;B&gt;\" selected>Xã &quot;A&quot; &amp; &lt;B&gt; (not in the loaded figures)</option>"
    );
}

/// Under a kind, a unit's move is its move among its kind. Hand-worked, ON_TIME alone (20 points,
/// linear): October — Sở Tư pháp 10/10 → 20, xã A 9/10 → 18, Thanh tra tỉnh 8/10 → 16, xã B
/// 5/10 → 10; November — xã A 10/10 → 20, Thanh tra tỉnh 9/10 → 18, Sở Tư pháp 8/10 → 16, xã B
/// 6/10 → 12. Thanh tra joins the departments, as the portal's AGENCY group: among all it goes 3 →
/// 2 (up 1), among agencies 2 → 1 (up 1); Sở Tư pháp 1 → 3 overall (down 2), 1 → 2 among agencies
/// (down 1); xã A 2 → 1 overall, 1 → 1 among communes.
#[test]
fn within_a_kind_the_moves_are_among_the_kind() {
    let rules = RuleSet::default_rules().unwrap();
    let csv = |rows: &[(&str, u32)]| {
        let mut text = String::from("Đơn vị;Hồ sơ đúng hạn, trong hạn (tử số);Hồ sơ đúng hạn, trong hạn (mẫu số)\n");
        for (name, n) in rows {
            text += &format!("{name};{n};10\n");
        }
        text
    };
    let october = csv(&[("Sở Tư pháp", 10), ("UBND xã A", 9), ("Thanh tra tỉnh", 8), ("UBND xã B", 5)]);
    let november = csv(&[("Sở Tư pháp", 8), ("UBND xã A", 10), ("Thanh tra tỉnh", 9), ("UBND xã B", 6)]);
    let books: Vec<Workbook> = [("so-lieu-thang-10-2026.csv", october), ("so-lieu-thang-11-2026.csv", november)]
        .iter()
        .map(|(name, text)| read_file(name, text.as_bytes()).unwrap().workbook)
        .collect();
    let analysis = run(&books, Focus::default());
    let c = compare(&analysis, &default_rules(), &rules).unwrap();
    let moved = |name: &str| {
        let u = c.unit(name, None).unwrap();
        (u.places_gained(false), u.places_gained(true))
    };
    assert_eq!(moved("Thanh tra tỉnh"), (Some(1), Some(1)));
    assert_eq!(moved("Sở Tư pháp"), (Some(-2), Some(-1)));
    assert_eq!(moved("UBND xã A"), (Some(1), Some(0)));
    let kind = |name: &str| analysis.scores.units.iter().find(|u| u.name == name).unwrap().kind.clone();
    assert_eq!(kind("Thanh tra tỉnh"), kind("Sở Tư pháp"));
}
