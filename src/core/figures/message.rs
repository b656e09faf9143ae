//! What table problems say to the user: the file, sheet, row and column, the value, and the fix.

use super::{Issue, IssueKind, Place, TableError};
use crate::core::model::format::number;
use crate::core::model::lang::Lang;
use crate::core::model::message::{vietnamese_error, Message};

vietnamese_error!(TableError);

impl Place {
    /// "Tệp «a.xlsx», trang tính «Số liệu», ô C7" (or "dòng 7" when no column is meant).
    pub fn describe(&self, lang: Lang) -> String {
        let at = match (self.column.is_empty(), lang) {
            (true, Lang::Vi) => format!("dòng {}", self.row),
            (true, Lang::En) => format!("row {}", self.row),
            (false, Lang::Vi) => format!("ô {}{} (dòng {}, cột {})", self.column, self.row, self.row, self.column),
            (false, Lang::En) => format!("cell {}{} (row {}, column {})", self.column, self.row, self.row, self.column),
        };
        match lang {
            Lang::Vi => format!("Tệp «{}», trang tính «{}», {at}", self.file, self.sheet),
            Lang::En => format!("File «{}», sheet «{}», {at}", self.file, self.sheet),
        }
    }
}

/// The first units of a list, and how many more.
fn named(units: &[String]) -> String {
    let shown: Vec<&str> = units.iter().take(3).map(String::as_str).collect();
    match units.len().saturating_sub(shown.len()) {
        0 => shown.join(", "),
        more => format!("{}, +{more}", shown.join(", ")),
    }
}

impl Message for Issue {
    fn message(&self, lang: Lang) -> String {
        let at = self.place.describe(lang);
        match (&self.kind, lang) {
            (IssueKind::NotANumber { header, value }, Lang::Vi) => format!(
                "{at}, cột «{header}»: «{value}» không phải là số. Hãy nhập số (ví dụ 1.234 hoặc 74,04%); ô này được coi là không có dữ liệu."
            ),
            (IssueKind::NotANumber { header, value }, Lang::En) => format!(
                "{at}, column «{header}»: «{value}» is not a number. Enter a number (e.g. 1.234 or 74,04%); the cell counts as no data."
            ),
            (IssueKind::NegativeCount { header, value }, Lang::Vi) => format!(
                "{at}, cột «{header}»: số lượng âm ({}). Số hồ sơ, thủ tục không thể âm; hãy sửa lại. Ô này không được tính.",
                number(*value, 2)
            ),
            (IssueKind::NegativeCount { header, value }, Lang::En) => format!(
                "{at}, column «{header}»: a negative count ({}). Counts cannot be negative; correct it. The cell is not used.",
                number(*value, 2)
            ),
            (IssueKind::NumeratorAboveDenominator { criterion, numerator, denominator }, Lang::Vi) => format!(
                "{at}: tử số của tiêu chí {criterion} ({}) lớn hơn mẫu số ({}). Hãy kiểm tra lại hai cột này; tiêu chí được đánh dấu lỗi dữ liệu và không được tính điểm.",
                number(*numerator, 2),
                number(*denominator, 2)
            ),
            (IssueKind::NumeratorAboveDenominator { criterion, numerator, denominator }, Lang::En) => format!(
                "{at}: the numerator of {criterion} ({}) is above its denominator ({}). Check both columns; the criterion is marked as a data error and not scored.",
                number(*numerator, 2),
                number(*denominator, 2)
            ),
            (IssueKind::RateOutOfRange { header, value }, Lang::Vi) => format!(
                "{at}, cột «{header}»: tỷ lệ {}% nằm ngoài khoảng 0–100%. Hãy sửa lại; ô này không được tính.",
                number(value * 100.0, 2)
            ),
            (IssueKind::RateOutOfRange { header, value }, Lang::En) => format!(
                "{at}, column «{header}»: the rate {}% is outside 0–100%. Correct it; the cell is not used.",
                number(value * 100.0, 2)
            ),
            (IssueKind::DuplicateUnit { name, first }, Lang::Vi) if first.file != self.place.file => format!(
                "{at}: đơn vị «{name}» cùng kỳ đã có ở {}, cùng loại tệp. Hai tệp không được cộng dồn: chiso dùng số liệu của tệp đầu tiên, tệp này chỉ bổ sung tiêu chí tệp đầu còn thiếu. Nếu hai tệp là hai lần xuất của cùng số liệu, hãy bỏ bớt một tệp.",
                first.describe(lang).replacen("Tệp", "tệp", 1)
            ),
            (IssueKind::DuplicateUnit { name, first }, Lang::En) if first.file != self.place.file => format!(
                "{at}: the unit «{name}» of the same period is already in {}, a file of the same kind. The two are never added up: chiso uses the first file's figures, and this one only fills criteria the first lacks. If both are exports of the same figures, remove one file.",
                first.describe(lang).replacen("File", "file", 1)
            ),
            (IssueKind::ScoreOutOfRange { header, value, max }, Lang::Vi) => format!(
                "{at}, cột «{header}»: điểm {} nằm ngoài khoảng 0–{} của cột này. Hãy kiểm tra lại (có thể cột bị ghép nhầm); ô này không được tính.",
                number(*value, 2),
                number(*max, 2)
            ),
            (IssueKind::ScoreOutOfRange { header, value, max }, Lang::En) => format!(
                "{at}, column «{header}»: the score {} is outside this column's 0–{}. Check it (the column may be mapped wrongly); the cell is not used.",
                number(*value, 2),
                number(*max, 2)
            ),
            (IssueKind::RuleAssumed(assumed), _) => format!("{at}: {}", assumed.message(lang)),
            (IssueKind::CarriedOver { count }, Lang::Vi) => format!(
                "{at}: tỷ lệ hồ sơ đúng hạn theo báo cáo này tính cả {} hồ sơ từ kỳ trước chuyển sang; tỷ lệ trên Cổng DVCQG chỉ tính hồ sơ tiếp nhận trong kỳ, nên hai số có thể khác nhau.",
                number(*count, 0)
            ),
            (IssueKind::CarriedOver { count }, Lang::En) => format!(
                "{at}: this report's on-time rate includes {} dossiers carried over from earlier periods; the portal's counts only those received in the period, so the two may differ.",
                number(*count, 0)
            ),
            (IssueKind::MixedReportRows { units, fields, read_as }, Lang::Vi) => format!(
                "{at}: trong {} dòng của báo cáo, {units} dòng là tên đơn vị (UBND, Sở, Phòng…) và {fields} dòng giống tên lĩnh vực. chiso đang đọc theo cách «{}». Nếu chưa đúng, hãy chọn «Các dòng của báo cáo là» ở «Tệp và ghép cột».",
                units + fields,
                read_as.label(lang)
            ),
            (IssueKind::MixedReportRows { units, fields, read_as }, Lang::En) => format!(
                "{at}: of the report's {} rows, {units} are units' names (UBND, Sở, Phòng…) and {fields} look like fields. chiso reads them as «{}». If that is wrong, choose «The report's rows are» under «Files and columns».",
                units + fields,
                read_as.label(lang)
            ),
            (IssueKind::SourcesDisagree { used, used_file, other, other_file, criteria, units }, Lang::Vi) => format!(
                "Tệp «{used_file}» ({}) và tệp «{other_file}» ({}) cho số liệu khác nhau ở {criteria} tiêu chí của {} đơn vị ({}). Theo thứ tự nguồn, chiso dùng «{used_file}»; trang của từng đơn vị ghi cả hai số. Đổi thứ tự nguồn ở «Cài đặt» nếu cần.",
                used.label(lang),
                other.label(lang),
                units.len(),
                named(units)
            ),
            (IssueKind::SourcesDisagree { used, used_file, other, other_file, criteria, units }, Lang::En) => format!(
                "The files «{used_file}» ({}) and «{other_file}» ({}) give different figures for {criteria} criteria of {} units ({}). By the order of sources chiso uses «{used_file}»; each unit's page shows both. Change the order under «Settings» if needed.",
                used.label(lang),
                other.label(lang),
                units.len(),
                named(units)
            ),
            (IssueKind::DuplicateUnit { name, first }, Lang::Vi) => format!(
                "{at}: đơn vị «{name}» đã có ở {}; chiso chỉ tính dòng đầu tiên. Hãy xóa dòng trùng hoặc sửa lại tên đơn vị.",
                first.describe(lang).replacen("Tệp", "tệp", 1)
            ),
            (IssueKind::DuplicateUnit { name, first }, Lang::En) => format!(
                "{at}: the unit «{name}» already appears at {}; only the first row counts. Delete the duplicate row or correct the name.",
                first.describe(lang).replacen("File", "file", 1)
            ),
            (IssueKind::NoPeriod { name }, Lang::Vi) => format!(
                "{at}: đơn vị «{name}» không ghi kỳ, trong khi các dòng khác có kỳ, nên chưa biết dòng này thuộc kỳ nào và chưa được tính. Hãy điền cột «Kỳ» (ví dụ 11/2026) hoặc đặt kỳ cho tệp trong danh sách tệp."
            ),
            (IssueKind::NoPeriod { name }, Lang::En) => format!(
                "{at}: the unit «{name}» has no period while other rows have one, so the row is not scored. Fill in the «Kỳ» column (e.g. 11/2026) or set the file's period in the file list."
            ),
            (IssueKind::MergedHeader { range, count }, Lang::Vi) => format!(
                "{at}: {} cột lấy tiêu đề từ ô gộp (đầu tiên là vùng {range}); chiso đã đọc chữ của ô gộp cho mọi cột nó phủ. Hãy kiểm tra phần «Ghép cột» xem mỗi cột đã đúng tiêu chí chưa.",
                crate::core::model::format::number(*count as f64, 0)
            ),
            (IssueKind::MergedHeader { range, count }, Lang::En) => format!(
                "{at}: {} columns took their header from merged cells (the first the range {range}); chiso read each merge's text for every column it spans. Check under «Column mapping» that every column has the right criterion.",
                crate::core::model::format::number(*count as f64, 0)
            ),
            (IssueKind::Dossier(kind), lang) => dossier_problem(&at, kind, lang),
            (IssueKind::MoreDossierProblems { count }, Lang::Vi) => format!(
                "{at}: còn {} ô hồ sơ khác không dùng được (chỉ liệt kê {} ô đầu). Hãy sửa theo các ví dụ trên rồi tải lại tệp.",
                number(*count as f64, 0),
                super::dossier_issues::MAX_PROBLEMS
            ),
            (IssueKind::MoreDossierProblems { count }, Lang::En) => format!(
                "{at}: {} more dossier cells could not be used (only the first {} are listed). Fix them like those above and load the file again.",
                number(*count as f64, 0),
                super::dossier_issues::MAX_PROBLEMS
            ),
            (IssueKind::OutsidePeriod { period, before, after, undated }, Lang::Vi) => format!(
                "{at}: {} hồ sơ không thuộc kỳ {period} nên không được tính ({} tiếp nhận trước kỳ, {} sau kỳ, {} không có ngày tiếp nhận). Muốn tính, hãy đổi kỳ ở «Kỳ của danh sách hồ sơ».",
                number((before + after + undated) as f64, 0), number(*before as f64, 0), number(*after as f64, 0), number(*undated as f64, 0)
            ),
            (IssueKind::OutsidePeriod { period, before, after, undated }, Lang::En) => format!(
                "{at}: {} dossiers fall outside {period} and are not counted ({} received before, {} after, {} with no receipt date). To count them, change the period under «Dossier list period».",
                before + after + undated, before, after, undated
            ),
            (IssueKind::PartsDisagree { total, given, parts, sum }, Lang::Vi) => format!(
                "{at}: «{total}» là {} nhưng {} cộng lại là {}. chiso tính dòng này theo các phần ({}); hãy kiểm tra lại báo cáo và sửa ô sai.",
                number(*given, 0),
                parts.iter().map(|p| format!("«{p}»")).collect::<Vec<_>>().join(" + "),
                number(*sum, 0),
                number(*sum, 0)
            ),
            (IssueKind::PartsDisagree { total, given, parts, sum }, Lang::En) => format!(
                "{at}: «{total}» is {} but {} add up to {}. chiso scores the row from its parts ({}); check the report and correct the wrong cell.",
                number(*given, 0),
                parts.iter().map(|p| format!("«{p}»")).collect::<Vec<_>>().join(" + "),
                number(*sum, 0),
                number(*sum, 0)
            ),
            (IssueKind::TotalDisagrees { header, total, sum }, Lang::Vi) => format!(
                "{at}: dòng tổng cột «{header}» ghi {} nhưng các dòng đơn vị cộng lại là {}. chiso tính theo từng đơn vị; hãy kiểm tra dòng tổng hoặc các dòng còn thiếu.",
                number(*total, 0),
                number(*sum, 0)
            ),
            (IssueKind::TotalDisagrees { header, total, sum }, Lang::En) => format!(
                "{at}: the total row says {} in «{header}» but the unit rows add up to {}. chiso scores unit by unit; check the total row or rows that may be missing.",
                number(*total, 0),
                number(*sum, 0)
            ),
            (IssueKind::GroupRow { name }, Lang::Vi) => format!(
                "{at}: «{name}» là dòng nhóm của báo cáo, không phải một đơn vị, nên không được chấm điểm."
            ),
            (IssueKind::GroupRow { name }, Lang::En) => {
                format!("{at}: «{name}» is a group row of the report, not a unit, so it is not scored.")
            }
            (IssueKind::TotalRow { name, whole: Some(whole) }, Lang::Vi) => format!(
                "{at}: «{name}» là dòng tổng; chiso tính «{whole}» bằng cách cộng gộp các dòng đơn vị và đối chiếu với dòng này."
            ),
            (IssueKind::TotalRow { name, whole: Some(whole) }, Lang::En) => format!(
                "{at}: «{name}» is the total row; chiso scores «{whole}» by pooling the unit rows and checks them against it."
            ),
            (IssueKind::TotalRow { name, whole: None }, Lang::Vi) => format!(
                "{at}: «{name}» là dòng tổng nên không được chấm điểm như một đơn vị; chiso dùng nó để đối chiếu tổng các dòng đơn vị."
            ),
            (IssueKind::TotalRow { name, whole: None }, Lang::En) => format!(
                "{at}: «{name}» is the total row, not scored as a unit; chiso checks the unit rows' sums against it."
            ),
            (IssueKind::StatusLeftOut { status, count, period }, Lang::Vi) => format!(
                "{at}: {} hồ sơ kỳ {period} có trạng thái «{status}» nên không phải hồ sơ đã tiếp nhận và không được tính vào chỉ tiêu nào. Nếu trạng thái này cần được tính, hãy sửa danh sách trạng thái hồ sơ trong bộ quy tắc (Cài đặt › Bộ quy tắc).",
                number(*count as f64, 0)
            ),
            (IssueKind::StatusLeftOut { status, count, period }, Lang::En) => format!(
                "{at}: {count} dossiers of {period} have the status «{status}», so they are not dossiers received and count in no criterion. If this status should count, edit the rule set's list of dossier statuses (Settings › Rule set)."
            ),
            (IssueKind::UnknownStatus { status, count }, Lang::Vi) => format!(
                "{at}: trạng thái «{status}» ({} hồ sơ, đầu tiên ở dòng này) không có trong bộ quy tắc; các hồ sơ này được tính là đang giải quyết. Nếu trạng thái có nghĩa khác (đã xong, hoặc không tính), hãy thêm nó vào danh sách trạng thái hồ sơ trong bộ quy tắc (Cài đặt › Bộ quy tắc) rồi nạp lại.",
                number(*count as f64, 0)
            ),
            (IssueKind::UnknownStatus { status, count }, Lang::En) => format!(
                "{at}: the status «{status}» ({count} dossiers, the first on this row) is not in the rule set; those dossiers count as in progress. If it means otherwise (finished, or not counted), add it to the rule set's list of dossier statuses (Settings › Rule set) and load it again."
            ),
            (IssueKind::MissingUnitName, Lang::Vi) => {
                format!("{at} có số liệu nhưng cột «Đơn vị» trống. Hãy điền tên đơn vị; dòng này không được tính.")
            }
            (IssueKind::MissingUnitName, Lang::En) => {
                format!("{at} has figures but an empty «Đơn vị» (unit) cell. Fill in the unit's name; the row is not used.")
            }
            (IssueKind::NoUnitRows, Lang::Vi) => format!(
                "{at}: bảng có dòng tiêu đề nhưng chưa có dòng đơn vị nào, nên chưa có gì để tính điểm. Hãy điền mỗi đơn vị một dòng, bắt đầu từ dòng {}: tên đơn vị ở cột {}, số liệu ở các cột bên cạnh; rồi tải tệp lên lại.",
                self.place.row, self.place.column
            ),
            (IssueKind::NoUnitRows, Lang::En) => format!(
                "{at}: the table has a header but no unit rows yet, so there is nothing to score. Fill in one row per unit from row {}: the unit's name in column {}, its figures in the columns beside it; then load the file again.",
                self.place.row, self.place.column
            ),
        }
    }
}

fn dossier_problem(at: &str, kind: &super::dossier_issues::ProblemKind, lang: Lang) -> String {
    use super::dossier_issues::ProblemKind;
    match (kind, lang) {
        (ProblemKind::NotADate { header, value }, Lang::Vi) => format!(
            "{at}, cột «{header}»: «{value}» không phải là ngày. Hãy ghi ngày dạng dd/mm/yyyy, dd/mm/yyyy hh:mm hoặc yyyy-mm-dd; ô này được coi là trống."
        ),
        (ProblemKind::NotADate { header, value }, Lang::En) => format!(
            "{at}, column «{header}»: «{value}» is not a date. Write dd/mm/yyyy, dd/mm/yyyy hh:mm or yyyy-mm-dd; the cell counts as empty."
        ),
        (ProblemKind::NotYesNo { header, value }, Lang::Vi) => format!(
            "{at}, cột «{header}»: «{value}» không phải là có/không. Hãy ghi Có/Không, Đã/Chưa, x hoặc để trống, 1/0; ô này được coi là «Không»."
        ),
        (ProblemKind::NotYesNo { header, value }, Lang::En) => format!(
            "{at}, column «{header}»: «{value}» is not a yes/no. Write Có/Không, Đã/Chưa, x or blank, 1/0; the cell counts as «no»."
        ),
        (ProblemKind::NotAChannel { header, value }, Lang::Vi) => format!(
            "{at}, cột «{header}»: «{value}» không phải là kênh nộp. Hãy ghi Trực tuyến, Trực tiếp hoặc Bưu chính; hồ sơ này được coi là không nộp trực tuyến."
        ),
        (ProblemKind::NotAChannel { header, value }, Lang::En) => format!(
            "{at}, column «{header}»: «{value}» is not a channel. Write Trực tuyến, Trực tiếp or Bưu chính; the dossier counts as not online."
        ),
        (ProblemKind::NotANumber { header, value }, Lang::Vi) => format!(
            "{at}, cột «{header}»: «{value}» không phải là số. Hãy ghi một số (ví dụ 2 hoặc 15.000); ô này được coi là trống."
        ),
        (ProblemKind::NotANumber { header, value }, Lang::En) => format!(
            "{at}, column «{header}»: «{value}» is not a number. Write a number (e.g. 2 or 15.000); the cell counts as empty."
        ),
        (ProblemKind::NoReceivedDate, Lang::Vi) => format!("{at}: hồ sơ không có ngày tiếp nhận nên không xếp được vào kỳ nào và không được tính. Hãy bổ sung ngày tiếp nhận."),
        (ProblemKind::NoReceivedDate, Lang::En) => format!("{at}: the dossier has no receipt date, so it belongs to no period and is not counted. Add the date."),
        (ProblemKind::FinishedBeforeReceived, Lang::Vi) => format!("{at}: ngày hoàn thành trước ngày tiếp nhận. Hãy kiểm tra lại hai ngày này; thời gian giải quyết của hồ sơ được tính là 0 ngày."),
        (ProblemKind::FinishedBeforeReceived, Lang::En) => format!("{at}: finished before it was received. Check both dates; its processing time counts as 0 days."),
    }
}

impl Message for TableError {
    fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (TableError::NoUnitColumn { file, sheet }, Lang::Vi) => format!(
                "Tệp «{file}», trang tính «{sheet}»: không tìm thấy cột «Đơn vị» trong 30 dòng đầu, nên không biết mỗi dòng là của đơn vị nào. Hãy thêm cột có tiêu đề «Đơn vị» chứa tên các đơn vị, hoặc tải tệp mẫu của chiso và chép số liệu vào."
            ),
            (TableError::NoUnitColumn { file, sheet }, Lang::En) => format!(
                "File «{file}», sheet «{sheet}»: no «Đơn vị» (unit) column in the first 30 rows, so the rows cannot be told apart. Add a column headed «Đơn vị» with the units' names, or download chiso's template and copy the figures into it."
            ),
            (TableError::NoKnownColumn { file, sheet, header_row }, Lang::Vi) => format!(
                "Tệp «{file}», trang tính «{sheet}», dòng tiêu đề {header_row}: không có cột nào khớp với tiêu chí của bộ chỉ số (ví dụ «Hồ sơ đúng hạn, trong hạn (tử số)» hoặc «ON_TIME (tử số)»). Hãy đặt tên cột theo tệp mẫu, hoặc chọn tiêu chí cho từng cột trong phần «Ghép cột»."
            ),
            (TableError::NoKnownColumn { file, sheet, header_row }, Lang::En) => format!(
                "File «{file}», sheet «{sheet}», header row {header_row}: no column matches a criterion of the index (e.g. «Hồ sơ đúng hạn, trong hạn (tử số)» or «ON_TIME (tử số)»). Name the columns as in the template, or choose each column's criterion under «Column mapping»."
            ),
            (TableError::NoDossierHeader { file, sheet }, Lang::Vi) => format!(
                "Tệp «{file}», trang tính «{sheet}»: đã chọn đọc là danh sách hồ sơ nhưng 30 dòng đầu không có cột «Ngày tiếp nhận». Hãy thêm cột này (mỗi dòng một hồ sơ), hoặc chọn lại loại bảng."
            ),
            (TableError::NoDossierHeader { file, sheet }, Lang::En) => format!(
                "File «{file}», sheet «{sheet}»: read as a dossier list, but the first 30 rows have no «Ngày tiếp nhận» (date received) column. Add it (one row per dossier), or choose another kind of table."
            ),
            (TableError::NotThatKind { file, sheet, said, found }, Lang::Vi) => format!(
                "Tệp «{file}», trang tính «{sheet}»: đã chọn đọc là «{}» nhưng tiêu đề các cột cho thấy đây là «{}». Hãy chọn lại «Loại bảng» (hoặc «Tự nhận biết»), hoặc sửa tiêu đề cột theo tệp mẫu.",
                said.label(lang), found.label(lang)
            ),
            (TableError::NotThatKind { file, sheet, said, found }, Lang::En) => format!(
                "File «{file}», sheet «{sheet}»: read as «{}», but its headers make it «{}». Choose another «Kind of table» (or «Recognise»), or name the columns as in the template.",
                said.label(lang), found.label(lang)
            ),
            (TableError::NoReceivedDates { file, sheet }, Lang::Vi) => format!(
                "Tệp «{file}», trang tính «{sheet}»: không hồ sơ nào có ngày tiếp nhận đọc được, nên không xác định được kỳ. Hãy ghi ngày tiếp nhận dạng dd/mm/yyyy."
            ),
            (TableError::NoReceivedDates { file, sheet }, Lang::En) => format!(
                "File «{file}», sheet «{sheet}»: no dossier has a readable receipt date, so there is no period to score. Write the dates as dd/mm/yyyy."
            ),
        }
    }
}
