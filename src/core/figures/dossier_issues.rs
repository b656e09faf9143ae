//! What a dossier list says about its own cells and about the operator's rules it cannot apply:
//! issues the figures carry to the user like any other (`IssueKind::Dossier`,
//! `IssueKind::RuleAssumed`), defined here so that the figures need nothing of the dossier stage.

use serde::{Deserialize, Serialize};

use crate::core::model::format::number;
use crate::core::model::lang::Lang;

/// A cell of a dossier row that could not be used.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum ProblemKind {
    NotADate {
        header: String,
        value: String,
    },
    NotYesNo {
        header: String,
        value: String,
    },
    NotAChannel {
        header: String,
        value: String,
    },
    NotANumber {
        header: String,
        value: String,
    },
    /// No receipt date: the dossier cannot be placed in a period.
    NoReceivedDate,
    FinishedBeforeReceived,
}

/// Problems kept with their place: enough to find a pattern, bounded for a broken export.
pub const MAX_PROBLEMS: usize = 500;

/// A rule not applied, with how many dossiers of the period it concerns (0: all of them).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Assumed {
    /// Refused, stopped or withdrawn on no date the list gives: ended by the due date.
    EndedUndated(usize),
    /// Statuses waiting on a supplement, and no «Ngày yêu cầu bổ sung»: measured as in progress.
    NoSupplementDates(usize),
    /// No due date and no «Thời hạn giải quyết (ngày)»: on time.
    NoDueNoMaximum(usize),
    /// A fee read from a payment status or method, and no «Lệ phí»: every fee taken as above zero.
    NoFeeAmount,
    /// Population data and no «Tài khoản định danh VNeID»: VNeID accounts not counted.
    NoVneid,
}

impl Assumed {
    pub fn message(self, lang: Lang) -> String {
        // A year's counts run to tens of thousands: «10.116 hồ sơ», as every number chiso shows.
        let count = |n: usize| number(n as f64, 0);
        match (self, lang) {
            (Assumed::EndedUndated(n), Lang::Vi) => format!("{} hồ sơ từ chối, dừng xử lý hoặc rút sau khi tiếp nhận không ghi ngày kết thúc (không có cột «Ngày từ chối», «Ngày dừng xử lý», «Ngày rút hồ sơ» hay ngày kết thúc xử lý): chiso coi như kết thúc đúng ngày hẹn trả, tức là đúng hạn. Thêm các cột đó để tính đúng như Cổng.", count(n)),
            (Assumed::EndedUndated(n), Lang::En) => format!("{} dossiers refused, stopped or withdrawn after acceptance carry no end date (no «Ngày từ chối», «Ngày dừng xử lý», «Ngày rút hồ sơ» or finish column): chiso takes them as ended on their due date, on time. Add those columns to count as the portal does.", count(n)),
            (Assumed::NoSupplementDates(n), Lang::Vi) => format!("{} hồ sơ đang chờ bổ sung nhưng danh sách không có cột «Ngày yêu cầu bổ sung», «Số lần yêu cầu bổ sung», «Ngày công dân bổ sung»: chiso không áp dụng quy tắc yêu cầu bổ sung (dừng tính thời gian khi chờ, quá hạn từ lần thứ hai, trừ thời gian chờ) và coi các hồ sơ này đang giải quyết.", count(n)),
            (Assumed::NoSupplementDates(n), Lang::En) => format!("{} dossiers wait on a supplement, but the list has no «Ngày yêu cầu bổ sung», «Số lần yêu cầu bổ sung» or «Ngày công dân bổ sung» column: the supplement rules (the clock stopped while waiting, overdue from the second request, the waiting deducted) are not applied and these dossiers count as in progress.", count(n)),
            (Assumed::NoDueNoMaximum(n), Lang::Vi) => format!("{} hồ sơ không có ngày hẹn trả và danh sách không có cột «Thời hạn giải quyết (ngày)»: chiso không so được với thời hạn của thủ tục và coi các hồ sơ này là đúng hạn.", count(n)),
            (Assumed::NoDueNoMaximum(n), Lang::En) => format!("{} dossiers have no due date and the list has no «Thời hạn giải quyết (ngày)» column: chiso cannot compare them with the procedure's maximum time and counts them as on time.", count(n)),
            (Assumed::NoFeeAmount, Lang::Vi) => "Danh sách không có cột «Lệ phí»: chiso coi mọi hồ sơ có nghĩa vụ tài chính là có phí khác 0 (hồ sơ miễn phí, lệ phí bằng 0 lẽ ra ra khỏi mẫu số của tỷ lệ thanh toán trực tuyến).".into(),
            (Assumed::NoFeeAmount, Lang::En) => "The list has no «Lệ phí» column: every dossier with a fee obligation is taken to have a fee above zero (zero-fee dossiers would leave the online-payment denominator).".into(),
            (Assumed::NoVneid, Lang::Vi) => "Danh sách không có cột «Tài khoản định danh VNeID»: tỷ lệ hồ sơ sử dụng dữ liệu dân cư chỉ đếm cột dữ liệu dân cư và kho dữ liệu cá nhân, chưa đếm hồ sơ nộp từ tài khoản VNeID.".into(),
            (Assumed::NoVneid, Lang::En) => "The list has no «Tài khoản định danh VNeID» column: the population-data rate counts the population-data and personal-store columns only, not dossiers filed from a VNeID account.".into(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_year_s_count_is_written_as_a_vietnamese_reader_writes_it() {
        assert!(Assumed::EndedUndated(10_116).message(Lang::Vi).starts_with("10.116 hồ sơ từ chối"));
        assert!(Assumed::NoSupplementDates(30_507).message(Lang::Vi).starts_with("30.507 hồ sơ đang chờ"));
        assert!(Assumed::NoDueNoMaximum(16_031).message(Lang::Vi).starts_with("16.031 hồ sơ không có"));
        assert!(Assumed::NoDueNoMaximum(16_031).message(Lang::En).starts_with("16.031 dossiers"));
    }
}
