//! The texts of `ui/plan.rs`, Vietnamese first and English second.

use super::Words;
use crate::core::model::lang::Lang;

#[derive(Clone, Copy, Debug)]
pub enum PlanText {
    TypePointsReachE,
}

impl Words for PlanText {
    fn say(self, lang: Lang) -> &'static str {
        match self {
            PlanText::TypePointsReachE => {
                lang.pick("Hãy ghi số điểm muốn đạt, ví dụ 80 hoặc 72,5.", "Type the points to reach, e.g. 80 or 72.5.")
            }
        }
    }
}
