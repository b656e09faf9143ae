//! The texts of `ui/privacy.rs`, Vietnamese first and English second.

use super::Words;
use crate::core::model::lang::Lang;

#[derive(Clone, Copy, Debug)]
pub enum PrivacyText {
    KeepLoadedFilesComputer,
}

impl Words for PrivacyText {
    fn say(self, lang: Lang) -> &'static str {
        match self {
            PrivacyText::KeepLoadedFilesComputer => lang.pick(
                "Giữ các tệp đã tải trên máy này để mở lại khi tải lại trang",
                "Keep the loaded files on this computer to reopen them after a reload",
            ),
        }
    }
}
