//! The texts of `ui/drill.rs`, Vietnamese first and English second.

use super::Words;
use crate::core::model::format::number;
use crate::core::model::lang::Lang;

#[derive(Clone, Copy, Debug)]
pub enum DrillText {
    DossiersCostPoints,
    Unit,
    Criterion,
    Filter,
    DownloadUnitSFix,
    DownloadEveryUnitXlsx,
    Yes,
    No,
    Finished,
    StillFixable,
}

impl Words for DrillText {
    fn say(self, lang: Lang) -> &'static str {
        match self {
            DrillText::DossiersCostPoints => lang.pick("Hồ sơ làm mất điểm", "Dossiers that cost points"),
            DrillText::Unit => lang.pick("Đơn vị ", "Unit "),
            DrillText::Criterion => lang.pick(" Tiêu chí ", " Criterion "),
            DrillText::Filter => lang.pick(" Lọc ", " Filter "),
            DrillText::DownloadUnitSFix => {
                lang.pick("Tải danh sách hồ sơ cần xử lý của đơn vị (.xlsx)", "Download the unit's to-fix list (.xlsx)")
            }
            DrillText::DownloadEveryUnitXlsx => {
                lang.pick("Tải cho tất cả đơn vị (.xlsx)", "Download for every unit (.xlsx)")
            }
            DrillText::Yes => lang.pick("✔ Có", "✔ Yes"),
            DrillText::No => lang.pick("✘ Không", "✘ No"),
            DrillText::Finished => lang.pick("Ngày hoàn thành", "Finished"),
            DrillText::StillFixable => lang.pick("Còn khắc phục được", "Still fixable"),
        }
    }
}

/// «1.234 hồ sơ», and what the table leaves out when it shows only the first `shown`.
pub fn dossier_count(lang: Lang, total: usize, shown: usize) -> String {
    let n = number(total as f64, 0);
    match lang {
        Lang::Vi if total > shown => format!("{n} hồ sơ (hiển thị {shown} hồ sơ đầu; tải tệp Excel để xem đủ)"),
        Lang::Vi => format!("{n} hồ sơ"),
        Lang::En if total > shown => {
            format!("{total} dossiers (the first {shown} shown; download the workbook for all)")
        }
        Lang::En => format!("{total} dossiers"),
    }
}
