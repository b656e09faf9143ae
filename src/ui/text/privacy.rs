//! The texts of `ui/privacy.rs`, Vietnamese first and English second.

words! {
    PrivacyText {
        KeepLoadedFilesComputer => ("Giữ các tệp đã tải trên máy này để mở lại khi tải lại trang", "Keep the loaded files on this computer to reopen them after a reload"),
    }
}
