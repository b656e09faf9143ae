//! The letter's companions as workbooks: its appendix (what the DOCX's landscape table holds, for
//! those who file or merge it in Excel) and the plan for the whole («chỉ tiêu giao» by unit).

use rust_xlsxwriter::{Format, FormatBorder, Workbook, XlsxError};

use super::letter::Letter;
use super::xlsx::{header_format, title_format, write_header};
use crate::core::insight::plan::whole::WholePlan;
use crate::core::rules::RuleSet;

/// The appendix as the letter prints it: its title lines, the header, each kind's heading and
/// rows (rank, unit, groups, total, band), and the note on its marks.
pub fn appendix(letter: &Letter) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let title = title_format();
    let text = Format::new().set_border(FormatBorder::Thin);
    let bold = text.clone().set_bold();
    let sheet = book.add_worksheet().set_name("Phụ lục")?;
    let mut row = 0u32;
    for line in letter.appendix_title.lines() {
        sheet.write_string_with_format(row, 0, line, &title)?;
        row += 1;
    }
    row += 1;
    let header_row = row;
    write_header(sheet, row, &letter.appendix_headers, &header_format())?;
    row += 1;
    for (section, rows) in letter.appendix_sections(..) {
        if let Some(heading) = section {
            sheet.write_string_with_format(row, 1, heading, &bold)?;
            row += 1;
        }
        for r in rows {
            // The rank and scores as numbers (Excel sums and sorts them); a group without figures
            // keeps the words the letter prints.
            match r.rank {
                Some(rank) => sheet.write_number_with_format(row, 0, rank as f64, &text)?,
                None => sheet.write_blank(row, 0, &text)?,
            };
            sheet.write_string_with_format(row, 1, &r.unit, &text)?;
            let cells = r.cells();
            for (k, (score, coverage)) in r.groups.iter().zip(&r.coverage).enumerate() {
                let col = 2 + k as u16;
                match coverage.code() {
                    None => sheet.write_number_with_format(row, col, *score, &points())?,
                    Some(_) => sheet.write_string_with_format(row, col, &cells[2 + k], &text)?,
                };
            }
            let after = 2 + r.groups.len() as u16;
            sheet.write_number_with_format(row, after, r.total, &points())?;
            sheet.write_string_with_format(row, after + 1, r.band, &text)?;
            row += 1;
        }
    }
    if let Some(note) = letter.appendix_note {
        sheet.write_string(row + 1, 0, note)?;
    }
    sheet.set_column_width(0, 9)?;
    sheet.set_column_width(1, 36)?;
    for k in 2..letter.appendix_headers.len() as u16 {
        sheet.set_column_width(k, 13)?;
    }
    sheet.set_freeze_panes(header_row + 1, 2)?;
    book.save_to_buffer()
}

fn points() -> Format {
    Format::new().set_num_format("0.00").set_border(FormatBorder::Thin)
}

/// The plan for the whole: its outcome, then a row per unit and criterion with the dossiers to add
/// and the points they bring, and the total.
pub fn whole_plan(plan: &WholePlan, rules: &RuleSet) -> Result<Vec<u8>, XlsxError> {
    let lang = crate::core::model::lang::Lang::Vi;
    let mut book = Workbook::new();
    let text = Format::new().set_border(FormatBorder::Thin);
    let count = Format::new().set_num_format("#,##0").set_border(FormatBorder::Thin);
    let sheet = book.add_worksheet().set_name("Kế hoạch")?;
    sheet.write_string_with_format(0, 0, plan.title(lang), &title_format())?;
    sheet.write_string(1, 0, plan.summary(lang))?;
    sheet.write_string(2, 0, format!("Bộ quy tắc: {}", rules.title(lang)))?;
    let headers = ["STT", "Đơn vị", "Tiêu chí", "Số hồ sơ cần thêm", "Điểm toàn thể tăng"].map(String::from);
    write_header(sheet, 4, &headers, &header_format())?;
    let mut row = 5u32;
    for (k, s) in plan.steps.iter().enumerate() {
        let label = rules.criterion(&s.criterion).map_or(s.criterion.as_str(), |c| c.name.as_str());
        let unit = if s.unit.is_empty() { plan.whole_name(lang) } else { s.unit.clone() };
        sheet.write_number_with_format(row, 0, (k + 1) as f64, &text)?;
        sheet.write_string_with_format(row, 1, &unit, &text)?;
        sheet.write_string_with_format(row, 2, label, &text)?;
        sheet.write_number_with_format(row, 3, s.add as f64, &count)?;
        sheet.write_number_with_format(row, 4, s.points, &points())?;
        row += 1;
    }
    let bold = text.clone().set_bold();
    sheet.write_string_with_format(row, 1, "Cộng", &bold)?;
    sheet.write_blank(row, 2, &bold)?;
    sheet.write_number_with_format(row, 3, plan.dossiers() as f64, &count.clone().set_bold())?;
    sheet.write_number_with_format(row, 4, plan.gain(), &points().set_bold())?;
    for (col, width) in [(0, 6), (1, 34), (2, 60), (3, 14), (4, 14)] {
        sheet.set_column_width(col, width)?;
    }
    sheet.set_freeze_panes(5, 2)?;
    book.save_to_buffer()
}
