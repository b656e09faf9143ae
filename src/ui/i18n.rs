//! Every fixed text of the interface, Vietnamese first and English second, in one place.

use crate::core::lang::Lang;

#[derive(Clone, Copy, Debug)]
pub enum Text {
    Title,
    Tagline,
    Privacy,
    DropHint,
    ChooseFiles,
    Formats,
    SwitchLanguage,
    StatusIdle,
    StatusBusy,
    StatusError,
    FilesHeading,
    Sheets,
    RemoveFile,
    EmptySheet,
    HiddenSheet,
    NoSheets,
    Encoding,
    Delimiter,
    Tab,
    MessagesHeading,
}

pub fn tr(lang: Lang, text: Text) -> &'static str {
    use Text::*;
    match text {
        Title => lang.pick("Chỉ số phục vụ người dân, doanh nghiệp", "Index of service to citizens and businesses"),
        Tagline => lang.pick("phân tích ngay trên máy của bạn", "analysed right on your own computer"),
        Privacy => lang.pick(
            "Dữ liệu không rời khỏi máy tính: mọi tệp được đọc và tính toán ngay trong trình duyệt, không gửi đi đâu.",
            "Your data never leaves this computer: every file is read and computed inside the browser and sent nowhere.",
        ),
        DropHint => lang.pick(
            "Kéo thả tệp bảng tính vào đây, hoặc",
            "Drop spreadsheet files here, or",
        ),
        ChooseFiles => lang.pick("Chọn tệp", "Choose files"),
        Formats => lang.pick(
            "Excel (.xlsx, .xlsm, .xls, .xlsb), OpenDocument (.ods), CSV — có thể chọn nhiều tệp cùng lúc.",
            "Excel (.xlsx, .xlsm, .xls, .xlsb), OpenDocument (.ods), CSV — several files at once.",
        ),
        SwitchLanguage => lang.pick("English", "Tiếng Việt"),
        StatusIdle => lang.pick("Chưa có tệp nào.", "No file yet."),
        StatusBusy => lang.pick("Đang đọc tệp…", "Reading files…"),
        StatusError => lang.pick("Không đọc được tệp vừa chọn.", "The chosen file could not be read."),
        FilesHeading => lang.pick("Tệp đã đọc", "Files read"),
        Sheets => lang.pick("Trang tính", "Sheets"),
        RemoveFile => lang.pick("Bỏ tệp này", "Remove this file"),
        EmptySheet => lang.pick("Trang tính này không có dữ liệu.", "This sheet has no data."),
        HiddenSheet => lang.pick("ẩn", "hidden"),
        NoSheets => lang.pick("Tệp không có trang tính nào chứa dữ liệu.", "The file has no worksheet with data."),
        Encoding => lang.pick("Bảng mã", "Encoding"),
        Delimiter => lang.pick("Dấu phân cách", "Delimiter"),
        Tab => lang.pick("Tab", "Tab"),
        MessagesHeading => lang.pick("Thông báo", "Messages"),
    }
}

/// "120 dòng × 15 cột" with Vietnamese number format.
pub fn dimensions(lang: Lang, rows: usize, cols: usize) -> String {
    use crate::core::format::number;
    let (r, c) = (number(rows as f64, 0), number(cols as f64, 0));
    match lang {
        Lang::Vi => format!("{r} dòng × {c} cột"),
        Lang::En => format!("{r} rows × {c} columns"),
    }
}

pub fn files_loaded(lang: Lang, count: usize) -> String {
    match lang {
        Lang::Vi => format!("Đã đọc {count} tệp."),
        Lang::En => format!("{count} file(s) read."),
    }
}

pub fn preview_caption(lang: Lang, sheet: &str, shown_rows: usize, rows: usize, shown_cols: usize, cols: usize) -> String {
    use crate::core::format::number;
    let n = |x: usize| number(x as f64, 0);
    match lang {
        Lang::Vi => format!(
            "Trang tính «{sheet}»: {} dòng đầu trên tổng {} dòng, {} cột đầu trên tổng {} cột",
            n(shown_rows), n(rows), n(shown_cols), n(cols)
        ),
        Lang::En => format!(
            "Sheet «{sheet}»: first {} of {} rows, first {} of {} columns",
            n(shown_rows), n(rows), n(shown_cols), n(cols)
        ),
    }
}
