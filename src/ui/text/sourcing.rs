//! The texts of `ui/sourcing.rs`, Vietnamese first and English second.

words! {
    SourcingText {
        TrustEarlier => ("tin cậy trước", "trust earlier"),
        TrustLater => ("tin cậy sau", "trust later"),
        OrderSources => ("Thứ tự nguồn số liệu", "Order of sources"),
        Whole => ("Toàn thể:", "The whole:"),
        ChosenYou => ("do bạn chọn", "chosen by you"),
        OwnRowFiles => ("dòng riêng của đơn vị trong tệp", "its own row in the files"),
        PooledUnits => ("cộng gộp từ các đơn vị trực thuộc", "pooled from its units"),
        NoRowStandsAbove => ("Không có dòng nào đứng trên các đơn vị khác: văn bản cộng gộp số liệu các đơn vị. Có thể chọn một đơn vị là toàn thể.", "No row stands above the others: the letter pools the units' figures. You can name one unit as the whole."),
        WholeLetterSpeaks => ("Toàn thể của văn bản", "The whole the letter speaks for"),
        UnitWhole => ("Đơn vị là toàn thể ", "Unit that is the whole "),
        Recognise => ("Tự nhận biết", "Recognise"),
        ReportSRows => ("Các dòng của báo cáo là", "The report's rows are"),
        RecogniseNames => ("Tự nhận biết theo tên dòng", "Recognise from the names"),
        TablesFileUsedPeriod => ("Các bảng trong tệp dùng cho kỳ này", "Tables of the file used for this period"),
    }
}
