//! The texts of `ui/trend.rs`, Vietnamese first and English second.

words! {
    TrendText {
        TotalOverPeriods => ("Tổng điểm qua các kỳ", "Total over the periods"),
        TrendOverPeriods => ("Xu hướng qua các kỳ", "Trend over the periods"),
        None => ("không có", "none"),
        TotalEachPeriodChange => ("Tổng điểm từng kỳ và mức tăng, giảm so với kỳ trước", "Total each period and its change against the period before"),
        Unit => ("Đơn vị", "Unit"),
        Chart => ("Biểu đồ", "Chart"),
    }
}
