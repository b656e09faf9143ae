//! The "to fix" list of a dossier list as a workbook: per unit and criterion, every dossier
//! counted against it, why, and whether it can still be fixed this period, with the row it sits
//! on in the source file, so that staff can work through it in Excel; and a second sheet of the
//! procedures that cost points.

use std::collections::HashMap;

use chrono::{Datelike, NaiveDateTime, Timelike};
use rust_xlsxwriter::{ExcelDateTime, Format, FormatBorder, Workbook, XlsxError};

use super::xlsx::{header_format, title_format};
use crate::core::dossier::procedures::{gain_heading, gain_note, procedures};
use crate::core::dossier::tally::all_shortfalls;
use crate::core::dossier::units::DossierTable;
use crate::core::model::lang::Lang;
use crate::core::model::text::fold_words;
use crate::core::rules::RuleSet;
use crate::core::scoring::Scores;

/// One line of the list.
pub struct FixRow {
    pub unit: String,
    pub criterion: String,
    pub id: String,
    pub procedure: String,
    pub received: Option<NaiveDateTime>,
    pub due: Option<NaiveDateTime>,
    pub finished: Option<NaiveDateTime>,
    pub reasons: String,
    pub fixable: bool,
    pub row: u32,
}

/// The lines for `units` (indices into the list; all units when empty), unit by unit, criteria
/// in the rule set's order, dossiers in file order. One pass over the list per criterion.
pub fn rows(table: &DossierTable, units: &[u32], rules: &RuleSet, lang: Lang) -> Vec<FixRow> {
    let wanted = wanted(table, units);
    let position: HashMap<u32, usize> = wanted.iter().enumerate().map(|(i, u)| (*u, i)).collect();
    let mut by_unit: Vec<Vec<FixRow>> = wanted.iter().map(|_| Vec::new()).collect();
    for c in rules.criteria.iter().filter(|c| c.dossiers.numerator.is_some()) {
        for (d, reasons) in all_shortfalls(&table.list, &table.tally, &c.dossiers) {
            let Some(&i) = position.get(&d.unit) else { continue };
            by_unit[i].push(FixRow {
                unit: table.names[d.unit as usize].clone(),
                criterion: c.name.clone(),
                id: d.id.clone(),
                procedure: table.list.procedure_name(d.procedure).to_string(),
                received: d.received,
                due: d.due,
                finished: d.finished,
                reasons: reasons.iter().map(|r| r.text(lang)).collect::<Vec<_>>().join("; "),
                fixable: reasons.iter().all(|r| r.fixable()),
                row: d.row,
            });
        }
    }
    by_unit.into_iter().flatten().collect()
}

fn excel_date(d: NaiveDateTime) -> Result<ExcelDateTime, XlsxError> {
    ExcelDateTime::from_ymd(d.year() as u16, d.month() as u8, d.day() as u8)?.and_hms(
        d.hour() as u16,
        d.minute() as u8,
        d.second() as u8,
    )
}

/// The workbook's file name: «ho-so-can-xu-ly-ubnd-phuong-cat-loi-2026-11.xlsx» for one unit,
/// «ho-so-can-xu-ly-tat-ca-don-vi-2026-11.xlsx» for every unit.
pub fn file_name(table: &DossierTable, unit: Option<&str>) -> String {
    let stem = unit.map_or_else(|| "tat-ca-don-vi".to_string(), |u| fold_words(u).replace(' ', "-"));
    format!("ho-so-can-xu-ly-{stem}-{}.xlsx", table.tally.window.period().slug())
}

/// The units a list is written for: `units`, or every unit of the list when empty.
fn wanted(table: &DossierTable, units: &[u32]) -> Vec<u32> {
    if units.is_empty() {
        table.tally.units.iter().map(|u| u.unit).collect()
    } else {
        units.to_vec()
    }
}

pub fn to_bytes(
    table: &DossierTable,
    units: &[u32],
    scores: &Scores,
    rules: &RuleSet,
    file: &str,
) -> Result<Vec<u8>, XlsxError> {
    let lang = Lang::Vi;
    let lines = rows(table, units, rules, lang);
    let mut book = Workbook::new();
    let header = header_format();
    let text = Format::new().set_border(FormatBorder::Thin).set_text_wrap();
    let date = Format::new().set_num_format("dd/mm/yyyy hh:mm").set_border(FormatBorder::Thin);
    let sheet = book.add_worksheet().set_name("Hồ sơ cần xử lý")?;
    let title = format!("Hồ sơ cần xử lý — kỳ {} — tệp «{file}»", table.tally.window.label(lang));
    sheet.write_string_with_format(0, 0, &title, &title_format())?;
    let heads = [
        "Đơn vị",
        "Tiêu chí",
        "Mã hồ sơ",
        "Thủ tục",
        "Ngày tiếp nhận",
        "Ngày hẹn trả",
        "Ngày hoàn thành",
        "Lý do",
        "Còn khắc phục được",
        "Dòng trong tệp",
    ];
    for (c, h) in heads.iter().enumerate() {
        sheet.write_string_with_format(2, c as u16, *h, &header)?;
    }
    for (k, l) in lines.iter().enumerate() {
        let r = 3 + k as u32;
        sheet.write_string_with_format(r, 0, &l.unit, &text)?;
        sheet.write_string_with_format(r, 1, &l.criterion, &text)?;
        sheet.write_string_with_format(r, 2, &l.id, &text)?;
        sheet.write_string_with_format(r, 3, &l.procedure, &text)?;
        for (c, d) in [(4, l.received), (5, l.due), (6, l.finished)] {
            // Excel has no date before 1900: a mistyped year is written as it reads, not lost.
            match d.map(|d| (d, excel_date(d))) {
                Some((_, Ok(x))) => sheet.write_datetime_with_format(r, c, x, &date).map(|_| ())?,
                Some((d, Err(_))) => {
                    sheet.write_string_with_format(r, c, d.format("%d/%m/%Y %H:%M").to_string(), &text).map(|_| ())?
                }
                None => sheet.write_blank(r, c, &text).map(|_| ())?,
            }
        }
        sheet.write_string_with_format(r, 7, &l.reasons, &text)?;
        sheet.write_string_with_format(r, 8, if l.fixable { "Có" } else { "Không" }, &text)?;
        sheet.write_number_with_format(r, 9, f64::from(l.row), &text)?;
    }
    for (c, w) in [(0, 26), (1, 40), (2, 16), (3, 34), (4, 16), (5, 16), (6, 16), (7, 44), (8, 12), (9, 10)] {
        sheet.set_column_width(c, w)?;
    }
    sheet.set_freeze_panes(3, 0)?;
    if !lines.is_empty() {
        sheet.autofilter(2, 0, 2 + lines.len() as u32, heads.len() as u16 - 1)?;
    }
    procedure_sheet(&mut book, table, units, scores, rules)?;
    book.save_to_buffer()
}

/// Per unit (and, for every unit, the list as a whole first), the procedures that cost points:
/// received, each criterion's share as counts and percent, and the points to gain.
fn procedure_sheet(
    book: &mut Workbook,
    table: &DossierTable,
    units: &[u32],
    scores: &Scores,
    rules: &RuleSet,
) -> Result<(), XlsxError> {
    let lang = Lang::Vi;
    let header = header_format();
    let text = Format::new().set_border(FormatBorder::Thin).set_text_wrap();
    let count = Format::new().set_border(FormatBorder::Thin).set_num_format("#,##0");
    let percent = Format::new().set_border(FormatBorder::Thin).set_num_format("0.0%");
    let points = Format::new().set_border(FormatBorder::Thin).set_num_format("0.00");
    let mut parts: Vec<(String, Option<u32>)> = Vec::new();
    if units.is_empty() {
        parts.push(("Tất cả đơn vị trong danh sách".into(), None));
    }
    parts.extend(wanted(table, units).into_iter().map(|u| (table.names[u as usize].clone(), Some(u))));
    let tables: Vec<_> = parts.iter().map(|(_, u)| procedures(table, scores, rules, *u)).collect();
    let sheet = book.add_worksheet().set_name("Thủ tục làm mất điểm")?;
    sheet.write_string_with_format(0, 0, "Thủ tục làm mất điểm", &title_format())?;
    sheet.write_string(1, 0, gain_note(lang))?;
    let criteria = tables.first().map(|t| t.criteria.clone()).unwrap_or_default();
    let mut heads = vec!["Đơn vị".to_string(), "Thủ tục".into(), "Tiếp nhận".into()];
    for code in &criteria {
        let label = rules.criterion(code).map_or(code.as_str(), |c| c.label.as_str());
        heads.push(format!("{label}: đạt/tính"));
        heads.push(format!("{label}: tỷ lệ"));
    }
    heads.push(gain_heading(lang).into());
    for (c, h) in heads.iter().enumerate() {
        sheet.write_string_with_format(3, c as u16, h, &header)?;
        sheet.set_column_width(c as u16, if c < 2 { 34 } else { 14 })?;
    }
    let mut r = 4;
    for ((name, _), t) in parts.iter().zip(&tables) {
        for row in t.costing() {
            sheet.write_string_with_format(r, 0, name, &text)?;
            sheet.write_string_with_format(r, 1, row.label(lang), &text)?;
            sheet.write_number_with_format(r, 2, f64::from(row.received), &count)?;
            for (k, s) in row.shares.iter().enumerate() {
                let c = 3 + 2 * k as u16;
                sheet.write_string_with_format(r, c, format!("{}/{}", s.met, s.of), &text)?;
                match s.ratio() {
                    Some(x) => sheet.write_number_with_format(r, c + 1, x, &percent).map(|_| ())?,
                    None => sheet.write_blank(r, c + 1, &percent).map(|_| ())?,
                }
            }
            sheet.write_number_with_format(r, heads.len() as u16 - 1, row.gain, &points)?;
            r += 1;
        }
    }
    sheet.set_freeze_panes(4, 2)?;
    if r > 4 {
        sheet.autofilter(3, 0, r - 1, heads.len() as u16 - 1)?;
    }
    Ok(())
}
