//! The monthly announcement ("Công bố kết quả đánh giá Bộ chỉ số …") as data: editable fields
//! with Vietnamese defaults in the structure of a real town-office letter (shared/seeds), the
//! pooled results of the whole town or province, the units named by an alert rule, and the
//! appendix of every unit. The preview and the DOCX writer both render [`Letter`].

use std::collections::HashSet;

use serde::{Deserialize, Serialize};

use crate::core::figures::Figure;
use crate::core::insight::alerts::{evaluate, missing_data, AlertRule};
use crate::core::insight::compare::change_phrase;
use crate::core::insight::plan::whole::ASSIGNMENT_START;
use crate::core::layout::kind::whole_label;
use crate::core::model::format::number;
use crate::core::model::lang::Lang;
use crate::core::model::paging::Page;
use crate::core::model::period::Period;
use crate::core::rules::RuleSet;
use crate::core::scoring::band::Band;
use crate::core::scoring::{
    hundredths_to_points, points_to_hundredths, pool, score_criterion, Coverage, Scores, Source, TOTAL,
};

/// The fixed lines of an administrative letter (Nghị định 30/2020/NĐ-CP), as the preview and
/// the DOCX print them.
pub const NATION: &str = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
pub const MOTTO: &str = "Độc lập - Tự do - Hạnh phúc";
pub const TO: &str = "Kính gửi:";
pub const SEE_APPENDIX: &str =
    "- Kết quả cụ thể của các nhóm, tiêu chí của từng đơn vị (có Phụ lục chi tiết kèm theo).";
pub const COPIES_TO: &str = "Nơi nhận:";

/// A paragraph of the letter naming the units whose rate on a criterion is below a threshold.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct NamedCriterion {
    pub criterion: String,
    /// As a fraction of one.
    pub rate: f64,
    /// The paragraph; `{units}` stands for their names.
    pub text: String,
}

impl NamedCriterion {
    /// The seed letter's: units paying online below 50 %.
    pub fn online_payment() -> NamedCriterion {
        NamedCriterion {
            criterion: "PAY_DOSSIERS".into(),
            rate: 0.5,
            text: "Theo kết quả thống kê, một số đơn vị có kết quả thanh toán trực tuyến đạt tỷ lệ thấp, gồm: {units}. Đề nghị các đơn vị triển khai, thực hiện nghiêm túc, đúng quy định việc thanh toán trực tuyến đối với hồ sơ phải thanh toán phí, lệ phí, đảm bảo hoàn thành chỉ tiêu theo kế hoạch.".into(),
        }
    }

    /// A paragraph to add to `named`: the first unit-level criterion it does not name yet.
    pub fn next(named: &[NamedCriterion], rules: &RuleSet) -> Option<NamedCriterion> {
        let unused = |c: &&crate::core::rules::Criterion| !named.iter().any(|n| n.criterion == c.code);
        let c = rules.criteria.iter().filter(|c| c.level == crate::core::rules::Level::Unit).find(unused)?;
        Some(NamedCriterion::for_criterion(&c.code, rules))
    }

    /// A new paragraph for a criterion, in the same words as the seed's, to be edited.
    pub fn for_criterion(criterion: &str, rules: &RuleSet) -> NamedCriterion {
        let label = rules.criterion(criterion).map_or(criterion.to_string(), |c| c.label.to_lowercase());
        NamedCriterion {
            criterion: criterion.to_string(),
            rate: 0.5,
            text: format!(
                "Theo kết quả thống kê, một số đơn vị có tỷ lệ {label} thấp, gồm: {{units}}. Đề nghị các đơn vị khắc phục, đảm bảo hoàn thành chỉ tiêu theo kế hoạch."
            ),
        }
    }

    /// The units it names, in the order of the alerts (most points at stake first).
    pub fn units(&self, scores: &Scores, rules: &RuleSet) -> Vec<String> {
        let rule = AlertRule::CriterionBelowRate { criterion: self.criterion.clone(), rate: self.rate };
        let mut units: Vec<String> = Vec::new();
        // The whole is the body the letter speaks for, not one of the units it names.
        let whole: HashSet<&str> = scores.units.iter().filter(|u| u.is_whole()).map(|u| u.name.as_str()).collect();
        let mut named = HashSet::new();
        for alert in evaluate(&[rule], scores, rules) {
            if !whole.contains(alert.unit.as_str()) && named.insert(alert.unit.clone()) {
                units.push(alert.unit);
            }
        }
        units
    }
}

/// Every text of the letter a user may change; remembered between sessions.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct LetterFields {
    pub parent_body: String,
    pub issuing_body: String,
    pub number: String,
    pub place_and_date: String,
    pub subject: String,
    pub recipients: Vec<String>,
    pub bases: Vec<String>,
    pub intro: String,
    pub request: String,
    pub directives: Vec<String>,
    /// The paragraphs naming units, one per criterion, each listing the units below its rate.
    pub named: Vec<NamedCriterion>,
    pub closing: String,
    /// Whether each result says its rise or fall against the period compared with.
    pub say_change: bool,
    pub copies_to: Vec<String>,
    pub signer_titles: Vec<String>,
    pub signer_name: String,
}

impl Default for LetterFields {
    fn default() -> Self {
        LetterFields::for_period("", "")
    }
}

impl LetterFields {
    /// The fields kept from another period, for this one (`defaults` are its own): the names,
    /// bases and directives stay; the subject, date, introduction and closing are the new ones.
    pub fn carried_over(self, defaults: &LetterFields) -> LetterFields {
        LetterFields {
            subject: defaults.subject.clone(),
            place_and_date: defaults.place_and_date.clone(),
            intro: defaults.intro.clone(),
            closing: defaults.closing.clone(),
            ..self
        }
    }

    /// Puts the whole plan's «chỉ tiêu giao» paragraph among the directives, in place of the one
    /// put in before.
    pub fn assign(&mut self, paragraph: String) {
        self.directives.retain(|d| !d.starts_with(ASSIGNMENT_START));
        self.directives.push(paragraph);
    }

    /// Defaults for a period ("11/2023") and the body the results belong to ("UBND thị xã Mỹ Hào").
    pub fn for_period(period: &str, whole: &str) -> LetterFields {
        let period_text = if period.is_empty() { String::new() } else { format!(" tháng {period}") };
        let place = place_of(whole);
        LetterFields {
            parent_body: whole.to_uppercase(),
            issuing_body: "VĂN PHÒNG".into(),
            number: "Số:      /VP".into(),
            place_and_date: format!("{place}, ngày    tháng    năm {}", period.rsplit('/').next().filter(|y| y.len() == 4).unwrap_or("    ")),
            subject: format!("V/v Công bố kết quả đánh giá Bộ chỉ số phục vụ người dân, doanh nghiệp trong thực hiện TTHC, cung cấp dịch vụ công{period_text}"),
            recipients: vec!["Các phòng, ngành, đơn vị liên quan;".into(), "UBND các xã, phường.".into()],
            bases: vec!["Căn cứ Quyết định số 766/QĐ-TTg ngày 23/6/2022 của Thủ tướng Chính phủ về phê duyệt Bộ chỉ số chỉ đạo, điều hành và đánh giá chất lượng phục vụ người dân, doanh nghiệp trong thực hiện thủ tục hành chính (TTHC), dịch vụ công theo thời gian thực trên môi trường điện tử;".into()],
            intro: format!("Trên cơ sở kết quả đồng bộ công khai trên Cổng Dịch vụ công quốc gia, Văn phòng công bố kết quả đánh giá Bộ chỉ số phục vụ người dân, doanh nghiệp trong thực hiện TTHC, cung cấp dịch vụ công{period_text} như sau:"),
            request: "Căn cứ kết quả nêu trên, Văn phòng đề nghị các phòng, ngành, đơn vị liên quan, UBND các xã, phường:".into(),
            directives: vec![
                "Tăng cường đẩy mạnh số hóa hồ sơ, kết quả giải quyết TTHC. Triển khai thực hiện nghiêm các nhiệm vụ để nâng cao điểm số cũng như tỷ lệ các nhóm chỉ số đang ở mức thấp, duy trì và phát huy các chỉ số đang ở mức tốt.".into(),
                "Thực hiện nghiêm túc, quyết liệt, đúng quy trình việc tiếp nhận, xử lý hồ sơ, số hóa hồ sơ, kết quả giải quyết TTHC, thanh toán trực tuyến, không để xảy ra tình trạng giải quyết hồ sơ chậm, muộn.".into(),
            ],
            named: vec![NamedCriterion::online_payment()],
            say_change: true,
            closing: format!("Trên đây là kết quả đánh giá Bộ chỉ số phục vụ người dân, doanh nghiệp trong thực hiện TTHC, cung cấp dịch vụ công{period_text} trên địa bàn./."),
            copies_to: vec!["Như trên;".into(), "Lãnh đạo UBND;".into(), "Lưu: VP.".into()],
            signer_titles: vec!["CHÁNH VĂN PHÒNG".into()],
            signer_name: String::new(),
        }
    }
}

/// "UBND thị xã Mỹ Hào" → "Mỹ Hào".
fn place_of(body: &str) -> String {
    let words: Vec<&str> = body.split_whitespace().collect();
    let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
    let skip = ["ubnd", "ủy", "ban", "nhân", "dân", "thị", "xã", "huyện", "tỉnh", "thành", "phố", "quận", "phường"];
    let start = lower.iter().position(|w| !skip.contains(&w.as_str())).unwrap_or(words.len());
    words[start..].join(" ")
}

/// One result line of the letter.
#[derive(Clone, Debug, PartialEq)]
pub struct GroupLine {
    pub code: String,
    pub text: String,
}

/// The appendix's rows: with units of more than one kind, the whole first, then each kind apart
/// (its heading, its units by their rank within it), then units of no kind; otherwise the ranking
/// as it reads. Each with its section and the rank it shows.
fn appendix_order(scores: &Scores) -> Vec<(usize, Option<String>, Option<usize>)> {
    let kinds = scores.kinds();
    if kinds.len() < 2 {
        return scores.ranked_order().into_iter().map(|i| (i, None, scores.units[i].rank)).collect();
    }
    let mut rows: Vec<(usize, Option<String>, Option<usize>)> =
        scores.ranked_order().into_iter().filter(|&i| scores.units[i].is_whole()).map(|i| (i, None, None)).collect();
    for kind in &kinds {
        rows.extend(
            scores
                .order(&crate::core::scoring::RankBy::Total, Some(kind))
                .into_iter()
                .map(|i| (i, Some(kind.clone()), scores.units[i].kind_rank)),
        );
    }
    let placed: std::collections::HashSet<usize> = rows.iter().map(|(i, _, _)| *i).collect();
    let others = scores.ranked_order().into_iter().filter(|i| !placed.contains(i));
    rows.extend(others.map(|i| (i, Some("Đơn vị khác".to_string()), scores.units[i].rank)));
    rows
}

/// One row of the appendix.
#[derive(Clone, Debug, PartialEq)]
pub struct AppendixRow {
    /// The kind of unit it is listed under, when the appendix is grouped by kind; a heading row
    /// goes before the first row of each section.
    pub section: Option<String>,
    /// `None` for the whole, which heads the appendix unranked; within a kind, the rank in it.
    pub rank: Option<usize>,
    pub unit: String,
    pub groups: Vec<f64>,
    /// Per group, how much of it has figures.
    pub coverage: Vec<Coverage>,
    pub total: f64,
    pub band: &'static str,
}

impl Letter {
    /// The appendix's rows `rows` (all of them: `..`) in runs of one section each, for a heading
    /// before each named run; a page that opens inside a section opens with its heading again.
    pub fn appendix_sections(
        &self,
        rows: impl std::slice::SliceIndex<[AppendixRow], Output = [AppendixRow]>,
    ) -> Vec<(Option<&str>, Vec<&AppendixRow>)> {
        let mut out: Vec<(Option<&str>, Vec<&AppendixRow>)> = Vec::new();
        for row in self.appendix.get(rows).unwrap_or_default() {
            match out.last_mut() {
                Some((section, rows)) if *section == row.section.as_deref() => rows.push(row),
                _ => out.push((row.section.as_deref(), vec![row])),
            }
        }
        out
    }
}

/// The letter view's print button, as it is labelled and as messages name it.
pub fn print_label(l: Lang) -> &'static str {
    l.pick("In văn bản", "Print the letter")
}

/// Said under an appendix shown a page at a time: this page is not the whole appendix, and
/// where the whole is.
pub fn appendix_partial(page: Page, l: Lang) -> String {
    match l {
        Lang::Vi => format!(
            "Phụ lục có {} đơn vị, hiển thị theo trang ({}). Nút «{}» in đủ các dòng; văn bản Word (.docx) có đủ phụ lục.",
            number(page.total() as f64, 0),
            page.label(l),
            print_label(l)
        ),
        Lang::En => format!(
            "The appendix has {} units, shown a page at a time ({}). «{}» prints every row; the Word file (.docx) holds the whole appendix.",
            number(page.total() as f64, 0),
            page.label(l),
            print_label(l)
        ),
    }
}

impl AppendixRow {
    /// The row as the appendix writes it, on screen and in the DOCX: rank, unit, the groups
    /// («thiếu số liệu», «*»: [`Coverage::text`]), total, band.
    pub fn cells(&self) -> Vec<String> {
        let mut cells = vec![self.rank.map(|r| number(r as f64, 0)).unwrap_or_default(), self.unit.clone()];
        cells.extend(self.groups.iter().zip(&self.coverage).map(|(g, c)| c.text(*g, Lang::Vi)));
        cells.push(crate::core::model::format::fixed(self.total, 2));
        cells.push(self.band.to_string());
        cells
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Letter {
    pub fields: LetterFields,
    /// The body whose pooled results the letter announces (empty: the units pooled, no body).
    pub whole: String,
    /// The whole's group scores, in rule-set order.
    pub whole_groups: Vec<(String, f64)>,
    pub results: Vec<GroupLine>,
    /// Every unit a naming paragraph lists, once each.
    pub named_units: Vec<String>,
    /// The directives in order, then a naming paragraph per criterion that names anyone.
    pub directives: Vec<String>,
    pub appendix_title: String,
    pub appendix_headers: Vec<String>,
    /// What the appendix's marks mean, when some row has one.
    pub appendix_note: Option<&'static str>,
    /// Said before the letter is downloaded: the units whose published result rests on
    /// criteria without figures.
    pub missing_warning: Option<String>,
    pub appendix: Vec<AppendixRow>,
}

/// The whole's name, its group scores, and its certified-copy counts (numerator, denominator).
type Whole = (String, Vec<(String, f64)>, Option<(f64, f64)>);

/// The whole's group scores: the whole's own (its row, or pooled from its units: see
/// [`Scores::whole`]) or the one unit's, else the top-level units' counts pooled here (rates given without counts
/// cannot be pooled and are left out).
fn whole_scores(scores: &Scores, rules: &RuleSet) -> Whole {
    let certified = |f: Option<&crate::core::scoring::CriterionResult>| f.and_then(|c| c.numerator.zip(c.denominator));
    // Only units without a parent: a parent's figures already hold its units'.
    let tops: Vec<_> = scores.units.iter().filter(|u| u.parent.is_none()).collect();
    // A unit alone speaks for itself.
    let alone = if let [only] = tops.as_slice() { Some(*only) } else { None };
    if let Some(whole) = scores.whole().or(alone).filter(|w| !w.score_only()) {
        let groups = whole.groups.iter().map(|g| (g.code.clone(), g.score)).collect();
        return (whole.name.clone(), groups, certified(whole.criterion("ELECTRONIC_CERTIFIED_COPY")));
    }
    let mut groups: Vec<(String, f64)> = rules.groups.iter().map(|g| (g.code.clone(), 0.0)).collect();
    let mut certified_copy = None;
    for (i, c) in rules.criteria.iter().enumerate() {
        let counts = tops.iter().filter_map(|u| u.criteria.get(i)).map(|r| Figure {
            numerator: r.numerator,
            denominator: r.denominator,
            rate: None,
        });
        let Some(pooled) = pool(counts) else { continue };
        if c.code == "ELECTRONIC_CERTIFIED_COPY" {
            certified_copy = pooled.numerator.zip(pooled.denominator);
        }
        let scored = score_criterion(c, Some(&pooled), Source::Pooled);
        if let Some(g) = groups.iter_mut().find(|(code, _)| *code == c.group) {
            g.1 = ((g.1 + scored.score.unwrap_or(0.0)) * 100.0).round() / 100.0;
        }
    }
    (String::new(), groups, certified_copy)
}

/// The letter with its default texts for these scores' period and whole, naming the units that
/// pay online below 50 % (the seed letter's choice).
pub fn compose_default(scores: &Scores, rules: &RuleSet) -> Letter {
    let fields = default_fields(scores, rules);
    compose(&fields, scores, None, rules)
}

/// The letter's figure rounded as it prints it (one decimal), in tenths.
fn tenths(points: f64) -> i64 {
    (crate::core::model::format::round_to(points, 1) * 10.0).round() as i64
}

/// «, tăng 0,5 điểm so với tháng trước» from the rounded figures, so that two results printed
/// alike are said to be unchanged.
fn change_clause(now: f64, before: f64, previous: &Period, current: Option<&Period>) -> String {
    format!(" ({})", change_phrase((tenths(now) - tenths(before)) as f64 / 10.0, 1, previous, current))
}

/// Default fields for these scores: their period and the body they belong to.
pub fn default_fields(scores: &Scores, rules: &RuleSet) -> LetterFields {
    let period = scores.units.iter().find_map(|u| u.period.as_ref()).map(|p| p.label(Lang::Vi)).unwrap_or_default();
    let (whole, _, _) = whole_scores(scores, rules);
    LetterFields::for_period(&period, &whole)
}

/// The results a letter announces: the whole's name and group scores, and a sentence per group
/// («Chỉ số Tiến độ giải quyết: 18/20 điểm.»), each with its change against `before` when given, and
/// then the total's.
pub struct Results {
    /// Empty when the units pool without a body of their own.
    pub whole: String,
    pub groups: Vec<(String, f64)>,
    pub lines: Vec<GroupLine>,
    /// The earlier period compared with, and the whole's group scores then.
    pub earlier: Option<(Period, Vec<(String, f64)>)>,
}

/// A total from group scores, summed to the hundredth as the portal does.
pub fn total_of(groups: &[(String, f64)]) -> f64 {
    hundredths_to_points(groups.iter().map(|(_, s)| points_to_hundredths(*s)).sum())
}

pub fn results(scores: &Scores, before: Option<(&Period, &Scores)>, rules: &RuleSet) -> Results {
    let (whole, groups, certified) = whole_scores(scores, rules);
    let current = scores.units.iter().find_map(|u| u.period.as_ref());
    let before = before.map(|(p, s)| (p, whole_scores(s, rules).1));
    let was = |code: &str| before.as_ref().and_then(|(p, g)| Some((*p, g.iter().find(|(c, _)| c == code)?.1)));
    let mut lines: Vec<GroupLine> = groups
        .iter()
        .filter_map(|(code, score)| {
            let g = rules.group(code)?;
            // The letters round to one decimal ("7,3/18 điểm").
            let mut text = format!("Chỉ số {}: {}/{} điểm", g.name, number(*score, 1), number(g.max, 2));
            if let Some((previous, then)) = was(code) {
                text.push_str(&change_clause(*score, then, previous, current));
            }
            if code == "MDSH" {
                if let Some((n, d)) = certified.filter(|(_, d)| *d > 0.0) {
                    text.push_str(&format!(
                        ", trong đó việc cung cấp dịch vụ chứng thực điện tử bản sao từ bản chính đã triển khai {}/{} đơn vị",
                        number(n, 0),
                        number(d, 0)
                    ));
                }
            }
            text.push('.');
            Some(GroupLine { code: code.clone(), text })
        })
        .collect();
    if let Some((previous, then)) = &before {
        let (now, then) = (total_of(&groups), total_of(then));
        lines.push(GroupLine {
            code: TOTAL.into(),
            text: format!("Tổng điểm: {}/100 điểm{}.", number(now, 1), change_clause(now, then, previous, current)),
        });
    }
    let earlier = before.map(|(p, g)| (p.clone(), g));
    Results { whole, groups, lines, earlier }
}

/// Composes the letter: each of `fields.named` adds a directive naming its units, when it has any;
/// with `before` (the period compared with and its scores) and `fields.say_change`, each result
/// says its change and a last line gives the total's.
pub fn compose(fields: &LetterFields, scores: &Scores, before: Option<(&Period, &Scores)>, rules: &RuleSet) -> Letter {
    let Results { whole, groups, lines: results, .. } = results(scores, before.filter(|_| fields.say_change), rules);
    let mut named_units: Vec<String> = Vec::new();
    let mut directives = fields.directives.clone();
    for named in &fields.named {
        let units = named.units(scores, rules);
        if !units.is_empty() && !named.text.trim().is_empty() {
            directives.push(named.text.replace("{units}", &units.join(", ")));
        }
        for unit in units {
            if !named_units.contains(&unit) {
                named_units.push(unit);
            }
        }
    }
    let mut appendix_headers = vec!["Hạng".to_string(), "Đơn vị".to_string()];
    appendix_headers.extend(rules.groups.iter().map(|g| format!("{} ({})", g.name, number(g.max, 2))));
    appendix_headers.extend(["Tổng điểm".to_string(), "Xếp loại".to_string()]);
    let appendix = appendix_order(scores)
        .into_iter()
        .map(|(i, section, rank)| {
            let u = &scores.units[i];
            AppendixRow {
                section,
                rank,
                unit: if u.is_whole() { whole_label(&u.name, Lang::Vi) } else { u.name.clone() },
                groups: u.groups.iter().map(|g| g.score).collect(),
                coverage: rules.groups.iter().map(|g| u.coverage(rules, &g.code)).collect(),
                total: u.total,
                band: Band::of(u.total).label(Lang::Vi),
            }
        })
        .collect::<Vec<AppendixRow>>();
    let appendix_note =
        appendix.iter().flat_map(|r| &r.coverage).any(|c| *c != Coverage::Full).then(|| Coverage::legend(Lang::Vi));
    let missing = missing_data(scores, rules);
    let missing_warning = (!missing.is_empty()).then(|| {
        let units: Vec<String> =
            missing.iter().map(|m| format!("{} ({} tiêu chí, {} điểm)", m.unit, m.criteria.len(), number(m.points, 2))).collect();
        format!(
            "Kết quả công bố của {} đơn vị dựa trên số liệu còn thiếu (tính 0 điểm cho tiêu chí thiếu): {}. Hãy bổ sung số liệu trước khi gửi văn bản, hoặc ghi rõ trong văn bản.",
            missing.len(),
            units.join("; ")
        )
    });
    Letter {
        fields: fields.clone(),
        whole,
        whole_groups: groups,
        results,
        named_units,
        directives,
        appendix_title: format!("PHỤ LỤC\nKẾT QUẢ ĐÁNH GIÁ BỘ CHỈ SỐ CỦA CÁC ĐƠN VỊ\n({})", rules.title(Lang::Vi)),
        appendix_headers,
        appendix,
        appendix_note,
        missing_warning,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_place_comes_from_the_body() {
        assert_eq!(place_of("UBND thị xã Mỹ Hào"), "Mỹ Hào");
        assert_eq!(place_of("UBND Thành phố Hà Nội"), "Hà Nội");
        assert_eq!(place_of("UBND tỉnh Hưng Yên"), "Hưng Yên");
        let f = LetterFields::for_period("11/2023", "UBND thị xã Mỹ Hào");
        assert_eq!(f.parent_body, "UBND THỊ XÃ MỸ HÀO");
        assert_eq!(f.place_and_date, "Mỹ Hào, ngày    tháng    năm 2023");
        assert!(f.subject.ends_with("cung cấp dịch vụ công tháng 11/2023"));
    }

    #[test]
    fn a_new_month_keeps_the_names_and_directives_and_an_assignment_replaces_the_last() {
        let mut november = LetterFields::for_period("11/2023", "UBND thị xã Mỹ Hào");
        november.signer_name = "Nguyễn Văn A".into();
        november.assign("Giao chỉ tiêu để thị xã đạt 80 điểm trở lên: …".into());
        november.assign("Giao chỉ tiêu để thị xã đạt 85 điểm trở lên: …".into());
        november.directives.push("Các xã rà soát hồ sơ trễ hạn.".into());
        // One assignment, the last; the user's own directive stays after it.
        let assignments: Vec<&String> =
            november.directives.iter().filter(|d| d.starts_with(ASSIGNMENT_START)).collect();
        assert_eq!(assignments, ["Giao chỉ tiêu để thị xã đạt 85 điểm trở lên: …"]);
        let december = LetterFields::for_period("12/2023", "UBND thị xã Mỹ Hào");
        let carried = november.clone().carried_over(&december);
        assert!(carried.subject.ends_with("tháng 12/2023") && carried.place_and_date == december.place_and_date);
        assert_eq!((carried.signer_name.as_str(), &carried.directives), ("Nguyễn Văn A", &november.directives));
    }
}
