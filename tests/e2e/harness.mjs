// Shared by the end-to-end tests: serve the release build in dist/ on 127.0.0.1, launch Debian's
// Chromium through playwright-core, and watch that no request leaves for another origin.
import { createServer } from 'node:http';
import { readFile, mkdir, mkdtemp } from 'node:fs/promises';
import { extname, join, normalize, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execFileSync } from 'node:child_process';
import { before, after } from 'node:test';
import { chromium } from 'playwright-core';

export const root = normalize(join(dirname(fileURLToPath(import.meta.url)), '..', '..'));
export const fixtures = join(root, 'tests', 'fixtures');
export const artifacts = join(root, 'target', 'e2e');

const types = {
    '.html': 'text/html; charset=utf-8',
    '.js': 'text/javascript',
    '.wasm': 'application/wasm',
    '.css': 'text/css',
    '.json': 'application/json',
    '.svg': 'image/svg+xml',
    '.png': 'image/png',
    '.webmanifest': 'application/manifest+json',
};

/// Serves dist/ on 127.0.0.1. Setting `newRelease` on the result makes sw.js look like the one of
/// a newer build (another version), as after a redeploy.
export async function serveDist() {
    const dist = join(root, 'dist');
    const state = { newRelease: false };
    const server = createServer(async (req, res) => {
        const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
        const file = normalize(join(dist, path === '/' ? 'index.html' : path));
        if (!file.startsWith(dist)) {
            res.writeHead(403).end();
            return;
        }
        try {
            let body = await readFile(file);
            if (state.newRelease && path === '/sw.js') {
                body = Buffer.from(body.toString().replace(/const VERSION = '[^']*'/, "const VERSION = 'next-release'"));
            }
            res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
            res.end(body);
        } catch {
            res.writeHead(404).end();
        }
    });
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${server.address().port}/`;
    return {
        url,
        close: () => new Promise((resolve) => server.close(resolve)),
        set newRelease(value) {
            state.newRelease = value;
        },
    };
}

export const chromiumArgs = [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-dev-shm-usage',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
];

export async function launch() {
    return chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: chromiumArgs });
}

/// A fresh page on `url` (served or file://) once the app is idle, with every request of its
/// context (the service worker's too), every request to another origin and every page error
/// recorded.
export async function openApp(browser, url) {
    const context = await browser.newContext({ acceptDownloads: true });
    const requests = [];
    context.on('request', (r) => requests.push(r.url()));
    const page = await context.newPage();
    const foreign = [];
    const errors = [];
    await watchPolicy(page);
    page.on('request', (r) => {
        if (!r.url().startsWith(url) && !r.url().startsWith('data:') && !r.url().startsWith('blob:')) foreign.push(r.url());
    });
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(url);
    await page.locator('[data-testid="app-status"][data-state="idle"]').waitFor();
    return { page, context, foreign, errors, requests };
}

export async function waitForState(page, state) {
    await page.locator(`[data-testid="app-status"][data-state="${state}"]`).waitFor({ timeout: 60_000 });
}

/// Reloads the page as a new visit without the files chiso keeps on this machine (which a reload
/// otherwise opens again): forgotten first with the app's own button.
export async function reloadWithoutFiles(page) {
    if (await page.locator('[data-testid="forget-files"]').count()) {
        await page.locator('[data-testid="forget-files"]').click();
        await page.waitForFunction(() => /Đã xóa|removed/.test(document.querySelector('[data-testid="kept-files"]')?.textContent ?? ''));
    }
    await page.reload();
    await waitForState(page, 'idle');
}

/// Opens a view by its link in the nav (the contract's `nav`), as a user clicks it, and waits
/// until it shows.
export async function go(page, view) {
    await page.locator(`[data-testid="nav"] [data-view="${view}"]`).click();
    await page.locator(`[data-view-panel="${view}"]:not([hidden])`).waitFor();
}

/// A new, empty directory of one test's own under target/e2e, for what it downloads: tests never
/// share a writable path.
export async function scratchDir(test) {
    await mkdir(artifacts, { recursive: true });
    return mkdtemp(join(artifacts, `${test}-`));
}

/// Clicks `testid` and saves the download it starts into a directory of its own.
export async function download(page, testid) {
    const [file] = await Promise.all([page.waitForEvent('download'), page.locator(`[data-testid="${testid}"]`).click()]);
    const path = join(await scratchDir(testid), file.suggestedFilename());
    await file.saveAs(path);
    return { name: file.suggestedFilename(), path };
}

/// Unzips one part of an Office file (python3's zipfile) as text.
export const officePart = (file, name) =>
    execFileSync('python3', ['-c', 'import sys, zipfile; print(zipfile.ZipFile(sys.argv[1]).read(sys.argv[2]).decode())', file, name]).toString();

export async function screenshot(page, name) {
    await mkdir(artifacts, { recursive: true });
    await page.screenshot({ path: join(artifacts, name), fullPage: true });
}

/// The preview table of a file card as rows of cell texts (row header first).
export async function previewRows(card) {
    return card.locator('table[data-testid="preview"] tbody tr').evaluateAll((rows) =>
        rows.map((tr) => Array.from(tr.children, (c) => c.textContent)),
    );
}

/// Collects Content-Security-Policy violations from the first script on; read with `violations`.
export async function watchPolicy(page) {
    await page.addInitScript(() => {
        window.__violations = [];
        document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
}

export async function violations(page) {
    return page.evaluate(() => window.__violations);
}

/// Registers the hooks every e2e file needs: dist/ served on 127.0.0.1 and one Chromium, both
/// closed at the end. Returns the object that holds them once started.
export function suite() {
    const env = {};
    before(async () => {
        env.server = await serveDist();
        env.browser = await launch();
    });
    after(async () => {
        await env.browser?.close();
        await env.server?.close();
    });
    return env;
}
