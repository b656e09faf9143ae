//! The texts of `ui/sources.rs`, Vietnamese first and English second.

words! {
    SourcesText {
        None => ("chưa có", "none"),
        Numerator => ("tử số", "numerator"),
        Denominator => ("mẫu số", "denominator"),
        CountedOfficeSFile => ("đếm từ tệp của đơn vị", "counted from the office's file"),
        Report => ("Theo báo cáo", "In the report"),
        DossierList => ("Theo danh sách hồ sơ", "In the dossier list"),
        WhereFiguresCome => ("Nguồn số liệu", "Where the figures come from"),
        Criterion => ("Tiêu chí", "Criterion"),
        NumeratorUsed => ("Tử số được dùng", "Numerator used"),
        DenominatorUsed => ("Mẫu số được dùng", "Denominator used"),
        Source => ("Nguồn", "Source"),
        TypeNumeratorDenominator => ("Nhập tay (tử số / mẫu số)", "Type in (numerator / denominator)"),
    }
}
