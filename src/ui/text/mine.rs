//! The texts of `ui/mine.rs`, Vietnamese first and English second.

words! {
    MineText {
        MyUnit => ("Đơn vị của tôi: ", "My unit: "),
        OverPeriods => ("Qua các kỳ: ", "Over the periods: "),
        Points => ("điểm", "points"),
        ReachNextBand => ("Để lên mức tiếp theo", "To reach the next band"),
        SeeDossiersFix => ("Xem hồ sơ cần xử lý", "See the dossiers to fix"),
        OpenUnitSPage => ("Xem trang đơn vị", "Open the unit's page"),
    }
}
