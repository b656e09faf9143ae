// Benchmark: the release build in headless Chromium analyses a workbook from drop to results
// (the chiso:analysis measure: read in the worker, handed to the page, scored, drawn), 5 runs;
// prints the wasm sizes too. Run through tools/bench-browser.sh.
//   node tests/bench/browser.mjs [FILE]   default target/bench/rows-100k.xlsx (bench-read writes it)
import { join } from 'node:path';
import { statSync, readFileSync, readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { root, serveDist, launch, openApp, waitForState } from '../e2e/harness.mjs';

const file = process.argv[2] ?? join(root, 'target', 'bench', 'rows-100k.xlsx');
const dist = join(root, 'dist');
// The page's wasm and the reading worker's.
for (const wasm of readdirSync(dist).filter((f) => f.endsWith('.wasm'))) {
    const bytes = readFileSync(join(dist, wasm));
    console.log(`wasm ${wasm}: ${bytes.length} bytes raw, ${gzipSync(bytes, { level: 9 }).length} bytes gzip -9`);
}
console.log(`workbook: ${statSync(file).size} bytes`);

const server = await serveDist();
const browser = await launch();
const times = [];
for (let i = 0; i < 5; i++) {
    const { page, context } = await openApp(browser, server.url);
    await page.locator('[data-testid="app-status"][data-reader="worker"]').waitFor();
    await page.locator('[data-testid="file-input"]').setInputFiles(file);
    await waitForState(page, 'ready');
    times.push(await page.evaluate(() => performance.getEntriesByName('chiso:analysis', 'measure')[0].duration));
    await context.close();
}
await browser.close();
await server.close();
times.sort((a, b) => a - b);
console.log(`browser chiso:analysis: median ${times[2].toFixed(0)} ms, min ${times[0].toFixed(0)} ms, max ${times[4].toFixed(0)} ms over 5 runs`);
