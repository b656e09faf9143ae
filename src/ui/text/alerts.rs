//! The texts of `ui/alerts.rs`, Vietnamese first and English second.

words! {
    AlertsText {
        Red => ("đỏ", "red"),
        Yellow => ("vàng", "yellow"),
        DoFirst => ("Nên làm trước:", "Do first:"),
        Alerts => ("cảnh báo", "alerts"),
        Alerts2 => ("Cảnh báo", "Alerts"),
        ProvinceSharedUnitsNot => ("Do cấp tỉnh — chung cho các đơn vị, không tính vào cảnh báo của từng đơn vị", "From the province — shared by the units, not an alert of each"),
        MissingFiguresNotShortfall => ("Thiếu số liệu — không phải điểm yếu, cần bổ sung", "Missing figures — not a shortfall, to be supplied"),
        AlertRulesRememberedComputer => ("Quy tắc cảnh báo (được ghi nhớ trên máy này)", "Alert rules (remembered on this computer)"),
        GroupBelowMaxRed => ("Nhóm dưới (% điểm tối đa) — đỏ", "Group below (% of max) — red"),
        GroupBelowMaxYellow => ("Nhóm dưới (% điểm tối đa) — vàng", "Group below (% of max) — yellow"),
        CriterionBelowTarget => ("Tiêu chí chưa đạt chỉ tiêu", "Criterion below its target"),
        TotalBelow0Off => ("Tổng điểm dưới (0 = tắt)", "Total below (0 = off)"),
        CriterionWatchedRate => ("Tiêu chí theo dõi theo tỷ lệ", "Criterion watched by its rate"),
        WhenRateBelow => ("… khi tỷ lệ dưới (%)", "… when its rate is below (%)"),
        GroupLowestUnits => ("Nhóm xét đơn vị thấp nhất", "Group for the lowest units"),
        HowManyLowestUnits => ("Số đơn vị thấp nhất (0 = tắt)", "How many lowest units (0 = off)"),
    }
}
