//! chiso on the command line, over the same core as the web app (see the automation contract):
//!
//!   chiso score FILE... [--rules FILE] [--format json|csv|xlsx|docx] [--out PATH]
//!               [--period PERIOD] [--compare-with PERIOD] [--sources ORDER] [--whole NAME]
//!   chiso plan FILE... --unit NAME --target POINTS [--period PERIOD] [--rules FILE]
//!              [--format json|text]
//!   chiso plan FILE... --whole [NAME] --target POINTS [--period PERIOD] [--format json|text]
//!   chiso template [--rules FILE] --out PATH
//!   chiso sample [--rules FILE] --out PATH
//!
//! Exit status 0 on success (warnings included), 2 when an input cannot be used, with a
//! Vietnamese message on stderr naming the file, sheet, row and column.

use std::io::Write;
use std::process::ExitCode;

use chiso::core::analysis::{analyse, Analysis, Choice, Focus};
use chiso::core::dossier::book;
use chiso::core::figures::sources::SourceOrder;
use chiso::core::insight::alerts;
use chiso::core::insight::compare::compare;
use chiso::core::model::lang::Lang;
use chiso::core::model::message::{Located, Message};
use chiso::core::model::period::Period;
use chiso::core::model::text::fold_words;
use chiso::core::read::Limits;
use chiso::core::report::error::ReportError;
use chiso::core::report::export::{Export, Sources};
use chiso::core::report::template;
use chiso::core::rules::RuleSet;

const USAGE: &str = "Cách dùng / usage:
  chiso score TỆP... [--rules TỆP.toml] [--format json|csv|xlsx|docx|appendix-xlsx] [--out ĐƯỜNG_DẪN]
              [--period KỲ] [--compare-with KỲ]     (kỳ: 11/2026, Quý 4/2026, Năm 2026)
              [--sources typed,figures,report,dossiers]   (thứ tự tin cậy các nguồn số liệu)
              [--whole \"TÊN ĐƠN VỊ\"]                   (đơn vị là toàn thể, khi không dòng nào đứng trên)
  chiso plan TỆP... --unit \"TÊN ĐƠN VỊ\" --target ĐIỂM [--period KỲ] [--rules TỆP.toml]
              [--format json|text]
  chiso plan TỆP... --whole [\"TÊN ĐƠN VỊ\"] --target ĐIỂM [--period KỲ] [--format json|text]
              (kế hoạch cho toàn thể: ít hồ sơ nhất, chia cho các đơn vị)
  chiso template [--rules TỆP.toml] --out mau.xlsx
  chiso sample [--rules TỆP.toml] --out mau-an-hoa.xlsx";

struct Args {
    command: String,
    files: Vec<String>,
    rules: Option<String>,
    format: String,
    out: Option<String>,
    focus: Focus,
    unit: Option<String>,
    target: Option<String>,
    /// `plan --whole`: the plan for the whole rather than one unit.
    whole_plan: bool,
}

fn parse_args() -> Result<Args, String> {
    let mut args = std::env::args().skip(1).peekable();
    let command = args.next().ok_or_else(|| USAGE.to_string())?;
    let mut parsed = Args {
        command,
        files: Vec::new(),
        rules: None,
        format: "json".into(),
        out: None,
        focus: Focus::default(),
        unit: None,
        target: None,
        whole_plan: false,
    };
    while let Some(arg) = args.next() {
        let mut value = |name: &str| args.next().ok_or_else(|| format!("Thiếu giá trị sau {name}.\n{USAGE}"));
        match arg.as_str() {
            "--rules" => parsed.rules = Some(value("--rules")?),
            "--format" => parsed.format = value("--format")?,
            "--out" => parsed.out = Some(value("--out")?),
            "--period" => parsed.focus.current = Period::parse(&value("--period")?),
            "--compare-with" => parsed.focus.previous = Period::parse(&value("--compare-with")?),
            "--sources" => {
                let text = value("--sources")?;
                parsed.focus.sources = SourceOrder::parse(&text).ok_or_else(|| {
                    format!("«{text}» không phải thứ tự nguồn: hãy viết các nguồn typed, figures, report, dossiers, cách nhau bằng dấu phẩy.\n{USAGE}")
                })?;
            }
            // `plan --whole` alone asks for the whole's plan; a name after it (not a flag, not a
            // file) names the whole, as `score --whole NAME` does.
            "--whole" => {
                parsed.whole_plan = parsed.command == "plan";
                let named = args.peek().filter(|next| {
                    !(next.starts_with("--") || parsed.whole_plan && std::path::Path::new(next).is_file())
                });
                match named {
                    Some(_) => parsed.focus.whole = args.next(),
                    None if parsed.whole_plan => {}
                    None => return Err(format!("Thiếu giá trị sau --whole.\n{USAGE}")),
                }
            }
            "--unit" => parsed.unit = Some(value("--unit")?),
            "--target" => parsed.target = Some(value("--target")?),
            "-h" | "--help" => return Err(USAGE.to_string()),
            flag if flag.starts_with("--") => return Err(format!("Không hiểu tùy chọn «{flag}».\n{USAGE}")),
            file => parsed.files.push(file.to_string()),
        }
    }
    Ok(parsed)
}

fn load_rules(path: Option<&str>) -> Result<RuleSet, String> {
    match path {
        None => RuleSet::default_rules().map_err(|e| e.in_file("qd766-2026.toml").to_string()),
        Some(p) => {
            let text = std::fs::read_to_string(p)
                .map_err(|e| format!("Không mở được bộ quy tắc «{p}»: {e}. Hãy kiểm tra đường dẫn."))?;
            RuleSet::from_toml(&text).map_err(|e| e.in_file(p).to_string())
        }
    }
}

fn write_output(out: Option<&str>, bytes: &[u8]) -> Result<(), String> {
    match out {
        Some(path) => std::fs::write(path, bytes)
            .map_err(|e| ReportError::Save { file: path.to_string(), detail: e.to_string() }.to_string()),
        None => std::io::stdout()
            .write_all(bytes)
            .map_err(|e| ReportError::Save { file: "stdout".to_string(), detail: e.to_string() }.to_string()),
    }
}

/// The files read and analysed, with what was wrong said on stderr; the flag is false when some
/// input could not be used.
fn analysed(args: &Args) -> Result<(RuleSet, Analysis, bool), String> {
    if args.files.is_empty() {
        return Err(format!("Chưa có tệp nào để tính điểm.\n{USAGE}"));
    }
    let rules = load_rules(args.rules.as_deref())?;
    let mut ok = true;
    let mut books = Vec::new();
    for path in &args.files {
        let name = std::path::Path::new(path).file_name().map_or(path.clone(), |n| n.to_string_lossy().into_owned());
        let bytes = match std::fs::read(path) {
            Ok(b) => b,
            Err(e) => {
                eprintln!("Không mở được tệp «{path}»: {e}. Hãy kiểm tra đường dẫn.");
                ok = false;
                continue;
            }
        };
        // A dossier list streams into records, as in the app: a province's month is never
        // millions of cells.
        match book::read(&name, &bytes, &Limits::default(), &mut |_| {}) {
            Ok((book, notes)) => {
                for note in notes {
                    eprintln!("{}", note.in_file(&name));
                }
                books.push(book);
            }
            Err(e) => {
                eprintln!("{}", e.in_file(&name));
                ok = false;
            }
        }
    }
    // A dossier list is tallied over the period asked for (else the month most dossiers fall in).
    let window = args.focus.current.as_ref().and_then(chiso::core::model::window::Window::of_period);
    let inputs: Vec<_> = books.iter().map(|b| (b, Choice { window: window.clone(), ..Choice::default() })).collect();
    let analysis = analyse(&inputs, &rules, &args.focus, &Default::default());
    for (flag, wanted) in [("--period", &args.focus.current), ("--compare-with", &args.focus.previous)] {
        if let Some(p) = wanted.as_ref().filter(|p| !analysis.periods.contains(p)) {
            let found: Vec<String> = analysis.periods.iter().map(|p| p.label(Lang::Vi)).collect();
            return Err(format!(
                "Không có kỳ «{}» ({flag}) trong các tệp; các kỳ có: {}.",
                p.label(Lang::Vi),
                if found.is_empty() { "không tệp nào ghi kỳ".into() } else { found.join(", ") }
            ));
        }
    }
    for e in &analysis.errors {
        eprintln!("{e}");
        ok = false;
    }
    for i in &analysis.issues {
        eprintln!("{}", i.message(Lang::Vi));
    }
    for w in &analysis.scores.warnings {
        eprintln!("{}", w.message(Lang::Vi));
    }
    for m in analysis.set_aside_messages(Lang::Vi) {
        eprintln!("{m}");
    }
    Ok((rules, analysis, ok))
}

/// Ok(true) when every input was used, Ok(false) when some input could not be.
fn score(args: &Args) -> Result<bool, String> {
    let format = Export::parse(&args.format).ok_or_else(|| {
        format!("Định dạng «{}» không có; hãy dùng json, csv, xlsx, docx hoặc appendix-xlsx (phụ lục).", args.format)
    })?;
    let (rules, analysis, ok) = analysed(args)?;
    let alert_rules = alerts::default_rules();
    let alerts = alerts::evaluate(&alert_rules, &analysis.scores, &rules);
    let comparison = compare(&analysis, &alert_rules, &rules);
    let made_at = now_iso();
    let from = Sources {
        analysis: &analysis,
        rules: &rules,
        alerts: &alerts,
        comparison: comparison.as_ref(),
        letter: None,
        made_at: &made_at,
    };
    let bytes = format.write(&from).map_err(|e| e.to_string())?;
    write_output(args.out.as_deref(), &bytes)?;
    Ok(ok)
}

/// The fewest dossiers that bring a unit, or the whole, to a target (the automation contract's
/// `chiso plan`).
fn plan(args: &Args) -> Result<bool, String> {
    let target_text = args.target.as_deref().ok_or_else(|| format!("Thiếu --target (số điểm muốn đạt).\n{USAGE}"))?;
    let target = chiso::core::model::values::typed(target_text)
        .filter(|t| (0.0..=1000.0).contains(t))
        .ok_or_else(|| format!("«{target_text}» (--target) không phải là số điểm; hãy ghi như 80 hoặc 72,5."))?;
    if args.format != "json" && args.format != "text" {
        return Err(format!("Định dạng «{}» không có cho plan; hãy dùng json hoặc text.", args.format));
    }
    if args.whole_plan {
        return plan_whole(args, target);
    }
    let name = args
        .unit
        .as_deref()
        .ok_or_else(|| format!("Thiếu --unit (tên đơn vị cần lập kế hoạch) hoặc --whole.\n{USAGE}"))?;
    let (rules, analysis, ok) = analysed(args)?;
    let units = &analysis.scores.units;
    let key = fold_words(name);
    let unit = units.iter().find(|u| fold_words(&u.name) == key).ok_or_else(|| {
        let names: Vec<&str> = units.iter().map(|u| u.name.as_str()).collect();
        format!("Không có đơn vị «{name}» trong các tệp; các đơn vị có: {}.", names.join(", "))
    })?;
    let plan = chiso::core::insight::plan::plan(unit, &rules, target);
    let text = match args.format.as_str() {
        "text" => {
            let mut lines = vec![plan.summary(Lang::Vi)];
            let fixable = chiso::core::insight::plan::fixable(&analysis, &unit.name);
            lines.extend(plan.lines(&rules, Lang::Vi, &fixable).into_iter().map(|l| format!("- {l}")));
            lines.join("\n") + "\n"
        }
        _ => chiso::core::report::json::plan(&plan).to_string() + "\n",
    };
    write_output(args.out.as_deref(), text.as_bytes())?;
    Ok(ok)
}

fn plan_whole(args: &Args, target: f64) -> Result<bool, String> {
    let (rules, analysis, ok) = analysed(args)?;
    let fixable = chiso::core::insight::plan::fixable_by_unit(&analysis);
    let plan = chiso::core::insight::plan::whole::plan_whole(&analysis.scores, &rules, target, &fixable)
        .ok_or_else(|| "Các tệp không có đơn vị nào để lập kế hoạch.".to_string())?;
    let text = match args.format.as_str() {
        "text" => {
            let mut lines = vec![plan.summary(Lang::Vi)];
            lines.extend(plan.lines(&rules, Lang::Vi).into_iter().map(|l| format!("- {l}")));
            lines.join("\n") + "\n"
        }
        _ => chiso::core::report::json::whole_plan(&plan).to_string() + "\n",
    };
    write_output(args.out.as_deref(), text.as_bytes())?;
    Ok(ok)
}

/// Now, as ISO 8601 in UTC (the letter's document properties).
fn now_iso() -> String {
    let seconds = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs());
    chrono::DateTime::from_timestamp(seconds as i64, 0).unwrap_or_default().format("%Y-%m-%dT%H:%M:%SZ").to_string()
}

fn workbook(args: &Args, make: fn(&RuleSet) -> Result<Vec<u8>, rust_xlsxwriter::XlsxError>) -> Result<bool, String> {
    let rules = load_rules(args.rules.as_deref())?;
    let bytes = make(&rules).map_err(|e| ReportError::writing(args.out.as_deref().unwrap_or("xlsx"), e).to_string())?;
    write_output(args.out.as_deref(), &bytes)?;
    Ok(true)
}

fn main() -> ExitCode {
    // A panic is said once, in Vietnamese, by whoever catches it (the reader names the file),
    // not as Rust's default report with a backtrace.
    std::panic::set_hook(Box::new(|_| {}));
    let run = || {
        parse_args().and_then(|args| match args.command.as_str() {
            "score" => score(&args),
            "plan" => plan(&args),
            "template" => workbook(&args, template::template),
            "sample" => workbook(&args, template::demo),
            other => Err(format!("Không có lệnh «{other}».\n{USAGE}")),
        })
    };
    let result = std::panic::catch_unwind(run).unwrap_or_else(|payload| {
        Err(format!(
            "chiso gặp lỗi nội bộ ({}) và đã dừng. Hãy báo lỗi kèm các tệp đã dùng.",
            chiso::core::read::panic_text(payload.as_ref())
        ))
    });
    match result {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(2),
        Err(message) => {
            eprintln!("{message}");
            ExitCode::from(2)
        }
    }
}
