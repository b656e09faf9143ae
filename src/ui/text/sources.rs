//! The texts of `ui/sources.rs`, Vietnamese first and English second.

use super::Words;
use crate::core::model::lang::Lang;

#[derive(Clone, Copy, Debug)]
pub enum SourcesText {
    None,
    Numerator,
    Denominator,
    CountedOfficeSFile,
    Report,
    DossierList,
    WhereFiguresCome,
    Criterion,
    NumeratorUsed,
    DenominatorUsed,
    Source,
    TypeNumeratorDenominator,
}

impl Words for SourcesText {
    fn say(self, lang: Lang) -> &'static str {
        match self {
            SourcesText::None => lang.pick("chưa có", "none"),
            SourcesText::Numerator => lang.pick("tử số", "numerator"),
            SourcesText::Denominator => lang.pick("mẫu số", "denominator"),
            SourcesText::CountedOfficeSFile => lang.pick("đếm từ tệp của đơn vị", "counted from the office's file"),
            SourcesText::Report => lang.pick("Theo báo cáo", "In the report"),
            SourcesText::DossierList => lang.pick("Theo danh sách hồ sơ", "In the dossier list"),
            SourcesText::WhereFiguresCome => lang.pick("Nguồn số liệu", "Where the figures come from"),
            SourcesText::Criterion => lang.pick("Tiêu chí", "Criterion"),
            SourcesText::NumeratorUsed => lang.pick("Tử số được dùng", "Numerator used"),
            SourcesText::DenominatorUsed => lang.pick("Mẫu số được dùng", "Denominator used"),
            SourcesText::Source => lang.pick("Nguồn", "Source"),
            SourcesText::TypeNumeratorDenominator => {
                lang.pick("Nhập tay (tử số / mẫu số)", "Type in (numerator / denominator)")
            }
        }
    }
}
