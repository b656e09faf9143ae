//! Benchmark: scoring 10,000 units natively (100 districts of 99 communes, pooled roll-up), and
//! reading + scoring a 5,000-unit workbook, which it writes to target/bench/units-5000.xlsx for
//! the browser benchmark. Run: `cargo run --release --example bench-score`.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::time::Instant;

use chiso::core::analysis::{analyse, Choice, Focus};
use chiso::core::figures::{Figure, Place, UnitRow};
use chiso::core::read::read_file;
use chiso::core::rules::RuleSet;
use chiso::core::scoring::score_units;
use rust_xlsxwriter::Workbook;

struct Lcg(u64);

impl Lcg {
    fn next(&mut self, below: u64) -> u64 {
        self.0 = self.0.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) % below
    }
}

fn units(count: usize, rules: &RuleSet) -> Vec<UnitRow> {
    let mut rng = Lcg(10_000);
    (0..count)
        .map(|i| {
            let district = i / 100;
            let (name, parent) = if i % 100 == 0 {
                (format!("Huyện {district}"), None)
            } else {
                (format!("Xã {i}"), Some(format!("Huyện {district}")))
            };
            let figures = rules
                .criteria
                .iter()
                .map(|c| {
                    let d = 1.0 + rng.next(5000) as f64;
                    let n = (d * rng.next(1001) as f64 / 1000.0).floor();
                    (c.code.clone(), Figure { numerator: Some(n), denominator: Some(d), rate: None })
                })
                .collect();
            UnitRow {
                name,
                kind: None,
                parent,
                period: None,
                source: Place::default(),
                figures,
                tracked: BTreeMap::new(),
                group_scores: BTreeMap::new(),
                total_score: None,
                origins: Default::default(),
            }
        })
        .collect()
}

fn median_ms(mut f: impl FnMut()) -> (f64, f64, f64) {
    let mut times: Vec<f64> = (0..5)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    times.sort_by(f64::total_cmp);
    (times[2], times[0], times[4])
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let rules = RuleSet::default_rules().map_err(|e| format!("{e:?}"))?;
    let rows = units(10_000, &rules);
    let (med, min, max) = median_ms(|| {
        let scores = score_units(&rows, &rules);
        assert_eq!(scores.units.len(), 10_000);
    });
    println!("score 10,000 units: median {med:.1} ms (min {min:.1}, max {max:.1}) over 5 runs");

    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/bench");
    std::fs::create_dir_all(&dir)?;
    let path = dir.join("units-5000.xlsx");
    let mut book = Workbook::new();
    let sheet = book.add_worksheet().set_name("Số liệu")?;
    sheet.write_string(0, 0, "Đơn vị")?;
    sheet.write_string(0, 1, "Đơn vị cấp trên")?;
    for (j, c) in rules.criteria.iter().enumerate() {
        sheet.write_string(0, 2 + 2 * j as u16, format!("{} (tử số)", c.code))?;
        sheet.write_string(0, 3 + 2 * j as u16, format!("{} (mẫu số)", c.code))?;
    }
    for (i, u) in units(5000, &rules).iter().enumerate() {
        let r = 1 + i as u32;
        sheet.write_string(r, 0, &u.name)?;
        sheet.write_string(r, 1, u.parent.as_deref().unwrap_or(""))?;
        for (j, c) in rules.criteria.iter().enumerate() {
            let f = &u.figures[&c.code];
            sheet.write_number(r, 2 + 2 * j as u16, f.numerator.unwrap_or(0.0))?;
            sheet.write_number(r, 3 + 2 * j as u16, f.denominator.unwrap_or(0.0))?;
        }
    }
    book.save(&path)?;
    let bytes = std::fs::read(&path)?;
    println!("{} ({} bytes)", path.display(), bytes.len());
    let (med, min, max) = median_ms(|| {
        let wb = read_file("units-5000.xlsx", &bytes).expect("read").workbook;
        let analysis = analyse(&[(&wb, Choice::default())], &rules, &Focus::default(), &Default::default());
        assert_eq!(analysis.scores.units.len(), 5000);
    });
    println!("read + score 5,000-unit workbook natively: median {med:.1} ms (min {min:.1}, max {max:.1}) over 5 runs");
    Ok(())
}
