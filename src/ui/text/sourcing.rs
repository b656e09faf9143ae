//! The texts of `ui/sourcing.rs`, Vietnamese first and English second.

use super::Words;
use crate::core::model::lang::Lang;

#[derive(Clone, Copy, Debug)]
pub enum SourcingText {
    TrustEarlier,
    TrustLater,
    OrderSources,
    Whole,
    ChosenYou,
    OwnRowFiles,
    PooledUnits,
    NoRowStandsAbove,
    WholeLetterSpeaks,
    UnitWhole,
    Recognise,
    ReportSRows,
    RecogniseNames,
    TablesFileUsedPeriod,
}

impl Words for SourcingText {
    fn say(self, lang: Lang) -> &'static str {
        match self {
            SourcingText::TrustEarlier => lang.pick("tin cậy trước", "trust earlier"),
            SourcingText::TrustLater => lang.pick("tin cậy sau", "trust later"),
            SourcingText::OrderSources => lang.pick("Thứ tự nguồn số liệu", "Order of sources"),
            SourcingText::Whole => lang.pick("Toàn thể:", "The whole:"),
            SourcingText::ChosenYou => lang.pick("do bạn chọn", "chosen by you"),
            SourcingText::OwnRowFiles => lang.pick("dòng riêng của đơn vị trong tệp", "its own row in the files"),
            SourcingText::PooledUnits => lang.pick("cộng gộp từ các đơn vị trực thuộc", "pooled from its units"),
            SourcingText::NoRowStandsAbove => lang.pick("Không có dòng nào đứng trên các đơn vị khác: văn bản cộng gộp số liệu các đơn vị. Có thể chọn một đơn vị là toàn thể.", "No row stands above the others: the letter pools the units' figures. You can name one unit as the whole."),
            SourcingText::WholeLetterSpeaks => lang.pick("Toàn thể của văn bản", "The whole the letter speaks for"),
            SourcingText::UnitWhole => lang.pick("Đơn vị là toàn thể ", "Unit that is the whole "),
            SourcingText::Recognise => lang.pick("Tự nhận biết", "Recognise"),
            SourcingText::ReportSRows => lang.pick("Các dòng của báo cáo là", "The report's rows are"),
            SourcingText::RecogniseNames => lang.pick("Tự nhận biết theo tên dòng", "Recognise from the names"),
            SourcingText::TablesFileUsedPeriod => lang.pick("Các bảng trong tệp dùng cho kỳ này", "Tables of the file used for this period"),
        }
    }
}
