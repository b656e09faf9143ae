//! The columns of a dossier list as one-stop systems export them, matched like unit-figure
//! headers (without regard to case, diacritics, spacing or punctuation).

use serde::{Deserialize, Serialize};

use crate::core::layout::header_rows;
use crate::core::model::lang::Lang;
use crate::core::model::table::Sheet;
use crate::core::model::table::HEADER_SEARCH_ROWS;
use crate::core::model::text::fold;
use crate::core::rules::Measure;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Field {
    Id,
    Unit,
    Procedure,
    ProcedureCode,
    Received,
    Due,
    Finished,
    Channel,
    Synced,
    HasFee,
    PaidOnline,
    ElectronicResult,
    Digitised,
    Reused,
    PersonalStore,
    PopulationData,
    Rating,
    Petition,
    /// The dossier's status in the one-stop system («Đã trả kết quả», «Không được tiếp nhận» …).
    Status,
    /// «Đã thanh toán», «Chưa thanh toán», «Chờ thanh toán»: a fee is due.
    PaymentStatus,
    /// How the fee was paid: «truc-tuyen», «tien-mat», «chuyen-khoan».
    PaymentMethod,
    /// «Ngày xử lý xong»: finished, preferred over the return date.
    Processed,
    /// «Ngày từ chối», «Ngày dừng xử lý», «Ngày rút hồ sơ»: processing ended by refusal, stop or
    /// withdrawal.
    Refused,
    Stopped,
    Withdrawn,
    /// «Số lần yêu cầu bổ sung»: supplement requests so far.
    Supplements,
    /// «Ngày yêu cầu bổ sung»: the last (or pending) request.
    SupplementAsked,
    /// «Ngày công dân bổ sung»: when the citizen supplied what was asked.
    SupplementGiven,
    /// «Ngày hẹn trả mới»: the due date given with a request.
    NewDue,
    /// «Thời hạn giải quyết (ngày)»: the procedure's maximum time, for dossiers without a due date.
    MaxDays,
    /// «Lệ phí»: the fee's amount (a zero fee is no fee).
    FeeAmount,
    /// «Tài khoản định danh VNeID»: filed from a VNeID-verified account.
    Vneid,
}

/// The yes/no fields, in the order of their bits in [`super::list::Dossier`].
pub const FLAGS: [Field; 10] = flags();

/// The fields of [`ALL`] that are yes or no, in its order; the build stops if they are not ten.
const fn flags() -> [Field; 10] {
    let mut flags = [Field::Id; 10];
    let (mut i, mut n) = (0, 0);
    while i < ALL.len() {
        if ALL[i].is_flag() {
            flags[n] = ALL[i];
            n += 1;
        }
        i += 1;
    }
    assert!(n == flags.len());
    flags
}

impl Field {
    /// The names a header may use, folded.
    fn names(self) -> &'static [&'static str] {
        match self {
            Field::Id => &["mahoso", "sohoso", "mahs", "sohs", "dossierid", "dossier"],
            Field::Unit => &[
                "donvi",
                "tendonvi",
                "donvitiepnhan",
                "coquantiepnhan",
                "coquan",
                "coquanchutrigiaiquyet",
                "coquangiaiquyet",
                "unit",
            ],
            Field::Procedure => {
                &["thutuc", "tenthutuc", "thutuchanhchinh", "tenthutuchanhchinh", "tentthc", "noidunghoso", "procedure"]
            }
            Field::ProcedureCode => &["matthc", "mathutuc", "procedurecode"],
            // Not «Ngày nộp hồ sơ»: an online dossier is filed days before it is received.
            Field::Received => {
                &["ngaytiepnhan", "thoigiantiepnhan", "ngaynhan", "nhanhoso", "ngaynhanhoso", "received"]
            }
            Field::Due => &["ngayhentra", "ngayhentraketqua", "hentraketqua", "hanxuly", "hangiaiquyet", "due"],
            Field::Finished => &[
                "ngayhoanthanh",
                "thoigianhoanthanh",
                "ngaygiaiquyet",
                "ngaycoketqua",
                "ngayketthucxuly",
                "ngaytraketqua",
                "traketqua",
                "ngaynhanketqua",
                "finished",
            ],
            Field::Channel => &["kenhnop", "hinhthucnop", "kenhtiepnhan", "kenhthuchien", "loaitiepnhan", "channel"],
            Field::Synced => &["dongbodvcqg", "dongbocongdvcqg", "dongbolencongdvcqg", "dongbo", "synced"],
            Field::HasFee => &["nghiavutaichinh", "cophilephi", "philephi", "fee"],
            Field::PaidOnline => &["thanhtoantructuyen", "paidonline"],
            Field::ElectronicResult => &["ketquadientu", "electronicresult"],
            Field::Digitised => &["sohoa", "sohoahoso", "digitised", "digitized"],
            Field::Reused => &["taisudungdulieusohoa", "taisudung", "reused"],
            Field::PersonalStore => &["ketnoikhodulieucanhan", "khodulieucanhan", "personalstore"],
            Field::PopulationData => &["dulieudancu", "sudungdulieudancu", "populationdata"],
            Field::Rating => &["danhgia", "mucdohailong", "ketquadanhgia", "rating"],
            Field::Petition => &["copakn", "pakn", "cophananhkiennghi", "petition"],
            Field::Status => &["trangthai", "trangthaihoso", "tinhtrang", "tinhtranghoso", "status"],
            Field::PaymentStatus => &["trangthaithanhtoan", "tinhtrangthanhtoan", "thanhtoan", "paymentstatus"],
            Field::PaymentMethod => &["hinhthucthanhtoan", "phuongthucthanhtoan", "kenhthanhtoan", "paymentmethod"],
            Field::Processed => &["ngayxulyxong", "thoigianxulyxong", "processed"],
            Field::Refused => &["ngaytuchoi", "ngaytralaihoso", "refused"],
            Field::Stopped => &["ngaydungxuly", "stopped"],
            Field::Withdrawn => &["ngayruthoso", "ngaycongdanruthoso", "withdrawn"],
            Field::Supplements => &["solanyeucaubosung", "solanbosung", "supplements"],
            Field::SupplementAsked => &["ngayyeucaubosung", "supplementasked"],
            Field::SupplementGiven => &["ngaycongdanbosung", "ngaytiepnhanbosung", "ngaybosung", "supplementgiven"],
            Field::NewDue => &["ngayhentramoi", "newdue"],
            Field::MaxDays => &["thoihangiaiquyetngay", "thoigiangiaiquyetquydinh", "maxdays"],
            Field::FeeAmount => &["lephi", "mucphi", "sotienphilephi", "feeamount"],
            Field::Vneid => &["taikhoandinhdanhvneid", "taikhoanvneid", "vneid", "dinhdanhvneid"],
        }
    }

    /// A stable text form, for a `<select>` value and for remembering a user's mapping.
    pub fn code(self) -> &'static str {
        match self {
            Field::Id => "id",
            Field::Unit => "unit",
            Field::Procedure => "procedure",
            Field::ProcedureCode => "procedure_code",
            Field::Received => "received",
            Field::Due => "due",
            Field::Finished => "finished",
            Field::Channel => "channel",
            Field::Synced => "synced",
            Field::HasFee => "has_fee",
            Field::PaidOnline => "paid_online",
            Field::ElectronicResult => "electronic_result",
            Field::Digitised => "digitised",
            Field::Reused => "reused",
            Field::PersonalStore => "personal_store",
            Field::PopulationData => "population_data",
            Field::Rating => "rating",
            Field::Petition => "petition",
            Field::Status => "status",
            Field::PaymentStatus => "payment_status",
            Field::PaymentMethod => "payment_method",
            Field::Processed => "processed",
            Field::Refused => "refused",
            Field::Stopped => "stopped",
            Field::Withdrawn => "withdrawn",
            Field::Supplements => "supplements",
            Field::SupplementAsked => "supplement_asked",
            Field::SupplementGiven => "supplement_given",
            Field::NewDue => "new_due",
            Field::MaxDays => "max_days",
            Field::FeeAmount => "fee_amount",
            Field::Vneid => "vneid",
        }
    }

    pub fn from_code(code: &str) -> Option<Field> {
        ALL.iter().copied().find(|f| f.code() == code)
    }

    /// Whether the field is a yes or a no, kept as a bit.
    pub const fn is_flag(self) -> bool {
        matches!(
            self,
            Field::Synced
                | Field::HasFee
                | Field::PaidOnline
                | Field::ElectronicResult
                | Field::Digitised
                | Field::Reused
                | Field::PersonalStore
                | Field::PopulationData
                | Field::Petition
                | Field::Vneid
        )
    }

    pub fn from_header(text: &str) -> Option<Field> {
        let folded = fold(text);
        ALL.iter().copied().find(|f| f.names().contains(&folded.as_str()))
    }

    /// The template's header for this field.
    pub fn label(self, lang: Lang) -> &'static str {
        lang.of(match self {
            Field::Id => ("Mã hồ sơ", "Dossier id"),
            Field::Unit => ("Đơn vị", "Unit"),
            Field::Procedure => ("Thủ tục", "Procedure"),
            Field::ProcedureCode => ("Mã TTHC", "Procedure code"),
            Field::Received => ("Ngày tiếp nhận", "Received"),
            Field::Due => ("Ngày hẹn trả", "Due"),
            Field::Finished => ("Ngày hoàn thành", "Finished"),
            Field::Channel => ("Kênh nộp", "Channel"),
            Field::Synced => ("Đồng bộ DVCQG", "Synced to the national portal"),
            Field::HasFee => ("Nghĩa vụ tài chính", "Fee due"),
            Field::PaidOnline => ("Thanh toán trực tuyến", "Paid online"),
            Field::ElectronicResult => ("Kết quả điện tử", "Electronic result"),
            Field::Digitised => ("Số hóa", "Digitised"),
            Field::Reused => ("Tái sử dụng dữ liệu số hóa", "Reused digitised data"),
            Field::PersonalStore => ("Kết nối kho dữ liệu cá nhân", "Personal data store"),
            Field::PopulationData => ("Dữ liệu dân cư", "Population data"),
            Field::Rating => ("Đánh giá", "Rating"),
            Field::Petition => ("Có PAKN", "Petition filed"),
            Field::Status => ("Trạng thái", "Status"),
            Field::PaymentStatus => ("Trạng thái thanh toán", "Payment status"),
            Field::PaymentMethod => ("Hình thức thanh toán", "Payment method"),
            Field::Processed => ("Ngày xử lý xong", "Processed"),
            Field::Refused => ("Ngày từ chối", "Refused on"),
            Field::Stopped => ("Ngày dừng xử lý", "Stopped on"),
            Field::Withdrawn => ("Ngày rút hồ sơ", "Withdrawn on"),
            Field::Supplements => ("Số lần yêu cầu bổ sung", "Supplement requests"),
            Field::SupplementAsked => ("Ngày yêu cầu bổ sung", "Supplement requested on"),
            Field::SupplementGiven => ("Ngày công dân bổ sung", "Supplement given on"),
            Field::NewDue => ("Ngày hẹn trả mới", "New due date"),
            Field::MaxDays => ("Thời hạn giải quyết (ngày)", "Maximum time (days)"),
            Field::FeeAmount => ("Lệ phí", "Fee amount"),
            Field::Vneid => ("Tài khoản định danh VNeID", "VNeID account"),
        })
    }
}

pub const ALL: [Field; 32] = [
    Field::Id,
    Field::Unit,
    Field::Procedure,
    Field::ProcedureCode,
    Field::Received,
    Field::Due,
    Field::Finished,
    Field::Channel,
    Field::Synced,
    Field::HasFee,
    Field::PaidOnline,
    Field::ElectronicResult,
    Field::Digitised,
    Field::Reused,
    Field::PersonalStore,
    Field::PopulationData,
    Field::Rating,
    Field::Petition,
    Field::Status,
    Field::PaymentStatus,
    Field::PaymentMethod,
    Field::Processed,
    Field::Refused,
    Field::Stopped,
    Field::Withdrawn,
    Field::Supplements,
    Field::SupplementAsked,
    Field::SupplementGiven,
    Field::NewDue,
    Field::MaxDays,
    Field::FeeAmount,
    Field::Vneid,
];

/// Which column holds which field. `header_row` is zero-based within the sheet.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DossierMapping {
    pub header_row: usize,
    pub headers: Vec<String>,
    pub fields: Vec<Option<Field>>,
}

impl DossierMapping {
    pub fn column(&self, field: Field) -> Option<usize> {
        self.fields.iter().position(|f| *f == Some(field))
    }

    pub fn has(&self, field: Field) -> bool {
        self.column(field).is_some()
    }

    pub fn header(&self, field: Field) -> String {
        self.column(field).map(|c| self.headers[c].clone()).unwrap_or_default()
    }

    /// Column `column` holds `field` (or nothing); a field is in one column only, so the column
    /// that held it before no longer does.
    pub fn set(&mut self, column: usize, field: Option<Field>) {
        if let Some(f) = field {
            for other in self.fields.iter_mut().filter(|o| **o == Some(f)) {
                *other = None;
            }
        }
        if let Some(slot) = self.fields.get_mut(column) {
            *slot = field;
        }
    }

    /// A key for remembering a user's corrections: the folded header texts.
    pub fn signature(&self) -> String {
        self.headers.iter().map(|h| fold(h)).collect::<Vec<_>>().join("|")
    }

    /// The fields as stored on this machine: their codes, tab-separated.
    pub fn encode(&self) -> String {
        self.fields.iter().map(|f| f.map_or("", Field::code)).collect::<Vec<_>>().join("\t")
    }

    /// This mapping with the fields `encode` stored; `None` when they are for another width.
    pub fn decoded(&self, stored: &str) -> Option<DossierMapping> {
        let fields: Vec<Option<Field>> = stored.split('\t').map(Field::from_code).collect();
        (fields.len() == self.fields.len()).then(|| DossierMapping { fields, ..self.clone() })
    }

    /// Whether it can be used on `sheet` (same width, header inside it) and names a receipt date.
    pub fn fits(&self, sheet: &Sheet) -> bool {
        self.fields.len() == sheet.width() && self.header_row < sheet.height() && self.has(Field::Received)
    }

    /// Whether the list has the columns `measure` needs.
    pub fn can_count(&self, measure: Measure) -> bool {
        let has = |f: Field| self.has(f);
        match measure {
            Measure::Received => has(Field::Received),
            Measure::OnTime => has(Field::Due) && has(Field::Finished),
            Measure::Online => has(Field::Channel),
            Measure::OnlineOnTime => has(Field::Channel) && has(Field::Due) && has(Field::Finished),
            Measure::Synced => has(Field::Synced),
            Measure::WithFee => has(Field::HasFee) || has(Field::PaymentStatus) || has(Field::PaymentMethod),
            Measure::PaidOnline => {
                (has(Field::HasFee) || has(Field::PaymentStatus) || has(Field::PaymentMethod))
                    && (has(Field::PaidOnline) || has(Field::PaymentMethod))
            }
            Measure::ElectronicResult => has(Field::ElectronicResult),
            Measure::Digitised => has(Field::Digitised),
            Measure::Reused => has(Field::Reused),
            Measure::PersonalStore => has(Field::PersonalStore),
            Measure::PopulationData => has(Field::PopulationData) || has(Field::Vneid) || has(Field::PersonalStore),
            Measure::Satisfied => has(Field::Due) && has(Field::Finished) && has(Field::Rating),
            Measure::Completed | Measure::AverageDays => has(Field::Finished),
            Measure::ProceduresOnline => has(Field::Channel) && (has(Field::Procedure) || has(Field::ProcedureCode)),
        }
    }

    /// The criteria and tracked values the rule set counts from dossiers that this list cannot
    /// count for want of a column, by label.
    pub fn uncounted(&self, rules: &crate::core::rules::RuleSet) -> Vec<String> {
        let lacks = |from: &crate::core::rules::FromDossiers| {
            let wanted = [from.numerator, from.denominator];
            wanted.iter().flatten().any(|m| !self.can_count(*m))
        };
        let criteria = rules.criteria.iter().filter(|c| lacks(&c.dossiers)).map(|c| c.label.clone());
        criteria.chain(rules.tracked.iter().filter(|t| lacks(&t.dossiers)).map(|t| t.label.clone())).collect()
    }
}

/// How sure a header row must be to call a sheet a dossier list: when detecting on its own,
/// the receipt date and three more dossier columns (a unit-figure sheet has none of them); when
/// the user has said it is one, the receipt date is enough.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Certainty {
    Detect,
    Told,
}

/// The header row of a dossier list among the sheet's first rows: the one naming the most
/// dossier fields. A register's header spans two or three rows («Ngày, tháng, năm» over «Nhận hồ
/// sơ» · «Hẹn trả kết quả» · «Trả kết quả»; «Mã hồ sơ» merged down them): a column's own text is
/// tried first, then the last part of its path from the rows above, so a title line above a plain
/// header changes nothing.
pub fn find_header(sheet: &Sheet, certainty: Certainty) -> Option<DossierMapping> {
    let mut best: Option<DossierMapping> = None;
    for r in 0..sheet.height().min(HEADER_SEARCH_ROWS) {
        // Up to three rows: «Ngày, tháng, năm» › «Trả kết quả» › «Ngày nhận kết quả».
        let paths = header_rows::paths(sheet, r.saturating_sub(2), r);
        let own: Vec<String> = (0..sheet.width()).map(|c| header_rows::cell_text(sheet.cell(r, c))).collect();
        let mut headers = Vec::with_capacity(paths.len());
        let mut fields: Vec<Option<Field>> = Vec::with_capacity(paths.len());
        // A header row names fields in its own cells; a data row below it, only through paths.
        let names_fields = own.iter().any(|t| Field::from_header(t).is_some());
        for (path, own) in paths.iter().zip(own) {
            let joined = path.concat();
            let field = Field::from_header(&own)
                .or_else(|| path.last().and_then(|p| Field::from_header(p)))
                .or_else(|| Field::from_header(&joined));
            headers.push(if own.is_empty() { path.join(header_rows::SEPARATOR) } else { own });
            fields.push(field);
        }
        // A second column for the same field is ignored: the first one wins.
        let mut seen = std::collections::HashSet::new();
        for f in fields.iter_mut() {
            if f.is_some_and(|field| !seen.insert(field)) {
                *f = None;
            }
        }
        let count = fields.iter().flatten().count();
        let enough = match certainty {
            Certainty::Detect => count >= 4,
            Certainty::Told => count >= 1,
        };
        if !enough || !fields.contains(&Some(Field::Received)) {
            continue;
        }
        // On a tie the lower row wins if it names fields itself: the last row of a header that
        // spans several («Trả kết quả» over «Ngày nhận kết quả»).
        let best_count = best.as_ref().map(|b| b.fields.iter().flatten().count());
        if best_count.is_none_or(|b| count > b || (count == b && names_fields)) {
            best = Some(DossierMapping { header_row: r, headers, fields });
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::table::Cell;

    fn t(s: &str) -> Cell {
        Cell::Text(s.to_string())
    }

    #[test]
    fn template_headers_are_recognised_in_any_spelling() {
        assert_eq!(Field::from_header("Mã hồ sơ"), Some(Field::Id));
        assert_eq!(Field::from_header("NGAY TIEP NHAN"), Some(Field::Received));
        assert_eq!(Field::from_header("Ngày hẹn trả"), Some(Field::Due));
        assert_eq!(Field::from_header("Đồng bộ DVCQG"), Some(Field::Synced));
        assert_eq!(Field::from_header("Có PAKN"), Some(Field::Petition));
        assert_eq!(Field::from_header("Mã TTHC"), Some(Field::ProcedureCode));
        assert_eq!(Field::from_header("Tổng hồ sơ tiếp nhận"), None);
        for f in ALL {
            assert_eq!(Field::from_header(f.label(Lang::Vi)), Some(f), "{f:?}");
        }
    }

    #[test]
    fn codes_survive_and_a_field_sits_in_one_column() {
        for f in ALL {
            assert_eq!(Field::from_code(f.code()), Some(f));
        }
        let mut m = DossierMapping {
            header_row: 0,
            headers: vec!["Mã".into(), "Nhận".into(), "Hạn trả kết quả".into()],
            fields: vec![Some(Field::Id), Some(Field::Received), None],
        };
        m.set(2, Some(Field::Due));
        m.set(0, Some(Field::Received));
        assert_eq!(m.fields, vec![Some(Field::Received), None, Some(Field::Due)]);
        assert_eq!(m.encode(), "received\t\tdue");
        assert_eq!(
            m.decoded("id\treceived\t").map(|d| d.fields),
            Some(vec![Some(Field::Id), Some(Field::Received), None])
        );
        assert_eq!(m.decoded("id\treceived"), None);
        assert_eq!(m.signature(), "ma|nhan|hantraketqua");
        let rules = crate::core::rules::RuleSet::default_rules().unwrap();
        let uncounted = m.uncounted(&rules);
        // A receipt and a due date but no finish: on-time cannot be counted, nor anything but
        // the received count.
        assert!(uncounted.contains(&"Hồ sơ đúng hạn, trong hạn".to_string()), "{uncounted:?}");
        assert!(!uncounted.contains(&"Tổng hồ sơ tiếp nhận".to_string()), "{uncounted:?}");
    }

    #[test]
    fn all_lists_the_fields_in_their_order() {
        // Readers index columns by `field as usize`.
        for (i, f) in ALL.iter().enumerate() {
            assert_eq!(*f as usize, i);
        }
    }

    #[test]
    fn header_below_a_title_and_the_certainty_needed() {
        let sheet = Sheet::from_rows(
            "S",
            (0, 0),
            vec![
                vec![t("DANH SÁCH HỒ SƠ THÁNG 11/2026")],
                vec![t("Mã hồ sơ"), t("Đơn vị"), t("Ngày tiếp nhận"), t("Ngày hẹn trả"), t("Ghi chú")],
                vec![t("H1"), t("Xã A"), t("01/11/2026"), t("05/11/2026"), t("")],
            ],
        );
        let m = find_header(&sheet, Certainty::Detect).unwrap();
        assert_eq!(m.header_row, 1);
        assert_eq!(m.fields, vec![Some(Field::Id), Some(Field::Unit), Some(Field::Received), Some(Field::Due), None]);
        let thin = Sheet::from_rows("S", (0, 0), vec![vec![t("Đơn vị"), t("Ngày tiếp nhận")]]);
        assert_eq!(find_header(&thin, Certainty::Detect), None);
        assert_eq!(find_header(&thin, Certainty::Told).map(|m| m.header_row), Some(0));
    }
}
