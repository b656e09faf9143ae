//! The texts of `ui/header_pick.rs`, Vietnamese first and English second.

use super::Words;
use crate::core::model::lang::Lang;

#[derive(Clone, Copy, Debug)]
pub enum HeaderPickText {
    Column,
    HeaderRowSColumns,
    ChisoDidNotRecognise,
    Sheet,
    HeaderRowRowNumber,
    Header,
    Is,
    ReadTableHeaderRow,
    ChooseColumnHoldsUnit,
}

impl Words for HeaderPickText {
    fn say(self, lang: Lang) -> &'static str {
        match self {
            HeaderPickText::Column => lang.pick("Cột", "Column"),
            HeaderPickText::HeaderRowSColumns => lang.pick("Các cột của dòng tiêu đề", "The header row's columns"),
            HeaderPickText::ChisoDidNotRecognise => lang.pick(
                "chiso chưa nhận ra bảng trong tệp này: hãy chỉ cho chiso",
                "chiso did not recognise a table in this file: show it",
            ),
            HeaderPickText::Sheet => lang.pick("Trang tính ", "Sheet "),
            HeaderPickText::HeaderRowRowNumber => lang.pick("Dòng tiêu đề (số dòng) ", "Header row (row number) "),
            HeaderPickText::Header => lang.pick("Tiêu đề", "Header"),
            HeaderPickText::Is => lang.pick("Là", "Is"),
            HeaderPickText::ReadTableHeaderRow => {
                lang.pick("Đọc bảng theo dòng tiêu đề này", "Read the table with this header row")
            }
            HeaderPickText::ChooseColumnHoldsUnit => lang.pick(
                " Hãy chọn cột chứa tên đơn vị («Đơn vị»).",
                " Choose the column that holds the unit's name («Đơn vị»).",
            ),
        }
    }
}
