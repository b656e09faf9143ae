//! The texts of `ui/ranking.rs`, Vietnamese first and English second.

use super::Words;
use crate::core::model::lang::Lang;

#[derive(Clone, Copy, Debug)]
pub enum RankingText {
    Sort,
    Band,
    Against,
    FindUnit,
    GoMyUnitS,
    New,
    MyUnit,
}

impl Words for RankingText {
    fn say(self, lang: Lang) -> &'static str {
        match self {
            RankingText::Sort => lang.pick("Sắp xếp theo", "Sort by"),
            RankingText::Band => lang.pick("Xếp loại", "Band"),
            RankingText::Against => lang.pick("So với", "Against"),
            RankingText::FindUnit => lang.pick("Tìm đơn vị ", "Find a unit "),
            RankingText::GoMyUnitS => lang.pick("Đến trang có đơn vị của tôi", "Go to my unit's page"),
            RankingText::New => lang.pick("mới", "new"),
            RankingText::MyUnit => lang.pick("★ Đơn vị của tôi", "★ My unit"),
        }
    }
}
