//! The texts of `ui/drill.rs`, Vietnamese first and English second.

use crate::core::model::format::number;
use crate::core::model::lang::Lang;

words! {
    DrillText {
        DossiersCostPoints => ("Hồ sơ làm mất điểm", "Dossiers that cost points"),
        Unit => ("Đơn vị ", "Unit "),
        Criterion => (" Tiêu chí ", " Criterion "),
        Filter => (" Lọc ", " Filter "),
        DownloadUnitSFix => ("Tải danh sách hồ sơ cần xử lý của đơn vị (.xlsx)", "Download the unit's to-fix list (.xlsx)"),
        DownloadEveryUnitXlsx => ("Tải cho tất cả đơn vị (.xlsx)", "Download for every unit (.xlsx)"),
        Yes => ("✔ Có", "✔ Yes"),
        No => ("✘ Không", "✘ No"),
        Finished => ("Ngày hoàn thành", "Finished"),
        StillFixable => ("Còn khắc phục được", "Still fixable"),
    }
}

/// «1.234 hồ sơ»: the drill-down's caption (the pager under it says which rows are shown).
pub fn dossier_count(lang: Lang, total: usize) -> String {
    let n = number(total as f64, 0);
    match lang {
        Lang::Vi => format!("{n} hồ sơ"),
        Lang::En => format!("{n} dossiers"),
    }
}
