// End to end: the release build served on 127.0.0.1, driven in headless Chromium through the
// automation contract's hooks, with real files from tests/fixtures.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { openApp, waitForState, screenshot, previewRows, fixtures, violations, suite, scratchDir, go, reloadWithoutFiles } from './harness.mjs';

const env = suite();

test('an xlsx is read and its first rows are shown with Vietnamese formatting', async () => {
    const { page, context, foreign, errors } = await openApp(env.browser, env.server.url);
    assert.match(await page.locator('h1').innerText(), /Chỉ số phục vụ người dân, doanh nghiệp — phân tích ngay trên máy của bạn/);
    // The line an old browser keeps («Đang mở chiso… Nếu dòng này không biến mất…») is gone once the app runs.
    assert.equal(await page.locator('#chiso-starting').count(), 0);

    await page.locator('[data-testid="file-input"]').setInputFiles(join(fixtures, 'units.xlsx'));
    await waitForState(page, 'ready');
    await go(page, 'tep');

    const card = page.locator('[data-testid="file-card"][data-file="units.xlsx"]');
    assert.match(await card.locator('[data-testid="file-meta"]').innerText(), /7 KB · Excel \(\.xlsx\/\.xlsm\)/);
    const sheets = await card.locator('[data-testid="sheet-button"]').evaluateAll((b) => b.map((x) => x.dataset.sheet));
    assert.deepEqual(sheets, ['Số liệu', 'Ghi chú', 'Trống']);
    assert.equal(await card.locator('[data-testid="sheet-dims"]').first().innerText(), '7 dòng × 8 cột (A1:H7)');

    const rows = await previewRows(card);
    assert.equal(rows.length, 7);
    assert.deepEqual(rows[3].slice(0, 4), ['4', 'Đơn vị', 'Hồ sơ đúng hạn, trong hạn (tử số)', 'Hồ sơ đúng hạn, trong hạn (mẫu số)']);
    assert.deepEqual(rows[4], ['5', 'UBND xã Ba Vì', '4.358', '4.474', '2.558', '3.292', '97,41', '30/11/2023', 'ĐÚNG']);
    assert.deepEqual(rows[6], ['7', 'UBND phường Phan Đình Phùng', '0', '0', '', '', '0', '01/12/2023 14:30', 'ĐÚNG']);
    const hidden = card.locator('[data-testid="error"][data-level="warning"]');
    assert.match(await hidden.innerText(), /trang tính «Ghi chú» đang bị ẩn/);

    const measures = await page.evaluate(() => performance.getEntriesByName('chiso:analysis', 'measure').map((m) => m.duration));
    assert.equal(measures.length, 1);
    assert.ok(measures[0] > 0);

    await screenshot(page, 'preview.png');
    assert.deepEqual(foreign, []);
    assert.deepEqual(await violations(page), []);
    assert.deepEqual(errors, []);
    await context.close();
});

test('a bad file gets a Vietnamese message, and what was loaded stays loaded', async () => {
    const { page, context, errors } = await openApp(env.browser, env.server.url);
    const input = page.locator('[data-testid="file-input"]');
    await input.setInputFiles(join(fixtures, 'units.xls'));
    await waitForState(page, 'ready');
    await go(page, 'tep');

    await input.setInputFiles({ name: 'bao-cao.xlsx', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.7\n1 0 obj\n') });
    await waitForState(page, 'error');
    const message = page.locator('[data-testid="error"][data-level="error"]');
    assert.equal(await message.count(), 1);
    assert.match(await message.innerText(), /Tệp «bao-cao\.xlsx» là tài liệu PDF, không phải bảng tính\. Hãy chọn tệp Excel/);
    assert.equal(await page.locator('[data-testid="file-card"][data-file="units.xls"]').count(), 1);

    await input.setInputFiles({ name: 'trong.csv', mimeType: 'text/csv', buffer: Buffer.alloc(0) });
    await waitForState(page, 'error');
    assert.match(await message.innerText(), /Tệp «trong\.csv» trống \(0 byte\)/);

    await input.setInputFiles(join(fixtures, 'units-utf16le-tab.csv'));
    await waitForState(page, 'ready');
    assert.equal(await message.count(), 0, 'a new batch clears the old messages');
    const csv = page.locator('[data-testid="file-card"][data-file="units-utf16le-tab.csv"]');
    assert.match(await csv.locator('[data-testid="file-meta"]').innerText(), /CSV · Bảng mã UTF-16LE · Dấu phân cách Tab/);
    assert.deepEqual((await previewRows(csv))[1].slice(0, 3), ['2', 'UBND xã Ba Vì', '4358']);
    assert.equal(await page.locator('[data-testid="file-card"]').count(), 2);
    assert.deepEqual(errors, []);
    await context.close();
});

// The blank template, downloaded and loaded back as it came: the message says there are no unit
// rows and where to fill them (its header is on row 4: from row 5, column A).
test('a blank template loaded back says where to fill the units', async () => {
    const { page, context, errors } = await openApp(env.browser, env.server.url);
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-testid="download-template"]').click()]);
    const saved = join(await scratchDir('template'), download.suggestedFilename());
    await download.saveAs(saved);
    await page.locator('[data-testid="file-input"]').setInputFiles(saved);
    const said = page.locator('[data-testid="error"]', { hasText: 'chưa có dòng đơn vị nào' });
    await said.waitFor();
    assert.match(await said.innerText(), /bắt đầu từ dòng 5: tên đơn vị ở cột A/);
    assert.deepEqual(errors, []);
    await context.close();
});

test('several formats at once, and the chosen sheet is previewed', async () => {
    const { page, context } = await openApp(env.browser, env.server.url);
    await page.locator('[data-testid="file-input"]').setInputFiles([
        join(fixtures, 'units.ods'),
        join(fixtures, 'units.xlsb'),
        join(fixtures, 'units-windows-1258.csv'),
    ]);
    await waitForState(page, 'ready');
    await go(page, 'tep');
    assert.match(await page.locator('[data-testid="app-status"]').innerText(), /Đã đọc 3 tệp/);
    for (const file of ['units.ods', 'units.xlsb']) {
        const card = page.locator(`[data-testid="file-card"][data-file="${file}"]`);
        assert.deepEqual((await previewRows(card))[4].slice(0, 4), ['5', 'UBND xã Ba Vì', '4.358', '4.474'], file);
        await card.locator('[data-testid="sheet-button"][data-sheet="Ghi chú"]').click();
        assert.match(await card.locator('table[data-testid="preview"] caption').innerText(), /Trang tính «Ghi chú»/);
        assert.deepEqual(await previewRows(card), [['1', 'Số liệu chốt ngày 30/11/2023']]);
        await card.locator('[data-testid="sheet-button"][data-sheet="Trống"]').click();
        assert.equal(await card.locator('[data-testid="preview-empty"]').count(), 1);
    }
    const csv = page.locator('[data-testid="file-card"][data-file="units-windows-1258.csv"]');
    assert.match(await csv.locator('[data-testid="file-meta"]').innerText(), /Bảng mã windows-1258 · Dấu phân cách «;»/);
    assert.equal((await previewRows(csv))[3][1], 'UBND phường Phan Đình Phùng');
    await context.close();
});

test('keyboard only: reach the file picker, switch sheets, switch language', async () => {
    const { page, context } = await openApp(env.browser, env.server.url);
    let focused = '';
    for (let i = 0; i < 5 && focused !== 'file-input'; i++) {
        await page.keyboard.press('Tab');
        focused = await page.evaluate(() => document.activeElement?.dataset?.testid ?? '');
    }
    assert.equal(focused, 'file-input', 'the file picker is in the tab order');

    await page.locator('[data-testid="file-input"]').setInputFiles(join(fixtures, 'units.xlsx'));
    await waitForState(page, 'ready');
    await go(page, 'tep');
    const button = page.locator('[data-testid="sheet-button"][data-sheet="Ghi chú"]');
    await button.focus();
    await page.keyboard.press('Enter');
    assert.equal(await button.getAttribute('aria-pressed'), 'true');
    assert.match(await page.locator('table[data-testid="preview"] caption').innerText(), /«Ghi chú»/);

    await page.locator('[data-testid="lang-switch"]').focus();
    await page.keyboard.press('Enter');
    assert.match(await page.locator('h1').innerText(), /Index of service to citizens and businesses/);
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
    await reloadWithoutFiles(page);
    assert.match(await page.locator('h1').innerText(), /Index of service/, 'the language is remembered');
    await context.close();
});
