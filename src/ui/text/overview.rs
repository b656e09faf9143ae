//! The texts of `ui/overview.rs`, Vietnamese first and English second.

use super::Words;
use crate::core::model::format::number;
use crate::core::model::lang::Lang;

#[derive(Clone, Copy, Debug)]
pub enum OverviewText {
    Points,
    UnitsRanked,
    Highest,
    Lowest,
    WhatDoNext,
    SeeRanking,
    SeeDossiersCostPoints,
    DraftAnnouncement,
}

impl Words for OverviewText {
    fn say(self, lang: Lang) -> &'static str {
        match self {
            OverviewText::Points => lang.pick("điểm", "points"),
            OverviewText::UnitsRanked => lang.pick("đơn vị được xếp hạng", "units ranked"),
            OverviewText::Highest => lang.pick("Cao nhất", "Highest"),
            OverviewText::Lowest => lang.pick("Thấp nhất", "Lowest"),
            OverviewText::WhatDoNext => lang.pick("Việc nên làm", "What to do next"),
            OverviewText::SeeRanking => lang.pick("Xem bảng xếp hạng", "See the ranking"),
            OverviewText::SeeDossiersCostPoints => {
                lang.pick("Xem hồ sơ làm mất điểm", "See the dossiers that cost points")
            }
            OverviewText::DraftAnnouncement => lang.pick("Soạn văn bản công bố", "Draft the announcement"),
        }
    }
}

/// «Xem 12 cảnh báo».
pub fn see_alerts(lang: Lang, count: usize) -> String {
    match lang {
        Lang::Vi => format!("Xem {} cảnh báo", number(count as f64, 0)),
        Lang::En => format!("See {count} alerts"),
    }
}
