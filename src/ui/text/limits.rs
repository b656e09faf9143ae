//! The texts of `ui/limits.rs`, Vietnamese first and English second.

use super::Words;
use crate::core::model::lang::Lang;
use crate::core::read::settings::Setting;

words! {
    LimitsText {
        Rows => ("dòng", "rows"),
        Reading => ("Đang đọc", "Reading"),
        StopReading => ("Dừng đọc", "Stop reading"),
        FileLimits => ("Giới hạn đọc tệp", "File limits"),
        FileOverLimitRefused => ("Tệp vượt giới hạn được từ chối kèm lý do thay vì làm treo trình duyệt. Chỉ nâng giới hạn khi máy đủ bộ nhớ.", "A file over a limit is refused with the reason instead of hanging the browser. Raise a limit only if this computer has the memory."),
    }
}

/// A reading limit's label beside its field.
impl Words for Setting {
    fn say(self, lang: Lang) -> &'static str {
        lang.of(match self {
            Setting::FileMb => ("Dung lượng tệp tối đa (MB)", "Largest file (MB)"),
            Setting::UnzippedMb => ("Dung lượng giải nén tối đa một tệp (MB)", "Largest file once unpacked (MB)"),
            Setting::Ratio => (
                "Tỷ lệ giải nén tối đa (lần; bảng tính thật 5–25)",
                "Most an entry may inflate (times; real workbooks 5–25)",
            ),
            Setting::CellsMillions => ("Số ô tối đa mỗi trang tính (triệu)", "Most cells per sheet (millions)"),
            Setting::Seconds => ("Thời gian đọc tối đa một tệp (giây)", "Longest time to read one file (seconds)"),
        })
    }
}
