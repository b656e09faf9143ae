//! The texts of `ui/compare.rs`, Vietnamese first and English second.

words! {
    CompareText {
        Period => ("Kỳ đánh giá", "Period"),
        PeriodScored => ("Kỳ đánh giá", "Period scored"),
        Compared => ("So sánh với kỳ", "Compared with"),
        None => ("(không so sánh)", "(none)"),
        Period2 => ("So sánh kỳ", "Period"),
        Compared2 => ("với kỳ", "compared with"),
        NewAlerts => ("Cảnh báo mới", "New alerts"),
        ClearedAlerts => ("Cảnh báo đã hết", "Cleared alerts"),
        NoUnitSTotal => ("Không đơn vị nào thay đổi tổng điểm.", "No unit's total changed."),
        BiggestRises => ("Tăng nhiều nhất", "Biggest rises"),
        BiggestFalls => ("Giảm nhiều nhất", "Biggest falls"),
        New => ("mới", "new"),
        NotPeriod => ("không có kỳ này", "not this period"),
        ChangeGroupScoresRank => ("Thay đổi điểm theo nhóm và thứ hạng", "Change of group scores and rank"),
        Unit => ("Đơn vị", "Unit"),
        Total => ("Tổng", "Total"),
        Rank => ("Thứ hạng", "Rank"),
        None2 => ("Không có.", "None."),
    }
}
