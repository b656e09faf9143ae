// The benchmarks' yardstick: SheetJS on a page of its own origin, with the workbook served beside
// it, timed reading the workbook (XLSX.read) and turning its first sheet into rows (sheet_to_json).
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { root } from '../e2e/harness.mjs';

const sheetjs = readFileSync(createRequire(join(root, 'tests', 'package.json')).resolve('xlsx/dist/xlsx.full.min.js'));

/// Serves SheetJS and `bytes` on 127.0.0.1; `run(browser)` times one read in a fresh context:
/// `{ read, json, rows }` in ms (json: read + sheet_to_json) and rows read.
export async function sheetJs(bytes) {
    const server = createServer((req, res) => {
        const routes = {
            '/': ['text/html', '<!doctype html><meta charset="utf-8"><title>SheetJS</title><script src="xlsx.js"></script>'],
            '/xlsx.js': ['text/javascript', sheetjs],
            '/data.xlsx': ['application/octet-stream', bytes],
        };
        const [type, body] = routes[req.url] ?? ['text/plain', 'not found'];
        res.writeHead(routes[req.url] ? 200 : 404, { 'content-type': type }).end(body);
    });
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${server.address().port}/`;
    return {
        async run(browser, after = async () => {}) {
            const context = await browser.newContext();
            const page = await context.newPage();
            await page.goto(url);
            const [read, json, rows] = await page.evaluate(async () => {
                const data = new Uint8Array(await (await fetch('data.xlsx')).arrayBuffer());
                const t0 = performance.now();
                const book = XLSX.read(data, { type: 'array' });
                const t1 = performance.now();
                const rows = XLSX.utils.sheet_to_json(book.Sheets[book.SheetNames[0]], { header: 1 });
                return [t1 - t0, performance.now() - t0, rows.length];
            });
            if (rows < 200_000) throw new Error(`SheetJS read ${rows} rows`);
            await after();
            await context.close();
            return { read, json, rows };
        },
        close: () => new Promise((resolve) => server.close(resolve)),
    };
}
