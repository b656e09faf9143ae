//! The texts of `ui/files.rs`, Vietnamese first and English second.

use super::Words;
use crate::core::model::lang::Lang;

#[derive(Clone, Copy, Debug)]
pub enum FilesText {
    FileName,
    EG112026,
    PeriodRowsDoNot,
    NotRecognised,
    KindTable,
    Recognise,
}

impl Words for FilesText {
    fn say(self, lang: Lang) -> &'static str {
        match self {
            FilesText::FileName => lang.pick("theo tên tệp:", "from the file name:"),
            FilesText::EG112026 => lang.pick("ví dụ 11/2026, Quý 4/2026", "e.g. 11/2026, Quý 4/2026"),
            FilesText::PeriodRowsDoNot => {
                lang.pick("Kỳ của các dòng không ghi kỳ", "Period of rows that do not state one")
            }
            FilesText::NotRecognised => lang.pick("chưa nhận ra", "not recognised"),
            FilesText::KindTable => lang.pick("Loại bảng", "Kind of table"),
            FilesText::Recognise => lang.pick("Tự nhận biết", "Recognise"),
        }
    }
}
