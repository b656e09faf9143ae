//! The announcement letter composed from scores: the published Hà Nội figures give the published
//! group scores rounded to one decimal as letters write them, and a town of fourteen communes gives
//! the seed letter's "14/14 đơn vị" and names its laggards on online payment.

mod common;

use chiso::core::report::letter::{compose, LetterFields, NamedCriterion};
use chiso::core::rules::RuleSet;
use chiso::core::scoring::score_units;
use common::{counts, ha_noi, unit};

#[test]
fn ha_noi_results_as_a_letter_writes_them() {
    let rules = RuleSet::default_rules().unwrap();
    let scores = score_units(&[ha_noi()], &rules);
    let fields = LetterFields::for_period("10/2026", "UBND Thành phố Hà Nội");
    let letter = compose(&fields, &scores, None, &rules);
    let lines: Vec<&str> = letter.results.iter().map(|l| l.text.as_str()).collect();
    // Published: CKMB 11,2; TDGQ 14,81; CLGQ 9,23; TTTT 4,69 (one decimal in letters).
    assert_eq!(
        lines[..4],
        [
            "Chỉ số Công khai, minh bạch: 11,2/18 điểm.",
            "Chỉ số Tiến độ giải quyết: 14,8/20 điểm.",
            "Chỉ số Dịch vụ công trực tuyến: 9,2/12 điểm.",
            "Chỉ số Thanh toán trực tuyến: 4,7/10 điểm.",
        ]
    );
    assert!(letter.named_units.is_empty(), "53,66 % paid online is above 50 %");
    assert_eq!(letter.directives.len(), 2);
    assert_eq!(letter.fields.place_and_date, "Hà Nội, ngày    tháng    năm 2026");
}

/// A town with no figures of its own and its fourteen communes: communes 4 and 10 pay online 1 in
/// 10, the others 8 in 10; every one is on time 9 in 10 and deploys certified copies.
fn town_of_fourteen(town: &str) -> Vec<chiso::core::figures::UnitRow> {
    let mut rows = vec![unit(town, None, &[])];
    for i in 0..14 {
        let paid = if i == 3 || i == 9 { 1.0 } else { 8.0 };
        rows.push(unit(
            &format!("UBND xã {}", i + 1),
            Some(town),
            &[
                ("ON_TIME", counts(9.0, 10.0)),
                ("PAY_DOSSIERS", counts(paid, 10.0)),
                ("ELECTRONIC_CERTIFIED_COPY", counts(1.0, 1.0)),
            ],
        ));
    }
    rows
}

#[test]
fn a_town_of_fourteen_communes() {
    let rules = RuleSet::default_rules().unwrap();
    let town = "UBND thị xã Mỹ Hào";
    let scores = score_units(&town_of_fourteen(town), &rules);
    let letter = compose(&LetterFields::for_period("11/2023", town), &scores, None, &rules);
    assert_eq!(letter.whole, town);
    let line = |code: &str| letter.results.iter().find(|l| l.code == code).unwrap().text.clone();
    // Pooled: ON_TIME 126/140 = 0.9 → 18; PAY (12 × 8 + 2 × 1)/140 = 0.7 → 4,2; MDSH 14/14 → 2.
    assert_eq!(line("TDGQ"), "Chỉ số Tiến độ giải quyết: 18/20 điểm.");
    assert_eq!(line("TTTT"), "Chỉ số Thanh toán trực tuyến: 4,2/10 điểm.");
    assert_eq!(
        line("MDSH"),
        "Chỉ số Số hóa hồ sơ: 2/22 điểm, trong đó việc cung cấp dịch vụ chứng thực điện tử bản sao từ bản chính đã triển khai 14/14 đơn vị."
    );
    // Equal points at stake (5,4 each): in name order.
    assert_eq!(letter.named_units, ["UBND xã 10", "UBND xã 4"]);
    assert!(letter.directives[2].contains("gồm: UBND xã 10, UBND xã 4. Đề nghị"));
    assert_eq!(letter.appendix.len(), 15);
    // The town heads the appendix as the whole, unranked.
    assert_eq!((letter.appendix[0].unit.as_str(), letter.appendix[0].rank), ("Toàn thị xã Mỹ Hào", None));
    let last = letter.appendix.last().unwrap();
    // 18 + 0,6 + 2 = 20,6 → "Yếu".
    assert_eq!((last.total, last.band, last.rank), (20.6, "Yếu", Some(13)));
}

/// The copy-ready summary of the same town, worked by hand: the town pools ON_TIME 126/140 → 18,
/// PAY_DOSSIERS 98/140 = 70 % → 4,2 and the certified copies 14/14 → 2: 24,2, «Yếu»; twelve
/// communes have 18 + 4,8 + 2 = 24,8, communes 4 and 10 have 18 + 0,6 + 2 = 20,6.
#[test]
fn the_summary_of_the_town() {
    let rules = RuleSet::default_rules().unwrap();
    let town = "UBND thị xã Mỹ Hào";
    let scores = score_units(&town_of_fourteen(town), &rules);
    let letter = compose(&LetterFields::for_period("", town), &scores, None, &rules);
    assert_eq!(
        chiso::core::report::summary::summary(&letter, &scores, None),
        "Kết quả Bộ chỉ số phục vụ người dân, doanh nghiệp: Toàn thị xã Mỹ Hào đạt 24,2/100 điểm (Yếu).
- Chỉ số Công khai, minh bạch: 0/18 điểm.
- Chỉ số Tiến độ giải quyết: 18/20 điểm.
- Chỉ số Dịch vụ công trực tuyến: 0/12 điểm.
- Chỉ số Thanh toán trực tuyến: 4,2/10 điểm.
- Chỉ số Mức độ hài lòng: 0/18 điểm.
- Chỉ số Số hóa hồ sơ: 2/22 điểm, trong đó việc cung cấp dịch vụ chứng thực điện tử bản sao từ bản chính đã triển khai 14/14 đơn vị.
Cao nhất: UBND xã 1 (24,8 điểm); thấp nhất: UBND xã 10 (20,6 điểm).
Đơn vị cần tập trung khắc phục: UBND xã 10, UBND xã 4."
    );
}

/// The overview of the same town (worked above): 24,2 points, «Yếu»; the highest three are
/// communes 1, 11 and 12 (24,8 each, by name), the lowest communes 10 and 4 (20,6), then 9, the
/// last of the 24,8s by name.
#[test]
fn the_overview_of_the_town() {
    use chiso::core::model::lang::Lang;
    use chiso::core::scoring::band::Band;
    let rules = RuleSet::default_rules().unwrap();
    let scores = score_units(&town_of_fourteen("UBND thị xã Mỹ Hào"), &rules);
    let o = chiso::core::present::overview::overview(&scores, None, &rules, Lang::Vi);
    assert_eq!((o.title.as_str(), o.total, o.band, o.units), ("Toàn thị xã Mỹ Hào", 24.2, Band::of(24.2), 14));
    assert_eq!(o.band.label(Lang::Vi), "Yếu");
    assert_eq!(o.lines[1], "Chỉ số Tiến độ giải quyết: 18/20 điểm.");
    // The picture says the same in its text alternative: the total with its band, each group.
    assert!(o.chart.contains("<desc id=\"chart-overview-desc\">Tổng điểm (Yếu): 24,2/100; Công khai, minh bạch: 0/18; Tiến độ giải quyết: 18/20;"), "{}", o.chart);
    let names = |v: &[(String, f64)]| v.iter().map(|(n, t)| format!("{n} {t}")).collect::<Vec<_>>();
    assert_eq!(names(&o.best), ["UBND xã 1 24.8", "UBND xã 11 24.8", "UBND xã 12 24.8"]);
    assert_eq!(names(&o.lowest), ["UBND xã 10 20.6", "UBND xã 4 20.6", "UBND xã 9 24.8"]);
    // One parent: the ranking need not repeat it under every commune; two towns: it must.
    assert!(!scores.parents_differ());
    let mut two = town_of_fourteen("UBND thị xã Mỹ Hào");
    two.extend(town_of_fourteen("UBND thị xã Kinh Môn").into_iter().map(|mut u| {
        u.name = u.name.replace("UBND xã", "UBND phường");
        u
    }));
    assert!(score_units(&two, &rules).parents_differ());
}

/// The DOCX opens as a package whose XML carries the letter, the landscape appendix section, its
/// repeated header row and the font; LibreOffice's conversion is checked by the e2e suite.
#[test]
fn the_docx_carries_the_letter_and_the_appendix() {
    use std::io::Read;
    let rules = RuleSet::default_rules().unwrap();
    let town = "UBND thị xã Mỹ Hào";
    let mut rows = vec![unit(town, None, &[])];
    for i in 0..3 {
        let name = format!("UBND xã {}", i + 1);
        rows.push(unit(
            &name,
            Some(town),
            &[
                ("PAY_DOSSIERS", counts(if i == 1 { 1.0 } else { 9.0 }, 10.0)),
                ("ELECTRONIC_CERTIFIED_COPY", counts(1.0, 1.0)),
            ],
        ));
    }
    let scores = score_units(&rows, &rules);
    let letter = compose(&LetterFields::for_period("11/2023", town), &scores, None, &rules);
    let bytes = chiso::core::report::docx::to_bytes(&letter, "2026-12-07T08:30:00Z").unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut document = String::new();
    zip.by_name("word/document.xml").unwrap().read_to_string(&mut document).unwrap();
    for text in [
        "UBND THỊ XÃ MỸ HÀO",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Mỹ Hào, ngày    tháng    năm 2023",
        "Kính gửi:",
        "đã triển khai 3/3 đơn vị",
        "gồm: UBND xã 2. Đề nghị",
        "Nơi nhận:",
        "PHỤ LỤC",
        "Xếp loại",
    ] {
        assert!(document.contains(text), "{text}");
    }
    assert_eq!(document.matches("<w:tblHeader />").count(), 1, "the appendix header repeats");
    // The signature block never splits, and the closing keeps with it; the appendix header (the
    // table after it) is the one that repeats.
    let signature = document.find("Nơi nhận:").unwrap();
    let header = document.find("<w:tblHeader />").unwrap();
    assert!(document[..signature]
        .rfind("<w:cantSplit />")
        .is_some_and(|i| i > document[..signature].rfind("<w:tbl>").unwrap()));
    assert!(header > signature);
    assert!(document[..signature].contains("<w:keepNext />"));
    let mut core = String::new();
    zip.by_name("docProps/core.xml").unwrap().read_to_string(&mut core).unwrap();
    assert!(core.contains("<dc:creator>chiso</dc:creator>"), "{core}");
    assert!(
        core.contains(r#"<dcterms:created xsi:type="dcterms:W3CDTF">2026-12-07T08:30:00Z</dcterms:created>"#),
        "{core}"
    );
    assert!(core.contains(&format!("<dc:title>{}</dc:title>", letter.fields.subject)), "{core}");
    assert!(document.contains(r#"w:orient="landscape""#), "the appendix is landscape");
    assert_eq!(document.matches("<w:sectPr").count(), 2, "letter and appendix are two sections");
    let mut styles = String::new();
    zip.by_name("word/styles.xml").unwrap().read_to_string(&mut styles).unwrap();
    assert!(styles.contains("Times New Roman"));
}

/// A province's departments and communes, ranked apart as the portal does: ON_TIME alone, Sở A
/// 9/10 → 18, Sở B 10/10 → 20, xã C 8/10 → 16, xã D 10/10 → 20. The appendix lists each kind
/// under its heading with the ranks within it (B 1, A 2; D 1, C 2), not 1–4 across them.
#[test]
fn the_appendix_is_grouped_by_kind() {
    let rules = RuleSet::default_rules().unwrap();
    let on_time = |n: f64| [("ON_TIME", counts(n, 10.0))];
    let rows = [
        unit("Sở A", None, &on_time(9.0)),
        unit("Sở B", None, &on_time(10.0)),
        unit("UBND xã C", None, &on_time(8.0)),
        unit("UBND xã D", None, &on_time(10.0)),
    ];
    let scores = score_units(&rows, &rules);
    let letter = compose(&LetterFields::for_period("11/2026", "UBND tỉnh X"), &scores, None, &rules);
    type Section<'a> = (Option<&'a str>, Vec<(&'a str, Option<usize>)>);
    let sections: Vec<Section> = letter
        .appendix_sections(..)
        .into_iter()
        .map(|(title, rows)| (title, rows.into_iter().map(|r| (r.unit.as_str(), r.rank)).collect()))
        .collect();
    assert_eq!(
        sections,
        [
            (Some("Sở, ban, ngành"), vec![("Sở B", Some(1)), ("Sở A", Some(2))]),
            (Some("Cấp xã"), vec![("UBND xã D", Some(1)), ("UBND xã C", Some(2))]),
        ]
    );
    // The appendix as a workbook: the same sections and rows, ranks and totals as numbers.
    let bytes = chiso::core::report::sheets::appendix(&letter).unwrap();
    let book = chiso::core::read::read_file("phu-luc.xlsx", &bytes).unwrap().workbook;
    let sheet = &book.sheets[0];
    let rows: Vec<Vec<String>> = (0..sheet.height())
        .map(|r| (0..3).map(|c| sheet.cell(r, c).map(|v| v.text()).unwrap_or_default()).collect())
        .filter(|row: &Vec<String>| row.iter().any(|c| c.starts_with("Sở") || c.starts_with("UBND") || c == "Cấp xã"))
        .collect();
    let cells = |a: &str, b: &str| vec![a.to_string(), b.to_string(), String::new()];
    assert_eq!(rows[0], cells("", "Sở, ban, ngành"));
    assert_eq!(rows[1][..2], cells("1", "Sở B")[..2]);
    assert_eq!(rows[2][..2], cells("2", "Sở A")[..2]);
    assert_eq!(rows[3], cells("", "Cấp xã"));
    assert_eq!(rows[4][..2], cells("1", "UBND xã D")[..2]);
    let total_column = letter.appendix_headers.iter().position(|h| h == "Tổng điểm").unwrap();
    let d_row = (0..sheet.height()).find(|&r| sheet.cell(r, 1).is_some_and(|c| c.text() == "UBND xã D")).unwrap();
    assert_eq!(sheet.cell(d_row, total_column).map(|c| c.text()).as_deref(), Some("20"));
    assert_eq!(sheet.cell(d_row, total_column + 1).map(|c| c.text()).as_deref(), Some("Yếu"));
    // A page from the second row to the third: the page opens inside «Sở, ban, ngành», under its heading.
    let page: Vec<(Option<&str>, Vec<&str>)> = letter
        .appendix_sections(1..3)
        .into_iter()
        .map(|(title, rows)| (title, rows.into_iter().map(|r| r.unit.as_str()).collect()))
        .collect();
    assert_eq!(page, [(Some("Sở, ban, ngành"), vec!["Sở A"]), (Some("Cấp xã"), vec!["UBND xã D"])]);
}

/// The letter names units on several criteria, a paragraph each: online payment below 50 %
/// (communes 4 and 10, 10 %) and, added, ON_TIME below 95 % (every commune, 90 %; the town, the
/// whole the letter speaks for, is not named).
#[test]
fn the_letter_names_units_on_several_criteria() {
    let rules = RuleSet::default_rules().unwrap();
    let town = "UBND thị xã Mỹ Hào";
    let scores = score_units(&town_of_fourteen(town), &rules);
    let mut fields = LetterFields::for_period("11/2023", town);
    let mut on_time = NamedCriterion::next(&fields.named, &rules).unwrap();
    assert_eq!(on_time.criterion, "DOSSIER_SYNC", "the first unit-level criterion not named yet");
    on_time.criterion = "ON_TIME".into();
    on_time.rate = 0.95;
    on_time.text = "Hồ sơ giải quyết chưa đúng hạn: {units}.".into();
    fields.named.push(on_time);
    let letter = compose(&fields, &scores, None, &rules);
    assert_eq!(letter.directives.len(), 4);
    assert!(letter.directives[2].contains("gồm: UBND xã 10, UBND xã 4. Đề nghị"));
    // Units in the order of what each can win back itself: communes 4 and 10 lose 2 on ON_TIME and
    // 5,4 on payment (7,4), the others 2 + 1,2 = 3,2; equal stakes and totals in name order.
    assert!(letter.directives[3]
        .starts_with("Hồ sơ giải quyết chưa đúng hạn: UBND xã 10, UBND xã 4, UBND xã 1, UBND xã 11, "));
    assert_eq!(letter.directives[3].matches("UBND xã").count(), 14);
    assert_eq!(letter.named_units.len(), 14);
}

/// A 5,000-unit appendix on screen says it is a page, and where the whole one is.
#[test]
fn a_paged_appendix_says_where_the_whole_is() {
    use chiso::core::model::lang::Lang;
    use chiso::core::model::paging::Page;
    use chiso::core::report::letter::appendix_partial;
    assert_eq!(
        appendix_partial(Page::new(0, 5_000), Lang::Vi),
        "Phụ lục có 5.000 đơn vị, hiển thị theo trang (Dòng 1–100 trong 5.000 · trang 1/50). \
         Nút «In văn bản» in đủ các dòng; văn bản Word (.docx) có đủ phụ lục."
    );
}
