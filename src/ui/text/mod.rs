//! Every fixed text of the interface, Vietnamese first and English second, in one place: the
//! texts shared across views here, each view's in a module of its own name. Domain labels (a
//! criterion's name, a band, a kind of unit) live with their value in core, used by the screen
//! and the exports alike.

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

#[derive(Clone, Copy, Debug)]
pub enum Text {
    Title,
    DossierMappingHeading,
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
    ResultsHeading,
    Rank,
    Unit,
    Total,
    DataErrorTag,
    ExportJson,
    ExportCsv,
    ExportXlsx,
    DownloadTemplate,
    DownloadSample,
    UseSample,
    Close,
    Criterion,
    Numerator,
    Denominator,
    Ratio,
    Score,
    Max,
    PointsLost,
    ToFull,
    PlanHeading,
    PlanTarget,
    PlanOtherSteps,
    StatusColumn,
    MappingHeading,
    MappingColumn,
    MappingHeader,
    MappingMeaning,
    Ignore,
    ScoredSheet,
    ResetMapping,
    RulesHeading,
    RulesDefault,
    LoadRules,
    UseDefaultRules,
    UnitPageHint,
    ScoreOnly,
    PrivacyHeading,
    PrivacyDetail,
    ClearSaved,
    OfflineEdition,
    UpdateReady,
    UpdateNow,
}

impl Words for Text {
    fn say(self, lang: Lang) -> &'static str {
        use Text::*;
        match self {
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
        ResultsHeading => lang.pick("Kết quả chấm điểm", "Scores"),
        Rank => lang.pick("Hạng", "Rank"),
        Unit => lang.pick("Đơn vị", "Unit"),
        Total => lang.pick("Tổng điểm", "Total"),
        DataErrorTag => lang.pick("có lỗi dữ liệu", "data error"),
        ExportJson => lang.pick("Tải JSON", "Download JSON"),
        ExportCsv => lang.pick("Tải CSV", "Download CSV"),
        ExportXlsx => lang.pick("Tải Excel (.xlsx)", "Download Excel (.xlsx)"),
        DownloadTemplate => lang.pick("Tải tệp mẫu (trống)", "Download the blank template"),
        DownloadSample => lang.pick("Tải dữ liệu mẫu", "Download the sample data"),
        UseSample => crate::core::report::template::sample_button(lang),
        Close => lang.pick("Đóng", "Close"),
        Criterion => lang.pick("Tiêu chí", "Criterion"),
        Numerator => lang.pick("Tử số", "Numerator"),
        Denominator => lang.pick("Mẫu số", "Denominator"),
        Ratio => lang.pick("Tỷ lệ (%)", "Rate (%)"),
        Score => lang.pick("Điểm", "Score"),
        Max => lang.pick("Tối đa", "Max"),
        PointsLost => lang.pick("Điểm bị mất", "Points lost"),
        ToFull => lang.pick("Cần thêm để đạt tối đa", "More needed for full points"),
        PlanHeading => lang.pick("Kế hoạch nâng điểm", "Plan to a target"),
        PlanTarget => lang.pick("Muốn đạt (điểm)", "Target (points)"),
        PlanOtherSteps => lang.pick("Ngoài hồ sơ, có thể tăng thêm", "Beyond dossiers, more points from"),
        StatusColumn => lang.pick("Tình trạng", "Status"),
        MappingHeading => lang.pick("Ghép cột", "Column mapping"),
        DossierMappingHeading => lang.pick("Ghép cột danh sách hồ sơ", "Dossier list columns"),
        MappingColumn => lang.pick("Cột", "Column"),
        MappingHeader => lang.pick("Tiêu đề trong tệp", "Header in the file"),
        MappingMeaning => lang.pick("Được hiểu là", "Read as"),
        Ignore => lang.pick("— bỏ qua —", "— ignored —"),
        ScoredSheet => lang.pick("Trang tính dùng để tính điểm", "Sheet to score"),
        ResetMapping => lang.pick("Ghép cột tự động", "Automatic mapping"),
        RulesHeading => lang.pick("Bộ quy tắc tính điểm", "Scoring rule set"),
        RulesDefault => lang.pick("mặc định", "default"),
        LoadRules => lang.pick("Nạp bộ quy tắc khác (.toml)", "Load another rule set (.toml)"),
        UseDefaultRules => lang.pick("Dùng bộ quy tắc mặc định", "Use the default rule set"),
        UnitPageHint => lang.pick("Chọn tên đơn vị để xem chi tiết từng tiêu chí.", "Choose a unit to see each criterion."),
        PrivacyHeading => lang.pick("Dữ liệu trên máy này", "Data on this computer"),
        PrivacyDetail => lang.pick(
            "Số liệu không bao giờ rời khỏi máy: chiso không gửi gì đi đâu. Trình duyệt nhớ cài đặt (ngôn ngữ, bộ quy tắc, ghép cột) và giữ các tệp đã tải (trong IndexedDB của trình duyệt) để mở lại khi tải lại trang, cho đến khi bạn xóa.",
            "Figures never leave this computer: chiso sends nothing anywhere. The browser remembers settings (language, rule set, column mappings) and keeps the loaded files (in its IndexedDB) to reopen them after a reload, until you remove them.",
        ),
        ClearSaved => lang.pick("Xóa mọi dữ liệu và cài đặt của chiso trên máy này", "Remove every chiso file and setting from this computer"),
        OfflineEdition => lang.pick("Tải bản dùng ngoại tuyến (một tệp .html)", "Download the offline edition (one .html file)"),
        UpdateReady => lang.pick("Đã có phiên bản mới của chiso.", "A new version of chiso is ready."),
        UpdateNow => lang.pick("Tải lại để dùng", "Reload to use it"),
        ScoreOnly => lang.pick("Bảng điểm có sẵn: điểm nhóm lấy nguyên theo tệp, không tính lại.", "Score-only table: group scores are taken from the file as they are."),
    }
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
