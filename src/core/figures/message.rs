//! What table problems say to the user: the file, sheet, row and column, the value, and the fix.

use super::{Issue, IssueKind, Place, TableError};
use crate::core::format::number;
use crate::core::lang::Lang;

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

impl Issue {
    pub fn message(&self, lang: Lang) -> String {
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
                crate::core::format::number(*count as f64, 0)
            ),
            (IssueKind::MergedHeader { range, count }, Lang::En) => format!(
                "{at}: {} columns took their header from merged cells (the first the range {range}); chiso read each merge's text for every column it spans. Check under «Column mapping» that every column has the right criterion.",
                crate::core::format::number(*count as f64, 0)
            ),
            (IssueKind::MissingUnitName, Lang::Vi) => {
                format!("{at} có số liệu nhưng cột «Đơn vị» trống. Hãy điền tên đơn vị; dòng này không được tính.")
            }
            (IssueKind::MissingUnitName, Lang::En) => {
                format!("{at} has figures but an empty «Đơn vị» (unit) cell. Fill in the unit's name; the row is not used.")
            }
        }
    }
}

impl TableError {
    pub fn message(&self, lang: Lang) -> String {
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
        }
    }
}
