//! The texts of `ui/files.rs`, Vietnamese first and English second.

words! {
    FilesText {
        FileName => ("theo tên tệp:", "from the file name:"),
        EG112026 => ("ví dụ 11/2026, Quý 4/2026", "e.g. 11/2026, Quý 4/2026"),
        PeriodRowsDoNot => ("Kỳ của các dòng không ghi kỳ", "Period of rows that do not state one"),
        NotRecognised => ("chưa nhận ra", "not recognised"),
        KindTable => ("Loại bảng", "Kind of table"),
        Recognise => ("Tự nhận biết", "Recognise"),
    }
}
