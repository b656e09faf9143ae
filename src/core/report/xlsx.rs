//! The results as an Excel workbook: the ranking ("Kết quả") and every criterion's figures
//! ("Chi tiết tiêu chí"), with header styles, "0.00" formats, widths and frozen headers.

use rust_xlsxwriter::{Color, Format, FormatAlign, FormatBorder, Workbook, Worksheet, XlsxError};

use super::percent;
use crate::core::analysis::Analysis;
use crate::core::insight::plan::to_full;
use crate::core::model::lang::Lang;
use crate::core::rules::RuleSet;
use crate::core::scoring::band::Band;
use crate::core::scoring::Scores;

/// The look of chiso's workbooks: a bold title, and headers bold, wrapped, centred on a blue
/// fill with thin borders. Shared with the template.
pub(crate) fn title_format() -> Format {
    Format::new().set_bold().set_font_size(13)
}

pub(crate) fn header_format() -> Format {
    Format::new()
        .set_bold()
        .set_text_wrap()
        .set_align(FormatAlign::Center)
        .set_align(FormatAlign::VerticalCenter)
        .set_background_color(Color::RGB(0xDCE6F1))
        .set_border(FormatBorder::Thin)
}

/// The formats every sheet of the results workbook shares.
struct Formats {
    title: Format,
    header: Format,
    text: Format,
    points: Format,
    whole: Format,
}

pub fn to_bytes(analysis: &Analysis, rules: &RuleSet) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let f = Formats {
        title: title_format(),
        header: header_format(),
        text: Format::new().set_border(FormatBorder::Thin),
        points: Format::new().set_num_format("0.00").set_border(FormatBorder::Thin),
        whole: Format::new().set_num_format("#,##0").set_border(FormatBorder::Thin),
    };
    let results = Sheets { scores: &analysis.scores, rules, order: analysis.scores.ranked_order(), f };
    results.ranking(&mut book)?;
    results.detail(&mut book)?;
    book.save_to_buffer()
}

/// The detail sheet's column widths, in characters.
const DETAIL_WIDTHS: [u16; 13] = [30, 22, 60, 12, 12, 10, 8, 8, 11, 12, 10, 16, 28];

/// What the sheets of the results workbook are made from.
struct Sheets<'a> {
    scores: &'a Scores,
    rules: &'a RuleSet,
    /// The units in the order of the ranking.
    order: Vec<usize>,
    f: Formats,
}

impl Sheets<'_> {
    /// A new sheet named `name`, the rule set's title on its first row.
    fn titled<'b>(&self, book: &'b mut Workbook, name: &str) -> Result<&'b mut Worksheet, XlsxError> {
        let sheet = book.add_worksheet().set_name(name)?;
        sheet.write_string_with_format(0, 0, self.rules.title(Lang::Vi), &self.f.title)?;
        Ok(sheet)
    }

    /// «Kết quả»: the ranking, a unit a row.
    fn ranking(&self, book: &mut Workbook) -> Result<(), XlsxError> {
        let Sheets { scores, rules, order, f } = self;
        let lang = Lang::Vi;
        let sheet = self.titled(book, "Kết quả")?;
        let mut headers = vec!["Xếp hạng".to_string(), "Đơn vị".to_string(), "Đơn vị cấp trên".to_string()];
        headers.extend(
            rules.groups.iter().map(|g| format!("{} ({})", g.name, crate::core::model::format::number(g.max, 2))),
        );
        headers.push(format!("Tổng điểm ({})", crate::core::model::format::number(rules.total_max(), 2)));
        headers.push("Xếp loại".to_string());
        write_header(sheet, 2, &headers, &f.header)?;
        for (k, &i) in order.iter().enumerate() {
            let u = &scores.units[i];
            let row = 3 + k as u32;
            match u.rank {
                Some(rank) => sheet.write_number_with_format(row, 0, rank as f64, &f.whole)?,
                None => sheet.write_blank(row, 0, &f.text)?,
            };
            sheet.write_string_with_format(row, 1, &u.name, &f.text)?;
            sheet.write_string_with_format(row, 2, u.parent.as_deref().unwrap_or(""), &f.text)?;
            for (j, g) in u.groups.iter().enumerate() {
                sheet.write_number_with_format(row, 3 + j as u16, g.score, &f.points)?;
            }
            sheet.write_number_with_format(row, 3 + u.groups.len() as u16, u.total, &f.points)?;
            sheet.write_string_with_format(row, 4 + u.groups.len() as u16, Band::of(u.total).label(lang), &f.text)?;
        }
        sheet.set_column_width(0, 9)?;
        sheet.set_column_width(1, 34)?;
        sheet.set_column_width(2, 28)?;
        for j in 0..=rules.groups.len() as u16 + 1 {
            sheet.set_column_width(3 + j, 14)?;
        }
        sheet.set_freeze_panes(3, 2)?;
        Ok(())
    }

    /// «Chi tiết tiêu chí»: every unit's every criterion, its figure and score.
    fn detail(&self, book: &mut Workbook) -> Result<(), XlsxError> {
        let Sheets { scores, rules, order, f } = self;
        let lang = Lang::Vi;
        let detail = self.titled(book, "Chi tiết tiêu chí")?;
        let headers: Vec<String> = [
            "Đơn vị",
            "Nhóm",
            "Tiêu chí",
            "Tử số",
            "Mẫu số",
            "Tỷ lệ (%)",
            "Điểm",
            "Tối đa",
            "Điểm bị mất",
            "Cần thêm để đạt tối đa",
            "Tính theo",
            "Trạng thái",
            "Nguồn số liệu",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        write_header(detail, 2, &headers, &f.header)?;
        let mut row = 3u32;
        for &i in order.iter() {
            let u = &scores.units[i];
            for (c, r) in rules.criteria.iter().zip(&u.criteria) {
                detail.write_string_with_format(row, 0, &u.name, &f.text)?;
                let group = rules.group(&c.group).map_or(c.group.as_str(), |g| g.name.as_str());
                detail.write_string_with_format(row, 1, group, &f.text)?;
                detail.write_string_with_format(row, 2, &c.name, &f.text)?;
                let cells = [
                    (3, r.numerator, &f.whole),
                    (4, r.denominator, &f.whole),
                    (5, percent(r.ratio), &f.points),
                    (6, r.score, &f.points),
                    (7, Some(r.max), &f.points),
                    (8, Some(r.points_lost()), &f.points),
                ];
                for (col, value, format) in cells {
                    match value {
                        Some(v) => detail.write_number_with_format(row, col, v, format)?,
                        None => detail.write_blank(row, col, &f.text)?,
                    };
                }
                match to_full(rules, u, r) {
                    Some(add) => detail.write_number_with_format(row, 9, add as f64, &f.whole)?,
                    None => detail.write_blank(row, 9, &f.text)?,
                };
                detail.write_string_with_format(row, 10, c.counts.noun(lang), &f.text)?;
                detail.write_string_with_format(row, 11, r.status_label(lang), &f.text)?;
                detail.write_string_with_format(row, 12, r.source_text(lang), &f.text)?;
                row += 1;
            }
        }
        for (col, width) in DETAIL_WIDTHS.into_iter().enumerate() {
            detail.set_column_width(col as u16, width)?;
        }
        detail.set_freeze_panes(3, 1)?;
        Ok(())
    }
}

pub(crate) fn write_header(
    sheet: &mut Worksheet,
    row: u32,
    headers: &[String],
    format: &Format,
) -> Result<(), XlsxError> {
    for (c, h) in headers.iter().enumerate() {
        sheet.write_string_with_format(row, c as u16, h, format)?;
    }
    sheet.set_row_height(row, 45)?;
    Ok(())
}
