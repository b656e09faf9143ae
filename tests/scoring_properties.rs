//! Properties of the scoring engine over arbitrary figures: every criterion score stays within
//! [0, max], groups stay within their maxima, and the groups add up to the total.

use std::collections::BTreeMap;

use chiso::core::figures::{Figure, Place, UnitRow};
use chiso::core::rules::RuleSet;
use chiso::core::scoring::{score_units, Status};
use proptest::prelude::*;

fn figure() -> impl Strategy<Value = Option<Figure>> {
    prop_oneof![
        Just(None),
        (0u32..2_000_000, 0u32..2_000_000).prop_map(|(a, b)| Some(Figure {
            numerator: Some(a.min(b) as f64),
            denominator: Some(a.max(b) as f64),
            rate: None
        })),
        (0.0f64..=1.0).prop_map(|r| Some(Figure { numerator: None, denominator: None, rate: Some(r) })),
        (0u32..50, 0u32..50).prop_map(|(a, b)| Some(Figure {
            numerator: Some(a as f64),
            denominator: Some(b as f64),
            rate: None
        })),
    ]
}

proptest! {
    #[test]
    fn scores_stay_in_range_and_add_up(figures in proptest::collection::vec(figure(), 21)) {
        let rules = RuleSet::default_rules().unwrap();
        let unit = UnitRow {
            name: "X".into(),
            kind: None,
            parent: None,
            period: None,
            source: Place::default(),
            figures: rules.criteria.iter().zip(&figures).filter_map(|(c, f)| f.map(|f| (c.code.clone(), f))).collect(),
            tracked: BTreeMap::new(),
            group_scores: BTreeMap::new(),
            total_score: None,
            origins: Default::default(),
        };
        let scores = score_units(&[unit], &rules);
        let u = &scores.units[0];
        let mut total_hundredths = 0i64;
        for (g, group) in rules.groups.iter().zip(&u.groups) {
            let mut sum = 0i64;
            for (c, r) in rules.criteria.iter().zip(&u.criteria).filter(|(c, _)| c.group == g.code) {
                if let Some(s) = r.score {
                    prop_assert!((0.0..=c.max).contains(&s), "{} scored {s}", c.code);
                    prop_assert_eq!(r.status, Status::Ok);
                    sum += (s * 100.0).round() as i64;
                }
            }
            prop_assert_eq!((group.score * 100.0).round() as i64, sum);
            prop_assert!(group.score <= g.max);
            total_hundredths += sum;
        }
        prop_assert_eq!((u.total * 100.0).round() as i64, total_hundredths);
        prop_assert!(u.total <= 100.0);
    }
}
