// Benchmark: a province's month of dossiers (200,000 rows, target/bench/dossiers-200k.xlsx, written
// by `cargo run --release --example bench-dossiers`) in one headless Chromium: chiso from drop to
// results (the chiso:analysis measure) against SheetJS's XLSX.read, and XLSX.read +
// sheet_to_json, on the same bytes; with the peak resident memory of each tab's renderer process
// (VmHWM, which holds the page and its workers). 3 runs each, every run in a fresh tab.
// Run through tools/bench-browser.sh, or: node tests/bench/dossiers.mjs
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { root, serveDist, launch, openApp, waitForState } from '../e2e/harness.mjs';

const file = process.argv[2] ?? join(root, 'target', 'bench', 'dossiers-200k.xlsx');
const bytes = readFileSync(file);
const sheetjs = readFileSync(createRequire(join(root, 'tests', 'package.json')).resolve('xlsx/dist/xlsx.full.min.js'));
console.log(`workbook: ${bytes.length} bytes`);

// SheetJS runs on a page of its own origin, with the file served beside it.
const other = createServer((req, res) => {
    const routes = {
        '/': ['text/html', '<!doctype html><meta charset="utf-8"><title>SheetJS</title><script src="xlsx.js"></script>'],
        '/xlsx.js': ['text/javascript', sheetjs],
        '/data.xlsx': ['application/octet-stream', bytes],
    };
    const [type, body] = routes[req.url] ?? ['text/plain', 'not found'];
    res.writeHead(routes[req.url] ? 200 : 404, { 'content-type': type }).end(body);
});
await new Promise((resolve) => other.listen(0, '127.0.0.1', resolve));
const otherUrl = `http://127.0.0.1:${other.address().port}/`;

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
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(otherUrl);
    const [read, json, rows] = await page.evaluate(async () => {
        const data = new Uint8Array(await (await fetch('data.xlsx')).arrayBuffer());
        const t0 = performance.now();
        const book = XLSX.read(data, { type: 'array' });
        const t1 = performance.now();
        const rows = XLSX.utils.sheet_to_json(book.Sheets[book.SheetNames[0]], { header: 1 });
        const t2 = performance.now();
        return [t1 - t0, t2 - t0, rows.length];
    });
    if (rows < 200_000) throw new Error(`SheetJS read ${rows} rows`);
    sheet.read.push(read);
    sheet.json.push(json);
    sheet.memory.push(await peakRendererMb());
    await context.close();
}
await browser.close();
await server.close();
await new Promise((resolve) => other.close(resolve));

const median = (v) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];
console.log(summary('chiso drop → results (chiso:analysis)', chiso.times, 'ms'));
console.log(summary('  of which reading (worker, and the hand-over: chiso:read)', chiso.read, 'ms'));
console.log(summary('chiso tab peak memory', chiso.memory, 'MB'));
console.log(summary('SheetJS XLSX.read', sheet.read, 'ms'));
console.log(summary('SheetJS XLSX.read + sheet_to_json', sheet.json, 'ms'));
console.log(summary('SheetJS tab peak memory', sheet.memory, 'MB'));
console.log(`SheetJS parse alone / chiso whole analysis: ${(median(sheet.read) / median(chiso.times)).toFixed(2)}×`);
