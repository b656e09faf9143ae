//! The conversation, natively: every request and reply crosses as the page and the worker send
//! it ([`Posted`]), and the engine answers as the worker does.

use super::protocol::{unpack_part, SLICE};
use super::*;
use crate::core::dossier::book::Streamed;
use crate::core::model::table::Cell;
use crate::core::read::{read_file, ReadError};
use crate::core::report::export::Export;
use crate::core::report::job::{Made, Writing, SAMPLE_NAME};
use crate::core::rules::DEFAULT_RULES;

/// Two units: Xã A settled 8 of its 10 dossiers on time, Xã B all 5 of its.
const CSV: &str = "Đơn vị;Hồ sơ đúng hạn, trong hạn (tử số);Hồ sơ đúng hạn, trong hạn (mẫu số)\nXã A;8;10\nXã B;5;5\n";

const NOW: &str = "2026-12-07T00:00:00Z";

fn inputs(ids: &[u32]) -> Inputs {
    Inputs { files: ids.iter().map(|id| (*id, Choice::default())).collect(), ..Inputs::default() }
}

/// `request` as the page posts it, answered by `engine` as the worker answers, the answer as
/// the page receives it.
fn ask(engine: &mut Engine, request: Request, buffers: Vec<Vec<u8>>) -> Option<Posted<Reply>> {
    let crossed = Posted::<Request>::decode(Posted { message: request, buffers }.encode()).unwrap();
    let reply = engine.handle(crossed.message, crossed.buffers, &mut |_| {}, NOW)?;
    Some(Posted::decode(reply.encode()).unwrap())
}

/// An engine with the default rules and the CSV read under `id`.
fn engine_with(id: u32) -> Engine {
    let mut engine = Engine::default();
    let Some(Posted { message: Reply::Rules(parsed), .. }) =
        ask(&mut engine, Request::SetRules(DEFAULT_RULES.to_string()), vec![])
    else {
        panic!("no rule set")
    };
    // The set as the page receives it: Decision 766's six groups, 100 points in all.
    let parsed = (*parsed).unwrap();
    assert_eq!(parsed.groups.len(), 6);
    assert_eq!(parsed.groups.iter().map(|g| g.max).sum::<f64>(), 100.0);
    let request = Request::Read { id, name: "xa.csv".into(), limits: Limits::default(), quiet: false };
    ask(&mut engine, request, vec![CSV.as_bytes().to_vec()]).unwrap();
    engine
}

/// The results of an answer, its parts put back in.
fn results_of(posted: Posted<Reply>) -> Result<Results, EngineError> {
    let Reply::Analysed(head) = posted.message else { panic!("not results: {:?}", posted.message) };
    let mut results = (*head)?;
    for part in &posted.buffers {
        unpack_part(&mut results, part)?;
    }
    Ok(results)
}

#[test]
fn every_request_and_reply_crosses_unchanged() {
    let loaded = book::read("xa.csv", CSV.as_bytes(), &Limits::default(), &mut |_| {}).unwrap();
    let results = csv_results();
    assert!(!results.alerts.is_empty());
    let requests = [
        Request::SetRules(DEFAULT_RULES.to_string()),
        Request::Read { id: 3, name: "xa.csv".into(), limits: Limits::default(), quiet: true },
        Request::Forget(3),
        Request::Analyse(inputs(&[3, 4])),
        Request::Make(Job::Export { export: Export::Docx, letter: None }),
        Request::Make(Job::FixList { file: "ho-so.xlsx".into(), unit: Some("Xã A".into()) }),
        Request::Make(Job::Template),
        Request::Make(Job::Sample),
        Request::Make(Job::WholePlan { target: 90.0 }),
        Request::Write,
    ];
    for request in requests {
        let posted = Posted { message: request, buffers: vec![vec![1, 2, 3]] };
        assert_eq!(Posted::decode(posted.clone().encode()), Ok(posted));
    }
    let replies = [
        Reply::Ready,
        Reply::Progress(Progress { rows_done: 10, rows_total: 20 }),
        Reply::Rules(Box::new(RuleSet::default_rules())),
        Reply::Rules(Box::new(Err(RuleError::GroupSum { group: "G1".into(), max: 20.0, sum: 19.0 }))),
        Reply::Read { outline: Some(Ok(loaded)), found: None },
        Reply::Read { outline: Some(Err(ReadError::Empty)), found: None },
        Reply::Read { outline: None, found: found_in_csv() },
        Reply::Analysed(Box::new(Ok(results))),
        Reply::Analysed(Box::new(Err(EngineError::Missing(vec![7])))),
        Reply::Made(Err(ReportError::writing("a.csv", "full"))),
        Reply::Write,
    ];
    for reply in replies {
        let posted = Posted::new(reply);
        assert_eq!(Posted::decode(posted.clone().encode()), Ok(posted));
    }
    // A made file's bytes cross beside the reply, not inside it.
    let made = Made { file: "a.csv".into(), mime: "text/csv".into(), bytes: b"x;y".to_vec() };
    let posted = Posted::made(Ok(made.clone()));
    assert_eq!(posted.buffers, vec![b"x;y".to_vec()]);
    assert_eq!(Posted::<Reply>::decode(posted.encode()).unwrap().into_made("a.csv"), Ok(made));
    // A damaged message is said, not taken for another.
    assert!(Posted::<Reply>::decode(vec![vec![0xff, 0xff]]).is_err());
    assert!(Posted::<Reply>::decode(Vec::new()).is_err());
}

/// The table found in the CSV with no choice made.
fn found_in_csv() -> Option<(usize, Mapping)> {
    let mut engine = Engine::default();
    ask(&mut engine, Request::SetRules(DEFAULT_RULES.to_string()), vec![]);
    let request = Request::Read { id: 1, name: "xa.csv".into(), limits: Limits::default(), quiet: true };
    match ask(&mut engine, request, vec![CSV.as_bytes().to_vec()]) {
        Some(Posted { message: Reply::Read { found, .. }, .. }) => found,
        _ => None,
    }
}

/// The CSV's results, with Xã A's alert (80 % on time).
fn csv_results() -> Results {
    let mut engine = engine_with(1);
    results_of(ask(&mut engine, Request::Analyse(inputs(&[1])), vec![]).unwrap()).unwrap()
}

#[test]
fn the_engine_analyses_what_it_holds_and_says_what_it_lacks() {
    let mut engine = Engine::default();
    ask(&mut engine, Request::SetRules(DEFAULT_RULES.to_string()), vec![]);
    let read = Request::Read { id: 7, name: "xa.csv".into(), limits: Limits::default(), quiet: false };
    let Some(Posted { message: Reply::Read { outline, found }, .. }) =
        ask(&mut engine, read, vec![CSV.as_bytes().to_vec()])
    else {
        panic!("no reading")
    };
    let book = read_file("xa.csv", CSV.as_bytes()).unwrap().workbook;
    assert_eq!(outline.unwrap().unwrap().0.workbook, book.outline());
    assert_eq!(found.map(|(sheet, m)| (sheet, m.headers.len())), Some((0, 3)));
    // What the page receives is what analysing the workbook directly gives.
    let results = results_of(ask(&mut engine, Request::Analyse(inputs(&[7])), vec![]).unwrap()).unwrap();
    let rules = RuleSet::from_toml(DEFAULT_RULES).unwrap();
    let direct = analyse(&[(&book, Choice::default())], &rules, &Focus::default(), &Typed::default());
    assert_eq!(results.analysis, direct);
    // Only on-time figures: the ranking marks what the units lack.
    assert!(results.analysis.scores.lacks_figures());
    // Xã A settled 80 % on time, under the target: its alert comes with the results.
    assert!(results.alerts.iter().any(|a| a.unit == "Xã A") && !results.alerts.iter().any(|a| a.unit == "Xã B"));
    let names: Vec<&str> = results.analysis.scores.units.iter().map(|u| u.name.as_str()).collect();
    assert_eq!(names, ["Xã A", "Xã B"]);
    // A worker started afresh holds nothing: the page is told which files to send again.
    let mut fresh = Engine::default();
    ask(&mut fresh, Request::SetRules(DEFAULT_RULES.to_string()), vec![]);
    let lacking = results_of(ask(&mut fresh, Request::Analyse(inputs(&[7, 9])), vec![]).unwrap());
    assert_eq!(lacking, Err(EngineError::Missing(vec![7, 9])));
    assert_eq!(ask(&mut engine, Request::Forget(7), vec![]), None);
    let forgotten = results_of(ask(&mut engine, Request::Analyse(inputs(&[7])), vec![]).unwrap());
    assert_eq!(forgotten, Err(EngineError::Missing(vec![7])));
}

#[test]
fn without_a_valid_rule_set_nothing_is_analysed_and_the_reason_is_its_error() {
    let mut engine = Engine::default();
    let read = Request::Read { id: 1, name: "xa.csv".into(), limits: Limits::default(), quiet: true };
    let Some(Posted { message: Reply::Read { outline, found }, .. }) =
        ask(&mut engine, read, vec![CSV.as_bytes().to_vec()])
    else {
        panic!("no reading")
    };
    // Quiet: the page has the outline already; no rules yet, so no table is looked for.
    assert_eq!((outline, found), (None, None));
    let Some(Posted { message: Reply::Rules(refused), .. }) =
        ask(&mut engine, Request::SetRules("[[groups]".into()), vec![])
    else {
        panic!("no answer to a broken rule set")
    };
    assert!(matches!(*refused, Err(RuleError::Syntax(_))), "{refused:?}");
    let Err(EngineError::Rules(_)) = results_of(ask(&mut engine, Request::Analyse(inputs(&[1])), vec![]).unwrap())
    else {
        panic!("analysed with a broken rule set")
    };
}

#[test]
fn downloads_are_made_from_the_last_results_and_the_request_names_nothing_else() {
    let mut engine = engine_with(1);
    let job = Job::Export { export: Export::Csv, letter: None };
    let make = |engine: &mut Engine| ask(engine, Request::Make(job.clone()), vec![]).unwrap().into_made("x.csv");
    // Nothing analysed yet: said, not made empty.
    assert!(matches!(make(&mut engine), Err(ReportError::Write { .. })));
    let results = results_of(ask(&mut engine, Request::Analyse(inputs(&[1])), vec![]).unwrap()).unwrap();
    assert!(!results.alerts.is_empty(), "Xã A's alert is held by the engine");
    let text = String::from_utf8(make(&mut engine).unwrap().bytes).unwrap();
    // Ranked by the results held: all on time comes first.
    let rank =
        |unit: &str| text.lines().find(|l| l.contains(unit)).and_then(|l| l.split(';').next()).map(str::to_string);
    assert_eq!((rank("Xã B").as_deref(), rank("Xã A").as_deref()), (Some("1"), Some("2")), "{text}");
    // The request is the export's name and the absent letter: a handful of bytes, whatever
    // the alerts and the comparison weigh.
    let request = Posted::new(Request::Make(job)).encode();
    assert!(request[0].len() < 8, "{} bytes", request[0].len());
}

/// A document asked of the engine, made by the writer as the page passes it on.
fn written(engine: &mut Engine, job: Job) -> (Posted<Reply>, Result<Made, ReportError>) {
    let file = job.file_name(engine.last.as_ref().map(|r| &r.analysis));
    let answer = ask(engine, Request::Make(job), vec![]).unwrap();
    assert_eq!(answer.message, Reply::Write, "a document is the writer's");
    let relayed =
        Posted::<Request>::decode(Posted { message: Request::Write, buffers: answer.buffers.clone() }.encode());
    let made = Posted::<Reply>::decode(protocol::write(relayed.unwrap()).encode()).unwrap().into_made(&file);
    (answer, made)
}

#[test]
fn the_sample_is_made_by_the_writer_and_read_by_the_engine_as_any_file() {
    let mut engine = Engine::default();
    ask(&mut engine, Request::SetRules(DEFAULT_RULES.to_string()), vec![]);
    let (_, made) = written(&mut engine, Job::Sample);
    let made = made.unwrap();
    assert_eq!(made.file, SAMPLE_NAME);
    let read = Request::Read { id: 2, name: made.file.clone(), limits: Limits::default(), quiet: false };
    let Some(Posted { message: Reply::Read { outline: Some(Ok((loaded, _))), .. }, .. }) =
        ask(&mut engine, read, vec![made.bytes.clone()])
    else {
        panic!("the sample does not read")
    };
    let again = read_file(SAMPLE_NAME, &made.bytes).unwrap();
    assert_eq!(again.workbook.outline(), loaded.workbook);
    let results = results_of(ask(&mut engine, Request::Analyse(inputs(&[2])), vec![]).unwrap()).unwrap();
    let rules = RuleSet::from_toml(DEFAULT_RULES).unwrap();
    let direct = analyse(&[(&again.workbook, Choice::default())], &rules, &Focus::default(), &Typed::default());
    assert_eq!(results.analysis.scores, direct.scores);
    // The sample town's eight communes (tests/fixtures/README: An Hòa).
    assert!(!results.analysis.scores.units.is_empty());
}

/// Three dossiers of Xã A, one (H2) settled after its due date; one of Xã B, on time.
const LIST: &str = "Số hồ sơ,Đơn vị,Ngày tiếp nhận,Ngày hẹn trả,Ngày có kết quả\n\
H1,Xã A,02/11/2026,10/11/2026,09/11/2026\n\
H2,Xã A,03/11/2026,10/11/2026,14/11/2026\n\
H3,Xã A,04/11/2026,12/11/2026,12/11/2026\n\
H4,Xã B,05/11/2026,12/11/2026,06/11/2026\n";

#[test]
fn a_document_crosses_with_only_what_it_is_made_from_and_the_writer_makes_it() {
    let mut engine = Engine::default();
    ask(&mut engine, Request::SetRules(DEFAULT_RULES.to_string()), vec![]);
    let read = Request::Read { id: 5, name: "ho-so.csv".into(), limits: Limits::default(), quiet: true };
    ask(&mut engine, read, vec![LIST.as_bytes().to_vec()]);
    results_of(ask(&mut engine, Request::Analyse(inputs(&[5])), vec![]).unwrap()).unwrap();
    let records = |posted: &Posted<Reply>| {
        let writing: Writing = postcard::from_bytes(&posted.buffers[0]).unwrap();
        writing
            .results
            .map(|r| r.analysis.tables.iter().flat_map(|t| &t.dossiers).map(|d| d.list.dossiers.len()).sum::<usize>())
    };
    // The letter is made from the scores: no dossier record crosses for it.
    let (answer, letter) = written(&mut engine, Job::Export { export: Export::Docx, letter: None });
    assert_eq!(records(&answer), Some(0));
    let letter = letter.unwrap();
    assert_eq!(&letter.bytes[..4], b"PK\x03\x04");
    assert!(letter.file.ends_with("-cong-bo.docx"), "{}", letter.file);
    // Xã A's to-fix workbook is made from its list's four records, and names the late one.
    let (answer, fix) = written(&mut engine, Job::FixList { file: "ho-so.csv".into(), unit: Some("Xã A".into()) });
    assert_eq!(records(&answer), Some(4));
    let book = read_file("sua.xlsx", &fix.unwrap().bytes).unwrap().workbook;
    let texts: Vec<String> = book.sheets.iter().flat_map(|s| s.rows().flatten().map(Cell::text)).collect();
    assert!(texts.iter().any(|t| t == "H2"), "{texts:?}");
    assert!(!texts.iter().any(|t| t == "H1" || t == "H4"), "{texts:?}");
    // The template needs no results at all.
    let (answer, template) = written(&mut engine, Job::Template);
    assert_eq!(records(&answer), None);
    assert_eq!(template.unwrap().file, "chiso-mau-so-lieu.xlsx");
    // A text file is made by the engine itself.
    let csv = ask(&mut engine, Request::Make(Job::Export { export: Export::Csv, letter: None }), vec![]).unwrap();
    assert!(matches!(csv.message, Reply::Made(Ok(_))), "{:?}", csv.message);
    // A request the writer does not make, or a writing it cannot decode, is said with the file's name.
    let stray = Posted::<Reply>::decode(protocol::write(Posted::new(Request::Forget(1))).encode()).unwrap();
    assert!(matches!(stray.into_made("a.xlsx"), Err(ReportError::Write { file, .. }) if file == "a.xlsx"));
    let damaged = protocol::write(Posted { message: Request::Write, buffers: vec![vec![0xff; 3]] });
    assert!(matches!(damaged.into_made("b.docx"), Err(ReportError::Write { file, .. }) if file == "b.docx"));
}

#[test]
fn a_dossier_list_crosses_in_slices_and_arrives_whole() {
    let mut engine = Engine::default();
    ask(&mut engine, Request::SetRules(DEFAULT_RULES.to_string()), vec![]);
    // 45,000 dossiers of two communes, all received in November 2026: three slices.
    let mut text = String::from("Số hồ sơ,Đơn vị,Ngày tiếp nhận,Ngày hẹn trả,Ngày có kết quả\n");
    for i in 0..45_000 {
        let unit = if i % 3 == 0 { "Xã A" } else { "Xã B" };
        text.push_str(&format!("H{i},{unit},{:02}/11/2026,28/11/2026,{:02}/11/2026\n", 1 + i % 27, 2 + i % 27));
    }
    let read = Request::Read { id: 3, name: "ho-so.csv".into(), limits: Limits::default(), quiet: false };
    let Some(Posted { message: Reply::Read { outline: Some(Ok((outline, _))), found }, .. }) =
        ask(&mut engine, read, vec![text.into_bytes()])
    else {
        panic!("no reading")
    };
    assert!(outline.list(0).is_some_and(|l| l.dossiers.is_empty()), "read as a dossier list, its records to come");
    assert_eq!(outline.workbook.sheets[0].rows_in_file(), 45_001);
    assert_eq!(found, None);
    let answer = ask(&mut engine, Request::Analyse(inputs(&[3])), vec![]).unwrap();
    // Beside the head, three slices of records and the history; every dossier was settled on
    // time, so there is no alert to send.
    assert_eq!(answer.buffers.len(), 3 + 1);
    assert_eq!(45_000_usize.div_ceil(SLICE), 3);
    let Reply::Analysed(head) = &answer.message else { panic!("no results") };
    let Ok(head) = head.as_ref() else { panic!("no results") };
    let list = |r: &Results| r.analysis.tables[0].dossiers.as_ref().map(|d| d.list.dossiers.len());
    assert_eq!(list(head), Some(0));
    let mut back = head.clone();
    let results = results_of(answer).unwrap();
    assert_eq!(list(&results), Some(45_000));
    assert_eq!(results.alerts.len(), 0);
    assert_eq!(engine.last.as_ref(), Some(&results));
    let names: Vec<&str> = results.analysis.scores.units.iter().map(|u| u.name.as_str()).collect();
    assert_eq!(names, ["Xã A", "Xã B"]);
    // A slice for a table without a list is refused.
    let stray = pack(Ok(&mut results.clone())).buffers.remove(0);
    back.analysis.tables[0].dossiers = None;
    assert!(unpack_part(&mut back, &stray).is_err());
}

/// An engine error says itself in Vietnamese and composes: a rule set's error is its source.
#[test]
fn engine_errors_compose() {
    let error: EngineError = RuleError::NoGroups.into();
    assert_eq!(
        error.to_string(),
        "chiso chưa tính được kết quả: bộ quy tắc đang dùng không hợp lệ (tệp không khai báo nhóm nào ([[groups]])). Các tệp đã mở vẫn còn nguyên; hãy tải lại trang hoặc mở lại tệp."
    );
    let composed: Box<dyn std::error::Error> = Box::new(error);
    assert_eq!(composed.source().map(|s| s.to_string()).as_deref(), Some("tệp không khai báo nhóm nào ([[groups]])"));
    assert!(!EngineError::Missing(vec![7, 9]).to_string().contains("[7, 9]"), "no Debug text reaches a user");
    assert!(EngineError::Missing(vec![7, 9]).to_string().contains("chưa có 2 tệp đã mở"));
}
