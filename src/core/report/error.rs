//! Why a file chiso makes could not be made or handed over. Nothing loaded is lost either way.

use crate::core::model::lang::Lang;
use crate::core::model::message::{vietnamese_error, Message};

#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub enum ReportError {
    /// A writer (workbook, document) failed on these results.
    Write { file: String, detail: String },
    /// The browser or the file system would not take the finished file.
    Save { file: String, detail: String },
}

impl ReportError {
    /// A writer's failure while making `file`.
    pub fn writing(file: &str, detail: impl std::fmt::Display) -> ReportError {
        ReportError::Write { file: file.to_string(), detail: detail.to_string() }
    }
}

impl Message for ReportError {
    fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (ReportError::Write { file, detail }, Lang::Vi) => format!(
                "Không tạo được tệp «{file}» (chi tiết kỹ thuật: {detail}). Số liệu đã nạp vẫn còn nguyên; hãy thử lại, hoặc xuất dạng khác (CSV, JSON)."
            ),
            (ReportError::Write { file, detail }, Lang::En) => format!(
                "The file «{file}» could not be made (technical detail: {detail}). Everything loaded is untouched; try again, or export another format (CSV, JSON)."
            ),
            (ReportError::Save { file, detail }, Lang::Vi) => format!(
                "Không lưu được tệp «{file}» ({detail}). Hãy kiểm tra trình duyệt cho phép tải tệp xuống và thư mục lưu còn chỗ trống, rồi thử lại."
            ),
            (ReportError::Save { file, detail }, Lang::En) => format!(
                "The file «{file}» could not be saved ({detail}). Check that the browser allows downloads and that the folder has room, then try again."
            ),
        }
    }
}

vietnamese_error!(ReportError);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn says_which_file_and_composes_as_an_error() {
        let error = ReportError::writing("chiso-2026-11-ket-qua.xlsx", "sheet name too long");
        assert_eq!(
            error.to_string(),
            "Không tạo được tệp «chiso-2026-11-ket-qua.xlsx» (chi tiết kỹ thuật: sheet name too long). Số liệu đã nạp vẫn còn nguyên; hãy thử lại, hoặc xuất dạng khác (CSV, JSON)."
        );
        let boxed: Box<dyn std::error::Error> = Box::new(error.clone());
        assert_eq!(boxed.to_string(), error.message(Lang::Vi));
        assert!(error.message(Lang::En).starts_with("The file «chiso-2026-11-ket-qua.xlsx» could not be made"));
    }
}
