//! The texts of `ui/keeping.rs`, Vietnamese first and English second.

use crate::core::model::lang::Lang;
use crate::ui::state::SessionNote;

words! {
    KeepingText {
        RemoveLoadedFilesComputer => ("Xóa dữ liệu đã tải khỏi máy này", "Remove the loaded files from this computer"),
        LoadedFilesKeptComputer => ("Các tệp đã tải được giữ trên máy này để mở lại khi tải lại trang.", "Loaded files are kept on this computer to reopen after a reload."),
    }
}

/// What happened to the kept files, in words.
pub fn note_text(note: &SessionNote, lang: Lang) -> String {
    match (note, lang) {
        (SessionNote::Restored(k), Lang::Vi) => {
            format!("Đã mở lại {k} tệp được giữ trên máy này từ lần làm việc trước (không gửi đi đâu).")
        }
        (SessionNote::Restored(k), Lang::En) => {
            format!("{k} file(s) kept on this computer from last time were opened again (nothing is sent anywhere).")
        }
        (SessionNote::Forgotten, Lang::Vi) => "Đã xóa các tệp đã tải khỏi máy này.".into(),
        (SessionNote::Forgotten, Lang::En) => "The loaded files were removed from this computer.".into(),
        (SessionNote::Cleared, Lang::Vi) => "Đã xóa mọi dữ liệu và cài đặt của chiso trên máy này.".into(),
        (SessionNote::Cleared, Lang::En) => "Every chiso file and setting was removed from this computer.".into(),
        (SessionNote::Failed(e), Lang::Vi) => {
            format!("Không giữ hoặc đọc được tệp trên máy này ({e}). Trình duyệt có thể đang ở chế độ riêng tư.")
        }
        (SessionNote::Failed(e), Lang::En) => {
            format!("Keeping or reading files on this computer failed ({e}). The browser may be in private mode.")
        }
    }
}
