//! One month, many files (issue 27): a town clerk's unit figures, dossier list and Biểu 06a for
//! the same town and month, loaded together, give one figure per unit and criterion from the
//! right source, never summed across files; a city's own row is its whole. Every expected figure
//! is worked by hand from tests/fixtures/month with the reference's formulas.

mod common;

use chiso::core::analysis::{analyse, Analysis, Choice, Focus};
use chiso::core::dossier::units::Typed;
use chiso::core::figures::sources::{SourceKind, SourceOrder};
use chiso::core::model::table::Workbook;
use chiso::core::report::letter::{compose, total_of, LetterFields};
use chiso::core::scoring::UnitResult;

const FIGURES: &str = "month/so-lieu-thang-11-2023.csv";
const DOSSIERS: &str = "month/ho-so-thang-11-2023.csv";
const REPORT: &str = "month/bao-cao-06a-thang-11-2023.csv";
const TOWN: &str = "UBND thị xã Hòa Phong";

fn analysed(paths: &[&str], focus: &Focus) -> Analysis {
    let books: Vec<Workbook> = paths.iter().map(|p| common::fixture_book(p)).collect();
    let books: Vec<(&Workbook, Choice)> = books.iter().map(|b| (b, Choice::default())).collect();
    analyse(&books, &common::rules(), focus, &Typed::new())
}

fn unit<'a>(analysis: &'a Analysis, name: &str) -> &'a UnitResult {
    analysis.scores.units.iter().find(|u| u.name == name).unwrap_or_else(|| panic!("{name} not scored"))
}

/// (numerator, denominator, score) of a criterion.
fn c(u: &UnitResult, code: &str) -> (Option<f64>, Option<f64>, Option<f64>) {
    let r = u.criterion(code).unwrap_or_else(|| panic!("{code} of {}", u.name));
    (r.numerator, r.denominator, r.score)
}

fn groups(u: &UnitResult) -> Vec<f64> {
    u.groups.iter().map(|g| g.score).collect()
}

#[test]
fn a_clerks_three_files_give_each_unit_one_figure_per_criterion() {
    let all = analysed(&[FIGURES, DOSSIERS, REPORT], &Focus::default());
    assert!(all.errors.is_empty(), "{:?}", all.errors);
    let alone = analysed(&[FIGURES], &Focus::default());
    // Every unit of the figures file scores exactly its figures-file scores. An Khê: ON_TIME
    // 950/1000 → 19; ONLINE 600/1000 ≥ 50 % → 6; SYNC 1000/1000 → 6; certified copy 1/1 → 2.
    for name in ["UBND xã An Khê", "UBND xã Bình Sơn", TOWN] {
        assert_eq!(groups(unit(&all, name)), groups(unit(&alone, name)), "{name}");
        assert_eq!(unit(&all, name).total, unit(&alone, name).total, "{name}");
    }
    let an_khe = unit(&all, "UBND xã An Khê");
    assert_eq!(c(an_khe, "ON_TIME"), (Some(950.0), Some(1000.0), Some(19.0)));
    assert_eq!(an_khe.total, 33.0);
    // The report's 9/10 and the list's 3/4 (A04 finished 20/11, due 15/11) disagree: both kept.
    let on_time = an_khe.criterion("ON_TIME").and_then(|c| c.origin.clone()).unwrap();
    assert_eq!(on_time.source, SourceKind::Figures);
    let others: Vec<_> = on_time.others.iter().map(|o| (o.source, o.figure.numerator, o.figure.denominator)).collect();
    assert_eq!(others, [(SourceKind::Report, Some(9.0), Some(10.0)), (SourceKind::Dossiers, Some(3.0), Some(4.0))]);
    // A criterion the list has no column for is still the figures file's, never «thiếu số liệu».
    assert_eq!(c(an_khe, "DOSSIER_SYNC"), (Some(1000.0), Some(1000.0), Some(6.0)));

    // The report's and the list's own units join, under the town: Phòng Tư pháp (2 + 6 + 1)/10 →
    // 18 and 6/10 online → 6; Cát Tiên's two dossiers on time → 20.
    let tu_phap = unit(&all, "Phòng Tư pháp");
    assert_eq!((c(tu_phap, "ON_TIME"), tu_phap.parent.as_deref()), ((Some(9.0), Some(10.0), Some(18.0)), Some(TOWN)));
    let cat_tien = unit(&all, "UBND xã Cát Tiên");
    assert_eq!((c(cat_tien, "ON_TIME"), cat_tien.parent.as_deref()), ((Some(2.0), Some(2.0), Some(20.0)), Some(TOWN)));
    let mut names: Vec<&str> = all.scores.units.iter().map(|u| u.name.as_str()).collect();
    names.sort();
    assert_eq!(names, ["Phòng Tư pháp", TOWN, "UBND xã An Khê", "UBND xã Bình Sơn", "UBND xã Cát Tiên"]);

    // The town is its own row, never its row plus its units' (2970/3000 + 950/1000 + …): ON_TIME
    // 2970/3000 → 19,8; ONLINE 1200/3000 = 40 % → 4,8; SYNC 2900/3000 → 5,8; copy 3/3 → 2: 32,4.
    let town = unit(&all, TOWN);
    assert_eq!(c(town, "ON_TIME"), (Some(2970.0), Some(3000.0), Some(19.8)));
    assert_eq!((town.total, town.rank), (32.4, None));
    assert_eq!(all.scores.whole().map(|w| w.name.as_str()), Some(TOWN));
    let mut ranks: Vec<usize> = all.scores.units.iter().filter_map(|u| u.rank).collect();
    ranks.sort();
    // An Khê 33, Bình Sơn 19 + 1,8 + 5,4 + 2 = 28,2, Phòng Tư pháp 24, Cát Tiên 20.
    assert_eq!(ranks, [1, 2, 3, 4]);

    // The letter's body and its appendix read the same whole, to the hundredth.
    let letter = compose(&LetterFields::for_period("11/2023", TOWN), &all.scores, None, &common::rules());
    assert_eq!(letter.whole, TOWN);
    assert_eq!(total_of(&letter.whole_groups), 32.4);
    assert_eq!((letter.appendix[0].unit.as_str(), letter.appendix[0].total), ("Toàn thị xã Hòa Phong", 32.4));
    assert_eq!(letter.appendix.len(), 5, "units, not rows of several files");
    let line = |code: &str| letter.results.iter().find(|l| l.code == code).unwrap().text.clone();
    assert_eq!(line("TDGQ"), "Chỉ số Tiến độ giải quyết: 19,8/20 điểm.");
    assert!(line("MDSH").ends_with("đã triển khai 3/3 đơn vị."), "{}", line("MDSH"));

    // The pair of files that disagree is said once, in Vietnamese, with the file used.
    let said: Vec<String> = all
        .issues
        .iter()
        .filter(|i| matches!(i.kind, chiso::core::figures::IssueKind::SourcesDisagree { .. }))
        .map(|i| chiso::core::model::message::Message::message(i, chiso::core::model::lang::Lang::Vi))
        .collect();
    assert_eq!(said.len(), 2, "{said:?}");
    assert!(said[0].contains("chiso dùng «so-lieu-thang-11-2023.csv»"), "{}", said[0]);
}

/// The order of sources is the user's: with the dossier list first, An Khê's ON_TIME is the
/// list's 3/4 → 15, and the figures file's 950/1000 is the one kept beside it.
#[test]
fn the_order_of_sources_is_the_users() {
    let order = SourceOrder::new([SourceKind::Dossiers, SourceKind::Figures]);
    let focus = Focus { sources: order, ..Focus::default() };
    let all = analysed(&[FIGURES, DOSSIERS, REPORT], &focus);
    let an_khe = unit(&all, "UBND xã An Khê");
    assert_eq!(c(an_khe, "ON_TIME"), (Some(3.0), Some(4.0), Some(15.0)));
    let origin = an_khe.criterion("ON_TIME").and_then(|c| c.origin.clone()).unwrap();
    assert_eq!(origin.source, SourceKind::Dossiers);
    assert!(origin.others.iter().any(|o| o.source == SourceKind::Figures && o.figure.numerator == Some(950.0)));
    // What the list has no column for still comes from the figures file.
    assert_eq!(c(an_khe, "DOSSIER_SYNC"), (Some(1000.0), Some(1000.0), Some(6.0)));
}

/// A city's file: its own row, its departments and communes, no «Đơn vị cấp trên». The city's
/// row is the whole with its own published figures (Hà Nội 2026: TDGQ 74,04 % → 14,81, CKMB 11,2,
/// CLGQ 9,23, TTTT 4,69), unranked; the others rank among themselves.
#[test]
fn a_citys_own_row_is_its_whole() {
    let city = "UBND Thành phố Hà Nội";
    let analysis = analysed(&["month/thanh-pho.csv"], &Focus::default());
    let whole = unit(&analysis, city);
    assert_eq!(whole.rank, None);
    assert_eq!(analysis.scores.whole().map(|w| w.name.as_str()), Some(city));
    let group = |code: &str| whole.group(code).unwrap().score;
    assert_eq!((group("CKMB"), group("TDGQ"), group("CLGQ"), group("TTTT")), (11.2, 14.81, 9.23, 4.69));
    let letter = compose(&LetterFields::for_period("10/2026", city), &analysis.scores, None, &common::rules());
    assert_eq!(letter.whole, city);
    assert_eq!(letter.results[1].text, "Chỉ số Tiến độ giải quyết: 14,8/20 điểm.");
    let others: Vec<Option<usize>> = analysis.scores.units.iter().filter(|u| u.name != city).map(|u| u.rank).collect();
    assert!(others.iter().all(Option::is_some) && others.len() == 4, "{others:?}");
    assert!(analysis.scores.units.iter().filter(|u| u.name != city).all(|u| u.parent.as_deref() == Some(city)));
}

/// A file of departments and communes alone has no whole, unless the user names one.
#[test]
fn without_a_row_above_the_others_the_whole_is_the_users() {
    let text = "Đơn vị,ON_TIME (tử số),ON_TIME (mẫu số)\nSở Tư pháp,9,10\nUBND xã A,8,10\n";
    let book = chiso::core::read::read_file("don-vi.csv", text.as_bytes()).unwrap().workbook;
    let rules = common::rules();
    let none = analyse(&[(&book, Choice::default())], &rules, &Focus::default(), &Typed::new());
    assert!(none.scores.whole().is_none());
    assert!(none.scores.units.iter().all(|u| u.rank.is_some()));
    let named = Focus { whole: Some("sở tư pháp".into()), ..Focus::default() };
    let one = analyse(&[(&book, Choice::default())], &rules, &named, &Typed::new());
    // Sở Tư pháp's own 9/10 → 18, not pooled with the commune's.
    let whole = one.scores.whole().unwrap();
    assert_eq!((whole.name.as_str(), whole.total), ("Sở Tư pháp", 18.0));
    assert_eq!(unit(&one, "UBND xã A").rank, Some(1));
}
