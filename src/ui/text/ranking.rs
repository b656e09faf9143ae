//! The texts of `ui/ranking.rs`, Vietnamese first and English second.

words! {
    RankingText {
        Sort => ("Sắp xếp theo", "Sort by"),
        Band => ("Xếp loại", "Band"),
        Against => ("So với", "Against"),
        FindUnit => ("Tìm đơn vị ", "Find a unit "),
        GoMyUnitS => ("Đến trang có đơn vị của tôi", "Go to my unit's page"),
        New => ("mới", "new"),
        MyUnit => ("★ Đơn vị của tôi", "★ My unit"),
    }
}
