//! The texts of `ui/unit.rs`, Vietnamese first and English second.

use super::Words;
use crate::core::model::lang::Lang;

#[derive(Clone, Copy, Debug)]
pub enum UnitText {
    AgainstAveragePeers,
    PeersAverage,
    ParentUnit,
}

impl Words for UnitText {
    fn say(self, lang: Lang) -> &'static str {
        match self {
            UnitText::AgainstAveragePeers => {
                lang.pick("so với trung bình các đơn vị cùng cấp", "against the average of its peers")
            }
            UnitText::PeersAverage => lang.pick("Trung bình đơn vị cùng cấp", "Peers' average"),
            UnitText::ParentUnit => lang.pick("Đơn vị cấp trên", "Parent unit"),
        }
    }
}
