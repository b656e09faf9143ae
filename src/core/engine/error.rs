//! Why the engine gave no results, said to the user in Vietnamese (or English), composing with
//! the lower error it comes from.

use serde::{Deserialize, Serialize};

use crate::core::model::lang::Lang;
use crate::core::model::message::Message;
use crate::core::rules::RuleError;

/// Why the engine gave no analysis.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum EngineError {
    /// It does not hold these files (a new worker after a crash): the page reads them again.
    Missing(Vec<u32>),
    /// The rule set does not parse (the page checked it: only a damaged message gets here).
    Rules(RuleError),
    /// No engine answered (it failed or the browser cannot run one).
    Failed(String),
}

impl From<RuleError> for EngineError {
    fn from(error: RuleError) -> Self {
        EngineError::Rules(error)
    }
}

impl Message for EngineError {
    fn message(&self, lang: Lang) -> String {
        let what = match (self, lang) {
            (EngineError::Missing(ids), Lang::Vi) => format!(
                "trình tính toán vừa khởi động lại và chưa có {} tệp đã mở",
                crate::core::model::format::number(ids.len() as f64, 0)
            ),
            (EngineError::Missing(ids), Lang::En) => {
                format!("the engine restarted and does not hold {} of the files opened", ids.len())
            }
            (EngineError::Rules(e), Lang::Vi) => format!("bộ quy tắc đang dùng không hợp lệ ({})", e.what(Lang::Vi)),
            (EngineError::Rules(e), Lang::En) => format!("the rule set in use is not valid ({})", e.what(Lang::En)),
            (EngineError::Failed(detail), Lang::Vi) => format!("trình tính toán dừng giữa chừng ({detail})"),
            (EngineError::Failed(detail), Lang::En) => format!("the engine stopped ({detail})"),
        };
        match lang {
            Lang::Vi => format!(
                "chiso chưa tính được kết quả: {what}. Các tệp đã mở vẫn còn nguyên; hãy tải lại trang hoặc mở lại tệp."
            ),
            Lang::En => format!(
                "chiso could not compute the results: {what}. The files opened are untouched; reload the page or open the files again."
            ),
        }
    }
}

impl std::fmt::Display for EngineError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Lang::Vi))
    }
}

impl std::error::Error for EngineError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            EngineError::Rules(e) => Some(e),
            _ => None,
        }
    }
}
