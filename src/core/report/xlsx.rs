//! The results as an Excel workbook: the ranking ("Kết quả") and every criterion's figures
//! ("Chi tiết tiêu chí"), with header styles, "0.00" formats, widths and frozen headers.

use rust_xlsxwriter::{Color, Format, FormatAlign, FormatBorder, Workbook, Worksheet, XlsxError};

use super::percent;
use crate::core::analysis::Analysis;
use crate::core::insight::plan::to_full;
use crate::core::model::lang::Lang;
use crate::core::rules::RuleSet;
use crate::core::scoring::band::Band;

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

pub fn to_bytes(analysis: &Analysis, rules: &RuleSet) -> Result<Vec<u8>, XlsxError> {
    let lang = Lang::Vi;
    let mut book = Workbook::new();
    let title = title_format();
    let header = header_format();
    let text = Format::new().set_border(FormatBorder::Thin);
    let points = Format::new().set_num_format("0.00").set_border(FormatBorder::Thin);
    let whole = Format::new().set_num_format("#,##0").set_border(FormatBorder::Thin);
    let scores = &analysis.scores;
    let order = scores.ranked_order();

    let sheet = book.add_worksheet().set_name("Kết quả")?;
    sheet.write_string_with_format(0, 0, rules.title(lang), &title)?;
    let mut headers = vec!["Xếp hạng".to_string(), "Đơn vị".to_string(), "Đơn vị cấp trên".to_string()];
    headers
        .extend(rules.groups.iter().map(|g| format!("{} ({})", g.name, crate::core::model::format::number(g.max, 2))));
    headers.push(format!("Tổng điểm ({})", crate::core::model::format::number(rules.total_max(), 2)));
    headers.push("Xếp loại".to_string());
    write_header(sheet, 2, &headers, &header)?;
    for (k, &i) in order.iter().enumerate() {
        let u = &scores.units[i];
        let row = 3 + k as u32;
        match u.rank {
            Some(rank) => sheet.write_number_with_format(row, 0, rank as f64, &whole)?,
            None => sheet.write_blank(row, 0, &text)?,
        };
        sheet.write_string_with_format(row, 1, &u.name, &text)?;
        sheet.write_string_with_format(row, 2, u.parent.as_deref().unwrap_or(""), &text)?;
        for (j, g) in u.groups.iter().enumerate() {
            sheet.write_number_with_format(row, 3 + j as u16, g.score, &points)?;
        }
        sheet.write_number_with_format(row, 3 + u.groups.len() as u16, u.total, &points)?;
        sheet.write_string_with_format(row, 4 + u.groups.len() as u16, Band::of(u.total).label(lang), &text)?;
    }
    sheet.set_column_width(0, 9)?;
    sheet.set_column_width(1, 34)?;
    sheet.set_column_width(2, 28)?;
    for j in 0..=rules.groups.len() as u16 + 1 {
        sheet.set_column_width(3 + j, 14)?;
    }
    sheet.set_freeze_panes(3, 2)?;

    let detail = book.add_worksheet().set_name("Chi tiết tiêu chí")?;
    detail.write_string_with_format(0, 0, rules.title(lang), &title)?;
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
    write_header(detail, 2, &headers, &header)?;
    let mut row = 3u32;
    for &i in &order {
        let u = &scores.units[i];
        for (c, r) in rules.criteria.iter().zip(&u.criteria) {
            detail.write_string_with_format(row, 0, &u.name, &text)?;
            let group = rules.group(&c.group).map_or(c.group.as_str(), |g| g.name.as_str());
            detail.write_string_with_format(row, 1, group, &text)?;
            detail.write_string_with_format(row, 2, &c.name, &text)?;
            let cells = [
                (3, r.numerator, &whole),
                (4, r.denominator, &whole),
                (5, percent(r.ratio), &points),
                (6, r.score, &points),
                (7, Some(r.max), &points),
                (8, Some(r.points_lost()), &points),
            ];
            for (col, value, format) in cells {
                match value {
                    Some(v) => detail.write_number_with_format(row, col, v, format)?,
                    None => detail.write_blank(row, col, &text)?,
                };
            }
            match to_full(rules, u, r) {
                Some(add) => detail.write_number_with_format(row, 9, add as f64, &whole)?,
                None => detail.write_blank(row, 9, &text)?,
            };
            detail.write_string_with_format(row, 10, c.counts.noun(lang), &text)?;
            detail.write_string_with_format(row, 11, r.status_label(lang), &text)?;
            detail.write_string_with_format(row, 12, r.source_text(lang), &text)?;
            row += 1;
        }
    }
    for (col, width) in [
        (0, 30),
        (1, 22),
        (2, 60),
        (3, 12),
        (4, 12),
        (5, 10),
        (6, 8),
        (7, 8),
        (8, 11),
        (9, 12),
        (10, 10),
        (11, 16),
        (12, 28),
    ] {
        detail.set_column_width(col, width)?;
    }
    detail.set_freeze_panes(3, 1)?;
    book.save_to_buffer()
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
