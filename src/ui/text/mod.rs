//! Every fixed text of the interface, Vietnamese first and English second, in one place: the
//! texts shared across views here, each view's in a module of its own name. Domain labels (a
//! criterion's name, a band, a kind of unit) live with their value in core, used by the screen
//! and the exports alike.

/// Declares a view's texts: an enum whose every variant stands beside its words, Vietnamese
/// first and English second, and the [`Words`] that says them.
macro_rules! words {
    ($name:ident { $($variant:ident => $pair:expr,)+ }) => {
        #[derive(Clone, Copy, Debug)]
        pub enum $name {
            $($variant,)+
        }

        impl $crate::ui::text::Words for $name {
            fn say(self, lang: $crate::core::model::lang::Lang) -> &'static str {
                match self {
                    $($name::$variant => lang.of($pair),)+
                }
            }
        }
    };
}

pub mod alerts;
pub mod compare;
pub mod dossiers;
pub mod drill;
pub mod files;
pub mod header_pick;
pub mod keeping;
pub mod letter;
pub mod limits;
pub mod mine;
pub mod nav;
pub mod overview;
pub mod pager;
pub mod plan;
pub mod privacy;
pub mod procedures;
pub mod ranking;
pub mod report_sources;
pub mod results;
pub mod sources;
pub mod sourcing;
pub mod trend;
pub mod unit;
pub mod whole_plan;
pub mod window;

use crate::core::model::lang::Lang;

/// A text of the interface, said in a language.
pub trait Words: Copy {
    fn say(self, lang: Lang) -> &'static str;
}

/// `text` in `lang`.
pub fn tr(lang: Lang, text: impl Words) -> &'static str {
    text.say(lang)
}

words! {
    Text {
        Title => ("Chỉ số phục vụ người dân, doanh nghiệp", "Index of service to citizens and businesses"),
        DossierMappingHeading => ("Ghép cột danh sách hồ sơ", "Dossier list columns"),
        Tagline => ("phân tích ngay trên máy của bạn", "analysed right on your own computer"),
        Privacy => ("Dữ liệu không rời khỏi máy tính: mọi tệp được đọc và tính toán ngay trong trình duyệt, không gửi đi đâu.", "Your data never leaves this computer: every file is read and computed inside the browser and sent nowhere."),
        DropHint => ("Kéo thả tệp bảng tính vào đây, hoặc", "Drop spreadsheet files here, or"),
        ChooseFiles => ("Chọn tệp", "Choose files"),
        Formats => ("Excel (.xlsx, .xlsm, .xls, .xlsb), OpenDocument (.ods), CSV — có thể chọn nhiều tệp cùng lúc.", "Excel (.xlsx, .xlsm, .xls, .xlsb), OpenDocument (.ods), CSV — several files at once."),
        SwitchLanguage => ("English", "Tiếng Việt"),
        StatusIdle => ("Chưa có tệp nào.", "No file yet."),
        StatusBusy => ("Đang đọc tệp…", "Reading files…"),
        StatusError => ("Không đọc được tệp vừa chọn.", "The chosen file could not be read."),
        FilesHeading => ("Tệp đã đọc", "Files read"),
        Sheets => ("Trang tính", "Sheets"),
        RemoveFile => ("Bỏ tệp này", "Remove this file"),
        EmptySheet => ("Trang tính này không có dữ liệu.", "This sheet has no data."),
        HiddenSheet => ("ẩn", "hidden"),
        NoSheets => ("Tệp không có trang tính nào chứa dữ liệu.", "The file has no worksheet with data."),
        Encoding => ("Bảng mã", "Encoding"),
        Delimiter => ("Dấu phân cách", "Delimiter"),
        Tab => ("Tab", "Tab"),
        MessagesHeading => ("Thông báo", "Messages"),
        ResultsHeading => ("Kết quả chấm điểm", "Scores"),
        Rank => ("Hạng", "Rank"),
        Unit => ("Đơn vị", "Unit"),
        Total => ("Tổng điểm", "Total"),
        DataErrorTag => ("có lỗi dữ liệu", "data error"),
        ExportJson => ("Tải JSON", "Download JSON"),
        ExportCsv => ("Tải CSV", "Download CSV"),
        ExportXlsx => ("Tải Excel (.xlsx)", "Download Excel (.xlsx)"),
        DownloadTemplate => ("Tải tệp mẫu (trống)", "Download the blank template"),
        DownloadSample => ("Tải dữ liệu mẫu", "Download the sample data"),
        UseSample => crate::core::report::template::SAMPLE_BUTTON,
        Close => ("Đóng", "Close"),
        Criterion => ("Tiêu chí", "Criterion"),
        Numerator => ("Tử số", "Numerator"),
        Denominator => ("Mẫu số", "Denominator"),
        Ratio => ("Tỷ lệ (%)", "Rate (%)"),
        Score => ("Điểm", "Score"),
        Max => ("Tối đa", "Max"),
        PointsLost => ("Điểm bị mất", "Points lost"),
        ToFull => ("Cần thêm để đạt tối đa", "More needed for full points"),
        PlanHeading => ("Kế hoạch nâng điểm", "Plan to a target"),
        PlanTarget => ("Muốn đạt (điểm)", "Target (points)"),
        PlanOtherSteps => ("Ngoài hồ sơ, có thể tăng thêm", "Beyond dossiers, more points from"),
        StatusColumn => ("Tình trạng", "Status"),
        MappingHeading => ("Ghép cột", "Column mapping"),
        MappingColumn => ("Cột", "Column"),
        MappingHeader => ("Tiêu đề trong tệp", "Header in the file"),
        MappingMeaning => ("Được hiểu là", "Read as"),
        Ignore => ("— bỏ qua —", "— ignored —"),
        ScoredSheet => ("Trang tính dùng để tính điểm", "Sheet to score"),
        ResetMapping => ("Ghép cột tự động", "Automatic mapping"),
        RulesHeading => ("Bộ quy tắc tính điểm", "Scoring rule set"),
        RulesDefault => ("mặc định", "default"),
        LoadRules => ("Nạp bộ quy tắc khác (.toml)", "Load another rule set (.toml)"),
        UseDefaultRules => ("Dùng bộ quy tắc mặc định", "Use the default rule set"),
        UnitPageHint => ("Chọn tên đơn vị để xem chi tiết từng tiêu chí.", "Choose a unit to see each criterion."),
        ScoreOnly => ("Bảng điểm có sẵn: điểm nhóm lấy nguyên theo tệp, không tính lại.", "Score-only table: group scores are taken from the file as they are."),
        PrivacyHeading => ("Dữ liệu trên máy này", "Data on this computer"),
        PrivacyDetail => ("Số liệu không bao giờ rời khỏi máy: chiso không gửi gì đi đâu. Trình duyệt nhớ cài đặt (ngôn ngữ, bộ quy tắc, ghép cột) và giữ các tệp đã tải (trong IndexedDB của trình duyệt) để mở lại khi tải lại trang, cho đến khi bạn xóa.", "Figures never leave this computer: chiso sends nothing anywhere. The browser remembers settings (language, rule set, column mappings) and keeps the loaded files (in its IndexedDB) to reopen them after a reload, until you remove them."),
        ClearSaved => ("Xóa mọi dữ liệu và cài đặt của chiso trên máy này", "Remove every chiso file and setting from this computer"),
        OfflineEdition => ("Tải bản dùng ngoại tuyến (một tệp .html)", "Download the offline edition (one .html file)"),
        UpdateReady => ("Đã có phiên bản mới của chiso.", "A new version of chiso is ready."),
        UpdateNow => ("Tải lại để dùng", "Reload to use it"),
    }
}

/// "120 dòng × 15 cột" with Vietnamese number format.
pub fn dimensions(lang: Lang, rows: usize, cols: usize) -> String {
    use crate::core::model::format::number;
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

pub fn preview_caption(
    lang: Lang,
    sheet: &str,
    shown_rows: usize,
    rows: usize,
    shown_cols: usize,
    cols: usize,
) -> String {
    use crate::core::model::format::number;
    let n = |x: usize| number(x as f64, 0);
    match lang {
        Lang::Vi => format!(
            "Trang tính «{sheet}»: {} dòng đầu trên tổng {} dòng, {} cột đầu trên tổng {} cột",
            n(shown_rows),
            n(rows),
            n(shown_cols),
            n(cols)
        ),
        Lang::En => format!(
            "Sheet «{sheet}»: first {} of {} rows, first {} of {} columns",
            n(shown_rows),
            n(rows),
            n(shown_cols),
            n(cols)
        ),
    }
}

pub fn mapping_summary(lang: Lang, file: &str, sheet: &str, header_row: usize, used: usize, ignored: usize) -> String {
    match lang {
        Lang::Vi => format!(
            "Tệp «{file}», trang tính «{sheet}», dòng tiêu đề {header_row}: dùng {used} cột, bỏ qua {ignored} cột"
        ),
        Lang::En => {
            format!("«{file}», sheet «{sheet}», header row {header_row}: {used} columns used, {ignored} ignored")
        }
    }
}

pub fn dossier_mapping_summary(lang: Lang, header_row: usize, recognised: usize, columns: usize) -> String {
    match lang {
        Lang::Vi => format!("dòng tiêu đề {header_row}: nhận ra {recognised} trên {columns} cột"),
        Lang::En => format!("header row {header_row}: {recognised} of {columns} columns recognised"),
    }
}

/// What a dossier list cannot count for want of columns, or that it lacks nothing.
pub fn uncounted(lang: Lang, labels: &[String]) -> String {
    match (labels.is_empty(), lang) {
        (true, Lang::Vi) => "Danh sách có đủ cột để đếm mọi tiêu chí tính từ hồ sơ.".to_string(),
        (true, Lang::En) => "The list has a column for every criterion counted from dossiers.".to_string(),
        (false, Lang::Vi) => format!(
            "Chưa đếm được từ danh sách này vì thiếu cột: {}. Nếu tệp có cột đó dưới tên khác, hãy chọn nghĩa của cột ở bảng dưới.",
            labels.join("; ")
        ),
        (false, Lang::En) => format!(
            "Not countable from this list for want of a column: {}. If the file has such a column under another name, choose its meaning below.",
            labels.join("; ")
        ),
    }
}

/// « (hạng 3/14)» after a score; nothing for the whole, which is not ranked.
pub fn rank_note(lang: Lang, rank: Option<usize>, of: usize) -> String {
    match (rank, lang) {
        (Some(rank), Lang::Vi) => format!(" (hạng {rank}/{of})"),
        (Some(rank), Lang::En) => format!(" (rank {rank} of {of})"),
        (None, _) => String::new(),
    }
}
