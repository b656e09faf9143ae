//! The texts of `ui/header_pick.rs`, Vietnamese first and English second.

words! {
    HeaderPickText {
        Column => ("Cột", "Column"),
        HeaderRowSColumns => ("Các cột của dòng tiêu đề", "The header row's columns"),
        ChisoDidNotRecognise => ("chiso chưa nhận ra bảng trong tệp này: hãy chỉ cho chiso", "chiso did not recognise a table in this file: show it"),
        Sheet => ("Trang tính ", "Sheet "),
        HeaderRowRowNumber => ("Dòng tiêu đề (số dòng) ", "Header row (row number) "),
        Header => ("Tiêu đề", "Header"),
        Is => ("Là", "Is"),
        ReadTableHeaderRow => ("Đọc bảng theo dòng tiêu đề này", "Read the table with this header row"),
        ChooseColumnHoldsUnit => (" Hãy chọn cột chứa tên đơn vị («Đơn vị»).", " Choose the column that holds the unit's name («Đơn vị»)."),
    }
}
