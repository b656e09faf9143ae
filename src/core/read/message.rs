//! What reading problems say to the user: what is wrong, where, and what to do about it.

use super::{Content, Note, ReadError};
use crate::core::lang::Lang;

const FORMATS_VI: &str = "Excel (.xlsx, .xlsm, .xls, .xlsb), OpenDocument (.ods) hoặc CSV";
const FORMATS_EN: &str = "Excel (.xlsx, .xlsm, .xls, .xlsb), OpenDocument (.ods) or CSV";

impl ReadError {
    pub fn message(&self, file: &str, lang: Lang) -> String {
        match (self, lang) {
            (ReadError::Empty, Lang::Vi) => format!(
                "Tệp «{file}» trống (0 byte), không có dữ liệu để đọc. Hãy xuất lại tệp từ hệ thống rồi chọn lại."
            ),
            (ReadError::Empty, Lang::En) => {
                format!("The file «{file}» is empty (0 bytes). Export it again from the source system and choose it again.")
            }
            (ReadError::NotASpreadsheet(kind), Lang::Vi) => format!(
                "Tệp «{file}» là {}, không phải bảng tính. Hãy chọn tệp {FORMATS_VI} xuất từ hệ thống một cửa hoặc Cổng dịch vụ công.",
                content_vi(*kind)
            ),
            (ReadError::NotASpreadsheet(kind), Lang::En) => format!(
                "The file «{file}» is {}, not a spreadsheet. Choose an {FORMATS_EN} file exported from the one-stop system or the public service portal.",
                content_en(*kind)
            ),
            (ReadError::Encrypted, Lang::Vi) => format!(
                "Tệp «{file}» được bảo vệ bằng mật khẩu nên không đọc được. Hãy mở tệp bằng Excel, gỡ mật khẩu (Tệp → Thông tin → Bảo vệ sổ làm việc → Mã hóa bằng mật khẩu, để trống), lưu lại rồi chọn lại."
            ),
            (ReadError::Encrypted, Lang::En) => format!(
                "The file «{file}» is password-protected. Open it in Excel, remove the password (File → Info → Protect Workbook → Encrypt with Password, leave it empty), save it and choose it again."
            ),
            (ReadError::Markup, Lang::Vi) => format!(
                "Tệp «{file}» thực chất là trang web (HTML) hoặc XML, không phải tệp Excel thật. Hãy mở tệp bằng Excel, chọn Lưu thành → Sổ làm việc Excel (.xlsx), rồi chọn tệp .xlsx vừa lưu."
            ),
            (ReadError::Markup, Lang::En) => format!(
                "The file «{file}» is really a web page (HTML) or XML, not a genuine Excel file. Open it in Excel, Save As → Excel Workbook (.xlsx), and choose the saved .xlsx."
            ),
            (ReadError::Corrupt { format, detail }, Lang::Vi) => format!(
                "Tệp «{file}» có dạng {} nhưng bị hỏng hoặc không đầy đủ, nên không đọc được (chi tiết kỹ thuật: {detail}). Hãy tải hoặc xuất lại tệp; nếu vẫn lỗi, mở tệp bằng Excel và lưu lại.",
                format.label()
            ),
            (ReadError::Corrupt { format, detail }, Lang::En) => format!(
                "The file «{file}» looks like {} but is damaged or incomplete (technical detail: {detail}). Download or export it again; if that fails, open it in Excel and save it again.",
                format.label()
            ),
            (ReadError::Csv { line, detail }, Lang::Vi) => format!(
                "Tệp «{file}», dòng {line}: không đọc được dữ liệu CSV ({detail}). Hãy kiểm tra dấu ngoặc kép ở dòng đó, hoặc mở tệp bằng Excel và lưu lại dưới dạng .xlsx."
            ),
            (ReadError::Csv { line, detail }, Lang::En) => format!(
                "The file «{file}», line {line}: the CSV data cannot be read ({detail}). Check the quotation marks on that line, or open the file in Excel and save it as .xlsx."
            ),
            (ReadError::Unknown, Lang::Vi) => format!(
                "Không nhận ra định dạng của tệp «{file}»: nội dung không phải bảng tính. chiso đọc được tệp {FORMATS_VI}. Hãy xuất lại dữ liệu dưới một trong các dạng đó."
            ),
            (ReadError::Unknown, Lang::En) => format!(
                "The format of «{file}» is not recognised: its content is not a spreadsheet. chiso reads {FORMATS_EN} files. Export the data again in one of those formats."
            ),
            (ReadError::Unreadable { detail }, Lang::Vi) => format!(
                "Không mở được tệp «{file}» ({detail}). Hãy kiểm tra tệp vẫn còn trên máy và không bị chương trình khác khóa, rồi chọn lại."
            ),
            (ReadError::Unreadable { detail }, Lang::En) => format!(
                "The file «{file}» could not be opened ({detail}). Check that it still exists and is not locked by another program, then choose it again."
            ),
        }
    }
}

impl Note {
    pub fn message(&self, file: &str, lang: Lang) -> String {
        match (self, lang) {
            (Note::HiddenSheet { sheet }, Lang::Vi) => format!(
                "Tệp «{file}»: trang tính «{sheet}» đang bị ẩn trong Excel; chiso vẫn đọc nó. Nếu đó là dữ liệu cũ, hãy xóa trang đó khỏi tệp."
            ),
            (Note::HiddenSheet { sheet }, Lang::En) => format!(
                "«{file}»: the sheet «{sheet}» is hidden in Excel; chiso reads it anyway. If it holds old data, delete that sheet from the file."
            ),
            (Note::SheetUnreadable { sheet, detail }, Lang::Vi) => format!(
                "Tệp «{file}»: không đọc được trang tính «{sheet}» ({detail}); các trang khác vẫn được đọc. Hãy mở tệp bằng Excel, kiểm tra trang đó và lưu lại."
            ),
            (Note::SheetUnreadable { sheet, detail }, Lang::En) => format!(
                "«{file}»: the sheet «{sheet}» cannot be read ({detail}); the other sheets were read. Open the file in Excel, check that sheet and save it again."
            ),
            (Note::TextNamedAsWorkbook { extension }, Lang::Vi) => format!(
                "Tệp «{file}» mang đuôi .{extension} nhưng thực chất là văn bản phân cách (CSV); chiso đã đọc nó như CSV. Kiểm tra các cột bên dưới có đúng không."
            ),
            (Note::TextNamedAsWorkbook { extension }, Lang::En) => format!(
                "«{file}» is named .{extension} but is really delimited text (CSV); chiso read it as CSV. Check that the columns below look right."
            ),
        }
    }
}

fn content_vi(kind: Content) -> &'static str {
    match kind {
        Content::Pdf => "tài liệu PDF",
        Content::Image => "hình ảnh",
        Content::WordDocument => "văn bản Word",
        Content::OtherZip => "tệp nén ZIP",
        _ => "một loại tệp khác",
    }
}

fn content_en(kind: Content) -> &'static str {
    match kind {
        Content::Pdf => "a PDF document",
        Content::Image => "an image",
        Content::WordDocument => "a Word document",
        Content::OtherZip => "a ZIP archive",
        _ => "another kind of file",
    }
}
