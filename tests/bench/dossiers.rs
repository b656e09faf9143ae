//! Benchmark: a province's month of dossiers, 200,000 rows, natively: chiso's whole analysis
//! (read, stream into records, tally, score, action list) against calamine's bare parse of the
//! same sheet into cells (the floor: chiso reads through calamine), with the peak resident memory
//! of each. Two layouts: chiso's dossier template (date cells, yes/no columns), and a one-stop
//! system's real export (real-formats.md §2: title rows, text dates with seconds, a status column
//! with refused and withdrawn dossiers, «Kênh thực hiện», payment status and method). Writes
//! target/bench/dossiers-200k.xlsx and dossiers-200k-mot-cua.xlsx on first use;
//! tests/bench/dossiers.mjs runs the same files in headless Chromium against SheetJS.
//! A third layout, `year`, is a big province's year as the one-stop system exports it: 1,000,000
//! dossiers received over the twelve months of 2026 (target/bench/dossiers-1m-mot-cua.xlsx), read
//! once rather than five times.
//! Run: `cargo run --release --example bench-dossiers [template|one-stop|year] [chiso|calamine]`
//! (no argument: the month's two layouts and both readers, each run in its own process so that
//! the peak memory is its own).

use std::io::Cursor;
use std::path::PathBuf;
use std::process::Command;
use std::time::Instant;

use calamine::{open_workbook_from_rs, Reader, Xlsx};
use chiso::core::analysis::{analyse, Choice, Focus};
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};

/// A month of a province's dossiers; a year of a big province's.
const ROWS: u32 = 200_000;
const YEAR_ROWS: u32 = 1_000_000;
const UNITS: u32 = 180;
const PROCEDURES: u32 = 240;

/// A small deterministic generator, so that every run measures the same file.
struct Lcg(u64);

impl Lcg {
    fn below(&mut self, n: u32) -> u32 {
        self.0 = self.0.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        ((self.0 >> 33) % u64::from(n)) as u32
    }
}

const LAYOUTS: [&str; 2] = ["template", "one-stop"];

fn rows(layout: &str) -> u32 {
    if layout == "year" {
        YEAR_ROWS
    } else {
        ROWS
    }
}

fn workbook_path(layout: &str) -> Result<PathBuf, Box<dyn std::error::Error>> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/bench");
    std::fs::create_dir_all(&dir)?;
    let path = dir.join(match layout {
        "one-stop" => "dossiers-200k-mot-cua.xlsx",
        "year" => "dossiers-1m-mot-cua.xlsx",
        _ => "dossiers-200k.xlsx",
    });
    if path.exists() {
        return Ok(path);
    }
    if layout != "template" {
        one_stop(&path, layout == "year")?;
        return Ok(path);
    }
    let headers = [
        "STT",
        "Mã hồ sơ",
        "Đơn vị",
        "Mã TTHC",
        "Thủ tục",
        "Người nộp",
        "Ngày tiếp nhận",
        "Ngày hẹn trả",
        "Ngày hoàn thành",
        "Kênh nộp",
        "Đồng bộ DVCQG",
        "Nghĩa vụ tài chính",
        "Thanh toán trực tuyến",
        "Kết quả điện tử",
        "Số hóa",
        "Tái sử dụng dữ liệu số hóa",
        "Kết nối kho dữ liệu cá nhân",
        "Dữ liệu dân cư",
        "Đánh giá",
        "Có PAKN",
        "Ghi chú",
    ];
    let mut book = Workbook::new();
    let sheet = book.add_worksheet().set_name("Danh sách hồ sơ")?;
    let date = Format::new().set_num_format("dd/mm/yyyy hh:mm");
    sheet.write_string(0, 0, "DANH SÁCH HỒ SƠ TIẾP NHẬN THÁNG 11/2026 (dữ liệu sinh ngẫu nhiên để đo hiệu năng)")?;
    for (c, h) in headers.iter().enumerate() {
        sheet.write_string(2, c as u16, *h)?;
    }
    let mut rng = Lcg(766);
    let yes_no = |b: bool| if b { "Có" } else { "Không" };
    for i in 0..ROWS {
        let r = 3 + i;
        let unit = rng.below(UNITS);
        let procedure = rng.below(PROCEDURES);
        // Most in November 2026, a few at the end of October.
        let day = if rng.below(50) == 0 { 31 } else { 1 + rng.below(30) };
        let month = if day == 31 { 10 } else { 11 };
        let received = ExcelDateTime::from_ymd(2026, month, day as u8)?.and_hms(
            7 + rng.below(10) as u16,
            rng.below(60) as u8,
            0,
        )?;
        let days = 1 + rng.below(15);
        let due = received.to_excel() + f64::from(days);
        let finished = match rng.below(10) {
            0 => None,
            1 => Some(due + 1.0 + f64::from(rng.below(5))),
            _ => Some(due - f64::from(rng.below(days)) - 0.3),
        };
        let online = rng.below(10) < 6;
        let fee = rng.below(2) == 0;
        sheet.write_number(r, 0, f64::from(i + 1))?;
        sheet.write_string(r, 1, format!("000.00.{:02}.H{:02}-261{:03}-{:06}", unit % 100, unit % 64, procedure, i))?;
        sheet.write_string(r, 2, format!("UBND xã Số {}", unit + 1))?;
        sheet.write_string(r, 3, format!("1.00{:04}", procedure))?;
        sheet.write_string(
            r,
            4,
            format!("Thủ tục hành chính số {} thuộc lĩnh vực hộ tịch, chứng thực", procedure + 1),
        )?;
        sheet.write_string(r, 5, format!("Nguyễn Văn {}", rng.below(5000)))?;
        sheet.write_datetime_with_format(r, 6, received, &date)?;
        sheet.write_datetime_with_format(r, 7, ExcelDateTime::from_serial_datetime(due)?, &date)?;
        if let Some(f) = finished {
            sheet.write_datetime_with_format(r, 8, ExcelDateTime::from_serial_datetime(f)?, &date)?;
        }
        sheet.write_string(r, 9, if online { "Trực tuyến" } else { "Trực tiếp" })?;
        sheet.write_string(r, 10, yes_no(rng.below(20) != 0))?;
        sheet.write_string(r, 11, yes_no(fee))?;
        sheet.write_string(r, 12, yes_no(fee && rng.below(3) != 0))?;
        sheet.write_string(r, 13, yes_no(rng.below(4) != 0))?;
        sheet.write_string(r, 14, yes_no(rng.below(3) != 0))?;
        sheet.write_string(r, 15, yes_no(rng.below(2) != 0))?;
        sheet.write_string(r, 16, yes_no(rng.below(3) == 0))?;
        sheet.write_string(r, 17, yes_no(rng.below(5) != 0))?;
        sheet.write_string(
            r,
            18,
            match rng.below(10) {
                0 => "Không hài lòng",
                1..=5 => "Hài lòng",
                _ => "",
            },
        )?;
        sheet.write_string(r, 19, yes_no(rng.below(200) == 0))?;
        sheet.write_string(
            r,
            20,
            if rng.below(4) == 0 {
                "Hồ sơ bổ sung giấy tờ theo yêu cầu của cán bộ tiếp nhận"
            } else {
                ""
            },
        )?;
    }
    book.save(&path)?;
    Ok(path)
}

/// The one-stop export: 3 % of its dossiers not accepted, 1 % withdrawn; November's, or with
/// `year` a million received over the twelve months.
fn one_stop(path: &std::path::Path, year: bool) -> Result<(), Box<dyn std::error::Error>> {
    let headers = [
        "STT",
        "Đơn vị tiếp nhận",
        "Tên thủ tục hành chính",
        "Mã hồ sơ",
        "Trạng thái",
        "Địa chỉ",
        "Người nộp",
        "Chủ hồ sơ",
        "Ngày nộp hồ sơ",
        "Ngày nhận",
        "Ngày hẹn trả",
        "Ngày kết thúc xử lý",
        "Kênh thực hiện",
        "Trạng thái thanh toán",
        "Hình thức thanh toán",
        "Lĩnh vực",
    ];
    let mut book = Workbook::new();
    let sheet = book.add_worksheet().set_name("DanhSachHoSo")?;
    sheet.write_string(0, 0, "DANH SÁCH HỒ SƠ")?;
    let span = if year {
        "Từ ngày 01/01/2026 đến ngày 31/12/2026"
    } else {
        "Từ ngày 01/11/2026 đến ngày 30/11/2026"
    };
    sheet.write_string(1, 0, span)?;
    sheet.write_string(2, 0, "Trạng thái hồ sơ: Tất cả")?;
    for (c, h) in headers.iter().enumerate() {
        sheet.write_string(4, c as u16, *h)?;
    }
    let mut rng = Lcg(766);
    let at = |day: u32, month: u32, hour: u32, minute: u32, second: u32| {
        format!("{day:02}/{month:02}/2026 {hour:02}:{minute:02}:{second:02}")
    };
    for i in 0..rows(if year { "year" } else { "one-stop" }) {
        let r = 5 + i;
        let month = if year { 1 + rng.below(12) } else { 11 };
        let unit = rng.below(UNITS);
        let procedure = rng.below(PROCEDURES);
        let day = 1 + rng.below(28);
        let (hour, minute, second) = (7 + rng.below(10), rng.below(60), rng.below(60));
        let days = 1 + rng.below(10);
        let status = match rng.below(100) {
            0..=2 => "Không được tiếp nhận",
            3 => "Công dân yêu cầu rút hồ sơ",
            4..=13 => "Đang xử lý",
            14..=16 => "Yêu cầu bổ sung giấy tờ",
            17..=60 => "Đã trả kết quả",
            _ => "Đã xử lý xong",
        };
        let finished = match status {
            "Đã trả kết quả" | "Đã xử lý xong" => {
                let late = rng.below(12) == 0;
                let d = if late { day + days + 1 } else { day + rng.below(days + 1) };
                Some(at(d.min(30), month, 8 + rng.below(9), rng.below(60), rng.below(60)))
            }
            _ => None,
        };
        let online = rng.below(10) < 6;
        let fee = rng.below(2) == 0;
        sheet.write_number(r, 0, f64::from(i + 1))?;
        sheet.write_string(r, 1, format!("UBND xã Số {}", unit + 1))?;
        sheet.write_string(
            r,
            2,
            format!("Thủ tục hành chính số {} thuộc lĩnh vực hộ tịch, chứng thực", procedure + 1),
        )?;
        sheet.write_string(r, 3, format!("000.00.{:02}.H{:02}-2611{:02}-{:06}", unit % 100, unit % 64, day, i))?;
        sheet.write_string(r, 4, status)?;
        sheet.write_string(r, 5, format!("Thôn {}, xã Số {}", rng.below(20), unit + 1))?;
        let person = format!("Nguyễn Văn {}", rng.below(5000));
        sheet.write_string(r, 6, &person)?;
        sheet.write_string(r, 7, &person)?;
        sheet.write_string(r, 8, at(day, month, hour, minute, second))?;
        sheet.write_string(r, 9, at(day, month, hour, minute, second))?;
        sheet.write_string(r, 10, at((day + days).min(30), month, 17, 0, 0))?;
        if let Some(f) = finished {
            sheet.write_string(r, 11, f)?;
        }
        sheet.write_string(
            r,
            12,
            if online {
                "Trực tuyến"
            } else if rng.below(5) == 0 {
                "Qua bưu chính công ích"
            } else {
                "Trực tiếp"
            },
        )?;
        if fee {
            let paid = rng.below(4) != 0;
            sheet.write_string(r, 13, if paid { "Đã thanh toán" } else { "Chưa thanh toán" })?;
            if paid {
                sheet.write_string(r, 14, if online && rng.below(3) != 0 { "truc-tuyen" } else { "tien-mat" })?;
            }
        }
        sheet.write_string(r, 15, "Hộ tịch")?;
    }
    book.save(path)?;
    Ok(())
}

fn peak_rss_kb() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines().find(|l| l.starts_with("VmHWM:")).and_then(|l| l.split_whitespace().nth(1)?.parse().ok())
        })
        .unwrap_or(0)
}

fn median(mut times: Vec<f64>) -> String {
    times.sort_by(f64::total_cmp);
    format!(
        "median {:.0} ms, min {:.0} ms, max {:.0} ms over {} runs",
        times[times.len() / 2],
        times[0],
        times[times.len() - 1],
        times.len()
    )
}

fn run(layout: &str, which: &str, bytes: &[u8]) -> Result<(), Box<dyn std::error::Error>> {
    let rules = chiso::core::rules::RuleSet::default_rules().map_err(|e| format!("{e:?}"))?;
    let mut times = Vec::new();
    let mut analysis_times = Vec::new();
    let rows = rows(layout) as usize;
    for _ in 0..if layout == "year" { 1 } else { 5 } {
        let start = Instant::now();
        match which {
            "chiso" => {
                let limits = chiso::core::read::Limits::default();
                let (book, _) = chiso::core::dossier::book::read("dossiers-200k.xlsx", bytes, &limits, &mut |_| {})
                    .map_err(|e| format!("{e:?}"))?;
                let read = Instant::now();
                let analysis = analyse(&[(&book, Choice::default())], &rules, &Focus::default(), &Default::default());
                let table = analysis.tables[0].dossiers.as_ref().ok_or("not a dossier list")?;
                let actions = chiso::core::dossier::actions::actions(table, &analysis.scores, &rules);
                // The one-stop export's refused and withdrawn dossiers (4 %) are left out.
                let kept = table.list.dossiers.len();
                assert!(kept == rows || (layout != "template" && kept > rows * 9 / 10), "{kept}");
                assert_eq!(analysis.scores.units.len(), UNITS as usize);
                assert!(!actions.is_empty());
                analysis_times.push(read.elapsed().as_secs_f64() * 1000.0);
            }
            _ => {
                let mut book: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes))?;
                let name = book.sheet_names().first().cloned().ok_or("no sheet")?;
                let range = book.worksheet_range(&name)?;
                assert!(range.height() >= rows);
            }
        }
        times.push(start.elapsed().as_secs_f64() * 1000.0);
    }
    println!("native {layout} {which}: {}; peak resident memory {} MB", median(times), peak_rss_kb() / 1024);
    if !analysis_times.is_empty() {
        println!("  of which tally, scores and action list (after reading): {}", median(analysis_times));
    }
    Ok(())
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.as_slice() {
        [layout, which] => run(layout, which, &std::fs::read(workbook_path(layout)?)?),
        [layout] => each(&[layout.as_str()]),
        _ => each(&LAYOUTS),
    }
}

/// Every reader on every layout, each in a process of its own.
fn each(layouts: &[&str]) -> Result<(), Box<dyn std::error::Error>> {
    for layout in layouts {
        let path = workbook_path(layout)?;
        println!("{} ({} bytes)", path.display(), std::fs::metadata(&path)?.len());
        for which in ["chiso", "calamine"] {
            let status = Command::new(std::env::current_exe()?).args([*layout, which]).status()?;
            if !status.success() {
                return Err(format!("{layout} {which} run failed").into());
            }
        }
    }
    Ok(())
}
