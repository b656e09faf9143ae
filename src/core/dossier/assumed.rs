//! The operator's dossier-level rules a list cannot apply for want of a column, and what chiso
//! assumed instead: said once per list, never per row (qd766-scoring.md, «Dossier-level rules»).

use super::columns::Field;
use super::list::DossierList;
use super::status::LeftOut;
use crate::core::figures::dossier_issues::Assumed;
use crate::core::model::text::fold_words;
use crate::core::model::window::Window;

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
