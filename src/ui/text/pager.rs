//! The texts of `ui/pager.rs`, Vietnamese first and English second.

words! {
    PagerText {
        TablePages => ("Các trang của bảng", "Table pages"),
        FirstPage => ("Trang đầu", "First page"),
        PreviousPage => ("Trang trước", "Previous page"),
        NextPage => ("Trang sau", "Next page"),
        LastPage => ("Trang cuối", "Last page"),
    }
}
