//! The operator's dossier-level rules a list cannot apply for want of a column, and what chiso
//! assumed instead: said once per list, never per row (qd766-scoring.md, «Dossier-level rules»).

use serde::{Deserialize, Serialize};

use super::columns::Field;
use super::list::DossierList;
use super::status::LeftOut;
use super::window::Window;
use crate::core::lang::Lang;
use crate::core::text::fold_words;

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
        match (self, lang) {
            (Assumed::EndedUndated(n), Lang::Vi) => format!("{n} hồ sơ từ chối, dừng xử lý hoặc rút sau khi tiếp nhận không ghi ngày kết thúc (không có cột «Ngày từ chối», «Ngày dừng xử lý», «Ngày rút hồ sơ» hay ngày kết thúc xử lý): chiso coi như kết thúc đúng ngày hẹn trả, tức là đúng hạn. Thêm các cột đó để tính đúng như Cổng."),
            (Assumed::EndedUndated(n), Lang::En) => format!("{n} dossiers refused, stopped or withdrawn after acceptance carry no end date (no «Ngày từ chối», «Ngày dừng xử lý», «Ngày rút hồ sơ» or finish column): chiso takes them as ended on their due date, on time. Add those columns to count as the portal does."),
            (Assumed::NoSupplementDates(n), Lang::Vi) => format!("{n} hồ sơ đang chờ bổ sung nhưng danh sách không có cột «Ngày yêu cầu bổ sung», «Số lần yêu cầu bổ sung», «Ngày công dân bổ sung»: chiso không áp dụng quy tắc yêu cầu bổ sung (dừng tính thời gian khi chờ, quá hạn từ lần thứ hai, trừ thời gian chờ) và coi các hồ sơ này đang giải quyết."),
            (Assumed::NoSupplementDates(n), Lang::En) => format!("{n} dossiers wait on a supplement, but the list has no «Ngày yêu cầu bổ sung», «Số lần yêu cầu bổ sung» or «Ngày công dân bổ sung» column: the supplement rules (the clock stopped while waiting, overdue from the second request, the waiting deducted) are not applied and these dossiers count as in progress."),
            (Assumed::NoDueNoMaximum(n), Lang::Vi) => format!("{n} hồ sơ không có ngày hẹn trả và danh sách không có cột «Thời hạn giải quyết (ngày)»: chiso không so được với thời hạn của thủ tục và coi các hồ sơ này là đúng hạn."),
            (Assumed::NoDueNoMaximum(n), Lang::En) => format!("{n} dossiers have no due date and the list has no «Thời hạn giải quyết (ngày)» column: chiso cannot compare them with the procedure's maximum time and counts them as on time."),
            (Assumed::NoFeeAmount, Lang::Vi) => "Danh sách không có cột «Lệ phí»: chiso coi mọi hồ sơ có nghĩa vụ tài chính là có phí khác 0 (hồ sơ miễn phí, lệ phí bằng 0 lẽ ra ra khỏi mẫu số của tỷ lệ thanh toán trực tuyến).".into(),
            (Assumed::NoFeeAmount, Lang::En) => "The list has no «Lệ phí» column: every dossier with a fee obligation is taken to have a fee above zero (zero-fee dossiers would leave the online-payment denominator).".into(),
            (Assumed::NoVneid, Lang::Vi) => "Danh sách không có cột «Tài khoản định danh VNeID»: tỷ lệ hồ sơ sử dụng dữ liệu dân cư chỉ đếm cột dữ liệu dân cư và kho dữ liệu cá nhân, chưa đếm hồ sơ nộp từ tài khoản VNeID.".into(),
            (Assumed::NoVneid, Lang::En) => "The list has no «Tài khoản định danh VNeID» column: the population-data rate counts the population-data and personal-store columns only, not dossiers filed from a VNeID account.".into(),
        }
    }
}

/// What the list cannot apply over `window`, once each.
pub fn assumed(list: &DossierList, left_out: &LeftOut, window: &Window) -> Vec<Assumed> {
    let has = |f: Field| list.mapping.has(f);
    let in_window: Vec<_> = list.dossiers.iter().filter(|d| window.contains(d.received)).collect();
    let mut out = Vec::new();
    let undated = left_out.ended_undated.iter().filter(|r| window.contains(**r)).count();
    if undated > 0 {
        out.push(Assumed::EndedUndated(undated));
    }
    if !has(Field::SupplementAsked) {
        let waiting: Vec<bool> = list.statuses.iter().map(|s| fold_words(s).contains("bo sung")).collect();
        let n = in_window.iter().filter(|d| d.status.is_some_and(|s| waiting[s as usize])).count();
        if n > 0 {
            out.push(Assumed::NoSupplementDates(n));
        }
    }
    if !has(Field::MaxDays) && has(Field::Due) {
        let n = in_window.iter().filter(|d| d.due.is_none()).count();
        if n > 0 {
            out.push(Assumed::NoDueNoMaximum(n));
        }
    }
    // A yes/no «Nghĩa vụ tài chính» says whether a fee is due; a fee read from a payment status or
    // method may be zero.
    let fee_read = !has(Field::HasFee) && (has(Field::PaymentStatus) || has(Field::PaymentMethod));
    if fee_read && !has(Field::FeeAmount) {
        out.push(Assumed::NoFeeAmount);
    }
    if has(Field::PopulationData) && !has(Field::Vneid) {
        out.push(Assumed::NoVneid);
    }
    out
}
