//! The texts of `ui/compare.rs`, Vietnamese first and English second.

use super::Words;
use crate::core::model::lang::Lang;

#[derive(Clone, Copy, Debug)]
pub enum CompareText {
    Period,
    PeriodScored,
    Compared,
    None,
    Period2,
    Compared2,
    NewAlerts,
    ClearedAlerts,
    NoUnitSTotal,
    BiggestRises,
    BiggestFalls,
    New,
    NotPeriod,
    ChangeGroupScoresRank,
    Unit,
    Total,
    Rank,
    None2,
}

impl Words for CompareText {
    fn say(self, lang: Lang) -> &'static str {
        match self {
            CompareText::Period => lang.pick("Kỳ đánh giá", "Period"),
            CompareText::PeriodScored => lang.pick("Kỳ đánh giá", "Period scored"),
            CompareText::Compared => lang.pick("So sánh với kỳ", "Compared with"),
            CompareText::None => lang.pick("(không so sánh)", "(none)"),
            CompareText::Period2 => lang.pick("So sánh kỳ", "Period"),
            CompareText::Compared2 => lang.pick("với kỳ", "compared with"),
            CompareText::NewAlerts => lang.pick("Cảnh báo mới", "New alerts"),
            CompareText::ClearedAlerts => lang.pick("Cảnh báo đã hết", "Cleared alerts"),
            CompareText::NoUnitSTotal => lang.pick("Không đơn vị nào thay đổi tổng điểm.", "No unit's total changed."),
            CompareText::BiggestRises => lang.pick("Tăng nhiều nhất", "Biggest rises"),
            CompareText::BiggestFalls => lang.pick("Giảm nhiều nhất", "Biggest falls"),
            CompareText::New => lang.pick("mới", "new"),
            CompareText::NotPeriod => lang.pick("không có kỳ này", "not this period"),
            CompareText::ChangeGroupScoresRank => {
                lang.pick("Thay đổi điểm theo nhóm và thứ hạng", "Change of group scores and rank")
            }
            CompareText::Unit => lang.pick("Đơn vị", "Unit"),
            CompareText::Total => lang.pick("Tổng", "Total"),
            CompareText::Rank => lang.pick("Thứ hạng", "Rank"),
            CompareText::None2 => lang.pick("Không có.", "None."),
        }
    }
}
