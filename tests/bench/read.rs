//! Benchmark: read a 100,000-row × 15-column workbook natively with the same code the browser
//! runs. Writes the workbook to target/bench/rows-100k.xlsx on first use (the browser benchmark
//! reads the same file). Run: `cargo run --release --example bench-read`.

use std::path::PathBuf;
use std::time::Instant;

use rust_xlsxwriter::Workbook;

const ROWS: u32 = 100_000;
const COLS: u16 = 15;

fn workbook_path() -> Result<PathBuf, Box<dyn std::error::Error>> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/bench");
    std::fs::create_dir_all(&dir)?;
    let path = dir.join("rows-100k.xlsx");
    if !path.exists() {
        let mut book = Workbook::new();
        let sheet = book.add_worksheet().set_name("Hồ sơ")?;
        for c in 0..COLS {
            sheet.write_string(0, c, format!("Cột {}", c + 1))?;
        }
        for r in 1..=ROWS {
            sheet.write_string(r, 0, format!("HS-{r:06}"))?;
            sheet.write_string(r, 1, format!("UBND xã {}", r % 97))?;
            for c in 2..COLS {
                sheet.write_number(r, c, ((r as u64 * 7919 + c as u64 * 104_729) % 10_000) as f64)?;
            }
        }
        book.save(&path)?;
    }
    Ok(path)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = workbook_path()?;
    let bytes = std::fs::read(&path)?;
    println!("{} ({} bytes)", path.display(), bytes.len());
    let mut times = Vec::new();
    for _ in 0..5 {
        let start = Instant::now();
        let loaded = chiso::core::read::read_file("rows-100k.xlsx", &bytes).map_err(|e| format!("{e:?}"))?;
        times.push(start.elapsed().as_secs_f64() * 1000.0);
        let sheet = &loaded.workbook.sheets[0];
        assert_eq!((sheet.height(), sheet.width()), (ROWS as usize + 1, COLS as usize));
    }
    times.sort_by(f64::total_cmp);
    println!("native read: median {:.0} ms, min {:.0} ms, max {:.0} ms over 5 runs", times[2], times[0], times[4]);
    Ok(())
}
