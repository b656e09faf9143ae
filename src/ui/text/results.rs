//! The texts of `ui/results.rs`, Vietnamese first and English second.

use crate::core::model::format::number;
use crate::core::model::lang::Lang;

words! {
    ResultsText {
        RankKindUnit => ("Xếp hạng theo loại đơn vị: ", "Rank by kind of unit: "),
        AllRankUnderParent => ("Tất cả (hạng trong đơn vị cấp trên)", "All (rank under the parent)"),
        TotalsHighestFirst => ("Tổng điểm, từ cao xuống thấp", "Totals, highest first"),
        PointsOut => ("điểm trên tối đa", "points out of"),
        HighestFirst => (", từ cao xuống thấp", ", highest first"),
        Charts => ("Biểu đồ", "Charts"),
    }
}

/// «ℹ 3 thông báo về số liệu»: the folded notices' line.
pub fn notices_summary(lang: Lang, count: usize) -> String {
    match lang {
        Lang::Vi => format!("ℹ {} thông báo về số liệu", number(count as f64, 0)),
        Lang::En => format!("ℹ {count} notes on the figures"),
    }
}
