//! What a dossier cell means: a date (an Excel serial in the 1900 or 1904 system, or text as
//! dd/mm/yyyy, dd/mm/yyyy hh:mm, yyyy-mm-dd), a yes/no in any of the forms offices use, a
//! submission channel, a rating.

use chrono::{Duration, NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

use crate::core::model::table::Cell;
use crate::core::model::text::fold_words;

/// A cell that does not say what its column needs; the text is kept for the message.
#[derive(Clone, Debug, PartialEq)]
pub struct Unreadable(pub String);

/// Excel's day zero: 1899-12-30 in the 1900 system (which counts a 29 February 1900 that never
/// was, so serials before 61 are one day off), 1904-01-01 in the 1904 system.
pub fn from_serial(serial: f64, date1904: bool) -> Option<NaiveDateTime> {
    // 1 January 1900 to 31 December 9999.
    if !(1.0..2_958_466.0).contains(&serial) {
        return None;
    }
    let base = if date1904 {
        NaiveDate::from_ymd_opt(1904, 1, 1)?
    } else if serial < 61.0 {
        NaiveDate::from_ymd_opt(1899, 12, 31)?
    } else {
        NaiveDate::from_ymd_opt(1899, 12, 30)?
    };
    let days = serial.floor();
    // To the second, rounded: Excel stores 14:05 as a fraction that falls a hair short.
    let seconds = ((serial - days) * 86_400.0).round() as i64;
    Some(base.and_hms_opt(0, 0, 0)? + Duration::days(days as i64) + Duration::seconds(seconds))
}

const TEXT_FORMATS: [&str; 8] = [
    "%d/%m/%Y %H:%M:%S",
    "%d/%m/%Y %H:%M",
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%dT%H:%M:%S",
    "%Y-%m-%d %H:%M",
    "%d-%m-%Y %H:%M",
    "%H:%M %d/%m/%Y",
    "%H:%M:%S %d/%m/%Y",
];
const TEXT_DATES: [&str; 4] = ["%d/%m/%Y", "%Y-%m-%d", "%d-%m-%Y", "%d.%m.%Y"];

/// A date and time; blank is `Ok(None)`.
pub fn date(cell: &Cell, date1904: bool) -> Result<Option<NaiveDateTime>, Unreadable> {
    let bad = || Unreadable(cell.display());
    match cell {
        Cell::Empty => Ok(None),
        Cell::Text(t) if t.trim().is_empty() => Ok(None),
        Cell::Date(d) => NaiveDate::from_ymd_opt(d.year.into(), d.month.into(), d.day.into())
            .and_then(|day| day.and_hms_opt(d.hour.into(), d.minute.into(), d.second.into()))
            .map(Some)
            .ok_or_else(bad),
        Cell::Number(x) => from_serial(*x, date1904).map(Some).ok_or_else(bad),
        Cell::Text(t) => {
            if let Some(d) = day_month_year(t) {
                return Ok(Some(d));
            }
            let t = crate::core::model::text::tidy(t);
            let t = t.trim_end_matches(['h', 'H']);
            TEXT_FORMATS
                .iter()
                .find_map(|f| NaiveDateTime::parse_from_str(t, f).ok())
                .or_else(|| {
                    TEXT_DATES
                        .iter()
                        .find_map(|f| NaiveDate::parse_from_str(t, f).ok())
                        .and_then(|d| d.and_hms_opt(0, 0, 0))
                })
                // A serial written as text (a CSV of an Excel sheet).
                .or_else(|| t.parse::<f64>().ok().filter(|x| *x >= 367.0).and_then(|x| from_serial(x, date1904)))
                .map(Some)
                .ok_or_else(bad)
        }
        _ => Err(bad()),
    }
}

/// `dd/mm/yyyy`, `dd/mm/yyyy HH:MM` or `dd/mm/yyyy HH:MM:SS` (one-digit day, month and hour
/// too), read by hand: a one-stop export writes 600,000 of them a month, and trying chrono's
/// formats in turn costs more than the rest of the row.
fn day_month_year(text: &str) -> Option<NaiveDateTime> {
    let mut numbers = [0u32; 6];
    let mut count = 0;
    for (i, part) in text.split([' ', '/', ':']).enumerate() {
        // Day, month, year, hour, minute, second: at most this many digits each.
        let width = *[2, 2, 4, 2, 2, 2].get(i)?;
        let exact = matches!(i, 2 | 4 | 5);
        if part.is_empty() || part.len() > width || (exact && part.len() != width) {
            return None;
        }
        if !part.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        numbers[i] = part.parse().ok()?;
        count = i + 1;
    }
    if !matches!(count, 3 | 5 | 6) {
        return None;
    }
    let [day, month, year, hour, minute, second] = numbers;
    NaiveDate::from_ymd_opt(year as i32, month, day)?.and_hms_opt(hour, minute, second)
}

/// Yes/no: Có/Không, Đã/Chưa, x/empty, 1/0, TRUE/FALSE (ĐÚNG/SAI), Yes/No. Blank is no, as in
/// the "x or empty" form; longer answers count by their first word ("Đã đồng bộ").
pub fn yes_no(cell: &Cell) -> Result<bool, Unreadable> {
    match cell {
        Cell::Empty => Ok(false),
        Cell::Bool(b) => Ok(*b),
        Cell::Number(x) if *x == 1.0 => Ok(true),
        Cell::Number(x) if *x == 0.0 => Ok(false),
        Cell::Text(t) => {
            // The forms exports write, as they write them, before any folding (a province's
            // month has millions of these cells).
            match t.as_str() {
                "Có" | "có" | "CÓ" | "x" | "X" | "Đã" | "đã" | "1" | "TRUE" | "Yes" => return Ok(true),
                "Không" | "không" | "KHÔNG" | "" | "Chưa" | "chưa" | "0" | "FALSE" | "No" => return Ok(false),
                _ => {}
            }
            if t.trim().is_empty() {
                return Ok(false);
            }
            if t.contains(['✓', '✔', '☑']) {
                return Ok(true);
            }
            let words = fold_words(t);
            match words.split(' ').next().unwrap_or("") {
                "co" | "da" | "x" | "1" | "true" | "yes" | "y" | "dung" | "roi" => Ok(true),
                "khong" | "chua" | "0" | "false" | "no" | "n" | "sai" | "" => Ok(false),
                _ => Err(Unreadable(t.clone())),
            }
        }
        other => Err(Unreadable(other.display())),
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Channel {
    Unknown,
    Online,
    Direct,
    Post,
}

/// Trực tuyến / Trực tiếp / Bưu chính, in any spelling; blank is unknown.
pub fn channel(cell: &Cell) -> Result<Channel, Unreadable> {
    let text = match cell {
        Cell::Empty => return Ok(Channel::Unknown),
        Cell::Text(t) => t,
        other => return Err(Unreadable(other.display())),
    };
    match text.as_str() {
        "Trực tuyến" => return Ok(Channel::Online),
        "Trực tiếp" => return Ok(Channel::Direct),
        "Bưu chính" => return Ok(Channel::Post),
        _ => {}
    }
    let words = fold_words(text);
    let has = |w: &str| words.contains(w);
    if words.is_empty() {
        Ok(Channel::Unknown)
    } else if has("truc tuyen") || has("online") || has("dich vu cong") || has("dvc") {
        Ok(Channel::Online)
    } else if has("buu chinh") || has("post") || has("buu dien") || words == "bcci" {
        Ok(Channel::Post)
    } else if has("truc tiep") || has("tai quay") || has("mot cua") || has("direct") || has("counter") {
        Ok(Channel::Direct)
    } else {
        Err(Unreadable(text.clone()))
    }
}

/// A payment status as one-stop systems write it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Payment {
    /// Blank: no fee.
    None,
    /// «Đã thanh toán».
    Paid,
    /// «Chưa thanh toán», «Chờ thanh toán», or any other words: a fee is due, not paid yet.
    Due,
}

pub fn payment_status(cell: &Cell) -> Payment {
    match cell {
        Cell::Empty => Payment::None,
        Cell::Text(t) if t == "Đã thanh toán" => Payment::Paid,
        Cell::Bool(true) => Payment::Paid,
        other => match fold_words(&other.display()).as_str() {
            "" => Payment::None,
            w if w.starts_with("da ") || w == "da" || w == "paid" => Payment::Paid,
            _ => Payment::Due,
        },
    }
}

/// Whether a payment method is online (`truc-tuyen`, «Trực tuyến», «Thanh toán trực tuyến»);
/// `None` when blank.
pub fn paid_online(cell: &Cell) -> Option<bool> {
    match cell {
        Cell::Empty => None,
        Cell::Text(t) if t == "truc-tuyen" => Some(true),
        other => {
            let words = fold_words(&other.display());
            (!words.is_empty()).then(|| words.contains("truc tuyen") || words.contains("online"))
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Rating {
    None,
    Satisfied,
    NotSatisfied,
    /// Any other answer ("Bình thường"): not "not satisfied".
    Other,
}

pub fn rating(cell: &Cell) -> Rating {
    match cell {
        Cell::Text(t) if t == "Hài lòng" => return Rating::Satisfied,
        Cell::Text(t) if t == "Không hài lòng" => return Rating::NotSatisfied,
        Cell::Text(t) if t.is_empty() => return Rating::None,
        _ => {}
    }
    let text = match cell {
        Cell::Text(t) => fold_words(t),
        Cell::Empty => return Rating::None,
        other => fold_words(&other.display()),
    };
    if text.is_empty() {
        Rating::None
    } else if ["khong hai long", "chua hai long", "not satisfied", "dissatisfied", "unsatisfied"]
        .iter()
        .any(|w| text.contains(w))
    {
        Rating::NotSatisfied
    } else if text.contains("hai long") || text.contains("satisfied") {
        Rating::Satisfied
    } else {
        Rating::Other
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::table::DateTime;

    fn t(s: &str) -> Cell {
        Cell::Text(s.to_string())
    }

    fn at(y: i32, m: u32, d: u32, h: u32, min: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(y, m, d).unwrap().and_hms_opt(h, min, 0).unwrap()
    }

    #[test]
    fn serials_in_both_date_systems() {
        // 46328 is 2 November 2026 in the 1900 system (Excel's DATE(2026,11,2)); the same day is
        // 44866 in the 1904 system (1462 days fewer).
        assert_eq!(from_serial(46328.0, false), Some(at(2026, 11, 2, 0, 0)));
        assert_eq!(from_serial(44866.0, true), Some(at(2026, 11, 2, 0, 0)));
        // 14:05 is 0.586805…; Excel's stored fraction rounds to the minute.
        assert_eq!(from_serial(46328.0 + 845.0 / 1440.0, false), Some(at(2026, 11, 2, 14, 5)));
        // Before the phantom 29 February 1900: serial 1 is 1 January 1900.
        assert_eq!(from_serial(1.0, false), Some(at(1900, 1, 1, 0, 0)));
        assert_eq!(from_serial(61.0, false), Some(at(1900, 3, 1, 0, 0)));
        assert_eq!(from_serial(-3.0, false), None);
        assert_eq!(date(&Cell::Number(46328.0), false), Ok(Some(at(2026, 11, 2, 0, 0))));
    }

    #[test]
    fn text_dates_as_offices_write_them() {
        assert_eq!(date(&t("02/11/2026"), false), Ok(Some(at(2026, 11, 2, 0, 0))));
        assert_eq!(date(&t("2/11/2026 14:05"), false), Ok(Some(at(2026, 11, 2, 14, 5))));
        assert_eq!(date(&t("2026-11-02"), false), Ok(Some(at(2026, 11, 2, 0, 0))));
        assert_eq!(date(&t("2026-11-02 08:30:00"), false), Ok(Some(at(2026, 11, 2, 8, 30))));
        let seconds = NaiveDate::from_ymd_opt(2023, 11, 30).unwrap().and_hms_opt(16, 45, 12).unwrap();
        assert_eq!(date(&t("30/11/2023 16:45:12"), false), Ok(Some(seconds)));
        assert_eq!(date(&t("  "), false), Ok(None));
        assert_eq!(date(&t("31/02/2026"), false), Err(Unreadable("31/02/2026".into())));
        assert_eq!(date(&t("hôm qua"), false), Err(Unreadable("hôm qua".into())));
        let d = DateTime { year: 2026, month: 11, day: 2, hour: 9, minute: 0, second: 0 };
        assert_eq!(date(&Cell::Date(d), true), Ok(Some(at(2026, 11, 2, 9, 0))));
    }

    #[test]
    fn every_yes_no_form_of_the_reference() {
        for yes in [
            t("Có"),
            t("có"),
            t("Đã"),
            t("đã đồng bộ"),
            t("x"),
            t("X"),
            Cell::Number(1.0),
            t("1"),
            Cell::Bool(true),
            t("TRUE"),
            t("Yes"),
            t("ĐÚNG"),
            t("✓"),
        ] {
            assert_eq!(yes_no(&yes), Ok(true), "{yes:?}");
        }
        for no in [
            t("Không"),
            t("Chưa"),
            t("chưa đồng bộ"),
            Cell::Empty,
            t(""),
            Cell::Number(0.0),
            t("0"),
            Cell::Bool(false),
            t("FALSE"),
            t("No"),
            t("SAI"),
        ] {
            assert_eq!(yes_no(&no), Ok(false), "{no:?}");
        }
        assert_eq!(yes_no(&t("có lẽ")), Ok(true));
        assert_eq!(yes_no(&t("tùy")), Err(Unreadable("tùy".into())));
        assert_eq!(yes_no(&Cell::Number(2.0)), Err(Unreadable("2".into())));
    }

    #[test]
    fn channels_and_ratings() {
        assert_eq!(channel(&t("Trực tuyến")), Ok(Channel::Online));
        assert_eq!(channel(&t("Nộp trực tuyến (DVC)")), Ok(Channel::Online));
        assert_eq!(channel(&t("Trực tiếp")), Ok(Channel::Direct));
        assert_eq!(channel(&t("Bưu chính công ích")), Ok(Channel::Post));
        assert_eq!(channel(&Cell::Empty), Ok(Channel::Unknown));
        assert_eq!(channel(&t("Qua bưu chính công ích")), Ok(Channel::Post));
        assert_eq!(channel(&t("BCCI")), Ok(Channel::Post));
        assert_eq!(channel(&t("fax")), Err(Unreadable("fax".into())));
        assert_eq!(rating(&t("Hài lòng")), Rating::Satisfied);
        assert_eq!(rating(&t("Rất hài lòng")), Rating::Satisfied);
        assert_eq!(rating(&t("Không hài lòng")), Rating::NotSatisfied);
        assert_eq!(rating(&t("Bình thường")), Rating::Other);
        assert_eq!(rating(&Cell::Empty), Rating::None);
    }

    #[test]
    fn payments_as_one_stop_systems_write_them() {
        assert_eq!(payment_status(&t("Đã thanh toán")), Payment::Paid);
        assert_eq!(payment_status(&t("đã  thanh toán")), Payment::Paid);
        assert_eq!(payment_status(&t("Chưa thanh toán")), Payment::Due);
        assert_eq!(payment_status(&t("Chờ thanh toán")), Payment::Due);
        assert_eq!(payment_status(&Cell::Empty), Payment::None);
        assert_eq!(paid_online(&t("truc-tuyen")), Some(true));
        assert_eq!(paid_online(&t("Trực tuyến")), Some(true));
        assert_eq!(paid_online(&t("tien-mat")), Some(false));
        assert_eq!(paid_online(&t("chuyen-khoan")), Some(false));
        assert_eq!(paid_online(&Cell::Empty), None);
    }
}
