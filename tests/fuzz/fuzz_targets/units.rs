//! Header detection, column mapping, figures and scoring over whatever table the bytes make
//! (as CSV text), and for a dossier list its tally, action list and to-fix rows: every outcome is
//! a table, an error or issues, never a panic.
#![no_main]

use chiso::core::analysis::{analyse, Choice, Focus};
use chiso::core::read::read_file;
use chiso::core::rules::RuleSet;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(loaded) = read_file("don-vi.csv", data) else { return };
    let rules = RuleSet::default_rules().expect("the compiled-in rules are valid");
    let analysis = analyse(&[(&loaded.workbook, Choice::default())], &rules, &Focus::default(), &Default::default());
    // Computed totals stay within the 100 points (a score-only table's are the file's own).
    for unit in analysis.scores.units.iter().filter(|u| !u.score_only()) {
        assert!((0.0..=100.0).contains(&unit.total), "{}: {}", unit.name, unit.total);
    }
    for table in analysis.tables.iter().filter_map(|t| t.dossiers.as_ref()) {
        for action in chiso::core::dossier::actions::actions(table, &analysis.scores, &rules) {
            assert!(action.recovery.gain > 0.0 && action.recovery.needed <= action.recovery.fixable);
        }
        let _ = chiso::core::report::fix_list::rows(table, &[], &rules, chiso::core::model::lang::Lang::Vi);
    }
});
