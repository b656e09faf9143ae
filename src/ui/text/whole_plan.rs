//! The texts of `ui/whole_plan.rs`, Vietnamese first and English second.

use super::Words;
use crate::core::model::lang::Lang;

#[derive(Clone, Copy, Debug)]
pub enum WholePlanText {
    TypePointsReachE,
    Unit,
    Criterion,
    DossiersAdd,
    PointsWhole,
    DownloadPlanXlsx,
    PutLetterTargets,
}

impl Words for WholePlanText {
    fn say(self, lang: Lang) -> &'static str {
        match self {
            WholePlanText::TypePointsReachE => {
                lang.pick("Hãy ghi số điểm muốn đạt, ví dụ 80 hoặc 72,5.", "Type the points to reach, e.g. 80 or 72.5.")
            }
            WholePlanText::Unit => lang.pick("Đơn vị", "Unit"),
            WholePlanText::Criterion => lang.pick("Tiêu chí", "Criterion"),
            WholePlanText::DossiersAdd => lang.pick("Số hồ sơ cần thêm", "Dossiers to add"),
            WholePlanText::PointsWhole => lang.pick("Điểm toàn thể tăng", "Points for the whole"),
            WholePlanText::DownloadPlanXlsx => lang.pick("Tải kế hoạch Excel (.xlsx)", "Download the plan (.xlsx)"),
            WholePlanText::PutLetterTargets => {
                lang.pick("Đưa vào văn bản (chỉ tiêu giao)", "Put in the letter (targets)")
            }
        }
    }
}
