//! The texts of `ui/trend.rs`, Vietnamese first and English second.

use super::Words;
use crate::core::model::lang::Lang;

#[derive(Clone, Copy, Debug)]
pub enum TrendText {
    TotalOverPeriods,
    TrendOverPeriods,
    None,
    TotalEachPeriodChange,
    Unit,
    Chart,
}

impl Words for TrendText {
    fn say(self, lang: Lang) -> &'static str {
        match self {
            TrendText::TotalOverPeriods => lang.pick("Tổng điểm qua các kỳ", "Total over the periods"),
            TrendText::TrendOverPeriods => lang.pick("Xu hướng qua các kỳ", "Trend over the periods"),
            TrendText::None => lang.pick("không có", "none"),
            TrendText::TotalEachPeriodChange => lang.pick(
                "Tổng điểm từng kỳ và mức tăng, giảm so với kỳ trước",
                "Total each period and its change against the period before",
            ),
            TrendText::Unit => lang.pick("Đơn vị", "Unit"),
            TrendText::Chart => lang.pick("Biểu đồ", "Chart"),
        }
    }
}
