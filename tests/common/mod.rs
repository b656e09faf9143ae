//! What the native test files share: fixture paths, a scratch directory of each test's own,
//! unit and figure builders, and the published Hà Nội figures. Each test file uses part of it.
#![allow(dead_code)]

use std::collections::BTreeMap;
use std::path::PathBuf;

use chiso::core::figures::{Figure, Place, UnitRow};
use chiso::core::model::table::Workbook;
use chiso::core::read::read_file;
use chiso::core::rules::RuleSet;

/// A path under tests/fixtures.
pub fn fixture(path: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(path)
}

pub fn fixture_bytes(path: &str) -> Vec<u8> {
    let path = fixture(path);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// A fixture read as chiso reads a dropped file, named by its file name.
pub fn fixture_book(path: &str) -> Workbook {
    let name = path.rsplit('/').next().unwrap_or(path);
    read_file(name, &fixture_bytes(path)).unwrap_or_else(|e| panic!("{path}: {e:?}")).workbook
}

/// A new, empty directory that belongs to one test alone and is removed when dropped: tests run
/// in parallel, and two that write the same path read each other's half-written files.
pub fn scratch(test: &str) -> tempfile::TempDir {
    tempfile::Builder::new()
        .prefix(&format!("{test}-"))
        .tempdir_in(env!("CARGO_TARGET_TMPDIR"))
        .unwrap_or_else(|e| panic!("scratch directory for {test}: {e}"))
}

pub fn rules() -> RuleSet {
    RuleSet::default_rules().expect("default rules")
}

pub fn counts(n: f64, d: f64) -> Figure {
    Figure { numerator: Some(n), denominator: Some(d), rate: None }
}

pub fn rate(r: f64) -> Figure {
    Figure { numerator: None, denominator: None, rate: Some(r) }
}

/// A unit row as a sheet would give it: name, parent and criterion figures, nothing else.
pub fn unit(name: &str, parent: Option<&str>, figures: &[(&str, Figure)]) -> UnitRow {
    UnitRow {
        name: name.to_string(),
        kind: None,
        parent: parent.map(str::to_string),
        period: None,
        source: Place::default(),
        figures: figures.iter().map(|(c, f)| (c.to_string(), *f)).collect(),
        tracked: BTreeMap::new(),
        group_scores: BTreeMap::new(),
        total_score: None,
        origins: Default::default(),
    }
}

/// UBND Thành phố Hà Nội, year 2026 to 10 October, as the portal published it (the scoring
/// reference's first worked example; docs/scoring.md).
pub fn ha_noi() -> UnitRow {
    unit(
        "UBND Thành phố Hà Nội",
        None,
        &[
            ("PUBLISH_ON_TIME", counts(0.0, 79.0)),
            ("PUBLIC_UPDATE_ON_TIME", counts(65.0, 80.0)),
            ("PUBLIC_CONTENT_FULL", counts(78.0, 80.0)),
            ("DOSSIER_SYNC", counts(859_324.0, 859_324.0)),
            ("ON_TIME", rate(0.7404)),
            ("FULL", counts(53.0, 81.0)),
            ("HAS_ONLINE", counts(781.0, 1965.0)),
            ("ONLINE_DOSSIERS", counts(886_491.0, 1_065_048.0)),
            ("PAY_DOSSIERS", counts(229_394.0, 427_521.0)),
            ("PAY_FORMALITIES", counts(125.0, 331.0)),
            ("PAY_PROVISION", counts(70.0, 331.0)),
            ("DOSSIER_RECEIVING_SATISFACTION", counts(785_199.0, 1_065_150.0)),
            ("PETITION_PROCESSING_ON_TIME", counts(1000.0, 4506.0)),
            ("PETITION_HANDLING_SATISFACTION", counts(791.0, 4506.0)),
            ("ORIGINAL_RESULT_AVAILABLE", counts(536_776.0, 1_065_150.0)),
            ("SO_HOA_GIAY_TO_GIAI_QUYET", counts(164_908.0, 1_065_150.0)),
            ("ELECTRONIC_CERTIFIED_COPY", rate(1.0)),
            ("REUSED_DIGITIZED_DATA", counts(344_455.0, 1_065_150.0)),
            ("SYNCED_WITH_DVCQG_PERSONAL_STORAGE", counts(7727.0, 1_065_150.0)),
            ("CITIZEN_DATA_CONNECTED_DOSSIER", counts(412_784.0, 1_065_150.0)),
            ("CITIZEN_DATA_CONNECTED_FORMALITY", counts(500.0, 1327.0)),
        ],
    )
}
