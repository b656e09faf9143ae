//! Settlement reports: the form every level sends each month under Thông tư 01/2020/TT-VPCP
//! (Biểu II.06a/VPCP/KSTT and its 06b, 06c and 06 "các cấp" kin). A title block, a header over
//! three rows with merges, a row of column numbers, then unit (or field) rows between group rows
//! and a total. The rule set says which columns make each criterion (`report` in its TOML); this
//! module finds the columns, reads the rows and checks that each total is the sum of its parts.

use std::collections::BTreeMap;

use crate::core::figures::{is_total_row, Figure, Issue, IssueKind, Place, TableKind, UnitRow, UnitTable};
use crate::core::layout::header::Mapping;
use crate::core::layout::header_rows::{self, cell_text, is_column_numbers};
use crate::core::layout::kind::is_unit_name;
use crate::core::layout::title::title;
use crate::core::model::period::Period;
use crate::core::model::table::HEADER_SEARCH_ROWS;
use crate::core::model::table::{Cell, Sheet};
use crate::core::model::text::{fold, fold_words};
use crate::core::model::values;
use crate::core::rules::{FromReport, ReportColumn, RuleSet};

/// What the rows of a report are.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Layout {
    /// One row per unit (communes, departments), under the reporting unit.
    PerUnit,
    /// One row per field (lĩnh vực) of a single unit: the report is that unit.
    PerField,
}

/// The form found on a sheet: where its header and rows are, which column is what.
struct Form {
    /// Totals whose group has columns chiso does not know («Trả lại/Rút HS» under what was
    /// done): their parts cannot be checked.
    unchecked: Vec<ReportColumn>,
    header_first: usize,
    header_last: usize,
    data_start: usize,
    name: usize,
    stt: Option<usize>,
    layout: Layout,
    columns: Vec<(usize, ReportColumn)>,
    headers: Vec<String>,
    /// One column holds what was done early and on time together.
    merged_early: bool,
}

/// The columns whose sum a total must be, checked in this order (the received total last, as it
/// is checked against the corrected totals of what was done and what is pending).
const PARTS: [(ReportColumn, &[ReportColumn]); 3] = [
    (ReportColumn::DoneTotal, &[ReportColumn::DoneEarly, ReportColumn::DoneOnTime, ReportColumn::DoneLate]),
    (ReportColumn::PendingTotal, &[ReportColumn::PendingInTime, ReportColumn::PendingLate]),
    (
        ReportColumn::ReceivedTotal,
        &[ReportColumn::ReceivedOnline, ReportColumn::ReceivedDirect, ReportColumn::CarriedOver],
    ),
];

impl Layout {
    pub const ALL: [Layout; 2] = [Layout::PerUnit, Layout::PerField];

    pub fn code(self) -> &'static str {
        match self {
            Layout::PerUnit => "units",
            Layout::PerField => "fields",
        }
    }

    pub fn from_code(code: &str) -> Option<Layout> {
        Layout::ALL.into_iter().find(|l| l.code() == code)
    }

    /// One label per layout, for the choice on the files view.
    pub fn label(self, lang: crate::core::model::lang::Lang) -> &'static str {
        match self {
            Layout::PerUnit => lang.pick("Mỗi dòng là một đơn vị", "Each row is a unit"),
            Layout::PerField => {
                lang.pick("Mỗi dòng là một lĩnh vực của đơn vị báo cáo", "Each row is a field of the reporting unit")
            }
        }
    }
}

/// What a report's rows are: what the user said, else what the header says («Đơn vị»: units),
/// else what the names are — under «Lĩnh vực, công việc giải quyết theo cấp» the rows may be
/// units («Phòng Tư pháp», «UBND xã …») or fields («Hộ tịch»). A mix is said, and read the way
/// most rows are until the user chooses.
fn layout_of(header: Layout, said: Option<Layout>, names: &[&str]) -> (Layout, Option<(usize, usize)>) {
    if let Some(said) = said {
        return (said, None);
    }
    if header == Layout::PerUnit || names.is_empty() {
        return (header, None);
    }
    let units = names.iter().filter(|n| is_unit_name(n)).count();
    match (units, names.len() - units) {
        (_, 0) => (Layout::PerUnit, None),
        (0, _) => (Layout::PerField, None),
        (units, fields) if units >= fields => (Layout::PerUnit, Some((units, fields))),
        (units, fields) => (Layout::PerField, Some((units, fields))),
    }
}

/// Reads `sheet` as a settlement report, its rows as the user said (`rows`) or as they look;
/// `None` when it is not one.
pub fn read(file: &str, sheet: &Sheet, rules: &RuleSet, rows_are: Option<Layout>) -> Option<UnitTable> {
    let form = recognise(sheet)?;
    let title = title(sheet, form.header_first);
    let place = |r: usize, c: Option<usize>| Place::in_sheet(file, sheet, r, c);
    let mut issues = Vec::new();
    let (rows, total) = report_rows(sheet, &form, &mut |r, c, kind| issues.push(Issue { place: place(r, c), kind }));
    // The form's ON_TIME counts what was carried over; the portal's does not (said once).
    let carried: f64 = rows.iter().filter_map(|(_, _, counts, _)| counts.get(&ReportColumn::CarriedOver)).sum();
    if carried > 0.0 {
        let column = form.columns.iter().find(|(_, c)| *c == ReportColumn::CarriedOver).map(|(i, _)| *i);
        issues.push(Issue { place: place(form.header_first, column), kind: IssueKind::CarriedOver { count: carried } });
    }
    let names: Vec<&str> = rows.iter().map(|(_, name, _, _)| name.as_str()).collect();
    let (layout, mixed) = layout_of(form.layout, rows_are, &names);
    if let Some((units, fields)) = mixed {
        let kind = IssueKind::MixedReportRows { units, fields, read_as: layout };
        issues.push(Issue { place: place(form.header_first, Some(form.name)), kind });
    }
    let stem = crate::core::model::table::stem(file).to_string();
    // The total row stands for the reporting unit: the parent its rows pool into (a per-field
    // report is that unit itself).
    let whole = match layout {
        Layout::PerUnit => title.reporter.clone().or_else(|| total.as_ref().map(|_| stem.clone())),
        Layout::PerField => Some(title.reporter.clone().unwrap_or_else(|| stem.clone())),
    };
    if let Some(total) = &total {
        check_total(total, &rows, &form, &whole, &mut |r, c, kind| issues.push(Issue { place: place(r, c), kind }));
    }
    let unit =
        |name: String, r: usize, counts: &Counts| unit_row(name, counts, title.period.clone(), place(r, None), rules);
    let units = match layout {
        Layout::PerUnit => rows
            .iter()
            .map(|(r, name, counts, _)| UnitRow { parent: whole.clone(), ..unit(name.clone(), *r, counts) })
            .collect(),
        // One unit, the report's: its rows are fields of it, summed.
        Layout::PerField => {
            let first = rows.first().map_or(form.data_start, |(r, _, _, _)| *r);
            vec![unit(whole.clone().unwrap_or(stem), first, &summed(&rows))]
        }
    };
    let mapping =
        Mapping { header_row: form.header_last, headers: form.headers.clone(), columns: vec![None; sheet.width()] };
    Some(UnitTable { kind: TableKind::SettlementReport, mapping, units, issues })
}

/// A unit of the report, its figures read from its counts as the rule set says.
fn unit_row(name: String, counts: &Counts, period: Option<Period>, source: Place, rules: &RuleSet) -> UnitRow {
    UnitRow {
        name,
        kind: None,
        parent: None,
        period,
        source,
        figures: rules.criteria.iter().filter_map(|c| figure(&c.report, counts).map(|f| (c.code.clone(), f))).collect(),
        tracked: rules.tracked.iter().filter_map(|t| figure(&t.report, counts).map(|f| (t.code.clone(), f))).collect(),
        group_scores: BTreeMap::new(),
        total_score: None,
        origins: Default::default(),
    }
}

/// Every row's counts added up, column by column.
fn summed(rows: &[ReportRow]) -> Counts {
    let mut sum = Counts::new();
    for (_, _, counts, _) in rows {
        for (col, v) in counts {
            *sum.entry(*col).or_default() += v;
        }
    }
    sum
}

/// A unit row of the report: its row, name, counts as scored and as written.
type ReportRow = (usize, String, Counts, Counts);

/// The report's unit rows (totals from their parts, with the cells as written for the check of
/// the total row, which the form sums from what was written) and its total row; what is wrong
/// with a row goes to `say` with its row and column.
fn report_rows(
    sheet: &Sheet,
    form: &Form,
    say: &mut dyn FnMut(usize, Option<usize>, IssueKind),
) -> (Vec<ReportRow>, Option<(usize, String, Counts)>) {
    let header =
        |col: ReportColumn| form.columns.iter().find(|(_, c)| *c == col).map(|(i, _)| (*i, form.headers[*i].clone()));
    let mut rows: Vec<ReportRow> = Vec::new();
    let mut total: Option<(usize, String, Counts)> = None;
    for r in form.data_start..sheet.height() {
        let Some(cells) = sheet.row(r) else { break };
        if cells.iter().all(Cell::is_empty) {
            continue;
        }
        if cells.iter().any(|c| is_signature(&cell_text(Some(c)))) {
            break;
        }
        let name = cell_text(cells.get(form.name));
        let stt = form.stt.map(|c| cell_text(cells.get(c))).unwrap_or_default();
        let mut counts = row_counts(cells, form, &mut |c, kind| say(r, Some(c), kind));
        let has_numbers = form.columns.iter().any(|(c, _)| !cells[*c].is_empty());
        if is_total_row(&name) || (name.is_empty() && is_total_row(&stt)) {
            let label = if name.is_empty() { stt } else { name };
            complete_counts(&mut counts, form);
            total = Some((r, label, counts));
            continue;
        }
        if is_group(&stt, &name) {
            let name = if name.is_empty() { stt } else { name };
            say(r, None, IssueKind::GroupRow { name });
            continue;
        }
        if name.is_empty() {
            if has_numbers {
                say(r, None, IssueKind::MissingUnitName);
            }
            continue;
        }
        if !has_numbers && stt.is_empty() {
            continue;
        }
        complete_counts(&mut counts, form);
        let written = counts.clone();
        for (whole, parts) in PARTS.iter().filter(|(whole, _)| !form.unchecked.contains(whole)) {
            let (whole, parts) = (*whole, *parts);
            check_parts(&mut counts, whole, parts, &header, &mut |c, kind| say(r, c, kind));
        }
        check_received_against_outcome(&mut counts, &header, &mut |c, kind| say(r, c, kind));
        rows.push((r, name, counts, written));
    }
    (rows, total)
}

/// A row's counts by column.
type Counts = BTreeMap<ReportColumn, f64>;

/// A row's counts, column by column; a cell that is not a count (or is negative) is said to
/// `say` with its column, and left out.
fn row_counts(cells: &[Cell], form: &Form, say: &mut dyn FnMut(usize, IssueKind)) -> BTreeMap<ReportColumn, f64> {
    let mut counts = BTreeMap::new();
    for &(c, col) in &form.columns {
        match values::count(&cells[c]) {
            Ok(Some(v)) if v < 0.0 => say(c, IssueKind::NegativeCount { header: form.headers[c].clone(), value: v }),
            Ok(v) => {
                counts.insert(col, v.unwrap_or(0.0));
            }
            Err(values::NotANumber(value)) => say(c, IssueKind::NotANumber { header: form.headers[c].clone(), value }),
        }
    }
    counts
}

/// The total row, said as the whole it stands for, and each of its counts that is not the sum
/// of the unit rows' as written.
fn check_total(
    (r, name, totals): &(usize, String, BTreeMap<ReportColumn, f64>),
    rows: &[ReportRow],
    form: &Form,
    whole: &Option<String>,
    say: &mut dyn FnMut(usize, Option<usize>, IssueKind),
) {
    say(*r, None, IssueKind::TotalRow { name: name.clone(), whole: whole.clone() });
    for &(c, col) in &form.columns {
        let sum: f64 = rows.iter().filter_map(|(_, _, _, written)| written.get(&col)).sum();
        if let Some(&given) = totals.get(&col).filter(|given| **given != sum) {
            say(*r, Some(c), IssueKind::TotalDisagrees { header: form.headers[c].clone(), total: given, sum });
        }
    }
}

/// A total that is not the sum of its parts is replaced by the sum, and said.
fn check_parts(
    counts: &mut BTreeMap<ReportColumn, f64>,
    whole: ReportColumn,
    parts: &[ReportColumn],
    header: &dyn Fn(ReportColumn) -> Option<(usize, String)>,
    say: &mut dyn FnMut(Option<usize>, IssueKind),
) {
    let values: Option<Vec<f64>> = parts.iter().map(|p| counts.get(p).copied()).collect();
    let Some(values) = values else { return };
    let sum: f64 = values.iter().sum();
    match counts.get(&whole).copied() {
        None => {
            counts.insert(whole, sum);
        }
        Some(given) if given != sum => {
            let Some((c, total)) = header(whole) else { return };
            let parts = parts.iter().filter_map(|p| header(*p).map(|(_, h)| h)).collect();
            say(Some(c), IssueKind::PartsDisagree { total, given, parts, sum });
            counts.insert(whole, sum);
        }
        Some(_) => {}
    }
}

/// Every dossier received (carried over included) is either done or still pending. When the
/// received total has no parts of its own, what was done and what is pending are its parts.
fn check_received_against_outcome(
    counts: &mut BTreeMap<ReportColumn, f64>,
    header: &dyn Fn(ReportColumn) -> Option<(usize, String)>,
    say: &mut dyn FnMut(Option<usize>, IssueKind),
) {
    let (Some(&given), Some(&done), Some(&pending)) = (
        counts.get(&ReportColumn::ReceivedTotal),
        counts.get(&ReportColumn::DoneTotal),
        counts.get(&ReportColumn::PendingTotal),
    ) else {
        return;
    };
    if given == done + pending {
        return;
    }
    let Some((c, total)) = header(ReportColumn::ReceivedTotal) else { return };
    let parts = [ReportColumn::DoneTotal, ReportColumn::PendingTotal]
        .iter()
        .filter_map(|p| header(*p).map(|(_, h)| h))
        .collect();
    say(Some(c), IssueKind::PartsDisagree { total, given, parts, sum: done + pending });
    let has_own_parts = [ReportColumn::ReceivedOnline, ReportColumn::ReceivedDirect, ReportColumn::CarriedOver]
        .iter()
        .all(|p| header(*p).is_some());
    if !has_own_parts {
        counts.insert(ReportColumn::ReceivedTotal, done + pending);
    }
}

/// A criterion's figure from the report's counts, when the report has every column it needs.
fn figure(from: &FromReport, counts: &BTreeMap<ReportColumn, f64>) -> Option<Figure> {
    let sum = |cols: &[ReportColumn]| -> Option<f64> {
        if cols.is_empty() {
            return None;
        }
        cols.iter().map(|c| counts.get(c)).sum()
    };
    let (numerator, denominator) = (sum(&from.numerator), sum(&from.denominator));
    if numerator.is_none() && denominator.is_none() {
        return None;
    }
    // A part the rule set asks for and the report lacks leaves the whole figure out: half a
    // ratio from the report would be completed from elsewhere as if it were the report's.
    if (!from.numerator.is_empty() && numerator.is_none()) || (!from.denominator.is_empty() && denominator.is_none()) {
        return None;
    }
    Some(Figure { numerator, denominator, rate: None })
}

/// The first rows of a report form: a header naming the rows (STT, a unit or field column) over
/// count columns of what was received and what was done.
fn recognise(sheet: &Sheet) -> Option<Form> {
    for first in 0..sheet.height().min(HEADER_SEARCH_ROWS) {
        let own: Vec<String> = (0..sheet.width()).map(|c| fold(&cell_text(sheet.cell(first, c)))).collect();
        let Some((name, layout)) = own.iter().enumerate().find_map(|(c, t)| name_column(t).map(|l| (c, l))) else {
            continue;
        };
        let stt = own.iter().position(|t| t == "stt" || t == "tt");
        // The header runs down while the row column stays empty (it is merged over the header);
        // it ends at the row of column numbers or at the first row with a count in it.
        let mut last = first;
        let mut data_start = first + 1;
        for r in first + 1..(first + 5).min(sheet.height()) {
            let Some(cells) = sheet.row(r) else { break };
            if is_column_numbers(cells) {
                data_start = r + 1;
                break;
            }
            let keyed = [Some(name), stt].iter().flatten().any(|c| !cells[*c].is_empty());
            if keyed || cells.iter().any(|c| matches!(c, Cell::Number(_))) {
                data_start = r;
                break;
            }
            last = r;
            data_start = r + 1;
        }
        let paths = header_rows::paths(sheet, first, last);
        let columns: Vec<(usize, ReportColumn)> =
            paths.iter().enumerate().filter_map(|(c, p)| column(p).map(|col| (c, col))).collect();
        let has = |wanted: &[ReportColumn]| columns.iter().any(|(_, c)| wanted.contains(c));
        let received = [ReportColumn::ReceivedTotal, ReportColumn::ReceivedOnline, ReportColumn::ReceivedDirect];
        let done = [ReportColumn::DoneTotal, ReportColumn::DoneEarly, ReportColumn::DoneOnTime];
        if !(has(&received) && has(&done)) {
            continue;
        }
        let headers = paths.iter().map(|p| p.join(header_rows::SEPARATOR)).collect();
        let merged_early = paths.iter().any(|p| p.len() >= 2 && merged_early(&fold(&p[p.len() - 1])));
        let unchecked = paths
            .iter()
            .filter(|p| p.len() >= 2 && column(p).is_none() && !ignored(&fold(&p[p.len() - 1])))
            .filter_map(|p| group_total(&fold(&p[0])))
            .collect();
        return Some(Form {
            unchecked,
            header_first: first,
            header_last: last,
            data_start,
            name,
            stt,
            layout,
            columns,
            headers,
            merged_early,
        });
    }
    None
}

/// The column naming the rows, and what its rows are.
fn name_column(folded: &str) -> Option<Layout> {
    if folded.starts_with("linhvuc") {
        Some(Layout::PerField)
    } else if matches!(folded, "donvi" | "tendonvi" | "coquandonvi" | "coquan" | "tencoquan")
        || folded.starts_with("donvigiaiquyet")
    {
        Some(Layout::PerUnit)
    } else {
        None
    }
}

/// The total of the group a folded group header names: received, done or pending.
fn group_total(group: &str) -> Option<ReportColumn> {
    if group.contains("danggiaiquyet") || group.contains("dangxuly") {
        Some(ReportColumn::PendingTotal)
    } else if group.contains("dagiaiquyet") || group.starts_with("daxuly") {
        Some(ReportColumn::DoneTotal)
    } else if group.contains("nhangiaiquyet") || group.contains("tiepnhan") || group.starts_with("sohosonhan") {
        Some(ReportColumn::ReceivedTotal)
    } else {
        None
    }
}

/// What a count column is, from its header path («Số hồ sơ đã giải quyết › Trước hạn»), as the
/// form and other systems' renditions head it (real-formats.md §1, §5).
fn column(path: &[String]) -> Option<ReportColumn> {
    let group = group_total(&fold(path.first()?));
    let leaf = fold(path.last()?);
    if path.len() < 2 || ignored(&leaf) {
        return None;
    }
    // «Tiếp nhận › Trong kỳ › Tổng số · Trực tuyến · Trực tiếp · BCCI» (the 766 progress table).
    let in_period = path.len() > 2 && path[1..path.len() - 1].iter().any(|p| fold(p) == "trongky");
    if group == Some(ReportColumn::PendingTotal) {
        match leaf.as_str() {
            "tongso" => Some(ReportColumn::PendingTotal),
            l if l.starts_with("tronghan") || l.starts_with("chuadenhan") => Some(ReportColumn::PendingInTime),
            l if l.starts_with("quahan") || l.starts_with("trehan") => Some(ReportColumn::PendingLate),
            _ => None,
        }
    } else if group == Some(ReportColumn::DoneTotal) {
        match leaf.as_str() {
            "tongso" => Some(ReportColumn::DoneTotal),
            l if merged_early(l) => Some(ReportColumn::DoneOnTime),
            l if l.starts_with("truochan") || l.starts_with("somhan") => Some(ReportColumn::DoneEarly),
            // «Trong hạn» under what was done is the on-time count (the 766 progress table).
            l if l.starts_with("dunghan") || l.starts_with("tronghan") => Some(ReportColumn::DoneOnTime),
            l if l.starts_with("quahan") || l.starts_with("trehan") => Some(ReportColumn::DoneLate),
            _ => None,
        }
    } else if group == Some(ReportColumn::ReceivedTotal) {
        match leaf.as_str() {
            "tongso" if in_period => Some(ReportColumn::ReceivedInPeriod),
            "tongso" => Some(ReportColumn::ReceivedTotal),
            "trongky" => Some(ReportColumn::ReceivedInPeriod),
            l if l.contains("kytruoc") => Some(ReportColumn::CarriedOver),
            l if l.starts_with("tructuyen") || l.starts_with("quamang") => Some(ReportColumn::ReceivedOnline),
            l if l.starts_with("tructiep") => Some(ReportColumn::ReceivedDirect),
            l if l.contains("bcci") || l.contains("buuchinh") => Some(ReportColumn::ReceivedPostal),
            _ => None,
        }
    } else {
        None
    }
}

/// One column for what was done early and on time («Đúng và trước hạn»).
fn merged_early(leaf: &str) -> bool {
    ["dungvatruochan", "truocvadunghan", "dunghanvatruochan", "truochanvadunghan"].iter().any(|w| leaf.starts_with(w))
}

/// Columns that are no part of a total: rates («Tỷ lệ trước hạn, đúng hạn») and splits of another
/// column («Quá hạn (đã có thư xin lỗi)»).
fn ignored(leaf: &str) -> bool {
    leaf.starts_with("tyle") || leaf.contains("xinloi")
}

/// Counts some renditions give in other columns than the form's: the in-person count from those
/// received in the period less the online ones (postal included), or with the postal ones added;
/// nothing done early where one column holds early and on time together.
fn complete_counts(counts: &mut BTreeMap<ReportColumn, f64>, form: &Form) {
    let get = |counts: &BTreeMap<ReportColumn, f64>, c| counts.get(&c).copied();
    let postal = counts.remove(&ReportColumn::ReceivedPostal);
    match (get(counts, ReportColumn::ReceivedDirect), postal) {
        (Some(direct), Some(postal)) => {
            counts.insert(ReportColumn::ReceivedDirect, direct + postal);
        }
        (None, _) => {
            let in_period = counts.remove(&ReportColumn::ReceivedInPeriod);
            if let (Some(all), Some(online)) = (in_period, get(counts, ReportColumn::ReceivedOnline)) {
                counts.insert(ReportColumn::ReceivedDirect, (all - online).max(0.0));
            } else if let Some(postal) = postal {
                counts.insert(ReportColumn::ReceivedDirect, postal);
            }
        }
        (Some(_), None) => {}
    }
    counts.remove(&ReportColumn::ReceivedInPeriod);
    if form.merged_early {
        counts.entry(ReportColumn::DoneEarly).or_insert(0.0);
    }
}

/// A group row: a Roman numeral or a letter in STT («I», «II», «A»), or a level's title.
fn is_group(stt: &str, name: &str) -> bool {
    let stt = stt.trim().trim_end_matches('.');
    let roman = !stt.is_empty() && stt.chars().all(|c| matches!(c, 'I' | 'V' | 'X' | 'L'));
    let letter = stt.chars().count() == 1 && stt.chars().all(|c| c.is_alphabetic());
    let words = fold_words(name);
    let level = stt.is_empty()
        && (words.starts_with("cap ") || matches!(words.as_str(), "so ban nganh" | "so nganh" | "ubnd cac xa phuong"));
    roman || letter || level
}

/// The signature block under the table.
fn is_signature(text: &str) -> bool {
    let words = fold_words(text);
    ["nguoi lap bieu", "thu truong don vi", "nguoi lap", "ky ten", "ky ghi ro ho ten"]
        .iter()
        .any(|w| words.starts_with(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn group_total_and_signature_rows() {
        assert!(is_group("I", "Cấp tỉnh") && is_group("II.", "") && is_group("A", "Sở, ban, ngành"));
        assert!(is_group("", "Cấp xã") && !is_group("1", "UBND xã A") && !is_group("", "UBND xã A"));
        assert!(is_total_row("TỔNG CỘNG") && is_total_row("Tổng số") && is_total_row("Cộng"));
        assert!(!is_total_row("Công an tỉnh"));
        assert!(is_signature("NGƯỜI LẬP BIỂU") && is_signature("THỦ TRƯỞNG ĐƠN VỊ") && !is_signature("UBND xã A"));
    }
}
