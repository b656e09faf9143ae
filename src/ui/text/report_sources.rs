//! The texts of `ui/report_sources.rs`, Vietnamese first and English second.

use super::Words;
use crate::core::model::lang::Lang;

#[derive(Clone, Copy, Debug)]
pub enum ReportSourcesText {
    FiguresSettlementReports,
    Unit,
}

impl Words for ReportSourcesText {
    fn say(self, lang: Lang) -> &'static str {
        match self {
            ReportSourcesText::FiguresSettlementReports => {
                lang.pick("Số liệu từ báo cáo kết quả giải quyết TTHC", "Figures from settlement reports")
            }
            ReportSourcesText::Unit => lang.pick("Đơn vị ", "Unit "),
        }
    }
}
