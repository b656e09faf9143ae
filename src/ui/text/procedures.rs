//! The texts of `ui/procedures.rs`, Vietnamese first and English second.

use crate::core::model::lang::Lang;

words! {
    ProceduresText {
        EveryUnit => ("Tất cả đơn vị", "Every unit"),
        ProceduresCostPoints => ("Thủ tục làm mất điểm", "Procedures that cost points"),
        Unit => ("Đơn vị ", "Unit "),
        Sort => (" Xếp theo ", " Sort by "),
        Filter => (" Lọc ", " Filter "),
        Procedure => ("Thủ tục", "Procedure"),
        Received => ("Tiếp nhận", "Received"),
    }
}

/// What the table leaves out when it shows only the first `shown` of `total` procedures.
pub fn first_shown(lang: Lang, total: usize, shown: usize) -> String {
    match lang {
        _ if total <= shown => String::new(),
        Lang::Vi => format!(" Hiển thị {shown} thủ tục đầu; tải tệp Excel để xem đủ."),
        Lang::En => format!(" The first {shown} shown; download the workbook for all."),
    }
}
