//! The texts of `ui/procedures.rs`, Vietnamese first and English second.

use super::Words;
use crate::core::model::lang::Lang;

#[derive(Clone, Copy, Debug)]
pub enum ProceduresText {
    EveryUnit,
    ProceduresCostPoints,
    Unit,
    Sort,
    Filter,
    Procedure,
    Received,
}

impl Words for ProceduresText {
    fn say(self, lang: Lang) -> &'static str {
        match self {
            ProceduresText::EveryUnit => lang.pick("Tất cả đơn vị", "Every unit"),
            ProceduresText::ProceduresCostPoints => lang.pick("Thủ tục làm mất điểm", "Procedures that cost points"),
            ProceduresText::Unit => lang.pick("Đơn vị ", "Unit "),
            ProceduresText::Sort => lang.pick(" Xếp theo ", " Sort by "),
            ProceduresText::Filter => lang.pick(" Lọc ", " Filter "),
            ProceduresText::Procedure => lang.pick("Thủ tục", "Procedure"),
            ProceduresText::Received => lang.pick("Tiếp nhận", "Received"),
        }
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
