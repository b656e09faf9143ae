//! What reading problems say to the user: what is wrong, where, and what to do about it.

use super::{Content, Declared, Note, ReadError};
use crate::core::model::format::{bytes, number};
use crate::core::model::lang::Lang;
use crate::core::model::message::Located;
use crate::core::model::table::Format;

const FORMATS_VI: &str = "Excel (.xlsx, .xlsm, .xls, .xlsb), OpenDocument (.ods), CSV hoặc JSON của Cổng DVCQG";
const FORMATS_EN: &str = "Excel (.xlsx, .xlsm, .xls, .xlsb), OpenDocument (.ods), CSV or the portal's JSON";

impl Located for ReadError {
    fn say(&self, file: &str, lang: Lang) -> String {
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
            (ReadError::Json { line, column, detail }, Lang::Vi) => format!(
                "Tệp «{file}», dòng {line}, cột {column}: nội dung JSON bị hỏng nên không đọc được ({detail}). Hãy lưu lại tệp từ Cổng dịch vụ công hoặc công cụ đã tải nó, không sửa tay."
            ),
            (ReadError::Json { line, column, detail }, Lang::En) => format!(
                "The file «{file}», line {line}, column {column}: the JSON is damaged and cannot be read ({detail}). Save the file again from the portal or the tool that fetched it, without editing it by hand."
            ),
            (ReadError::NotPortalJson, Lang::Vi) => format!(
                "Tệp «{file}» là JSON nhưng không phải dữ liệu chi tiết đơn vị của Cổng DVCQG: không có trường «departmentName» (tên đơn vị) ở đâu cả. Hãy chọn tệp JSON tải từ trang Bộ chỉ số 766 của Cổng (mỗi đơn vị có departmentName, groupScores, componentIndicators), hoặc một bảng tính."
            ),
            (ReadError::NotPortalJson, Lang::En) => format!(
                "The file «{file}» is JSON but not the portal's per-unit detail: there is no «departmentName» (unit name) anywhere in it. Choose a JSON saved from the portal's 766 index pages (each unit with departmentName, groupScores, componentIndicators), or a spreadsheet."
            ),
            (ReadError::Unreadable { detail }, Lang::Vi) => format!(
                "Không mở được tệp «{file}» ({detail}). Hãy kiểm tra tệp vẫn còn trên máy và không bị chương trình khác khóa, rồi chọn lại."
            ),
            (ReadError::Unreadable { detail }, Lang::En) => format!(
                "The file «{file}» could not be opened ({detail}). Check that it still exists and is not locked by another program, then choose it again."
            ),
            (ReadError::TooLarge { size, limit }, Lang::Vi) => format!(
                "Tệp «{file}» nặng {}, vượt giới hạn {} của chiso. Hãy xuất riêng từng tháng hoặc từng đơn vị để tệp nhỏ hơn, hoặc nâng giới hạn trong phần «Giới hạn đọc tệp» nếu máy đủ bộ nhớ.",
                bytes(*size), bytes(*limit)
            ),
            (ReadError::TooLarge { size, limit }, Lang::En) => format!(
                "The file «{file}» is {}, over chiso's limit of {}. Export one month or one unit at a time to make it smaller, or raise the limit under «File limits» if this computer has the memory.",
                bytes(*size), bytes(*limit)
            ),
            (ReadError::ZipBomb { entry, compressed, unzipped, ratio }, Lang::Vi) => format!(
                "Tệp «{file}»: phần «{entry}» chỉ chiếm {} khi nén nhưng khai báo giải nén ra {}, gấp hơn {} lần (bảng tính thật chỉ gấp khoảng 5–25 lần). Đó là dấu hiệu tệp bị hỏng hoặc bị cố ý làm phình to, nên chiso không mở để tránh treo máy. Hãy xuất lại tệp từ hệ thống.",
                bytes(*compressed), bytes(*unzipped), number(*ratio as f64, 0)
            ),
            (ReadError::ZipBomb { entry, compressed, unzipped, ratio }, Lang::En) => format!(
                "«{file}»: the part «{entry}» takes {} compressed but declares {} unpacked, more than {} times as much (real workbooks: about 5–25 times). That is the mark of a damaged file or one made to inflate, so chiso does not open it, to keep the computer responsive. Export it again from the source system.",
                bytes(*compressed), bytes(*unzipped), number(*ratio as f64, 0)
            ),
            (ReadError::TooLargeUnzipped { unzipped, limit }, Lang::Vi) => format!(
                "Tệp «{file}» khi giải nén chiếm {}, vượt quá giới hạn {} cho một tệp. Hãy chia tệp (theo quý hoặc theo đơn vị) hoặc nâng giới hạn ở Cài đặt › «Giới hạn đọc tệp».",
                bytes(*unzipped), bytes(*limit)
            ),
            (ReadError::TooLargeUnzipped { unzipped, limit }, Lang::En) => format!(
                "Unpacked, the file «{file}» takes {}, past the limit of {} for one file. Split it (by quarter or by unit) or raise the limit under Settings › «Reading limits».",
                bytes(*unzipped), bytes(*limit)
            ),
            (ReadError::DeclaredCount { what, declared, room }, Lang::Vi) => {
                let (part, counted, bound) = declared_vi(what);
                format!(
                    "Tệp «{file}» bị hỏng: {part} khai báo {} {counted}, nhưng {bound} nhiều nhất {}. chiso không đọc tiếp để tránh treo máy. Hãy mở tệp bằng Excel và lưu lại, hoặc xuất lại tệp từ hệ thống.",
                    number(*declared as f64, 0), number(*room as f64, 0)
                )
            }
            (ReadError::DeclaredCount { what, declared, room }, Lang::En) => {
                let (part, counted, bound) = declared_en(what);
                format!(
                    "The file «{file}» is damaged: {part} declares {} {counted}, but {bound} at most {}. chiso stops here to keep the computer responsive. Open the file in Excel and save it again, or export it again from the source system.",
                    number(*declared as f64, 0), number(*room as f64, 0)
                )
            }
            (ReadError::TooManyCells { sheet, rows, cols, limit }, Lang::Vi) => format!(
                "Tệp «{file}», trang tính «{sheet}»: vùng dữ liệu rộng {} dòng × {} cột ({} ô), vượt giới hạn {} ô. Thường là do có ô lạc ở rất xa vùng dữ liệu hoặc định dạng kéo tới cuối trang. Hãy xóa các dòng, cột thừa (Ctrl+End để tìm ô cuối) rồi lưu lại.",
                number(*rows as f64, 0), number(*cols as f64, 0), number(*rows as f64 * *cols as f64, 0), number(*limit as f64, 0)
            ),
            (ReadError::TooManyCells { sheet, rows, cols, limit }, Lang::En) => format!(
                "«{file}», sheet «{sheet}»: the data spans {} rows × {} columns ({} cells), over the limit of {} cells. Usually a stray cell far from the data, or formatting dragged to the end of the sheet. Delete the extra rows and columns (Ctrl+End finds the last cell) and save again.",
                number(*rows as f64, 0), number(*cols as f64, 0), number(*rows as f64 * *cols as f64, 0), number(*limit as f64, 0)
            ),
            (ReadError::TooManyColumns { sheet, cols, limit }, Lang::Vi) => format!(
                "Tệp «{file}», trang tính «{sheet}»: có {} cột, vượt giới hạn {} cột (giới hạn của Excel). Hãy kiểm tra tệp: thường là dấu phân cách sai hoặc ô lạc ở rất xa bên phải; xóa các cột thừa rồi lưu lại.",
                number(*cols as f64, 0), number(*limit as f64, 0)
            ),
            (ReadError::TooManyColumns { sheet, cols, limit }, Lang::En) => format!(
                "«{file}», sheet «{sheet}»: {} columns, over the limit of {} (Excel's own). Check the file: usually a wrong delimiter or a stray cell far to the right; delete the extra columns and save again.",
                number(*cols as f64, 0), number(*limit as f64, 0)
            ),
            (ReadError::TimedOut { seconds }, Lang::Vi) => format!(
                "Đọc tệp «{file}» mất hơn {seconds} giây nên chiso đã dừng lại; các tệp đã mở trước đó vẫn còn nguyên. Hãy thử tệp nhỏ hơn (một tháng, một đơn vị), hoặc tăng thời gian cho phép trong phần «Giới hạn đọc tệp»."
            ),
            (ReadError::TimedOut { seconds }, Lang::En) => format!(
                "Reading «{file}» took more than {seconds} seconds, so chiso stopped it; the files opened before are untouched. Try a smaller file (one month, one unit), or allow more time under «File limits»."
            ),
            (ReadError::Cancelled, Lang::Vi) => format!("Đã dừng đọc tệp «{file}» theo yêu cầu; các tệp đã mở trước đó vẫn còn nguyên."),
            (ReadError::Cancelled, Lang::En) => format!("Reading «{file}» was stopped as asked; the files opened before are untouched."),
            (ReadError::Panicked { detail }, Lang::Vi) => format!(
                "chiso gặp sự cố khi đọc tệp «{file}» (chi tiết kỹ thuật: {detail}) nên đã bỏ qua tệp này; các tệp khác vẫn được đọc. Tệp có thể bị hỏng: hãy mở bằng Excel, lưu lại dưới dạng .xlsx rồi chọn lại."
            ),
            (ReadError::Panicked { detail }, Lang::En) => format!(
                "chiso's reader failed on «{file}» (technical detail: {detail}), so that file was skipped; the other files were read. The file may be damaged: open it in Excel, save it as .xlsx and choose it again."
            ),
            (ReadError::Crashed { detail }, Lang::Vi) => format!(
                "chiso gặp sự cố khi đọc tệp «{file}» ({detail}) và đã khởi động lại bộ đọc; các tệp đã mở trước đó vẫn còn nguyên. Tệp có thể bị hỏng. Hãy mở bằng Excel, lưu lại dưới dạng .xlsx rồi chọn lại."
            ),
            (ReadError::Crashed { detail }, Lang::En) => format!(
                "chiso's reader failed on «{file}» ({detail}) and was restarted; the files opened before are untouched. The file may be damaged: open it in Excel, save it as .xlsx and choose it again."
            ),
            (ReadError::NoEngine, Lang::Vi) => format!(
                "Chưa đọc được tệp «{file}»: trình duyệt này không chạy được bộ xử lý của chiso (Web Worker bị tắt hoặc không được hỗ trợ). Hãy mở chiso bằng Chrome, Edge hoặc Cốc Cốc từ bản 91, Firefox từ bản 89 hoặc Safari từ bản 16.4, rồi chọn lại tệp."
            ),
            (ReadError::NoEngine, Lang::En) => format!(
                "«{file}» could not be read: this browser cannot run chiso's engine (Web Workers are off or unsupported). Open chiso in Chrome, Edge or Cốc Cốc 91 or later, Firefox 89 or later or Safari 16.4 or later, and choose the file again."
            ),
        }
    }
}

impl Located for Note {
    fn say(&self, file: &str, lang: Lang) -> String {
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
            (Note::MarkupWorkbook { format }, Lang::Vi) => format!(
                "Tệp «{file}» không phải tệp Excel thật mà là {} (nhiều hệ thống một cửa xuất như vậy); chiso đã đọc các bảng trong đó. Kiểm tra các cột bên dưới có đúng không.",
                markup_vi(*format)
            ),
            (Note::MarkupWorkbook { format }, Lang::En) => format!(
                "«{file}» is not a genuine Excel file but {} (many one-stop systems export so); chiso read the tables in it. Check that the columns below look right.",
                markup_en(*format)
            ),
            (Note::LongText { sheet, cell, count, limit }, Lang::Vi) => format!(
                "Tệp «{file}», trang tính «{sheet}», ô {cell}{}: nội dung dài hơn {} ký tự nên chỉ giữ {} ký tự đầu. Số liệu để tính điểm không bị ảnh hưởng nếu đó là ô ghi chú.",
                if *count > 1 { format!(" và {} ô khác", number(*count as f64 - 1.0, 0)) } else { String::new() },
                number(*limit as f64, 0), number(*limit as f64, 0)
            ),
            (Note::LongText { sheet, cell, count, limit }, Lang::En) => format!(
                "«{file}», sheet «{sheet}», cell {cell}{}: the text is longer than {} characters, so only the first {} are kept. Scores are unaffected if it is a remarks cell.",
                if *count > 1 { format!(" and {} other cells", number(*count as f64 - 1.0, 0)) } else { String::new() },
                number(*limit as f64, 0), number(*limit as f64, 0)
            ),
            (Note::FormulaWithoutValue { sheet, cell, count }, Lang::Vi) => format!(
                "Tệp «{file}», trang tính «{sheet}», ô {cell}{}: ô công thức chưa được tính (tệp không lưu kết quả), chiso coi là ô trống. Hãy mở tệp bằng Excel và lưu lại, rồi chọn lại tệp.",
                if *count > 1 { format!(" và {} ô khác", number(*count as f64 - 1.0, 0)) } else { String::new() }
            ),
            (Note::FormulaWithoutValue { sheet, cell, count }, Lang::En) => format!(
                "«{file}», sheet «{sheet}», cell {cell}{}: formula cells without a computed result (the file does not store it); chiso treats them as empty. Open the file in Excel, save it, and choose it again.",
                if *count > 1 { format!(" and {} other cells", number(*count as f64 - 1.0, 0)) } else { String::new() }
            ),
        }
    }
}

fn content_vi(kind: Content) -> &'static str {
    match kind {
        Content::Json => "dữ liệu JSON",
        Content::Pdf => "tài liệu PDF",
        Content::Image => "hình ảnh",
        Content::WordDocument => "văn bản Word",
        Content::OtherZip => "tệp nén ZIP",
        _ => "một loại tệp khác",
    }
}

fn content_en(kind: Content) -> &'static str {
    match kind {
        Content::Json => "JSON data",
        Content::Pdf => "a PDF document",
        Content::Image => "an image",
        Content::WordDocument => "a Word document",
        Content::OtherZip => "a ZIP archive",
        _ => "another kind of file",
    }
}

fn markup_vi(format: Format) -> &'static str {
    match format {
        Format::SpreadsheetMl => "bảng tính XML (XML Spreadsheet 2003)",
        _ => "trang web (HTML)",
    }
}

fn markup_en(format: Format) -> &'static str {
    match format {
        Format::SpreadsheetMl => "an XML spreadsheet (XML Spreadsheet 2003)",
        _ => "a web page (HTML)",
    }
}

/// Where a declared count stands, what it counts, and what bounds it.
fn declared_vi(what: &Declared) -> (String, &'static str, &'static str) {
    match what {
        Declared::SharedStrings => {
            ("phần chuỗi dùng chung (xl/sharedStrings.xml)".to_string(), "chuỗi", "phần đó chỉ đủ chỗ cho")
        }
        Declared::SheetRows { sheet } => (format!("trang tính «{sheet}»"), "dòng", "định dạng .xls chỉ cho phép"),
    }
}

fn declared_en(what: &Declared) -> (String, &'static str, &'static str) {
    match what {
        Declared::SharedStrings => {
            ("the shared strings part (xl/sharedStrings.xml)".to_string(), "strings", "that part has room for")
        }
        Declared::SheetRows { sheet } => (format!("the sheet «{sheet}»"), "rows", "the .xls format allows"),
    }
}
