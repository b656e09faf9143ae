//! The scoring engine against the reference's worked examples (published portal figures), its
//! zero-denominator rules, rounding, ranks and roll-up; each expected value is worked by hand in
//! docs/scoring.md or in the comment beside it.

mod common;

use chiso::core::scoring::{score_units, RankBy, ScoreWarning, Source, Status, UnitResult};
use common::{counts, ha_noi, rate, rules, unit};

fn groups(u: &UnitResult) -> Vec<(String, f64)> {
    u.groups.iter().map(|g| (g.code.clone(), g.score)).collect()
}

fn g(pairs: &[(&str, f64)]) -> Vec<(String, f64)> {
    pairs.iter().map(|(c, s)| (c.to_string(), *s)).collect()
}

fn score_of(u: &UnitResult, code: &str) -> Option<f64> {
    u.criterion(code).and_then(|c| c.score)
}

/// UBND Thành phố Hà Nội, year 2026 to 10 October: the published per-criterion and group scores.
#[test]
fn ha_noi_reproduces_the_published_scores() {
    let scores = score_units(&[ha_noi()], &rules());
    let u = &scores.units[0];
    let expected = [
        ("PUBLISH_ON_TIME", 0.0),
        ("PUBLIC_UPDATE_ON_TIME", 3.25),
        ("PUBLIC_CONTENT_FULL", 1.95),
        ("DOSSIER_SYNC", 6.0),
        ("ON_TIME", 14.81),
        ("FULL", 1.64),
        ("HAS_ONLINE", 1.59),
        ("ONLINE_DOSSIERS", 6.0),
        ("PAY_DOSSIERS", 3.22),
        ("PAY_FORMALITIES", 0.94),
        ("PAY_PROVISION", 0.53),
        ("DOSSIER_RECEIVING_SATISFACTION", 4.91),
        ("PETITION_PROCESSING_ON_TIME", 1.33),
        ("PETITION_HANDLING_SATISFACTION", 1.05),
        ("ORIGINAL_RESULT_AVAILABLE", 3.02),
        ("SO_HOA_GIAY_TO_GIAI_QUYET", 0.62),
        ("ELECTRONIC_CERTIFIED_COPY", 2.0),
        ("REUSED_DIGITIZED_DATA", 0.81),
        ("SYNCED_WITH_DVCQG_PERSONAL_STORAGE", 0.03),
        ("CITIZEN_DATA_CONNECTED_DOSSIER", 0.78),
        ("CITIZEN_DATA_CONNECTED_FORMALITY", 0.75),
    ];
    for (code, score) in expected {
        assert_eq!(score_of(u, code), Some(score), "{code}");
    }
    assert_eq!(
        groups(u),
        g(&[("CKMB", 11.2), ("TDGQ", 14.81), ("CLGQ", 9.23), ("TTTT", 4.69), ("MDHL", 7.29), ("MDSH", 8.01)])
    );
    assert_eq!(u.total, 55.23);
    assert_eq!(u.rank, Some(1));
    let full = u.criterion("FULL").unwrap();
    assert_eq!((full.numerator, full.denominator), (Some(53.0), Some(81.0)));
    assert!((full.ratio.unwrap() - 53.0 / 81.0).abs() < 1e-15);
    assert_eq!(full.points_lost(), 0.36);
}

/// UBND xã Ba Vì, same period: FULL 0/0 is no data; no petitions give full points.
#[test]
fn ba_vi_reproduces_the_published_scores() {
    let ba_vi = unit(
        "UBND xã Ba Vì",
        None,
        &[
            ("ON_TIME", counts(4358.0, 4474.0)),
            ("FULL", counts(0.0, 0.0)),
            ("HAS_ONLINE", counts(31.0, 403.0)),
            ("ONLINE_DOSSIERS", counts(3294.0, 4474.0)),
            ("PAY_DOSSIERS", counts(2558.0, 3292.0)),
            ("PAY_FORMALITIES", counts(3.0, 31.0)),
            ("PAY_PROVISION", counts(3.0, 31.0)),
            ("PETITION_PROCESSING_ON_TIME", counts(0.0, 0.0)),
            ("PETITION_HANDLING_SATISFACTION", counts(0.0, 0.0)),
            ("DOSSIER_RECEIVING_SATISFACTION", counts(4357.0, 4474.0)),
        ],
    );
    let scores = score_units(&[ba_vi], &rules());
    let u = &scores.units[0];
    assert_eq!(score_of(u, "ON_TIME"), Some(19.48));
    assert_eq!(u.group("TDGQ").map(|g| g.score), Some(19.48));
    assert_eq!(u.group("CLGQ").map(|g| g.score), Some(6.31));
    assert_eq!(u.group("TTTT").map(|g| g.score), Some(5.14));
    assert_eq!(u.group("MDHL").map(|g| g.score), Some(18.0));
    let full = u.criterion("FULL").unwrap();
    assert_eq!((full.status, full.score, full.ratio), (Status::NoData, None, None));
    assert_eq!(u.criterion("PETITION_PROCESSING_ON_TIME").map(|c| (c.status, c.score)), Some((Status::Ok, Some(6.0))));
    // CKMB and MDSH have no figures at all: no data, 0 in the group.
    assert_eq!(u.group("CKMB").map(|g| g.score), Some(0.0));
    assert_eq!(u.criterion("DOSSIER_SYNC").map(|c| c.status), Some(Status::NoData));
    assert_eq!(u.total, 19.48 + 6.31 + 5.14 + 18.0);
}

#[test]
fn every_zero_denominator_rule() {
    let zero = counts(0.0, 0.0);
    let u = unit(
        "X",
        None,
        &[
            ("PETITION_HANDLING_SATISFACTION", zero),
            ("ON_TIME", zero),
            ("DOSSIER_RECEIVING_SATISFACTION", zero),
            ("PAY_DOSSIERS", zero),
        ],
    );
    let scores = score_units(&[u], &rules());
    let u = &scores.units[0];
    let state = |code: &str| u.criterion(code).map(|c| (c.status, c.score));
    assert_eq!(state("PETITION_HANDLING_SATISFACTION"), Some((Status::Ok, Some(6.0))), "full");
    assert_eq!(state("ON_TIME"), Some((Status::Ok, Some(0.0))), "zero");
    assert_eq!(state("DOSSIER_RECEIVING_SATISFACTION"), Some((Status::Ok, Some(0.0))), "zero");
    assert_eq!(state("PAY_DOSSIERS"), Some((Status::NoData, None)), "no data");
    assert_eq!(
        state("PETITION_PROCESSING_ON_TIME"),
        Some((Status::NoData, None)),
        "absent is no data, not zero petitions"
    );
}

#[test]
fn data_errors_are_not_scored() {
    let u = unit("X", None, &[("ON_TIME", counts(12.0, 10.0)), ("PAY_DOSSIERS", counts(3.0, 0.0))]);
    let scores = score_units(&[u], &rules());
    let u = &scores.units[0];
    let on_time = u.criterion("ON_TIME").unwrap();
    assert_eq!((on_time.status, on_time.score, on_time.ratio), (Status::DataError, None, Some(1.2)));
    assert_eq!(u.criterion("PAY_DOSSIERS").map(|c| (c.status, c.score)), Some((Status::DataError, None)));
    assert_eq!(u.group("TDGQ").map(|g| g.score), Some(0.0));
}

#[test]
fn rounding_at_the_half_hundredth_goes_up() {
    // PAY_DOSSIERS (6, linear): 6 × 7/80 = 0.525 → 0.53. In floating point 6 × 7 / 80 × 100 is
    // 52.4999…, which would round down.
    // DOSSIER_RECEIVING_SATISFACTION (6, target 0.9): 63/800 = 0.07875, / 0.9 × 6 = 0.525 → 0.53.
    // HAS_ONLINE (4, linear): 4 × 1/800 = 0.005 → 0.01; ON_TIME (20): 20 × 1/8000 = 0.0025 → 0.
    let u = unit(
        "X",
        None,
        &[
            ("PAY_DOSSIERS", counts(7.0, 80.0)),
            ("DOSSIER_RECEIVING_SATISFACTION", counts(63.0, 800.0)),
            ("HAS_ONLINE", counts(1.0, 800.0)),
            ("ON_TIME", counts(1.0, 8000.0)),
        ],
    );
    let scores = score_units(&[u], &rules());
    let u = &scores.units[0];
    assert_eq!(score_of(u, "PAY_DOSSIERS"), Some(0.53));
    assert_eq!(score_of(u, "DOSSIER_RECEIVING_SATISFACTION"), Some(0.53));
    assert_eq!(score_of(u, "HAS_ONLINE"), Some(0.01));
    assert_eq!(score_of(u, "ON_TIME"), Some(0.0));
    // A rate given as a percentage rounds the same way: 6 × 8.75 % = 0.525 → 0.53.
    let r = unit("Y", None, &[("PAY_DOSSIERS", rate(0.0875))]);
    assert_eq!(score_of(&score_units(&[r], &rules()).units[0], "PAY_DOSSIERS"), Some(0.53));
}

#[test]
fn competition_ranks_overall_and_per_group() {
    let a = unit("A", None, &[("ON_TIME", counts(9.0, 10.0))]); // 18
    let b = unit("B", None, &[("ON_TIME", counts(19.0, 20.0))]); // 19
    let c = unit("C", None, &[("ON_TIME", counts(18.0, 20.0)), ("DOSSIER_SYNC", counts(0.0, 5.0))]); // 18
    let d = unit("D", None, &[("ON_TIME", counts(1.0, 2.0))]); // 10
    let scores = score_units(&[a, b, c, d], &rules());
    let ranks: Vec<(&str, f64, Option<usize>)> =
        scores.units.iter().map(|u| (u.name.as_str(), u.total, u.rank)).collect();
    assert_eq!(ranks, [("A", 18.0, Some(2)), ("B", 19.0, Some(1)), ("C", 18.0, Some(2)), ("D", 10.0, Some(4))]);
    let ckmb: Vec<Option<usize>> = scores.units.iter().map(|u| u.group("CKMB").unwrap().rank).collect();
    assert_eq!(ckmb, [Some(1); 4]);
}

/// A district's own row is the whole of it (its figures as the portal publishes them, never pooled
/// again with its communes'); what its row lacks is pooled from its communes' counts; the
/// communes inherit province-level criteria; ranks are among siblings.
#[test]
fn roll_up_pools_counts_never_averages_scores() {
    let district =
        unit("UBND huyện Ba Vì", None, &[("ON_TIME", counts(96.0, 112.0)), ("PUBLISH_ON_TIME", counts(65.0, 80.0))]);
    let a = unit(
        "UBND xã A",
        Some("UBND huyện Ba Vì"),
        &[("ON_TIME", counts(90.0, 100.0)), ("PAY_DOSSIERS", counts(3.0, 6.0))],
    );
    let b = unit(
        "UBND xã B",
        Some("ubnd HUYỆN ba vì"),
        &[("ON_TIME", counts(1.0, 2.0)), ("PAY_DOSSIERS", counts(1.0, 4.0))],
    );
    let scores = score_units(&[district, a, b], &rules());
    let d = &scores.units[0];
    let on_time = d.criterion("ON_TIME").unwrap();
    // The district's own 96/112 → 20 × 0.857143 = 17.14; its communes' counts added again would
    // give (96 + 90 + 1) / (112 + 100 + 2) = 187/214 → 17.48.
    assert_eq!((on_time.numerator, on_time.denominator, on_time.score), (Some(96.0), Some(112.0), Some(17.14)));
    assert_eq!(on_time.source, Source::Own);
    // PAY_DOSSIERS, not in the district's row: (3 + 1) / (6 + 4) = 0.4 → 6 × 0.4 = 2.4. An average
    // of the two scores (3 and 1.5) would give 2.25.
    let pay = d.criterion("PAY_DOSSIERS").unwrap();
    assert_eq!((pay.numerator, pay.denominator, pay.score), (Some(4.0), Some(10.0), Some(2.4)));
    assert_eq!(pay.source, Source::Pooled);
    // PUBLISH_ON_TIME is province level: not pooled, shown unchanged to the communes.
    assert_eq!(score_of(d, "PUBLISH_ON_TIME"), Some(4.88)); // 6 × 65/80 = 4.875 → 4.88
    let a = &scores.units[1];
    let publish = a.criterion("PUBLISH_ON_TIME").unwrap();
    assert_eq!((publish.score, &publish.source), (Some(4.88), &Source::Inherited("UBND huyện Ba Vì".into())));
    assert_eq!(score_of(a, "ON_TIME"), Some(18.0));
    assert_eq!(a.criterion("ON_TIME").unwrap().source, Source::Own);
    assert_eq!(scores.units[2].parent.as_deref(), Some("UBND huyện Ba Vì"));
    let ranks: Vec<Option<usize>> = scores.units.iter().map(|u| u.rank).collect();
    // The district, alone at its level with the communes under it, is their whole: not ranked
    // beside them (issue 14: no «hạng 1/1»).
    assert_eq!(ranks, [None, Some(1), Some(2)], "the communes rank among themselves");
    assert!(scores.units[0].is_whole() && scores.units[0].groups.iter().all(|g| g.rank.is_none()));
    // By TTTT (A 3/6 → 3; the district pooled 2,4; B none → 0) the whole still heads the list.
    assert_eq!(scores.order_by_group("TTTT"), [0, 1, 2]);
    assert_eq!(scores.order_by_group("TDGQ"), [0, 1, 2]);
    assert!(scores.warnings.is_empty());
}

#[test]
fn a_parent_without_a_row_is_made_of_its_children() {
    let a = unit("Xã A", Some("Huyện H"), &[("ON_TIME", counts(3.0, 4.0))]);
    let b = unit("Xã B", Some("Huyện H"), &[("ON_TIME", counts(1.0, 4.0))]);
    let scores = score_units(&[a, b], &rules());
    assert_eq!(scores.warnings, [ScoreWarning::ParentWithoutRow { parent: "Huyện H".into() }]);
    let h = scores.units.iter().find(|u| u.name == "Huyện H").unwrap();
    assert_eq!(h.source, None);
    assert_eq!(score_of(h, "ON_TIME"), Some(10.0)); // 4/8
}

#[test]
fn parent_cycles_are_broken_and_reported() {
    let a = unit("A", Some("B"), &[]);
    let b = unit("B", Some("A"), &[]);
    let scores = score_units(&[a, b], &rules());
    assert!(scores.warnings.contains(&ScoreWarning::ParentCycle { unit: "A".into() }));
    assert_eq!(scores.units.len(), 2);
}

#[test]
fn score_only_units_are_ranked_without_recomputation() {
    let mut a = unit("Xã A", None, &[]);
    a.group_scores = [("CKMB", 11.2), ("TDGQ", 14.81)].iter().map(|(c, s)| (c.to_string(), *s)).collect();
    let mut b = unit("Xã B", None, &[]);
    b.group_scores = [("CKMB", 12.0), ("TDGQ", 19.0)].iter().map(|(c, s)| (c.to_string(), *s)).collect();
    b.total_score = Some(31.0);
    let scores = score_units(&[a, b], &rules());
    let (a, b) = (&scores.units[0], &scores.units[1]);
    assert!(a.score_only() && b.score_only());
    assert_eq!((a.total, a.rank), (26.01, Some(2)));
    assert_eq!((b.total, b.rank), (31.0, Some(1)));
    assert_eq!(a.group("MDSH").map(|g| g.score), Some(0.0));
}

/// The online-payment criteria as the portal's front end rounds them (docs/scoring.md); each
/// expected score is what node prints for +Math.min(max, max * +(n / d * 100).toFixed(2) /
/// (100 * target)).toFixed(2).
#[test]
fn online_payment_rounds_the_percentage_first_as_the_portal_does() {
    let figures = [
        ("PAY_DOSSIERS", counts(1371.0, 1508.0)),
        ("PAY_FORMALITIES", counts(14.0, 36.0)),
        ("PAY_PROVISION", counts(8.0, 36.0)),
    ];
    let scores = score_units(&[unit("Sở A", None, &figures)], &rules());
    let u = &scores.units[0];
    // 90,92 % → 5,46 (the exact fraction gives 5,45); 38,89 % of 80 % → 0,97; 22,22 % → 0,56.
    assert_eq!(
        [score_of(u, "PAY_DOSSIERS"), score_of(u, "PAY_FORMALITIES"), score_of(u, "PAY_PROVISION")],
        [Some(5.46), Some(0.97), Some(0.56)]
    );
    assert_eq!(u.group("TTTT").map(|g| g.score), Some(6.99), "published TTTT 6,99; the exact rule gave 6,98");

    // 6/40 = 15 % of 80 %: exactly 0,375 of 2 points, a tie that goes up.
    let tie = score_units(&[unit("Xã B", None, &[("PAY_FORMALITIES", counts(6.0, 40.0))])], &rules());
    assert_eq!(score_of(&tie.units[0], "PAY_FORMALITIES"), Some(0.38));
    // 339/400 = 84,75 % → 6 × 84,75 / 100 = 5,085, stored as 5,08499…: 5,08 (exactly, 5,09).
    let below = score_units(&[unit("Xã C", None, &[("PAY_DOSSIERS", counts(339.0, 400.0))])], &rules());
    assert_eq!(score_of(&below.units[0], "PAY_DOSSIERS"), Some(5.08));
    // A rate given without counts goes the same way: 84,75 %.
    let rate_only = score_units(&[unit("Xã D", None, &[("PAY_DOSSIERS", rate(0.8475))])], &rules());
    assert_eq!(score_of(&rate_only.units[0], "PAY_DOSSIERS"), Some(5.08));
}

#[test]
fn a_certified_copy_criterion_without_a_denominator_scores_full_points() {
    let scores = score_units(&[unit("Xã E", None, &[("ELECTRONIC_CERTIFIED_COPY", counts(0.0, 0.0))])], &rules());
    let c = scores.units[0].criterion("ELECTRONIC_CERTIFIED_COPY").unwrap();
    assert_eq!((c.score, c.status), (Some(2.0), Status::Ok));
}

/// The seed letter's town: 14 communes, no row of its own, nobody above it. Each commune reports
/// PUBLISH_ON_TIME 0/10, PUBLIC_UPDATE_ON_TIME 5/10, PUBLIC_CONTENT_FULL 13/20 and DOSSIER_SYNC 2/3.
#[test]
fn a_town_without_a_row_pools_its_communes_province_level_counts() {
    let town = "UBND thị xã Mỹ Hào";
    let communes: Vec<_> = (1..=14)
        .map(|i| {
            unit(
                &format!("UBND xã {i}"),
                Some(town),
                &[
                    ("PUBLISH_ON_TIME", counts(0.0, 10.0)),
                    ("PUBLIC_UPDATE_ON_TIME", counts(5.0, 10.0)),
                    ("PUBLIC_CONTENT_FULL", counts(13.0, 20.0)),
                    ("DOSSIER_SYNC", counts(2.0, 3.0)),
                ],
            )
        })
        .collect();
    let scores = score_units(&communes, &rules());
    let whole = scores.units.iter().find(|u| u.name == town).unwrap();
    // 0/140 → 0; 70/140 × 4 → 2,00; 182/280 × 2 → 1,30; 28/42 × 6 → 4,00: the published 7,3.
    assert_eq!(whole.group("CKMB").map(|g| g.score), Some(7.3));
    let publish = whole.criterion("PUBLIC_UPDATE_ON_TIME").unwrap();
    assert_eq!(
        (publish.numerator, publish.denominator, publish.source.clone()),
        (Some(70.0), Some(140.0), Source::Pooled)
    );
    // Each commune keeps its own figures.
    let first = scores.units.iter().find(|u| u.name == "UBND xã 1").unwrap();
    assert_eq!(first.criterion("PUBLIC_CONTENT_FULL").unwrap().source, Source::Own);
    assert_eq!(first.group("CKMB").map(|g| g.score), Some(7.3));
}

/// The portal ranks departments and communes apart: `kind_rank` ranks every unit among those of
/// its kind (from `Loại đơn vị`, or the name), whatever its parent, ties as 1, 2, 2, 4. ON_TIME
/// alone: A 9/10 → 18, B and C 8/10 → 16, D 5/10 → 10; Sở Tư pháp 10/10 → 20; the districts pool
/// their communes: X (9 + 5)/20 → 14, Y 16/20 → 16.
#[test]
fn units_are_ranked_within_their_kind() {
    let on_time = |n: f64| [("ON_TIME", common::counts(n, 10.0))];
    let rows = vec![
        common::unit("UBND xã A", Some("UBND huyện X"), &on_time(9.0)),
        common::unit("UBND xã B", Some("UBND huyện Y"), &on_time(8.0)),
        common::unit("UBND xã C", Some("UBND huyện Y"), &on_time(8.0)),
        common::unit("UBND xã D", Some("UBND huyện X"), &on_time(5.0)),
        common::unit("Sở Tư pháp", None, &on_time(10.0)),
    ];
    let scores = chiso::core::scoring::score_units(&rows, &common::rules());
    let of = |name: &str| {
        let u = scores.units.iter().find(|u| u.name == name).unwrap();
        (u.kind.clone(), u.kind_rank, u.rank)
    };
    let commune = Some("Cấp xã".to_string());
    assert_eq!(of("UBND xã A"), (commune.clone(), Some(1), Some(1)));
    assert_eq!(of("UBND xã B"), (commune.clone(), Some(2), Some(1)));
    assert_eq!(of("UBND xã C"), (commune.clone(), Some(2), Some(1)));
    assert_eq!(of("UBND xã D"), (commune, Some(4), Some(2)));
    assert_eq!(of("Sở Tư pháp"), (Some("Sở, ban, ngành".to_string()), Some(1), Some(1)));
    assert_eq!(of("UBND huyện Y").1, Some(1));
    assert_eq!(of("UBND huyện X").1, Some(2));
    // The ranking by kind: the kinds in reading order (Sở 20, then Y 16 with B and C, then X 14
    // with A and D), and the communes alone by their rank within their kind, ties in reading order.
    assert_eq!(scores.kinds(), ["Sở, ban, ngành", "Cấp huyện", "Cấp xã"]);
    let names = |order: Vec<usize>| order.into_iter().map(|i| scores.units[i].name.as_str()).collect::<Vec<_>>();
    assert_eq!(
        names(scores.order(&RankBy::Total, Some("cấp xã"))),
        ["UBND xã A", "UBND xã B", "UBND xã C", "UBND xã D"]
    );
    assert_eq!(names(scores.order(&RankBy::Total, None))[..3], ["Sở Tư pháp", "UBND huyện Y", "UBND xã B"]);
    // A name typed without diacritics, in any case, finds the units that hold it, in the order.
    assert_eq!(names(scores.named(scores.order(&RankBy::Total, None), "HUYEN y")), ["UBND huyện Y"]);
    assert_eq!(names(scores.named(scores.order(&RankBy::Total, Some("cấp xã")), " xa  c")), ["UBND xã C"]);
    assert_eq!(scores.named(scores.order(&RankBy::Total, None), "").len(), 7);
    assert_eq!(chiso::core::scoring::named_label(1234, chiso::core::model::lang::Lang::Vi), "Tìm thấy 1.234 đơn vị");
    for by in [RankBy::Total, RankBy::Group("TDGQ".into())] {
        assert_eq!(RankBy::from_code(by.code()), by);
    }
}
