//! The texts of `ui/whole_plan.rs`, Vietnamese first and English second.

words! {
    WholePlanText {
        TypePointsReachE => ("Hãy ghi số điểm muốn đạt, ví dụ 80 hoặc 72,5.", "Type the points to reach, e.g. 80 or 72.5."),
        Unit => ("Đơn vị", "Unit"),
        Criterion => ("Tiêu chí", "Criterion"),
        DossiersAdd => ("Số hồ sơ cần thêm", "Dossiers to add"),
        PointsWhole => ("Điểm toàn thể tăng", "Points for the whole"),
        DownloadPlanXlsx => ("Tải kế hoạch Excel (.xlsx)", "Download the plan (.xlsx)"),
        PutLetterTargets => ("Đưa vào văn bản (chỉ tiêu giao)", "Put in the letter (targets)"),
    }
}
