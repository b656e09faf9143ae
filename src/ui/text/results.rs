//! The texts of `ui/results.rs`, Vietnamese first and English second.

use super::Words;
use crate::core::model::format::number;
use crate::core::model::lang::Lang;

#[derive(Clone, Copy, Debug)]
pub enum ResultsText {
    RankKindUnit,
    AllRankUnderParent,
    TotalsHighestFirst,
    PointsOut,
    HighestFirst,
    Charts,
}

impl Words for ResultsText {
    fn say(self, lang: Lang) -> &'static str {
        match self {
            ResultsText::RankKindUnit => lang.pick("Xếp hạng theo loại đơn vị: ", "Rank by kind of unit: "),
            ResultsText::AllRankUnderParent => {
                lang.pick("Tất cả (hạng trong đơn vị cấp trên)", "All (rank under the parent)")
            }
            ResultsText::TotalsHighestFirst => lang.pick("Tổng điểm, từ cao xuống thấp", "Totals, highest first"),
            ResultsText::PointsOut => lang.pick("điểm trên tối đa", "points out of"),
            ResultsText::HighestFirst => lang.pick(", từ cao xuống thấp", ", highest first"),
            ResultsText::Charts => lang.pick("Biểu đồ", "Charts"),
        }
    }
}

/// «ℹ 3 thông báo về số liệu»: the folded notices' line.
pub fn notices_summary(lang: Lang, count: usize) -> String {
    match lang {
        Lang::Vi => format!("ℹ {} thông báo về số liệu", number(count as f64, 0)),
        Lang::En => format!("ℹ {count} notes on the figures"),
    }
}
