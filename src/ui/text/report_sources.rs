//! The texts of `ui/report_sources.rs`, Vietnamese first and English second.

words! {
    ReportSourcesText {
        FiguresSettlementReports => ("Số liệu từ báo cáo kết quả giải quyết TTHC", "Figures from settlement reports"),
        Unit => ("Đơn vị ", "Unit "),
    }
}
