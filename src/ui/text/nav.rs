//! The texts of `ui/nav.rs`, Vietnamese first and English second.

use super::Words;
use crate::core::model::lang::Lang;

#[derive(Clone, Copy, Debug)]
pub enum NavText {
    ChisoSViews,
}

impl Words for NavText {
    fn say(self, lang: Lang) -> &'static str {
        match self {
            NavText::ChisoSViews => lang.pick("Các mục của chiso", "chiso's views"),
        }
    }
}
