//! The texts of `ui/overview.rs`, Vietnamese first and English second.

use crate::core::model::format::number;
use crate::core::model::lang::Lang;

words! {
    OverviewText {
        Points => ("điểm", "points"),
        UnitsRanked => ("đơn vị được xếp hạng", "units ranked"),
        Highest => ("Cao nhất", "Highest"),
        Lowest => ("Thấp nhất", "Lowest"),
        WhatDoNext => ("Việc nên làm", "What to do next"),
        SeeRanking => ("Xem bảng xếp hạng", "See the ranking"),
        SeeDossiersCostPoints => ("Xem hồ sơ làm mất điểm", "See the dossiers that cost points"),
        DraftAnnouncement => ("Soạn văn bản công bố", "Draft the announcement"),
    }
}

/// «Xem 12 cảnh báo».
pub fn see_alerts(lang: Lang, count: usize) -> String {
    match lang {
        Lang::Vi => format!("Xem {} cảnh báo", number(count as f64, 0)),
        Lang::En => format!("See {count} alerts"),
    }
}
