//! The national portal's per-unit detail as crawlers save it (real-formats.md §4): JSON with, per
//! unit, `departmentName`, `childGroup`, `totalScore`, `groupScores` (`ONLINE` is CLGQ) and
//! `componentIndicators` (per criterion `code`, `numerator`, `denominator`; TDGQ and TTTT as
//! totals). It becomes a sheet of unit figures with the template's headers, read like any other.

use serde_json::{Map, Value};

use super::ReadError;
use crate::core::model::table::{Cell, Sheet};

/// The portal's group keys, as the rule set names the groups.
const GROUPS: [(&str, &str); 6] =
    [("CKMB", "CKMB"), ("TDGQ", "TDGQ"), ("ONLINE", "CLGQ"), ("CLGQ", "CLGQ"), ("TTTT", "TTTT"), ("MDHL", "MDHL")];

/// Counts the portal gives as totals rather than per criterion: (criterion, numerator key,
/// denominator key).
const TOTALS: [(&str, &str, &str); 3] = [
    ("ON_TIME", "totalOnTime", "totalReceived"),
    ("PAY_DOSSIERS", "totalDossierOnlinePaymentSuccess", "totalDossierFinancialObligation"),
    ("PAY_FORMALITIES", "totalDossierOnlineFormalityPaymentSuccess", "totalFeeFormality"),
];

/// One unit of the JSON: its name and kind, its figures by code, its group scores and total.
#[derive(Default)]
struct Unit {
    name: String,
    kind: Option<String>,
    figures: Vec<(String, Option<f64>, Option<f64>)>,
    received: Option<f64>,
    average_days: Option<f64>,
    groups: Vec<(&'static str, f64)>,
    total: Option<f64>,
}

/// The sheet the JSON's units make; an error when it is not JSON or not the portal's shape.
pub fn read(bytes: &[u8], name: &str) -> Result<Sheet, ReadError> {
    let text = std::str::from_utf8(bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes))
        .map_err(|e| ReadError::Json { line: 0, column: 0, detail: e.to_string() })?;
    let value: Value = serde_json::from_str(text).map_err(|e| ReadError::Json {
        line: e.line() as u64,
        column: e.column() as u64,
        detail: e.to_string(),
    })?;
    let mut found = Vec::new();
    collect(&value, &mut found);
    if found.is_empty() {
        return Err(ReadError::NotPortalJson);
    }
    let units: Vec<Unit> = found.into_iter().map(unit).collect();
    Ok(Sheet::from_rows(name, (0, 0), rows(&units)))
}

/// Every object that names a department, wherever the crawler put it (a list, `data`, `items`).
fn collect<'a>(value: &'a Value, out: &mut Vec<&'a Map<String, Value>>) {
    match value {
        Value::Object(map) if map.contains_key("departmentName") => out.push(map),
        Value::Object(map) => map.values().for_each(|v| collect(v, out)),
        Value::Array(items) => items.iter().for_each(|v| collect(v, out)),
        _ => {}
    }
}

/// A number written as a number or as text («18.99»).
fn number(value: Option<&Value>) -> Option<f64> {
    match value? {
        Value::Number(n) => n.as_f64(),
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    }
}

fn unit(map: &Map<String, Value>) -> Unit {
    let text = |key: &str| map.get(key).and_then(Value::as_str).map(str::to_string);
    let mut unit = Unit {
        name: text("departmentName").unwrap_or_default(),
        kind: text("childGroup").map(|g| match g.as_str() {
            "AGENCY" => "Sở, ban, ngành".to_string(),
            "COMMUNE" => "Xã".to_string(),
            other => other.to_string(),
        }),
        total: number(map.get("totalScore")),
        ..Unit::default()
    };
    if let Some(Value::Object(groups)) = map.get("groupScores") {
        for (key, code) in GROUPS {
            if let Some(v) = number(groups.get(key)) {
                unit.groups.push((code, v));
            }
        }
    }
    if let Some(indicators) = map.get("componentIndicators") {
        indicators_of(indicators, &mut unit);
    }
    unit
}

/// Figures from `componentIndicators`, however nested: objects with a `code` and counts, and the
/// totals TDGQ and TTTT are given as.
fn indicators_of(value: &Value, unit: &mut Unit) {
    match value {
        Value::Object(map) => {
            if let Some(code) = map.get("code").and_then(Value::as_str) {
                let (n, d) = (number(map.get("numerator")), number(map.get("denominator")));
                if n.is_some() || d.is_some() {
                    unit.figures.push((code.to_string(), n, d));
                }
            }
            for (code, n, d) in TOTALS {
                let (n, d) = (number(map.get(n)), number(map.get(d)));
                if n.is_some() && d.is_some() && !unit.figures.iter().any(|f| f.0 == code) {
                    unit.figures.push((code.to_string(), n, d));
                }
            }
            unit.received = unit.received.or(number(map.get("totalReceived")));
            unit.average_days = unit.average_days.or(number(map.get("avgProcessingDays")));
            map.values().filter(|v| v.is_object() || v.is_array()).for_each(|v| indicators_of(v, unit));
        }
        Value::Array(items) => items.iter().for_each(|v| indicators_of(v, unit)),
        _ => {}
    }
}

/// The template's layout: `Đơn vị`, `Loại đơn vị`, each code's `(tử số)` and `(mẫu số)`, the
/// tracked values, the group scores and `Tổng điểm`.
fn rows(units: &[Unit]) -> Vec<Vec<Cell>> {
    let mut codes: Vec<&str> = Vec::new();
    for u in units {
        for (code, _, _) in &u.figures {
            if !codes.contains(&code.as_str()) {
                codes.push(code);
            }
        }
    }
    let mut groups: Vec<&str> = Vec::new();
    for (_, code) in GROUPS {
        if !groups.contains(&code) && units.iter().any(|u| u.groups.iter().any(|g| g.0 == code)) {
            groups.push(code);
        }
    }
    let mut header = vec![Cell::Text("Đơn vị".into()), Cell::Text("Loại đơn vị".into())];
    for code in &codes {
        header.push(Cell::Text(format!("{code} (tử số)")));
        header.push(Cell::Text(format!("{code} (mẫu số)")));
    }
    header.push(Cell::Text("RECEIVED".into()));
    header.push(Cell::Text("AVG_DAYS".into()));
    header.extend(groups.iter().map(|g| Cell::Text(g.to_string())));
    header.push(Cell::Text("Tổng điểm".into()));
    let cell = |v: Option<f64>| v.map_or(Cell::Empty, Cell::Number);
    let mut out = vec![header];
    for u in units {
        let mut row = vec![Cell::Text(u.name.clone()), u.kind.clone().map_or(Cell::Empty, Cell::Text)];
        for code in &codes {
            let figure = u.figures.iter().find(|f| f.0 == *code);
            row.push(cell(figure.and_then(|f| f.1)));
            row.push(cell(figure.and_then(|f| f.2)));
        }
        row.push(cell(u.received));
        row.push(cell(u.average_days));
        row.extend(groups.iter().map(|g| cell(u.groups.iter().find(|x| x.0 == *g).map(|x| x.1))));
        row.push(cell(u.total));
        out.push(row);
    }
    out
}
