// End to end: the engine worker. A reader that dies, a reading that overruns its time budget or
// is cancelled, and a file over a limit each leave a Vietnamese message, keep everything loaded
// before, and the next file loads and is scored with the others normally. An HTML table saved as .xls is read like a workbook.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { openApp, waitForState, fixtures, suite, go } from './harness.mjs';

const env = suite();

const loadedFiles = (page) => page.locator('[data-testid="file-card"]').evaluateAll((cards) => cards.map((c) => c.dataset.file));
const lastError = async (page) => (await page.locator('[data-testid="error"][data-level="error"]').last().innerText()).replace(/^⚠\s*/, '');

async function setLimit(page, testid, value) {
    const settings = page.locator('[data-testid="limit-settings"]');
    if (!(await settings.evaluate((d) => d.open))) await settings.locator('summary').click();
    const field = page.locator(`[data-testid="${testid}"]`);
    await field.fill(String(value));
    await field.press('Enter');
    await field.blur();
}

// Two million one-column rows: a few seconds of parsing, little memory.
const bigCsv = () => ({ name: 'lon.csv', mimeType: 'text/csv', buffer: Buffer.from('Số\n' + '1\n'.repeat(2_000_000)) });

test('a dead reader, a time budget and a cancel lose nothing, and the next file loads', async () => {
    const { page, context, errors } = await openApp(env.browser, env.server.url);
    await page.locator('[data-testid="app-status"][data-reader="worker"]').waitFor();
    // The reading limits are set in «Cài đặt»; files load from any view.
    await go(page, 'cai-dat');
    const input = page.locator('[data-testid="file-input"]');
    await input.setInputFiles(join(fixtures, 'units.xlsx'));
    await waitForState(page, 'ready');
    const scores = page.locator('table[data-testid="unit-scores"] tr[data-unit="UBND xã Ba Vì"] td[data-group="TDGQ"]');
    assert.equal(await scores.getAttribute('data-value'), '19.48');

    // Over the cell limit: refused with the sheet and the sizes.
    await input.setInputFiles(join(fixtures, 'hostile', 'far-cell.xlsx'));
    await waitForState(page, 'error');
    assert.equal(
        await lastError(page),
        'Tệp «far-cell.xlsx», trang tính «Xa»: vùng dữ liệu rộng 1.048.576 dòng × 16.384 cột (17.179.869.184 ô), vượt giới hạn 10.000.000 ô. Thường là do có ô lạc ở rất xa vùng dữ liệu hoặc định dạng kéo tới cuối trang. Hãy xóa các dòng, cột thừa (Ctrl+End để tìm ô cuối) rồi lưu lại.',
    );

    // With the limit lifted the reader tries to hold 268 million cells (8,6 GB) and dies: the page
    // says so and carries on with a fresh worker.
    await setLimit(page, 'limit-cells', 100000);
    await input.setInputFiles(join(fixtures, 'hostile', 'huge-sheet.xlsx'));
    await waitForState(page, 'error');
    assert.match(await lastError(page), /^chiso gặp sự cố khi đọc tệp «huge-sheet\.xlsx» \(.+\) và đã khởi động lại bộ đọc; các tệp đã mở trước đó vẫn còn nguyên\./);
    assert.deepEqual(await loadedFiles(page), ['units.xlsx']);
    assert.equal(await scores.getAttribute('data-value'), '19.48');
    await setLimit(page, 'limit-cells', 10);

    // Over the time budget.
    await setLimit(page, 'limit-seconds', '0.2');
    await input.setInputFiles(bigCsv());
    await waitForState(page, 'error');
    assert.equal(await lastError(page), 'Đọc tệp «lon.csv» mất hơn 1 giây nên chiso đã dừng lại; các tệp đã mở trước đó vẫn còn nguyên. Hãy thử tệp nhỏ hơn (một tháng, một đơn vị), hoặc tăng thời gian cho phép trong phần «Giới hạn đọc tệp».');
    await setLimit(page, 'limit-seconds', 120);

    // Cancelled while the progress bar counts rows.
    await input.setInputFiles(bigCsv());
    const progress = page.locator('[data-testid="progress"]');
    await page.waitForFunction(() => Number(document.querySelector('[data-testid="progress"]')?.dataset.done) > 0);
    assert.match(await progress.innerText(), /Đang đọc «lon\.csv»: [\d.]+ dòng/);
    await progress.locator('[data-testid="cancel"]').click();
    await waitForState(page, 'error');
    assert.equal(await lastError(page), 'Đã dừng đọc tệp «lon.csv» theo yêu cầu; các tệp đã mở trước đó vẫn còn nguyên.');
    assert.equal(await progress.count(), 0);
    assert.deepEqual(await loadedFiles(page), ['units.xlsx']);

    // And a good file reads normally after all that. The worker that died held units.xlsx: the
    // fresh one is given it again before it scores both files, so no result is lost.
    await input.setInputFiles(join(fixtures, 'units.ods'));
    await waitForState(page, 'ready');
    assert.deepEqual(await loadedFiles(page), ['units.xlsx', 'units.ods']);
    assert.equal(await page.locator('[data-testid="error"][data-kind="analysis"]').count(), 0);
    assert.equal(await scores.getAttribute('data-value'), '19.48');
    assert.deepEqual(errors, []);
    await context.close();
});

test('an HTML table saved as .xls is read, noted and scored', async () => {
    const { page, context, errors } = await openApp(env.browser, env.server.url);
    const html = `<html><head><meta charset="utf-8"></head><body><table>
        <tr><th>Đơn vị</th><th>Hồ sơ đúng hạn, trong hạn (tử số)</th><th>Hồ sơ đúng hạn, trong hạn (mẫu số)</th></tr>
        <tr><td>UBND xã Ba Vì</td><td>4.358</td><td>4.474</td></tr></table></body></html>`;
    await page.locator('[data-testid="file-input"]').setInputFiles({ name: 'xuat-tu-mot-cua.xls', mimeType: 'application/vnd.ms-excel', buffer: Buffer.from(html) });
    await waitForState(page, 'ready');
    await go(page, 'tep');
    const card = page.locator('[data-testid="file-card"][data-file="xuat-tu-mot-cua.xls"]');
    assert.match(await card.locator('[data-testid="file-meta"]').innerText(), /HTML \(\.xls\)/);
    assert.equal(await card.locator('[data-testid="error"]', { hasText: 'không phải tệp Excel thật mà là trang web (HTML)' }).count(), 1);
    const cell = page.locator('table[data-testid="unit-scores"] tr[data-unit="UBND xã Ba Vì"] td[data-group="TDGQ"]');
    assert.equal(await cell.getAttribute('data-value'), '19.48', '4358/4474 × 20');
    assert.deepEqual(errors, []);
    await context.close();
});
