//! Whether a dossier counts towards a measure, and when it does not, why: the reasons the
//! drill-down shows and the "to fix" list carries.

use chrono::NaiveDateTime;

use super::columns::Field;
use super::list::Dossier;
use super::values::{Channel, Rating};
use crate::core::model::lang::Lang;
use crate::core::rules::Measure;

/// What a judgement needs to know besides the dossier.
#[derive(Clone, Copy, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Context {
    /// The period's last moment.
    pub end: NaiveDateTime,
    /// The latest moment the list records: an open dossier due after it can still be saved.
    pub as_of: Option<NaiveDateTime>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Reason {
    /// Finished after its due date.
    FinishedLate {
        minutes: i64,
    },
    /// Still open at the period's end and already past its due date when the list was exported.
    Overdue {
        days: i64,
    },
    /// Still open, due before the period ends, not yet due when the list was exported: finished
    /// by then, it counts as on time.
    DueBeforePeriodEnd {
        due: NaiveDateTime,
    },
    /// Waiting on a second (or later) supplement request: overdue, as the operator counts it.
    SupplementAgain {
        requests: u8,
    },
    NotOnline(Channel),
    NotSynced,
    FeePaidOffline,
    NoElectronicResult,
    NotDigitised,
    NotReused,
    NotInPersonalStore,
    NoPopulationData,
    NotSatisfied,
    Petition,
}

/// A due date without a time of day means the whole day.
fn deadline(due: NaiveDateTime) -> NaiveDateTime {
    if due.time() == chrono::NaiveTime::MIN {
        due.date().and_hms_opt(23, 59, 59).unwrap_or(due)
    } else {
        due
    }
}

/// The time a dossier waited for the citizen to supply what was asked: deducted from its
/// processing time once supplied.
pub fn waiting(d: &Dossier) -> chrono::Duration {
    match (d.asked, d.supplied) {
        (Some(asked), Some(given)) if given > asked => given - asked,
        _ => chrono::Duration::zero(),
    }
}

/// A supplement request the citizen has not answered, on a dossier still in processing.
fn pending_request(d: &Dossier) -> Option<NaiveDateTime> {
    d.asked.filter(|_| d.supplied.is_none() && d.finished.is_none() && d.ended.is_none())
}

/// When its processing ended, as the operator's description orders it: finished (processed before
/// returned, read so into `finished`), else refused, stopped or withdrawn, else a pending
/// supplement request; `None` while it runs.
fn end_of_processing(d: &Dossier) -> Option<NaiveDateTime> {
    d.finished.or(d.ended).or(pending_request(d))
}

/// `None` when the dossier is on time: ended by its due date (the time waiting for a supplement
/// deducted), open and not due before the period ends, or without a due date and within the
/// procedure's maximum time where the list gives it (nothing to be late for where it does not).
/// A dossier whose pending supplement request is its second or later is overdue.
pub fn lateness(d: &Dossier, ctx: &Context) -> Option<Reason> {
    if pending_request(d).is_some() && d.supplements >= 2 {
        return Some(Reason::SupplementAgain { requests: d.supplements });
    }
    let end = end_of_processing(d).map(|e| e - waiting(d));
    let Some(due) = d.due else {
        let (max, received) = (d.max_days?, d.received?);
        let taken = end.unwrap_or(ctx.end) - received;
        let over = taken.num_seconds() as f64 - f64::from(max) * 86_400.0;
        return match end {
            _ if over <= 0.0 => None,
            Some(_) => Some(Reason::FinishedLate { minutes: (over / 60.0).ceil() as i64 }),
            None => Some(Reason::Overdue { days: (over / 86_400.0).ceil() as i64 }),
        };
    };
    let whole_day = due.time() == chrono::NaiveTime::MIN;
    let deadline = deadline(due);
    match end {
        Some(f) if f <= deadline => None,
        // Against a due day, lateness counts in days: finished on the 10th for the 9th is a day.
        Some(f) if whole_day => Some(Reason::FinishedLate { minutes: (f.date() - due.date()).num_days() * 1440 }),
        Some(f) => Some(Reason::FinishedLate { minutes: ((f - deadline).num_seconds() + 59) / 60 }),
        None if deadline >= ctx.end => None,
        None if ctx.as_of.is_some_and(|now| deadline >= now) => Some(Reason::DueBeforePeriodEnd { due }),
        None => Some(Reason::Overdue { days: ((ctx.end - deadline).num_seconds() + 86_399) / 86_400 }),
    }
}

/// Why the dossier falls short of `measure`; empty when it meets it. Measures that are not a
/// count of dossiers (procedures, days) have no shortfall.
pub fn shortfall(measure: Measure, d: &Dossier, ctx: &Context) -> Vec<Reason> {
    let lack = |field: Field, reason: Reason| if d.has(field) { vec![] } else { vec![reason] };
    match measure {
        Measure::Received
        | Measure::WithFee
        | Measure::Completed
        | Measure::ProceduresOnline
        | Measure::AverageDays => vec![],
        Measure::OnTime => lateness(d, ctx).into_iter().collect(),
        Measure::Online => {
            if d.channel == Channel::Online {
                vec![]
            } else {
                vec![Reason::NotOnline(d.channel)]
            }
        }
        Measure::OnlineOnTime => [shortfall(Measure::Online, d, ctx), shortfall(Measure::OnTime, d, ctx)].concat(),
        Measure::Synced => lack(Field::Synced, Reason::NotSynced),
        Measure::PaidOnline => {
            if d.has(Field::HasFee) {
                lack(Field::PaidOnline, Reason::FeePaidOffline)
            } else {
                vec![]
            }
        }
        Measure::ElectronicResult => lack(Field::ElectronicResult, Reason::NoElectronicResult),
        Measure::Digitised => lack(Field::Digitised, Reason::NotDigitised),
        Measure::Reused => lack(Field::Reused, Reason::NotReused),
        Measure::PersonalStore => lack(Field::PersonalStore, Reason::NotInPersonalStore),
        // Population data used, or filed from a VNeID-verified account, or a component taken
        // from the personal data store (the operator's description of 4.5).
        Measure::PopulationData => {
            if [Field::PopulationData, Field::Vneid, Field::PersonalStore].iter().any(|f| d.has(*f)) {
                vec![]
            } else {
                vec![Reason::NoPopulationData]
            }
        }
        Measure::Satisfied => {
            let mut reasons: Vec<Reason> = lateness(d, ctx).into_iter().collect();
            if d.rating == Rating::NotSatisfied {
                reasons.push(Reason::NotSatisfied);
            }
            if d.has(Field::Petition) {
                reasons.push(Reason::Petition);
            }
            reasons
        }
    }
}

/// Whether the dossier counts towards `measure`.
pub fn meets(measure: Measure, d: &Dossier, ctx: &Context) -> bool {
    match measure {
        Measure::WithFee => d.has(Field::HasFee),
        Measure::PaidOnline => d.has(Field::HasFee) && d.has(Field::PaidOnline),
        Measure::Completed => d.finished.is_some(),
        Measure::ProceduresOnline | Measure::AverageDays => false,
        other => shortfall(other, d, ctx).is_empty(),
    }
}

impl Reason {
    /// Whether the unit can still act on it this period (a late completion, a rating or the
    /// channel a citizen used cannot be changed afterwards).
    pub fn fixable(&self) -> bool {
        !matches!(
            self,
            Reason::FinishedLate { .. }
                | Reason::Overdue { .. }
                | Reason::SupplementAgain { .. }
                | Reason::NotOnline(_)
                | Reason::NotSatisfied
                | Reason::Petition
        )
    }

    pub fn text(&self, lang: Lang) -> String {
        let vi = lang == Lang::Vi;
        match self {
            Reason::FinishedLate { minutes } => {
                let (days, hours, mins) = (minutes / 1440, minutes % 1440 / 60, minutes % 60);
                let mut parts = Vec::new();
                if days > 0 {
                    parts.push(format!(
                        "{days} {}",
                        if vi {
                            "ngày"
                        } else if days == 1 {
                            "day"
                        } else {
                            "days"
                        }
                    ));
                }
                if hours > 0 {
                    parts.push(format!("{hours} {}", if vi { "giờ" } else { "h" }));
                }
                if mins > 0 || parts.is_empty() {
                    parts.push(format!("{mins} {}", if vi { "phút" } else { "min" }));
                }
                let span = parts.join(" ");
                if vi {
                    format!("Hoàn thành quá hạn {span}")
                } else {
                    format!("Finished {span} late")
                }
            }
            Reason::Overdue { days } => {
                if vi {
                    format!("Chưa giải quyết, quá hạn {days} ngày")
                } else {
                    format!("Open, {days} days overdue")
                }
            }
            Reason::DueBeforePeriodEnd { due } => {
                let due = due.format("%d/%m/%Y %H:%M").to_string();
                let due = due.trim_end_matches(" 00:00");
                if vi {
                    format!("Chưa giải quyết, hạn {due}: cần trả đúng hạn")
                } else {
                    format!("Open, due {due}: finish it in time")
                }
            }
            Reason::SupplementAgain { requests } => {
                if vi {
                    format!("Chờ bổ sung lần thứ {requests}: tính là quá hạn")
                } else {
                    format!("Waiting on supplement request {requests}: counted as overdue")
                }
            }
            Reason::NotOnline(channel) => match (channel, vi) {
                (Channel::Direct, true) => "Nộp trực tiếp".into(),
                (Channel::Direct, false) => "Submitted in person".into(),
                (Channel::Post, true) => "Nộp qua bưu chính".into(),
                (Channel::Post, false) => "Submitted by post".into(),
                (_, true) => "Không ghi kênh nộp trực tuyến".into(),
                (_, false) => "Not recorded as online".into(),
            },
            Reason::NotSynced => {
                if vi {
                    "Chưa đồng bộ lên Cổng DVCQG".into()
                } else {
                    "Not synced to the national portal".into()
                }
            }
            Reason::FeePaidOffline => {
                if vi {
                    "Có phí, lệ phí nhưng không thanh toán trực tuyến".into()
                } else {
                    "Fee not paid online".into()
                }
            }
            Reason::NoElectronicResult => {
                if vi {
                    "Chưa cấp kết quả điện tử".into()
                } else {
                    "No electronic result".into()
                }
            }
            Reason::NotDigitised => {
                if vi {
                    "Chưa số hóa hồ sơ, kết quả".into()
                } else {
                    "Not digitised".into()
                }
            }
            Reason::NotReused => {
                if vi {
                    "Chưa khai thác, sử dụng lại dữ liệu số hóa".into()
                } else {
                    "Digitised data not reused".into()
                }
            }
            Reason::NotInPersonalStore => {
                if vi {
                    "Chưa kết nối kho dữ liệu cá nhân".into()
                } else {
                    "Not shared with the personal data store".into()
                }
            }
            Reason::NoPopulationData => {
                if vi {
                    "Chưa sử dụng dữ liệu dân cư".into()
                } else {
                    "Population data not used".into()
                }
            }
            Reason::NotSatisfied => {
                if vi {
                    "Đánh giá không hài lòng".into()
                } else {
                    "Rated not satisfied".into()
                }
            }
            Reason::Petition => {
                if vi {
                    "Có phản ánh, kiến nghị".into()
                } else {
                    "Petition filed".into()
                }
            }
        }
    }
}
