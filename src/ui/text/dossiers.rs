//! The texts of `ui/dossiers.rs`, Vietnamese first and English second.

use super::Words;
use crate::core::model::lang::Lang;

#[derive(Clone, Copy, Debug)]
pub enum DossiersText {
    DossierListSelfCheck,
    ColumnsRecognised,
    Missing,
    WhatDoGainPoints,
    EachUnitSDossiers,
    Unit,
    Received,
    Completed,
    AverageDaysComplete,
    Time,
    NoDossierCanStill,
    RankedPointsGainWithin,
    Action,
    Criterion,
    DossiersCostPoints,
    StillFixable,
    Points,
}

impl Words for DossiersText {
    fn say(self, lang: Lang) -> &'static str {
        match self {
            DossiersText::DossierListSelfCheck => lang.pick("Tự kiểm tra danh sách hồ sơ", "Dossier-list self-check"),
            DossiersText::ColumnsRecognised => lang.pick("Cột nhận biết được: ", "Columns recognised: "),
            DossiersText::Missing => lang.pick(". Không có: ", ". Missing: "),
            DossiersText::WhatDoGainPoints => lang.pick("Việc cần làm để tăng điểm", "What to do to gain points"),
            DossiersText::EachUnitSDossiers => {
                lang.pick("Số hồ sơ của từng đơn vị trong kỳ", "Each unit's dossiers in the period")
            }
            DossiersText::Unit => lang.pick("Đơn vị", "Unit"),
            DossiersText::Received => lang.pick("Tiếp nhận", "Received"),
            DossiersText::Completed => lang.pick("Đã hoàn thành", "Completed"),
            DossiersText::AverageDaysComplete => {
                lang.pick("Thời gian giải quyết trung bình (ngày)", "Average days to complete")
            }
            DossiersText::Time => lang.pick("Đúng hạn, trong hạn", "On time"),
            DossiersText::NoDossierCanStill => lang.pick(
                "Không còn hồ sơ nào có thể khắc phục trong kỳ này.",
                "No dossier can still be fixed this period.",
            ),
            DossiersText::RankedPointsGainWithin => lang.pick(
                "Xếp theo số điểm có thể tăng thêm (trong giới hạn chỉ tiêu và điểm tối đa)",
                "Ranked by the points to gain (within targets and maxima)",
            ),
            DossiersText::Action => lang.pick("Việc cần làm", "Action"),
            DossiersText::Criterion => lang.pick("Tiêu chí", "Criterion"),
            DossiersText::DossiersCostPoints => lang.pick("Hồ sơ làm mất điểm", "Dossiers that cost points"),
            DossiersText::StillFixable => lang.pick("Còn khắc phục được", "Still fixable"),
            DossiersText::Points => lang.pick("Điểm", "Points"),
        }
    }
}
