//! The texts of `ui/window.rs`, Vietnamese first and English second.

use super::Words;
use crate::core::model::lang::Lang;

#[derive(Clone, Copy, Debug)]
pub enum WindowText {
    DossierListPeriod,
    Kind,
    From,
    To,
    Period,
    ChisoSProposalMonth,
    UseProposal,
}

impl Words for WindowText {
    fn say(self, lang: Lang) -> &'static str {
        match self {
            WindowText::DossierListPeriod => lang.pick("Kỳ của danh sách hồ sơ", "Dossier list period"),
            WindowText::Kind => lang.pick("Loại kỳ ", "Kind "),
            WindowText::From => lang.pick(" Từ ngày ", " From "),
            WindowText::To => lang.pick(" đến ngày ", " to "),
            WindowText::Period => lang.pick(" Kỳ ", " Period "),
            WindowText::ChisoSProposalMonth => lang.pick(
                "chiso đề xuất (tháng có nhiều hồ sơ tiếp nhận nhất):",
                "chiso's proposal (the month most dossiers were received in):",
            ),
            WindowText::UseProposal => lang.pick("Dùng kỳ đề xuất", "Use the proposal"),
        }
    }
}
