// End to end: offline and private by construction. Every request is recorded from page load to
// results; the service worker serves the app with the network off; the single-file edition runs
// from file://; clearing saved data leaves nothing behind.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { root, fixtures, openApp, waitForState, violations, suite, go, reloadWithoutFiles, download, officePart } from './harness.mjs';

const env = suite();

const cell = (page, unit, group) => page.locator(`table[data-testid="unit-scores"] tr[data-unit="${unit}"] td[data-group="${group}"]`);
const local = (url) => url.startsWith('blob:') || url.startsWith('data:');
const writer = (url) => /\/chiso-writer[^/]*$/.test(url);

test('start-up loads only this origin, an analysis sends nothing, and after one visit it works offline', async () => {
    const { page, context, requests } = await openApp(env.browser, env.server.url);
    await page.waitForFunction(() => navigator.serviceWorker?.controller != null, null, { timeout: 30_000 });
    // The reading worker is started with the page, so that reading a file loads nothing.
    await page.locator('[data-testid="app-status"][data-reader="worker"]').waitFor();
    const startup = requests.filter((u) => !local(u));
    assert.ok(startup.length > 0);
    assert.deepEqual(startup.filter((u) => !u.startsWith(env.server.url)), [], 'start-up stays on this origin');
    const cached = await page.evaluate(async () => {
        const keys = await caches.keys();
        const cache = await caches.open(keys.find((k) => k.startsWith('chiso-')));
        return (await cache.keys()).map((r) => new URL(r.url).pathname);
    });
    for (const asset of ['/', '/index.html', '/chiso.html', '/manifest.webmanifest', '/icons/icon-192.png']) {
        assert.ok(cached.includes(asset), `${asset} is cached`);
    }
    assert.ok(cached.some((p) => p.endsWith('_bg.wasm')));

    requests.length = 0;
    await page.locator('[data-testid="file-input"]').setInputFiles(join(fixtures, 'units.xlsx'));
    await waitForState(page, 'ready');
    await page.locator('[data-testid="use-sample"]').click();
    await waitForState(page, 'ready');
    // Nothing but the writer's code, loaded once from this origin (here the cache) when the
    // results are on screen, for the downloads.
    assert.deepEqual(requests.filter((u) => !local(u) && !writer(u)), [], 'no request at all during an analysis');
    assert.ok(requests.every((u) => local(u) || u.startsWith(env.server.url)));

    await context.setOffline(true);
    await reloadWithoutFiles(page);
    await page.locator('[data-testid="file-input"]').setInputFiles(join(fixtures, 'units.ods'));
    await waitForState(page, 'ready');
    assert.equal(await cell(page, 'UBND xã Ba Vì', 'TDGQ').getAttribute('data-value'), '19.48', 'offline: 4358/4474 × 20');
    assert.deepEqual(await violations(page), []);
    await context.close();
});

test('the writers load after the first results, never before, and the first export works offline', async () => {
    const { page, context, errors } = await openApp(env.browser, env.server.url);
    // What the app loads, not what the service worker caches for later (every asset).
    const requests = [];
    context.on('request', (r) => r.serviceWorker() === null && requests.push(r.url()));
    await page.reload();
    await page.waitForFunction(() => navigator.serviceWorker?.controller != null, null, { timeout: 30_000 });
    await page.locator('[data-testid="app-status"][data-reader="worker"]').waitFor();
    assert.ok(requests.some((u) => u.endsWith('/chiso-worker_bg.wasm')), 'the engine is loaded with the page');
    assert.deepEqual(requests.filter(writer), [], 'the writer is not');
    await context.setOffline(true);
    await page.locator('[data-testid="file-input"]').setInputFiles(join(fixtures, 'units.xlsx'));
    await waitForState(page, 'ready');
    await go(page, 'van-ban');
    const docx = officePart((await download(page, 'export-docx')).path, 'word/document.xml');
    for (const needle of ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'PHỤ LỤC', 'UBND xã Ba Vì']) assert.ok(docx.includes(needle), needle);
    await go(page, 'xep-hang');
    const xlsx = officePart((await download(page, 'export-xlsx')).path, 'xl/sharedStrings.xml');
    assert.ok(xlsx.includes('UBND xã Ba Vì'));
    // Made by the writer, with the network off: its code came from the service worker's cache.
    assert.ok(requests.some((u) => u.endsWith('/chiso-writer_bg.wasm')));
    const asked = await page.evaluate(() => performance.getEntriesByType('mark').map((m) => m.name.split(' ').slice(0, 2).join(' ')));
    assert.deepEqual(asked.filter((n) => /^chiso:request (make|write)$/.test(n)), [
        'chiso:request make', 'chiso:request write', 'chiso:request make', 'chiso:request write',
    ]);
    assert.deepEqual(errors, []);
    await context.close();
});

test('it is installable, and a new version cached in the background is announced', async () => {
    const { page, context } = await openApp(env.browser, env.server.url);
    await page.waitForFunction(() => navigator.serviceWorker?.controller != null, null, { timeout: 30_000 });
    const cdp = await context.newCDPSession(page);
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    // Playwright's contexts are incognito, where Chromium never offers to install; that is the
    // browser's mode, not a defect of the app.
    assert.deepEqual(installabilityErrors.filter((e) => e.errorId !== 'in-incognito'), []);
    const manifest = await cdp.send('Page.getAppManifest');
    assert.deepEqual(manifest.errors, []);

    assert.equal(await page.locator('[data-testid="update-ready"]').count(), 0);
    env.server.newRelease = true;
    try {
        await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
        const notice = page.locator('[data-testid="update-ready"]');
        await notice.waitFor({ timeout: 30_000 });
        assert.match(await notice.innerText(), /Đã có phiên bản mới của chiso\./);
        await Promise.all([page.waitForEvent('load'), notice.locator('button').click()]);
        await waitForState(page, 'idle');
        await page.waitForFunction(async () => {
            const keys = await caches.keys();
            return keys.length === 1 && keys[0] === 'chiso-next-release';
        }, null, { timeout: 30_000 });
    } finally {
        env.server.newRelease = false;
    }
    await context.close();
});

test('the single-file edition opens from the file system and scores the sample', async () => {
    const file = pathToFileURL(join(root, 'dist', 'chiso.html')).href;
    const { page, context, requests, errors } = await openApp(env.browser, file);
    // From file:// the reading worker starts from the script carried inside the page.
    await page.locator('[data-testid="app-status"][data-reader="worker"]').waitFor();
    await page.locator('[data-testid="use-sample"]').click();
    await waitForState(page, 'ready');
    assert.equal(await cell(page, 'UBND phường An Lạc', 'TDGQ').getAttribute('data-value'), '19.48');
    assert.equal(await cell(page, 'UBND phường An Lạc', 'TOTAL').getAttribute('data-value'), '60.05');
    assert.deepEqual(requests.filter((u) => !local(u) && u !== file), [], 'nothing but the file itself');
    assert.deepEqual(await violations(page), []);
    assert.deepEqual(errors, []);
    await context.close();
});

test('loaded files are kept and reopen after a reload; clearing everything leaves nothing in localStorage or IndexedDB', async () => {
    const { page, context } = await openApp(env.browser, env.server.url);
    await page.locator('[data-testid="use-sample"]').click();
    await waitForState(page, 'ready');
    await page.locator('[data-testid="lang-switch"]').click();
    await page.locator('[data-testid="lang-switch"]').click();
    await page.locator('[data-testid="kept-files"]').waitFor();

    await page.reload();
    await waitForState(page, 'ready');
    assert.match(await page.locator('[data-testid="restored"]').innerText(), /^Đã mở lại 1 tệp được giữ trên máy này/);
    assert.equal(await page.locator('table[data-testid="unit-scores"] tbody tr').count(), 15);
    assert.ok((await page.evaluate(() => Object.keys(localStorage))).includes('chiso.lang'));

    await go(page, 'cai-dat');
    await page.locator('[data-testid="clear-data"]').click();
    await page.locator('[data-testid="session-status"]').filter({ hasText: 'Đã xóa mọi dữ liệu và cài đặt' }).waitFor();
    assert.deepEqual(await page.evaluate(() => Object.keys(localStorage)), []);
    assert.deepEqual(await page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name)), []);
    await page.reload();
    await waitForState(page, 'idle');
    assert.equal(await page.locator('table[data-testid="unit-scores"]').count(), 0, 'nothing reopens');
    await context.close();
});

test('the single-file edition served over http registers no service worker and logs no error', async () => {
    const { page, context, errors } = await openApp(env.browser, `${env.server.url}chiso.html`);
    // Its policy allows no worker script but its own: registering sw.js would log a violation.
    const logged = [];
    page.on('console', (m) => m.type() === 'error' && logged.push(m.text()));
    await page.reload();
    await page.locator('[data-testid="app-status"][data-reader="worker"]').waitFor();
    await page.locator('[data-testid="use-sample"]').click();
    await waitForState(page, 'ready');
    assert.deepEqual(await page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length), 0);
    assert.deepEqual(errors, []);
    assert.deepEqual(logged, []);
    await context.close();
});
