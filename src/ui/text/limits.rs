//! The texts of `ui/limits.rs`, Vietnamese first and English second.

use super::Words;
use crate::core::model::lang::Lang;
use crate::core::read::settings::Setting;

#[derive(Clone, Copy, Debug)]
pub enum LimitsText {
    Rows,
    Reading,
    StopReading,
    FileLimits,
    FileOverLimitRefused,
    Setting(Setting),
}

impl Words for LimitsText {
    fn say(self, lang: Lang) -> &'static str {
        match self {
            LimitsText::Rows => lang.pick("dòng", "rows"),
            LimitsText::Reading => lang.pick("Đang đọc", "Reading"),
            LimitsText::StopReading => lang.pick("Dừng đọc", "Stop reading"),
            LimitsText::FileLimits => lang.pick("Giới hạn đọc tệp", "File limits"),
            LimitsText::FileOverLimitRefused => lang.pick("Tệp vượt giới hạn được từ chối kèm lý do thay vì làm treo trình duyệt. Chỉ nâng giới hạn khi máy đủ bộ nhớ.", "A file over a limit is refused with the reason instead of hanging the browser. Raise a limit only if this computer has the memory."),
            LimitsText::Setting(setting) => match setting {
                Setting::FileMb => lang.pick("Dung lượng tệp tối đa (MB)", "Largest file (MB)"),
                Setting::UnzippedMb => {
                    lang.pick("Dung lượng giải nén tối đa một tệp (MB)", "Largest file once unpacked (MB)")
                }
                Setting::Ratio => lang.pick(
                    "Tỷ lệ giải nén tối đa (lần; bảng tính thật 5–25)",
                    "Most an entry may inflate (times; real workbooks 5–25)",
                ),
                Setting::CellsMillions => lang.pick("Số ô tối đa mỗi trang tính (triệu)", "Most cells per sheet (millions)"),
                Setting::Seconds => lang.pick("Thời gian đọc tối đa một tệp (giây)", "Longest time to read one file (seconds)"),
            },
        }
    }
}
