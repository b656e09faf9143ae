// Benchmark: a province's month of dossiers (200,000 rows, target/bench/dossiers-200k.xlsx, written
// by `cargo run --release --example bench-dossiers`) in one headless Chromium: chiso from drop to
// results (the chiso:analysis measure) against SheetJS's XLSX.read, and XLSX.read +
// sheet_to_json, on the same bytes; with the peak resident memory of each tab's renderer process
// (VmHWM, which holds the page and its workers). 3 runs each, every run in a fresh tab.
// Run through tools/bench-browser.sh, or: node tests/bench/dossiers.mjs
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { root, serveDist, launch, openApp, waitForState } from '../e2e/harness.mjs';
import { sheetJs } from './sheetjs.mjs';

const file = process.argv[2] ?? join(root, 'target', 'bench', 'dossiers-200k.xlsx');
const bytes = readFileSync(file);
console.log(`workbook: ${bytes.length} bytes`);
const yardstick = await sheetJs(bytes);

const server = await serveDist();
const browser = await launch();
const cdp = await browser.newBrowserCDPSession();

/// The largest peak resident memory among the renderer processes, in MB.
async function peakRendererMb() {
    const { processInfo } = await cdp.send('SystemInfo.getProcessInfo');
    let peak = 0;
    for (const p of processInfo.filter((p) => p.type === 'renderer')) {
        try {
            const status = readFileSync(`/proc/${p.id}/status`, 'utf8');
            peak = Math.max(peak, Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024);
        } catch {
            // The process ended in between.
        }
    }
    return Math.round(peak);
}

const summary = (name, values, unit) => {
    const sorted = [...values].sort((a, b) => a - b);
    return `${name}: median ${sorted[Math.floor(sorted.length / 2)].toFixed(0)} ${unit}, min ${sorted[0].toFixed(0)}, max ${sorted[sorted.length - 1].toFixed(0)} over ${sorted.length} runs`;
};

const chiso = { times: [], read: [], memory: [] };
for (let i = 0; i < 3; i++) {
    const { page, context } = await openApp(browser, server.url);
    await page.locator('[data-testid="app-status"][data-reader="worker"]').waitFor();
    await page.locator('[data-testid="file-input"]').setInputFiles(file);
    await waitForState(page, 'ready');
    await page.locator('table[data-testid="dossier-actions"]').waitFor();
    const [total, read] = await page.evaluate(() => ['chiso:analysis', 'chiso:read'].map((m) => performance.getEntriesByName(m, 'measure')[0].duration));
    chiso.times.push(total);
    chiso.read.push(read);
    chiso.memory.push(await peakRendererMb());
    await context.close();
}

const sheet = { read: [], json: [], memory: [] };
for (let i = 0; i < 3; i++) {
    const { read, json } = await yardstick.run(browser, async () => sheet.memory.push(await peakRendererMb()));
    sheet.read.push(read);
    sheet.json.push(json);
}
await browser.close();
await server.close();
await yardstick.close();

const median = (v) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];
console.log(summary('chiso drop → results (chiso:analysis)', chiso.times, 'ms'));
console.log(summary('  of which reading (worker, and the hand-over: chiso:read)', chiso.read, 'ms'));
console.log(summary('chiso tab peak memory', chiso.memory, 'MB'));
console.log(summary('SheetJS XLSX.read', sheet.read, 'ms'));
console.log(summary('SheetJS XLSX.read + sheet_to_json', sheet.json, 'ms'));
console.log(summary('SheetJS tab peak memory', sheet.memory, 'MB'));
console.log(`SheetJS parse alone / chiso whole analysis: ${(median(sheet.read) / median(chiso.times)).toFixed(2)}×`);
