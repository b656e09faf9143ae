//! The texts of `ui/window.rs`, Vietnamese first and English second.

words! {
    WindowText {
        DossierListPeriod => ("Kỳ của danh sách hồ sơ", "Dossier list period"),
        Kind => ("Loại kỳ ", "Kind "),
        From => (" Từ ngày ", " From "),
        To => (" đến ngày ", " to "),
        Period => (" Kỳ ", " Period "),
        ChisoSProposalMonth => ("chiso đề xuất (tháng có nhiều hồ sơ tiếp nhận nhất):", "chiso's proposal (the month most dossiers were received in):"),
        UseProposal => ("Dùng kỳ đề xuất", "Use the proposal"),
    }
}
