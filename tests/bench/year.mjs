// Benchmark: a big province's year (issue 28), 1,000,000 dossiers as the one-stop system exports
// them (target/bench/dossiers-1m-mot-cua.xlsx, written by `cargo run --release --example
// bench-dossiers year`), on the release build in dist/ and natively, each figure against its
// yardstick, printed as a ratio (≤ 1 meets it):
//   - drop → results in Chromium against chiso's native CLI on the same file (yardstick 2);
//   - the engine worker's wasm memory at its peak (it only grows) against 1 GB, with the tab's
//     peak resident memory (VmHWM of its renderer, which holds the page and its workers);
//   - the longest main-thread task from drop to results against 200 ms;
//   - the native CLI's peak resident memory, reported.
// One run each: a run takes tens of seconds. Run through tools/bench-browser.sh, or:
//   node tests/bench/year.mjs XLSX CLI
import { readFileSync, statSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { serveDist, launch, openApp, waitForState } from '../e2e/harness.mjs';

const [file, cli] = process.argv.slice(2);
console.log(`workbook: ${file}, ${statSync(file).size} bytes`);
const report = (name, value, unit, yardstick, note = '') =>
    console.log(`${name}: ${value.toFixed(unit === '×' ? 2 : 0)} ${unit} / ${yardstick} ${unit} = ${(value / yardstick).toFixed(2)}${note ? ` (${note})` : ''}`);

/// The CLI's wall time and peak resident memory (VmHWM, read while it runs: it only grows). CSV:
/// reading and scoring as the page does, without the JSON's action list the page never writes.
function native() {
    return new Promise((resolve, reject) => {
        const t0 = performance.now();
        const child = spawn(cli, ['score', file, '--format', 'csv'], { stdio: ['ignore', 'ignore', 'inherit'] });
        let peak = 0;
        const poll = setInterval(() => {
            try {
                const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
                peak = Math.max(peak, Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024);
            } catch {
                // Ended in between.
            }
        }, 50);
        child.on('exit', (code) => {
            clearInterval(poll);
            if (code === 0) resolve({ ms: performance.now() - t0, mb: peak });
            else reject(new Error(`chiso score exited with ${code}`));
        });
    });
}

const server = await serveDist();
const browser = await launch();
const cdp = await browser.newBrowserCDPSession();

async function peakRendererMb() {
    const { processInfo } = await cdp.send('SystemInfo.getProcessInfo');
    let peak = 0;
    for (const p of processInfo.filter((p) => p.type === 'renderer')) {
        try {
            peak = Math.max(peak, Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${p.id}/status`, 'utf8'))?.[1] ?? 0) / 1024);
        } catch {
            // Ended in between.
        }
    }
    return peak;
}

const { page, context } = await openApp(browser, server.url);
await page.locator('[data-testid="app-status"][data-reader="worker"]').waitFor();
await page.evaluate(() => {
    window.__tasks = [];
    new PerformanceObserver((list) => {
        for (const e of list.getEntries()) window.__tasks.push(e.duration);
    }).observe({ type: 'longtask' });
});
await page.locator('[data-testid="file-input"]').setInputFiles(file);
await waitForState(page, 'ready').catch(async (e) => {
    console.log(await page.locator('[data-testid="error"]').allInnerTexts());
    throw e;
});
const browserMs = await page.evaluate(() => performance.getEntriesByName('chiso:analysis', 'measure')[0].duration);
const longest = await page.evaluate(() => Math.max(0, ...window.__tasks));
const worker = page.workers()[0];
const wasmMb = (await worker.evaluate(() => self.chisoMemory.buffer.byteLength)) / 1024 / 1024;
const tabMb = await peakRendererMb();
await context.close();
await browser.close();
await server.close();

const cliRun = await native();
console.log(`  drop → results ${browserMs.toFixed(0)} ms in Chromium, native CLI ${cliRun.ms.toFixed(0)} ms; tab peak ${tabMb.toFixed(0)} MB`);
report('year: chiso in Chromium / native CLI', browserMs / cliRun.ms, '×', 2);
report('year: engine wasm memory at its peak', wasmMb, 'MB', 1024);
report('year: longest main-thread task, drop → results', longest, 'ms', 200);
console.log(`year: native CLI peak resident memory ${cliRun.mb.toFixed(0)} MB`);
