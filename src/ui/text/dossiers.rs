//! The texts of `ui/dossiers.rs`, Vietnamese first and English second.

words! {
    DossiersText {
        DossierListSelfCheck => ("Tự kiểm tra danh sách hồ sơ", "Dossier-list self-check"),
        ColumnsRecognised => ("Cột nhận biết được: ", "Columns recognised: "),
        Missing => (". Không có: ", ". Missing: "),
        WhatDoGainPoints => ("Việc cần làm để tăng điểm", "What to do to gain points"),
        EachUnitSDossiers => ("Số hồ sơ của từng đơn vị trong kỳ", "Each unit's dossiers in the period"),
        Unit => ("Đơn vị", "Unit"),
        Received => ("Tiếp nhận", "Received"),
        Completed => ("Đã hoàn thành", "Completed"),
        AverageDaysComplete => ("Thời gian giải quyết trung bình (ngày)", "Average days to complete"),
        Time => ("Đúng hạn, trong hạn", "On time"),
        NoDossierCanStill => ("Không còn hồ sơ nào có thể khắc phục trong kỳ này.", "No dossier can still be fixed this period."),
        RankedPointsGainWithin => ("Xếp theo số điểm có thể tăng thêm (trong giới hạn chỉ tiêu và điểm tối đa)", "Ranked by the points to gain (within targets and maxima)"),
        Action => ("Việc cần làm", "Action"),
        Criterion => ("Tiêu chí", "Criterion"),
        DossiersCostPoints => ("Hồ sơ làm mất điểm", "Dossiers that cost points"),
        StillFixable => ("Còn khắc phục được", "Still fixable"),
        Points => ("Điểm", "Points"),
    }
}
