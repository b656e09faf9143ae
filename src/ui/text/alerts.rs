//! The texts of `ui/alerts.rs`, Vietnamese first and English second.

use super::Words;
use crate::core::model::lang::Lang;

#[derive(Clone, Copy, Debug)]
pub enum AlertsText {
    Red,
    Yellow,
    DoFirst,
    Alerts,
    Alerts2,
    ProvinceSharedUnitsNot,
    MissingFiguresNotShortfall,
    AlertRulesRememberedComputer,
    GroupBelowMaxRed,
    GroupBelowMaxYellow,
    CriterionBelowTarget,
    TotalBelow0Off,
    CriterionWatchedRate,
    WhenRateBelow,
    GroupLowestUnits,
    HowManyLowestUnits,
}

impl Words for AlertsText {
    fn say(self, lang: Lang) -> &'static str {
        match self {
            AlertsText::Red => lang.pick("đỏ", "red"),
            AlertsText::Yellow => lang.pick("vàng", "yellow"),
            AlertsText::DoFirst => lang.pick("Nên làm trước:", "Do first:"),
            AlertsText::Alerts => lang.pick("cảnh báo", "alerts"),
            AlertsText::Alerts2 => lang.pick("Cảnh báo", "Alerts"),
            AlertsText::ProvinceSharedUnitsNot => lang.pick(
                "Do cấp tỉnh — chung cho các đơn vị, không tính vào cảnh báo của từng đơn vị",
                "From the province — shared by the units, not an alert of each",
            ),
            AlertsText::MissingFiguresNotShortfall => lang.pick(
                "Thiếu số liệu — không phải điểm yếu, cần bổ sung",
                "Missing figures — not a shortfall, to be supplied",
            ),
            AlertsText::AlertRulesRememberedComputer => {
                lang.pick("Quy tắc cảnh báo (được ghi nhớ trên máy này)", "Alert rules (remembered on this computer)")
            }
            AlertsText::GroupBelowMaxRed => lang.pick("Nhóm dưới (% điểm tối đa) — đỏ", "Group below (% of max) — red"),
            AlertsText::GroupBelowMaxYellow => {
                lang.pick("Nhóm dưới (% điểm tối đa) — vàng", "Group below (% of max) — yellow")
            }
            AlertsText::CriterionBelowTarget => lang.pick("Tiêu chí chưa đạt chỉ tiêu", "Criterion below its target"),
            AlertsText::TotalBelow0Off => lang.pick("Tổng điểm dưới (0 = tắt)", "Total below (0 = off)"),
            AlertsText::CriterionWatchedRate => {
                lang.pick("Tiêu chí theo dõi theo tỷ lệ", "Criterion watched by its rate")
            }
            AlertsText::WhenRateBelow => lang.pick("… khi tỷ lệ dưới (%)", "… when its rate is below (%)"),
            AlertsText::GroupLowestUnits => lang.pick("Nhóm xét đơn vị thấp nhất", "Group for the lowest units"),
            AlertsText::HowManyLowestUnits => {
                lang.pick("Số đơn vị thấp nhất (0 = tắt)", "How many lowest units (0 = off)")
            }
        }
    }
}
