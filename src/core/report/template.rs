//! The blank template and the demo workbook, generated from the rule set: one sheet of unit
//! figures laid out as chiso reads it, and one sheet explaining every column.

use std::collections::BTreeMap;

use rust_xlsxwriter::{Color, Format, Workbook, XlsxError};

use super::xlsx::{header_format, title_format};
use crate::core::model::format::number;
use crate::core::model::lang::Lang;
use crate::core::rules::{Level, Rule, RuleSet, TrackedKind, ZeroRule};

/// One unit of the demo town.
struct DemoUnit {
    name: &'static str,
    kind: &'static str,
    parent: Option<&'static str>,
    figures: BTreeMap<&'static str, (u32, u32)>,
}

/// The button that loads the demo town, as the app labels it and its hints name it.
pub const SAMPLE_BUTTON: (&str, &str) = ("Dùng thử dữ liệu mẫu", "Try the sample data");

pub const DEMO_TOWN: &str = "UBND thị xã An Hòa";
pub const DEMO_PERIOD: &str = "11/2026";

/// The blank template: headers and explanations, no units.
pub fn template(rules: &RuleSet) -> Result<Vec<u8>, XlsxError> {
    write(rules, &[], "Mẫu số liệu Bộ chỉ số phục vụ người dân, doanh nghiệp")
}

/// A fictional town with 14 communes and wards, for demonstrations. Its figures are made up,
/// except those of "UBND phường An Lạc", which are the published figures of UBND xã Ba Vì
/// (Hà Nội, 2026) from the scoring reference, so that a demo shows known scores.
pub fn demo(rules: &RuleSet) -> Result<Vec<u8>, XlsxError> {
    write(rules, &demo_units(rules), "Số liệu mẫu (thị xã An Hòa là đơn vị giả định)")
}

fn write(rules: &RuleSet, units: &[DemoUnit], title: &str) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let (bold, header) = (title_format(), header_format());
    figures_sheet(&mut book, rules, units, title, (&bold, &header))?;
    guide_sheet(&mut book, rules, (&bold, &header))?;
    book.save_to_buffer()
}

/// «Số liệu»: a unit a row, two columns a criterion, the groups merged above them.
fn figures_sheet(
    book: &mut Workbook,
    rules: &RuleSet,
    units: &[DemoUnit],
    title: &str,
    (bold, header): (&Format, &Format),
) -> Result<(), XlsxError> {
    let group_format = header.clone().set_background_color(Color::RGB(0xB8CCE4));
    let sheet = book.add_worksheet().set_name("Số liệu")?;
    sheet.write_string_with_format(0, 0, title, bold)?;
    sheet.write_string(1, 0, format!("Bộ quy tắc: {}", rules.title(Lang::Vi)))?;
    let mut columns: Vec<(String, Option<&str>)> =
        ["Đơn vị", "Loại đơn vị", "Đơn vị cấp trên", "Kỳ"].iter().map(|h| (h.to_string(), None)).collect();
    for c in &rules.criteria {
        columns.push((format!("{} (tử số)", c.label), Some(&c.group)));
        columns.push((format!("{} (mẫu số)", c.label), Some(&c.group)));
    }
    for t in &rules.tracked {
        match t.kind {
            TrackedKind::Ratio => {
                columns.push((format!("{} (tử số)", t.label), None));
                columns.push((format!("{} (mẫu số)", t.label), None));
            }
            TrackedKind::Count | TrackedKind::Value => columns.push((t.label.clone(), None)),
        }
    }
    // A merged row of group names above the headers, as the portal's exports have.
    let mut c = 0;
    while c < columns.len() {
        let group = columns[c].1;
        let span = columns[c..].iter().take_while(|(_, g)| *g == group).count();
        let name = group.and_then(|g| rules.group(g)).map(|g| g.name.as_str()).unwrap_or("");
        if span > 1 {
            sheet.merge_range(2, c as u16, 2, (c + span - 1) as u16, name, &group_format)?;
        } else {
            sheet.write_string_with_format(2, c as u16, name, &group_format)?;
        }
        c += span;
    }
    for (c, (h, _)) in columns.iter().enumerate() {
        sheet.write_string_with_format(3, c as u16, h, header)?;
    }
    sheet.set_row_height(3, 60)?;
    sheet.set_column_width(0, 32)?;
    sheet.set_column_width(1, 14)?;
    sheet.set_column_width(2, 24)?;
    for c in 3..columns.len() as u16 {
        sheet.set_column_width(c, 14)?;
    }
    sheet.set_freeze_panes(4, 1)?;
    for (k, u) in units.iter().enumerate() {
        let row = 4 + k as u32;
        sheet.write_string(row, 0, u.name)?;
        sheet.write_string(row, 1, u.kind)?;
        sheet.write_string(row, 2, u.parent.unwrap_or(""))?;
        sheet.write_string(row, 3, DEMO_PERIOD)?;
        for (j, c) in rules.criteria.iter().enumerate() {
            if let Some((n, d)) = u.figures.get(c.code.as_str()) {
                sheet.write_number(row, 4 + 2 * j as u16, *n as f64)?;
                sheet.write_number(row, 5 + 2 * j as u16, *d as f64)?;
            }
        }
    }
    Ok(())
}

/// «Hướng dẫn»: how to fill the sheet, and every criterion's code, column names and rule.
fn guide_sheet(book: &mut Workbook, rules: &RuleSet, (bold, header): (&Format, &Format)) -> Result<(), XlsxError> {
    let guide = book.add_worksheet().set_name("Hướng dẫn")?;
    guide.write_string_with_format(0, 0, "Cách điền tệp số liệu", bold)?;
    let notes = [
        "Mỗi dòng là một đơn vị. Bắt buộc có cột «Đơn vị»; các cột khác có thể theo thứ tự bất kỳ, cột lạ được bỏ qua.",
        "Mỗi tiêu chí có hai cột «(tử số)» và «(mẫu số)»; nếu chỉ biết tỷ lệ, dùng một cột «<tên tiêu chí> (%)». Có thể dùng mã tiêu chí thay cho tên, ví dụ «ON_TIME (tử số)».",
        "Số viết kiểu Việt Nam (1.234; 74,04%) hay kiểu Anh (1,234; 0.7404) đều được. Ô trống là không có dữ liệu.",
        "«Đơn vị cấp trên»: điểm của đơn vị cấp trên được tính gộp tử số, mẫu số của chính nó và các đơn vị trực thuộc.",
    ];
    for (k, n) in notes.iter().enumerate() {
        guide.write_string(1 + k as u32, 0, *n)?;
    }
    let start = 2 + notes.len() as u32;
    let heads = [
        "Mã",
        "Tên cột trong tệp",
        "Tiêu chí",
        "Nhóm",
        "Điểm tối đa",
        "Cách tính điểm",
        "Khi mẫu số bằng 0",
        "Cấp tính",
    ];
    for (c, h) in heads.iter().enumerate() {
        guide.write_string_with_format(start, c as u16, *h, header)?;
    }
    for (k, c) in rules.criteria.iter().enumerate() {
        let row = start + 1 + k as u32;
        let rule = match c.rule {
            Rule::Linear => "Điểm tối đa × tỷ lệ".to_string(),
            Rule::Target(t) => format!("Điểm tối đa × tỷ lệ / {}%, tối đa bằng điểm tối đa", number(t * 100.0, 2)),
        };
        let zero = match c.zero {
            ZeroRule::NoData => "Không có dữ liệu (tính 0 điểm trong nhóm)",
            ZeroRule::Full => "Đạt điểm tối đa",
            ZeroRule::Zero => "0 điểm",
        };
        let level = match c.level {
            Level::Unit => "Từng đơn vị",
            Level::Province => "Cấp tỉnh; đơn vị trực thuộc lấy theo cấp tỉnh",
        };
        let group = rules.group(&c.group).map(|g| g.name.clone()).unwrap_or_default();
        let cells = [
            c.code.clone(),
            format!("{} (tử số) / (mẫu số)", c.label),
            c.name.clone(),
            group,
            number(c.max, 2),
            rule,
            zero.to_string(),
            level.to_string(),
        ];
        for (col, v) in cells.iter().enumerate() {
            guide.write_string(row, col as u16, v)?;
        }
    }
    let row = start + 2 + rules.criteria.len() as u32;
    guide.write_string_with_format(row, 0, "Chỉ số theo dõi (không tính điểm)", header)?;
    for (k, t) in rules.tracked.iter().enumerate() {
        guide.write_string(row + 1 + k as u32, 0, &t.code)?;
        guide.write_string(row + 1 + k as u32, 1, &t.label)?;
        guide.write_string(row + 1 + k as u32, 2, &t.name)?;
    }
    for (col, width) in [(0, 36), (1, 50), (2, 60), (3, 24), (4, 10), (5, 40), (6, 34), (7, 36)] {
        guide.set_column_width(col, width)?;
    }
    Ok(())
}

/// A small deterministic generator: the demo must be the same on every machine.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, below: u32) -> u32 {
        self.0 = self.0.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        ((self.0 >> 33) % below as u64) as u32
    }

    /// n out of d with n/d roughly between `low` and `high` per mille.
    fn share(&mut self, d: u32, low: u32, high: u32) -> (u32, u32) {
        let per_mille = low + self.next(high - low + 1);
        (d * per_mille / 1000, d)
    }
}

/// The demo town's row is the whole as the portal publishes it: its office's own counts with
/// its communes' (the province-level criteria are the town's alone), so that the letter's
/// results are the town's own row.
fn demo_units(rules: &RuleSet) -> Vec<DemoUnit> {
    let communes = [
        ("UBND phường Bình Minh", "Phường"),
        ("UBND phường Hòa Bình", "Phường"),
        ("UBND phường Tân An", "Phường"),
        ("UBND phường Đông Hải", "Phường"),
        ("UBND phường Phú Mỹ", "Phường"),
        ("UBND xã Tân Phong", "Xã"),
        ("UBND xã Hưng Lợi", "Xã"),
        ("UBND xã Bình An", "Xã"),
        ("UBND xã Long Hòa", "Xã"),
        ("UBND xã Minh Tân", "Xã"),
        ("UBND xã Thạnh Phú", "Xã"),
        ("UBND xã Vĩnh Lộc", "Xã"),
        ("UBND xã Xuân Hòa", "Xã"),
    ];
    let mut rng = Lcg(766);
    let mut units = vec![DemoUnit {
        name: DEMO_TOWN,
        kind: "Thị xã",
        parent: None,
        figures: BTreeMap::from([
            ("PUBLISH_ON_TIME", (74, 79)),
            ("PUBLIC_UPDATE_ON_TIME", (71, 80)),
            ("PUBLIC_CONTENT_FULL", (78, 80)),
            ("DOSSIER_SYNC", (1180, 1204)),
            ("ON_TIME", (1186, 1204)),
            ("FULL", (62, 81)),
            ("HAS_ONLINE", (40, 96)),
            ("ONLINE_DOSSIERS", (701, 1204)),
            ("PAY_DOSSIERS", (512, 618)),
            ("PAY_FORMALITIES", (21, 33)),
            ("PAY_PROVISION", (27, 33)),
            ("PETITION_PROCESSING_ON_TIME", (11, 12)),
            ("PETITION_HANDLING_SATISFACTION", (10, 12)),
            ("DOSSIER_RECEIVING_SATISFACTION", (1160, 1204)),
            ("ORIGINAL_RESULT_AVAILABLE", (980, 1204)),
            ("SO_HOA_GIAY_TO_GIAI_QUYET", (905, 1204)),
            // The town office itself: with its 13 communes and wards deploying, 14/14 units.
            ("ELECTRONIC_CERTIFIED_COPY", (1, 1)),
            ("REUSED_DIGITIZED_DATA", (602, 1204)),
            ("SYNCED_WITH_DVCQG_PERSONAL_STORAGE", (388, 1204)),
            ("CITIZEN_DATA_CONNECTED_DOSSIER", (833, 1204)),
            ("CITIZEN_DATA_CONNECTED_FORMALITY", (58, 96)),
        ]),
    }];
    units.push(DemoUnit {
        name: "UBND phường An Lạc",
        kind: "Phường",
        parent: Some(DEMO_TOWN),
        figures: BTreeMap::from([
            ("ON_TIME", (4358, 4474)),
            ("FULL", (0, 0)),
            ("HAS_ONLINE", (31, 403)),
            ("ONLINE_DOSSIERS", (3294, 4474)),
            ("PAY_DOSSIERS", (2558, 3292)),
            ("PAY_FORMALITIES", (3, 31)),
            ("PAY_PROVISION", (3, 31)),
            ("PETITION_PROCESSING_ON_TIME", (0, 0)),
            ("PETITION_HANDLING_SATISFACTION", (0, 0)),
            ("DOSSIER_RECEIVING_SATISFACTION", (4357, 4474)),
        ]),
    });
    for (k, (name, kind)) in communes.iter().enumerate() {
        let received = 300 + rng.next(1700);
        let fees = received / 2 + rng.next(received / 3);
        let procedures = 60 + rng.next(60);
        // Two communes lag far behind on online payment, as letters like the seed name them.
        let (pay_low, pay_high) = if k == 6 || k == 11 { (80, 300) } else { (550, 980) };
        let petitions = rng.next(6);
        let figures = BTreeMap::from([
            ("DOSSIER_SYNC", rng.share(received, 900, 1000)),
            ("ON_TIME", rng.share(received, 880, 1000)),
            ("FULL", rng.share(procedures, 500, 950)),
            ("HAS_ONLINE", rng.share(procedures, 150, 700)),
            ("ONLINE_DOSSIERS", rng.share(received, 250, 900)),
            ("PAY_DOSSIERS", rng.share(fees, pay_low, pay_high)),
            ("PAY_FORMALITIES", rng.share(30, 200, 900)),
            ("PAY_PROVISION", rng.share(30, 400, 1000)),
            ("PETITION_PROCESSING_ON_TIME", rng.share(petitions, 500, 1000)),
            ("PETITION_HANDLING_SATISFACTION", rng.share(petitions, 400, 1000)),
            ("DOSSIER_RECEIVING_SATISFACTION", rng.share(received, 820, 1000)),
            ("ORIGINAL_RESULT_AVAILABLE", rng.share(received, 300, 950)),
            ("SO_HOA_GIAY_TO_GIAI_QUYET", rng.share(received, 200, 900)),
            ("ELECTRONIC_CERTIFIED_COPY", (1, 1)),
            ("REUSED_DIGITIZED_DATA", rng.share(received, 100, 800)),
            ("SYNCED_WITH_DVCQG_PERSONAL_STORAGE", rng.share(received, 50, 500)),
            ("CITIZEN_DATA_CONNECTED_DOSSIER", rng.share(received, 300, 900)),
            ("CITIZEN_DATA_CONNECTED_FORMALITY", rng.share(procedures, 200, 800)),
        ]);
        units.push(DemoUnit { name, kind, parent: Some(DEMO_TOWN), figures });
    }
    let parts: Vec<BTreeMap<&str, (u32, u32)>> = units[1..].iter().map(|u| u.figures.clone()).collect();
    let own_level = |code: &str| rules.criterion(code).is_some_and(|c| c.level != Level::Province);
    for (code, (n, d)) in units[0].figures.iter_mut().filter(|(code, _)| own_level(code)) {
        for (pn, pd) in parts.iter().filter_map(|p| p.get(code)) {
            *n += pn;
            *d += pd;
        }
    }
    units
}
