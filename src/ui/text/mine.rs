//! The texts of `ui/mine.rs`, Vietnamese first and English second.

use super::Words;
use crate::core::model::lang::Lang;

#[derive(Clone, Copy, Debug)]
pub enum MineText {
    MyUnit,
    OverPeriods,
    Points,
    ReachNextBand,
    SeeDossiersFix,
    OpenUnitSPage,
}

impl Words for MineText {
    fn say(self, lang: Lang) -> &'static str {
        match self {
            MineText::MyUnit => lang.pick("Đơn vị của tôi: ", "My unit: "),
            MineText::OverPeriods => lang.pick("Qua các kỳ: ", "Over the periods: "),
            MineText::Points => lang.pick("điểm", "points"),
            MineText::ReachNextBand => lang.pick("Để lên mức tiếp theo", "To reach the next band"),
            MineText::SeeDossiersFix => lang.pick("Xem hồ sơ cần xử lý", "See the dossiers to fix"),
            MineText::OpenUnitSPage => lang.pick("Xem trang đơn vị", "Open the unit's page"),
        }
    }
}
