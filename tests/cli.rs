//! The command-line tool of the automation contract, run as a user would run it.

mod common;

use std::path::Path;
use std::process::{Command, Output};

use chiso::core::model::table::Cell;
use chiso::core::read::read_file;
use serde_json::Value;

fn chiso(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_chiso")).args(args).output().expect("run chiso")
}

/// The demo workbook, written by `chiso sample` into the calling test's own directory.
fn sample(dir: &Path) -> String {
    let path = dir.join("mau-an-hoa.xlsx");
    let out = chiso(&["sample", "--out", path.to_str().unwrap()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    path.to_string_lossy().into_owned()
}

fn json_of(out: &Output) -> Value {
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).expect("json")
}

fn unit<'a>(json: &'a Value, name: &str) -> &'a Value {
    json["units"].as_array().unwrap().iter().find(|u| u["unit"] == name).unwrap_or_else(|| panic!("{name}"))
}

#[test]
fn score_prints_the_contract_json() {
    let dir = common::scratch("score_prints_the_contract_json");
    let json = json_of(&chiso(&["score", &sample(dir.path())]));
    assert_eq!(json["rules"]["version"], "2026.1");
    assert_eq!(json["units"].as_array().unwrap().len(), 15);
    // The sample's two laggards on online payment (the seed letter names such units) are alerted.
    let payment: Vec<&str> = json["alerts"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|a| a["criterion"] == "PAY_DOSSIERS" && a["reason"] == "below_rate")
        .map(|a| a["unit"].as_str().unwrap())
        .collect();
    // Hưng Lợi (68,26) can win back more points itself than Vĩnh Lộc (71): it leads, although Vĩnh
    // Lộc's payment alone has more at stake (4,5 against 4,26).
    assert_eq!(payment, ["UBND xã Hưng Lợi", "UBND xã Vĩnh Lộc"]);
    // The alerts come unit by unit, the unit with the most points of its own at stake first.
    let stake_of = |name: &str| unit(&json, name)["points_at_stake"].as_f64().unwrap();
    let mut units: Vec<&str> = Vec::new();
    for a in json["alerts"].as_array().unwrap() {
        let name = a["unit"].as_str().unwrap();
        if units.last() != Some(&name) {
            assert!(!units.contains(&name), "{name}'s alerts come together");
            units.push(name);
        }
    }
    assert!(units.windows(2).all(|w| stake_of(w[0]) >= stake_of(w[1])), "{units:?}");
    // Phường An Lạc carries the published figures of xã Ba Vì (scoring reference).
    let an_lac = unit(&json, "UBND phường An Lạc");
    assert_eq!(an_lac["parent"], "UBND thị xã An Hòa");
    for (group, score) in [("TDGQ", 19.48), ("CLGQ", 6.31), ("TTTT", 5.14), ("MDHL", 18.0), ("MDSH", 0.0)] {
        assert_eq!(an_lac["groups"][group].as_f64(), Some(score), "{group}");
    }
    let on_time = &an_lac["criteria"]["ON_TIME"];
    assert_eq!(
        (
            on_time["numerator"].as_f64(),
            on_time["denominator"].as_f64(),
            on_time["ratio"].as_f64(),
            on_time["score"].as_f64(),
            on_time["max"].as_f64()
        ),
        (Some(4358.0), Some(4474.0), Some(97.41), Some(19.48), Some(20.0))
    );
    assert_eq!(an_lac["criteria"]["FULL"]["status"], "no_data");
    // to_full: 20 × 4473/4474 = 19,9955 rounds to 20,00 (4472 gives 19,99): 115 more on time;
    // PAY_DOSSIERS 2558/3292 as the portal rounds: 3290/3292 = 99,94 % → 5,9964 → 6,00, while
    // 3289 gives 99,91 % → 5,99: 732 more. Nothing when already full, inherited or without data.
    assert_eq!(on_time["to_full"], 115);
    assert_eq!(an_lac["criteria"]["PAY_DOSSIERS"]["to_full"], 732);
    assert_eq!(an_lac["criteria"]["ONLINE_DOSSIERS"]["to_full"], 0);
    assert_eq!(an_lac["criteria"]["PUBLISH_ON_TIME"]["to_full"], Value::Null);
    assert_eq!(an_lac["criteria"]["FULL"]["to_full"], Value::Null);
    // Missing is not poor: An Lạc sent no digitisation figures and none for DOSSIER_SYNC, its
    // FULL is 0/0; nine criteria, 6 + 2 + 2 + 6 + 4 + 2 + 4 + 2 + 2 = 30 points, are said apart,
    // and no alert stands on them (MDSH 0/22 would otherwise lead with 22 points).
    assert_eq!(an_lac["criteria"]["DOSSIER_SYNC"]["status_label"], "thiếu số liệu");
    assert_eq!(an_lac["criteria"]["FULL"]["status_label"], "không có dữ liệu");
    assert_eq!(an_lac["criteria"]["ON_TIME"]["status_label"], "đã tính");
    let missing = json["missing_data"].as_array().unwrap().iter().find(|m| m["unit"] == "UBND phường An Lạc").unwrap();
    assert_eq!((missing["criteria"].as_array().unwrap().len(), missing["points"].as_f64()), (9, Some(30.0)));
    let alerts = json["alerts"].as_array().unwrap();
    assert!(!alerts.iter().any(|a| a["unit"] == "UBND phường An Lạc" && a["criterion"] == "MDSH"));
    // CKMB 11,12/18 (< 70 %) is no alert of An Lạc's: its 0,88 lost are the town's province-level
    // criteria (said once, for the 14 units that take them), DOSSIER_SYNC's 6 are missing.
    assert!(!alerts.iter().any(|a| a["unit"] == "UBND phường An Lạc" && a["criterion"] == "CKMB"));
    let above: Vec<(&str, f64, u64)> = json["from_above"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| (f["criterion"].as_str().unwrap(), f["score"].as_f64().unwrap(), f["units"].as_u64().unwrap()))
        .collect();
    assert_eq!(
        above,
        [("PUBLISH_ON_TIME", 5.62, 14), ("PUBLIC_UPDATE_ON_TIME", 3.55, 14), ("PUBLIC_CONTENT_FULL", 1.95, 14)]
    );
    // Province-level criteria come from the town: 74/79 × 6 = 5.62, 71/80 × 4 = 3.55, 78/80 × 2 = 1.95.
    assert_eq!(an_lac["criteria"]["PUBLISH_ON_TIME"]["derivation"], "inherited");
    assert_eq!(an_lac["criteria"]["PUBLISH_ON_TIME"]["source"], "figures", "the town's row of the unit figures");
    assert_eq!(an_lac["groups"]["CKMB"].as_f64(), Some(11.12));
    assert_eq!(an_lac["total"].as_f64(), Some(60.05));
    let town = unit(&json, "UBND thị xã An Hòa");
    // The town's row is the whole, with its own figures: never pooled again with its communes'.
    assert_eq!(town["criteria"]["ON_TIME"]["derivation"], "own");
    assert_eq!(json["whole"], "UBND thị xã An Hòa");
    // The town stands above its communes as their whole: not ranked beside them.
    assert_eq!(town["rank"], Value::Null);
    let ranks: Vec<u64> = json["units"].as_array().unwrap()[1..].iter().map(|u| u["rank"].as_u64().unwrap()).collect();
    assert_eq!(ranks, (1..=14).collect::<Vec<_>>(), "communes in rank order after the town");
}

#[test]
fn plan_gives_the_fewest_dossiers_to_a_target() {
    let dir = common::scratch("plan_gives_the_fewest_dossiers_to_a_target");
    let sample = sample(dir.path());
    // Phường An Lạc, 60,05, to 61 (+0,95): ON_TIME gains 20/4474 a dossier, up to +0,52 with 115;
    // PAY_DOSSIERS 6/3292, up to +1,34. All of ON_TIME, then +0,43 of payments: 2791/3292 =
    // 84,78 % → 5,0868 → 5,09 (2790 gives 84,75 % → 5,085, a double just below: 5,08): 233 more.
    // ON_TIME 113 (+0,51) would need +0,44 = 241 payments: 354 > 348.
    let plan = json_of(&chiso(&["plan", &sample, "--unit", "ubnd phuong an lac", "--target", "61"]));
    assert_eq!(plan["unit"], "UBND phường An Lạc");
    assert_eq!((plan["current"].as_f64(), plan["target"].as_f64()), (Some(60.05), Some(61.0)));
    assert_eq!(plan["reachable"], true);
    let steps: Vec<(String, u64, f64)> = plan["steps"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            (s["criterion"].as_str().unwrap().to_string(), s["add"].as_u64().unwrap(), s["points"].as_f64().unwrap())
        })
        .collect();
    assert_eq!(steps, [("ON_TIME".to_string(), 115, 0.52), ("PAY_DOSSIERS".to_string(), 233, 0.43)]);
    assert_eq!(plan["total_after"].as_f64(), Some(61.0));
    // HAS_ONLINE 31/403 procedures: 372 more for +3,69; PAY_FORMALITIES 3/31 against 80 %: 25/31
    // = 80,65 % reaches full, 22 more for +1,76.
    let others: Vec<(&str, u64, &str)> = plan["other_steps"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| (s["criterion"].as_str().unwrap(), s["add"].as_u64().unwrap(), s["counts"].as_str().unwrap()))
        .collect();
    assert_eq!(others[..2], [("HAS_ONLINE", 372, "procedures"), ("PAY_FORMALITIES", 22, "procedures")]);

    // 70 is out of reach with dossiers: at most 60,05 + 0,52 + 1,34 = 61,91.
    let out = chiso(&["plan", &sample, "--unit", "UBND phường An Lạc", "--target", "70", "--format", "text"]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with("Chỉ với hồ sơ thì chưa đạt 70 điểm: tối đa 61,91 điểm (thêm 847 hồ sơ)"), "{text}");
    assert!(text.contains("- Hồ sơ thanh toán trực tuyến: thêm 732 hồ sơ, +1,34 điểm\n"), "{text}");

    let out = chiso(&["plan", &sample, "--unit", "Xã Không Có", "--target", "70"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr)
        .starts_with("Không có đơn vị «Xã Không Có» trong các tệp; các đơn vị có: UBND thị xã An Hòa,"));
    let out = chiso(&["plan", &sample, "--unit", "UBND phường An Lạc", "--target", "tám mươi"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn csv_and_xlsx_read_back_to_the_same_values() {
    let dir = common::scratch("csv_and_xlsx_read_back_to_the_same_values");
    let sample = sample(dir.path());
    let json = json_of(&chiso(&["score", &sample]));
    let csv_path = dir.path().join("ket-qua.csv");
    assert!(chiso(&["score", &sample, "--format", "csv", "--out", csv_path.to_str().unwrap()]).status.success());
    let bytes = std::fs::read(&csv_path).unwrap();
    assert!(bytes.starts_with(&[0xEF, 0xBB, 0xBF]), "UTF-8 BOM for Excel");
    let text = String::from_utf8(bytes[3..].to_vec()).unwrap();
    assert!(text.starts_with("Bộ quy tắc: Bộ chỉ số phục vụ người dân, doanh nghiệp (QĐ 766/QĐ-TTg, Cổng DVCQG) — phiên bản 2026.1\r\nXếp hạng;Đơn vị;"), "{text}");
    // chiso reads its own CSV back as a score-only table with the same totals.
    let back = json_of(&chiso(&["score", csv_path.to_str().unwrap()]));
    for u in json["units"].as_array().unwrap() {
        let again = unit(&back, u["unit"].as_str().unwrap());
        assert_eq!(again["total"], u["total"], "{}", u["unit"]);
        assert_eq!(again["groups"]["TTTT"], u["groups"]["TTTT"]);
        assert_eq!(again["score_only"], true);
    }

    let xlsx_path = dir.path().join("ket-qua.xlsx");
    assert!(chiso(&["score", &sample, "--format", "xlsx", "--out", xlsx_path.to_str().unwrap()]).status.success());
    let book = read_file("ket-qua.xlsx", &std::fs::read(&xlsx_path).unwrap()).unwrap().workbook;
    assert_eq!(book.sheets.iter().map(|s| s.name.as_str()).collect::<Vec<_>>(), ["Kết quả", "Chi tiết tiêu chí"]);
    let results = &book.sheets[0];
    assert!(matches!(results.cell(0, 0), Some(Cell::Text(t)) if t.contains("phiên bản 2026.1")));
    for (k, u) in json["units"].as_array().unwrap().iter().enumerate() {
        let row = 3 + k;
        assert_eq!(results.cell(row, 1), Some(&Cell::Text(u["unit"].as_str().unwrap().to_string())));
        let total = u["total"].as_f64().unwrap();
        assert_eq!(results.cell(row, 9), Some(&Cell::Number(total)));
        // The local practice's bands: ≥ 90 Xuất sắc, ≥ 80 Tốt, ≥ 70 Khá, ≥ 50 Trung bình, else Yếu.
        let band = [(90.0, "Xuất sắc"), (80.0, "Tốt"), (70.0, "Khá"), (50.0, "Trung bình"), (0.0, "Yếu")]
            .iter()
            .find(|(floor, _)| total >= *floor)
            .unwrap()
            .1;
        assert_eq!(results.cell(row, 10), Some(&Cell::Text(band.into())), "{}", u["unit"]);
        let rank = u["rank"].as_f64().map_or(Cell::Empty, Cell::Number);
        assert_eq!(results.cell(row, 0), Some(&rank), "{}", u["unit"]);
    }
    let detail = &book.sheets[1];
    // People read the detail sheet: the group and criterion by name, no codes.
    let on_time = chiso::core::rules::RuleSet::default_rules().unwrap().criterion("ON_TIME").unwrap().name.clone();
    let on_time_row = (0..detail.height())
        .find(|&r| {
            detail.cell(r, 0) == Some(&Cell::Text("UBND phường An Lạc".into()))
                && detail.cell(r, 2) == Some(&Cell::Text(on_time.clone()))
        })
        .unwrap();
    assert_eq!(detail.cell(on_time_row, 1), Some(&Cell::Text("Tiến độ giải quyết".into())));
    let codes = ["ON_TIME", "TDGQ", "PAY_DOSSIERS", "CKMB"];
    for r in 0..detail.height() {
        for c in 0..detail.width() {
            if let Some(Cell::Text(t)) = detail.cell(r, c) {
                assert!(!codes.contains(&t.as_str()), "a code at row {r}, column {c}");
            }
        }
    }
    let numbers: Vec<Option<Cell>> = (3..10).map(|c| detail.cell(on_time_row, c).cloned()).collect();
    let n = |x: f64| Some(Cell::Number(x));
    // 20 × 4473/4474 = 19,9955 rounds to 20,00; 4472 gives 19,99: 115 more on time.
    assert_eq!(numbers, [n(4358.0), n(4474.0), n(97.41), n(19.48), n(20.0), n(0.52), n(115.0)]);
    assert_eq!(detail.cell(on_time_row, 10), Some(&Cell::Text("hồ sơ".into())));
}

#[test]
fn another_rule_set_changes_the_scores_and_is_named() {
    let dir = common::scratch("another_rule_set_changes_the_scores_and_is_named");
    let rules = chiso::core::rules::DEFAULT_RULES
        .replace("target = 0.5", "target = 0.8")
        .replace("version = \"2026.1\"", "version = \"thử nghiệm\"");
    let path = dir.path().join("quy-tac.toml");
    std::fs::write(&path, rules).unwrap();
    let json = json_of(&chiso(&["score", &sample(dir.path()), "--rules", path.to_str().unwrap()]));
    assert_eq!(json["rules"]["version"], "thử nghiệm");
    // ONLINE_DOSSIERS 3294/4474 = 73.63 % against 80 %: 6 × 0.92037 = 5.52; CLGQ 0.31 + 5.52.
    let an_lac = unit(&json, "UBND phường An Lạc");
    assert_eq!(an_lac["criteria"]["ONLINE_DOSSIERS"]["score"].as_f64(), Some(5.52));
    assert_eq!(an_lac["groups"]["CLGQ"].as_f64(), Some(5.83));

    std::fs::write(&path, chiso::core::rules::DEFAULT_RULES.replace("max = 20\nrule", "max = 21\nrule")).unwrap();
    let out = chiso(&["score", &sample(dir.path()), "--rules", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("nhóm «TDGQ» có tối đa 20 điểm nhưng các tiêu chí cộng lại 21 điểm"), "{stderr}");
}

#[test]
fn unusable_input_exits_2_with_a_vietnamese_message() {
    let dir = common::scratch("unusable_input_exits_2_with_a_vietnamese_message");
    let pdf = dir.path().join("bao-cao.xlsx");
    std::fs::write(&pdf, b"%PDF-1.7\n").unwrap();
    let out = chiso(&["score", pdf.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("Tệp «bao-cao.xlsx» là tài liệu PDF, không phải bảng tính."));

    let no_unit = dir.path().join("khong-don-vi.csv");
    std::fs::write(&no_unit, "Tên;ON_TIME (tử số);ON_TIME (mẫu số)\nXã A;1;2\n").unwrap();
    let out = chiso(&["score", no_unit.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr)
        .contains("Tệp «khong-don-vi.csv», trang tính «khong-don-vi»: không tìm thấy cột «Đơn vị»"));

    let bad_cell = dir.path().join("o-loi.csv");
    std::fs::write(&bad_cell, "Đơn vị;ON_TIME (tử số);ON_TIME (mẫu số)\nXã A;mười;20\nXã B;5;10\n").unwrap();
    let out = chiso(&["score", bad_cell.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "a bad cell is a warning; the rest is scored");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("Tệp «o-loi.csv», trang tính «o-loi», ô B2 (dòng 2, cột B), cột «ON_TIME (tử số)»: «mười» không phải là số."), "{stderr}");
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(unit(&json, "Xã B")["total"].as_f64(), Some(10.0));
    assert_eq!(json["warnings"][0]["row"], 2);

    assert_eq!(chiso(&["score", bad_cell.to_str().unwrap(), "--format", "pdf"]).status.code(), Some(2));
    assert_eq!(chiso(&["score"]).status.code(), Some(2));
}

#[test]
fn two_periods_give_a_comparison_and_can_be_chosen() {
    let fixture = |name: &str| common::fixture(&format!("periods/{name}")).to_string_lossy().into_owned();
    let (october, november) = (fixture("so-lieu-thang-10-2026.csv"), fixture("so-lieu-moi.csv"));
    let json = json_of(&chiso(&["score", &october, &november]));
    assert_eq!(json["period"], "11/2026");
    assert_eq!(json["periods"], serde_json::json!(["10/2026", "11/2026"]));
    let c = &json["comparison"];
    assert_eq!(c["previous_period"], "10/2026");
    let a = c["units"].as_array().unwrap().iter().find(|u| u["unit"] == "UBND xã A").unwrap();
    assert_eq!(a["total"], serde_json::json!({"now": 30.0, "before": 22.2, "change": 7.8}));
    assert_eq!((a["rank"].as_u64(), a["previous_rank"].as_u64()), (Some(1), Some(2)));
    assert_eq!(c["new_alerts"].as_array().unwrap().len(), 1);
    assert_eq!(c["new_alerts"][0]["unit"], "UBND xã B");

    let october_only = json_of(&chiso(&["score", &october, &november, "--period", "10/2026"]));
    assert_eq!(october_only["period"], "10/2026");
    assert_eq!(unit(&october_only, "UBND xã B")["total"], 29.6);
    assert!(october_only["comparison"].is_null());

    let missing = chiso(&["score", &october, &november, "--period", "Quý 1/2020"]);
    assert_eq!(missing.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&missing.stderr).trim(),
        "Không có kỳ «Quý 1/2020» (--period) trong các tệp; các kỳ có: 10/2026, 11/2026."
    );
}

/// Three periods: the trend of tests/periods.rs, in the contract's JSON.
#[test]
fn three_periods_give_a_trend() {
    let fixture = |name: &str| common::fixture(&format!("periods/{name}")).to_string_lossy().into_owned();
    let files = ["so-lieu-thang-9-2026.csv", "so-lieu-moi.csv", "so-lieu-thang-10-2026.csv"].map(fixture);
    let json = json_of(&chiso(&["score", &files[0], &files[1], &files[2]]));
    let trend = json["trend"].as_array().expect("a trend");
    let names: Vec<&str> = trend.iter().map(|u| u["unit"].as_str().unwrap()).collect();
    assert_eq!(names, ["UBND xã A", "UBND xã B", "UBND xã D", "UBND xã C"]);
    let b = &trend[1]["points"];
    let periods: Vec<&str> = b.as_array().unwrap().iter().map(|p| p["period"].as_str().unwrap()).collect();
    assert_eq!(periods, ["09/2026", "10/2026", "11/2026"]);
    let totals: Vec<Option<f64>> = b.as_array().unwrap().iter().map(|p| p["total"].as_f64()).collect();
    assert_eq!(totals, [Some(10.0), Some(29.6), Some(26.4)]);
    assert_eq!((b[1]["change"].as_f64(), b[2]["change"].as_f64()), (Some(19.6), Some(-3.2)));
    assert_eq!(b[2]["groups"]["TDGQ"], 18.0);
    assert!(trend[2]["points"][0]["total"].is_null(), "D only in November");
    assert!(json["comparison"].is_object(), "the focus is still compared with the period before");

    let two = json_of(&chiso(&["score", &files[1], &files[2]]));
    assert!(two["trend"].is_null());
}

#[test]
fn a_dossier_list_is_scored_with_its_actions() {
    let file = common::fixture("dossiers/so-ho-so.xlsx").to_string_lossy().into_owned();
    let file = file.as_str();
    let out = chiso(&["score", file]);
    let json = json_of(&out);
    // Worked by hand in tests/dossiers.rs: An Bình on time 13/16 → 16.25.
    let a = unit(&json, "UBND xã An Bình");
    assert_eq!(a["criteria"]["ON_TIME"]["numerator"], 13.0);
    assert_eq!(a["criteria"]["ON_TIME"]["score"], 16.25);
    let list = &json["dossier_lists"][0];
    assert_eq!(list["period"], "11/2026");
    assert_eq!(list["outside"]["before"], 2);
    assert_eq!(list["actions"][0]["text"], "Thanh toán trực tuyến 4 hồ sơ còn lại: +3,43 điểm");
    // The procedures that cost points, as tests/dossiers.rs works them: every unit's certified
    // copies, 11 of 14 on time, +1,43.
    let ct = list["procedures"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["procedure"] == "2.000815 – Chứng thực bản sao từ bản chính")
        .unwrap();
    assert_eq!((ct["received"].as_u64(), ct["criteria"]["ON_TIME"]["met"].as_u64()), (Some(14), Some(11)));
    assert_eq!(ct["criteria"]["ON_TIME"]["gain"], 1.43);
    let an_binh = list["unit_procedures"].as_array().unwrap().iter().find(|u| u["unit"] == "UBND xã An Bình").unwrap();
    let ct = an_binh["procedures"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["procedure"] == "2.000815 – Chứng thực bản sao từ bản chính")
        .unwrap();
    assert_eq!(ct["criteria"]["PAY_DOSSIERS"]["gain"], 1.5);
    // The two October dossiers are said on stderr, with file, sheet and row.
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(
        said.contains("«so-ho-so.xlsx», trang tính «Danh sách hồ sơ», dòng 2: 2 hồ sơ không thuộc kỳ 11/2026"),
        "{said}"
    );
    // October instead: An Bình has only A17 then.
    let json = json_of(&chiso(&["score", file, "--period", "10/2026"]));
    assert_eq!(unit(&json, "UBND xã An Bình")["criteria"]["ON_TIME"]["denominator"], 1.0);
}

#[test]
fn a_file_that_crashed_the_readers_costs_only_itself() {
    let hostile = |name: &str| common::fixture(&format!("hostile/{name}")).to_string_lossy().into_owned();
    let good = common::fixture("units.xlsx").to_string_lossy().into_owned();
    let (strings, record, rows) =
        (hostile("shared-strings-count.xlsx"), hostile("short-record.xlsb"), hostile("dimensions.xls"));
    let out = chiso(&["score", &strings, &record, &good, &rows]);
    assert_eq!(out.status.code(), Some(2), "an input could not be used");
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(said.contains("Tệp «shared-strings-count.xlsx» bị hỏng: phần chuỗi dùng chung (xl/sharedStrings.xml) khai báo 4.000.000.000 chuỗi"), "{said}");
    assert!(said.contains("chiso gặp sự cố khi đọc tệp «short-record.xlsb» (chi tiết kỹ thuật: range start index 4 out of range for slice of length 0) nên đã bỏ qua tệp này"), "{said}");
    assert!(said.contains("Tệp «dimensions.xls» bị hỏng: trang tính «Số liệu» khai báo 4.294.967.280 dòng"), "{said}");
    assert!(!said.contains("panicked") && !said.contains("backtrace"), "no Rust report: {said}");
    // The good file is scored all the same: Ba Vì's 4358/4474 on time (tests/read_fixtures.rs).
    let json: Value = serde_json::from_slice(&out.stdout).expect("json on stdout");
    let on_time = &unit(&json, "UBND xã Ba Vì")["criteria"]["ON_TIME"];
    assert_eq!((on_time["numerator"].as_f64(), on_time["denominator"].as_f64()), (Some(4358.0), Some(4474.0)));
}

/// The real layouts through the CLI (figures worked by hand in tests/real_formats.rs): a 06a
/// report with a one-stop export and a register beside it. The rows not scored — group rows,
/// the total row, refused and withdrawn dossiers — are each in `warnings`.
#[test]
fn real_exports_are_scored_and_what_is_left_out_is_said() {
    let real = |name: &str| common::fixture(&format!("real/{name}")).to_string_lossy().into_owned();
    let out = chiso(&["score", &real("bao-cao-06a.xlsx")]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let json = json_of(&out);
    let tu_phap = unit(&json, "Sở Tư pháp");
    assert_eq!(tu_phap["parent"], "UBND tỉnh Hưng Yên");
    assert_eq!(tu_phap["criteria"]["ON_TIME"]["numerator"], 150.0);
    assert_eq!(tu_phap["criteria"]["ON_TIME"]["score"], 18.75);
    assert_eq!(unit(&json, "UBND tỉnh Hưng Yên")["criteria"]["ONLINE_DOSSIERS"]["score"], 5.77);
    // Ranked within their kind: the departments 24,75 and 22,4; the communes 22,27 and 20.
    let kind = |name: &str| (unit(&json, name)["kind"].clone(), unit(&json, name)["kind_rank"].clone());
    assert_eq!(kind("Sở Xây dựng"), (Value::from("Sở, ban, ngành"), Value::from(2)));
    assert_eq!(kind("UBND xã Tân Tiến"), (Value::from("Cấp xã"), Value::from(1)));
    assert_eq!(kind("UBND xã Văn Giang"), (Value::from("Cấp xã"), Value::from(2)));
    let warnings: Vec<String> =
        json["warnings"].as_array().unwrap().iter().map(|w| w["message"].as_str().unwrap_or("").to_string()).collect();
    let has = |needle: &str| warnings.iter().any(|w| w.contains(needle));
    assert!(has("dòng 11: «Sở, ban, ngành» là dòng nhóm"), "{warnings:#?}");
    assert!(has("dòng 14: «Cấp xã» là dòng nhóm"), "{warnings:#?}");
    assert!(has("dòng 17: «TỔNG CỘNG» là dòng tổng; chiso tính «UBND tỉnh Hưng Yên»"), "{warnings:#?}");

    let out = chiso(&["score", &real("danh-sach-ho-so-mot-cua.xlsx")]);
    let json = json_of(&out);
    // Withdrawn after acceptance stays counted (the operator's description): 6 received, not 5.
    assert_eq!(unit(&json, "UBND xã An Bình")["criteria"]["ON_TIME"]["denominator"], 6.0);
    let warnings = json["warnings"].to_string();
    assert!(warnings.contains("có trạng thái «Không được tiếp nhận»"), "{warnings}");
    assert!(
        warnings.contains("1 hồ sơ từ chối, dừng xử lý hoặc rút sau khi tiếp nhận không ghi ngày kết thúc"),
        "{warnings}"
    );

    let json = json_of(&chiso(&["score", &real("so-theo-doi-ho-so.xlsx")]));
    assert_eq!(unit(&json, "UBND xã Hòa Lạc")["criteria"]["ON_TIME"]["score"], 13.33);
}

/// A clerk's three files of one town and month (tests/month.rs works them by hand): every figure
/// says its source, the ones other files disagree with carry them, and the town's own row is the
/// whole; `--sources` changes which source is trusted first.
#[test]
fn three_files_of_one_month_in_the_json() {
    let fixture = |name: &str| common::fixture(&format!("month/{name}")).to_string_lossy().into_owned();
    let files = ["so-lieu-thang-11-2023.csv", "ho-so-thang-11-2023.csv", "bao-cao-06a-thang-11-2023.csv"].map(fixture);
    let json = json_of(&chiso(&["score", &files[0], &files[1], &files[2]]));
    assert_eq!((json["whole"].as_str(), json["period"].as_str()), (Some("UBND thị xã Hòa Phong"), Some("11/2023")));
    assert_eq!(json["units"].as_array().unwrap().len(), 5);
    let an_khe = &unit(&json, "UBND xã An Khê")["criteria"]["ON_TIME"];
    assert_eq!(
        (an_khe["source"].as_str(), an_khe["file"].as_str()),
        (Some("figures"), Some("so-lieu-thang-11-2023.csv"))
    );
    assert_eq!((an_khe["numerator"].as_f64(), an_khe["score"].as_f64()), (Some(950.0), Some(19.0)));
    let others: Vec<(&str, f64, f64)> = an_khe["other_sources"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| (o["source"].as_str().unwrap(), o["numerator"].as_f64().unwrap(), o["denominator"].as_f64().unwrap()))
        .collect();
    assert_eq!(others, [("report", 9.0, 10.0), ("dossiers", 3.0, 4.0)]);
    assert_eq!(unit(&json, "Phòng Tư pháp")["criteria"]["ON_TIME"]["source"], "report");
    assert_eq!(unit(&json, "UBND xã Cát Tiên")["criteria"]["ON_TIME"]["source"], "dossiers");
    assert_eq!(unit(&json, "UBND thị xã Hòa Phong")["total"].as_f64(), Some(32.4));

    let listed_first = json_of(&chiso(&["score", &files[0], &files[1], &files[2], "--sources", "dossiers,figures"]));
    let an_khe = &unit(&listed_first, "UBND xã An Khê")["criteria"]["ON_TIME"];
    assert_eq!((an_khe["source"].as_str(), an_khe["score"].as_f64()), (Some("dossiers"), Some(15.0)));
    let wrong = chiso(&["score", &files[0], "--sources", "figures,portal"]);
    assert_eq!(wrong.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&wrong.stderr).contains("«figures,portal» không phải thứ tự nguồn"));
}

/// Names taken from a file that Excel would run as formulas (CSV injection): the CSV export holds
/// none of them raw; the XLSX export writes them as text, never as formulas.
#[test]
fn exports_are_safe_to_open() {
    let dir = common::scratch("exports_are_safe_to_open");
    let input = dir.path().join("don-vi.csv");
    let names = ["=HYPERLINK(\"http://x\";\"y\")", "+84 UBND", "-UBND xã A", "@SUM(A1)"];
    let rows: Vec<String> = names.iter().map(|n| format!("\"{}\";9;10", n.replace('"', "\"\""))).collect();
    std::fs::write(&input, format!("Đơn vị;ON_TIME (tử số);ON_TIME (mẫu số)\n{}\n", rows.join("\n"))).unwrap();
    let csv = dir.path().join("out.csv");
    let out = chiso(&["score", input.to_str().unwrap(), "--format", "csv", "--out", csv.to_str().unwrap()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let text = std::fs::read_to_string(&csv).unwrap();
    let mut reader =
        csv::ReaderBuilder::new().delimiter(b';').flexible(true).has_headers(false).from_reader(text.as_bytes());
    let fields: Vec<String> =
        reader.records().flatten().flat_map(|r| r.iter().map(str::to_string).collect::<Vec<_>>()).collect();
    for f in &fields {
        let f = f.trim_start_matches('\u{feff}');
        assert!(!f.starts_with(['=', '+', '-', '@', '\t', '\r']), "a field Excel would run: {f}");
    }
    assert!(fields.iter().any(|f| f == "'=HYPERLINK(\"http://x\";\"y\")"), "{fields:?}");

    let xlsx = dir.path().join("out.xlsx");
    let out = chiso(&["score", input.to_str().unwrap(), "--format", "xlsx", "--out", xlsx.to_str().unwrap()]);
    assert!(out.status.success());
    let book = read_file("out.xlsx", &std::fs::read(&xlsx).unwrap()).unwrap().workbook;
    let cells: Vec<&Cell> = book.sheets[0].rows().flatten().collect();
    assert!(cells.contains(&&Cell::Text(names[0].to_string())), "the name kept as text");
}

/// `plan --whole`: tests/whole_plan.rs's town of three communes, as a CSV: 270/300 → 18,00; to
/// 19,5 the fewest are 23 dossiers (293/300 → 19,53), 15 from C (room 15, +1,00) and 8 from B
/// (+0,53).
#[test]
fn plan_whole_spreads_the_fewest_dossiers_over_the_units() {
    let dir = common::scratch("plan_whole_spreads_the_fewest_dossiers_over_the_units");
    let path = dir.path().join("so-lieu-thang-11-2026.csv");
    let rows = [("A", 95), ("B", 90), ("C", 85)]
        .iter()
        .map(|(u, n)| format!("UBND xã {u};UBND thị xã T;{n};100\n"))
        .collect::<String>();
    let header = "Đơn vị;Đơn vị cấp trên;Hồ sơ đúng hạn, trong hạn (tử số);Hồ sơ đúng hạn, trong hạn (mẫu số)\n";
    std::fs::write(&path, format!("{header}{rows}")).unwrap();
    let path = path.to_str().unwrap();
    let plan = json_of(&chiso(&["plan", path, "--whole", "--target", "19,5"]));
    assert_eq!(plan["whole"], "UBND thị xã T");
    assert_eq!((plan["current"].as_f64(), plan["total_after"].as_f64()), (Some(18.0), Some(19.53)));
    assert_eq!((plan["reachable"].as_bool(), plan["dossiers"].as_u64()), (Some(true), Some(23)));
    let steps: Vec<(&str, &str, u64, f64)> = plan["steps"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            let text = |k: &str| s[k].as_str().unwrap();
            (text("unit"), text("criterion"), s["add"].as_u64().unwrap(), s["points"].as_f64().unwrap())
        })
        .collect();
    assert_eq!(steps, [("UBND xã C", "ON_TIME", 15, 1.0), ("UBND xã B", "ON_TIME", 8, 0.53)]);
    let text = chiso(&["plan", "--whole", "--target", "19,5", "--format", "text", path]);
    assert!(text.status.success(), "{}", String::from_utf8_lossy(&text.stderr));
    assert_eq!(
        String::from_utf8_lossy(&text.stdout).lines().next(),
        Some("Toàn thị xã T đạt 19,53 điểm (từ 18) khi 2 đơn vị thêm tổng cộng 23 hồ sơ đạt yêu cầu.")
    );
}
