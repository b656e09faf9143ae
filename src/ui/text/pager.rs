//! The texts of `ui/pager.rs`, Vietnamese first and English second.

use super::Words;
use crate::core::model::lang::Lang;

#[derive(Clone, Copy, Debug)]
pub enum PagerText {
    TablePages,
    FirstPage,
    PreviousPage,
    NextPage,
    LastPage,
}

impl Words for PagerText {
    fn say(self, lang: Lang) -> &'static str {
        match self {
            PagerText::TablePages => lang.pick("Các trang của bảng", "Table pages"),
            PagerText::FirstPage => lang.pick("Trang đầu", "First page"),
            PagerText::PreviousPage => lang.pick("Trang trước", "Previous page"),
            PagerText::NextPage => lang.pick("Trang sau", "Next page"),
            PagerText::LastPage => lang.pick("Trang cuối", "Last page"),
        }
    }
}
