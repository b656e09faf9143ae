// End to end: a province's hundreds of units, a page at a time. A 600-unit workbook (written here
// with SheetJS): unit k has k of 600 dossiers on time, so its TDGQ is k/600 × 20 and the ranking
// by total runs from unit 600 down to unit 1. The contract's `unit-scores` carries data-total;
// 100 rows a page, the pager keeps the keyboard's focus, a name typed without diacritics finds
// its units, and the appendix is paged too.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { openApp, waitForState, suite, go, scratchDir } from './harness.mjs';

const XLSX = createRequire(import.meta.url)('xlsx');
const env = suite();
const UNITS = 600;
const name = (k) => `UBND xã Thử ${k}`;
const tdgq = (k) => ((k / UNITS) * 20).toFixed(2);

test('600 units: a page of 100 rows at a time, searchable, with the appendix paged', async () => {
    const dir = await scratchDir('paging');
    const file = join(dir, 'tinh-600-don-vi.xlsx');
    const rows = [['Đơn vị', 'Hồ sơ đúng hạn, trong hạn (tử số)', 'Hồ sơ đúng hạn, trong hạn (mẫu số)']];
    for (let k = 1; k <= UNITS; k++) rows.push([name(k), k, UNITS]);
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(rows), 'Số liệu');
    XLSX.writeFile(book, file);

    const { page, context, errors } = await openApp(env.browser, env.server.url);
    await page.locator('[data-testid="file-input"]').setInputFiles(file);
    await waitForState(page, 'ready');
    await go(page, 'xep-hang');
    const table = page.locator('table[data-testid="unit-scores"]');
    const units = () => table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => tr.dataset.unit));
    const value = (k) => table.locator(`tr[data-unit="${name(k)}"] td[data-group="TDGQ"]`).getAttribute('data-value');
    const status = page.locator('[data-view-panel="xep-hang"] [data-testid="pager-status"]');

    assert.equal(await table.getAttribute('data-total'), String(UNITS));
    let shown = await units();
    assert.equal(shown.length, 100);
    assert.deepEqual([shown[0], shown[99]], [name(600), name(501)]);
    assert.equal(await value(600), '20.00');
    assert.equal(await status.innerText(), 'Dòng 1–100 trong 600 · trang 1/6');

    // The next page by keyboard: the focus stays on the button.
    await page.locator('[data-view-panel="xep-hang"] [data-testid="pager-next"]').focus();
    await page.keyboard.press('Enter');
    await page.locator('[data-view-panel="xep-hang"] [data-testid="pager"][data-page="2"]').waitFor();
    shown = await units();
    assert.deepEqual([shown.length, shown[0], shown[99]], [100, name(500), name(401)]);
    assert.equal(await value(500), tdgq(500), '500/600 × 20 = 16,67');
    assert.equal(await status.innerText(), 'Dòng 101–200 trong 600 · trang 2/6');
    assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'pager-next');

    await page.locator('[data-view-panel="xep-hang"] [data-testid="pager-last"]').click();
    await page.locator('[data-view-panel="xep-hang"] [data-testid="pager"][data-page="6"]').waitFor();
    shown = await units();
    assert.deepEqual([shown.length, shown[0], shown[99]], [100, name(100), name(1)]);
    assert.equal(await value(1), '0.03', '1/600 × 20');
    assert.equal(await page.locator('[data-view-panel="xep-hang"] [data-testid="pager-next"]').isDisabled(), true);

    // Sorting starts again at the first page.
    await page.locator('[data-testid="sort"][data-sort="TDGQ"]').click();
    await page.locator('[data-view-panel="xep-hang"] [data-testid="pager"][data-page="1"]').waitFor();
    assert.equal((await units())[0], name(600));

    // «thu 42»: Thử 42 and Thử 420 … 429, in the ranking's order; eleven rows, no pager.
    await page.locator('[data-testid="ranking-filter"]').fill('thu 42');
    await page.waitForFunction(() => document.querySelector('table[data-testid="unit-scores"]')?.dataset.total === '11');
    assert.deepEqual(await units(), [429, 428, 427, 426, 425, 424, 423, 422, 421, 420, 42].map(name));
    assert.equal(await page.locator('[data-testid="ranking-count"]').innerText(), 'Tìm thấy 11 đơn vị');
    assert.equal(await page.locator('[data-view-panel="xep-hang"] [data-testid="pager"]').isVisible(), false);

    // The appendix: 100 rows on screen, and it says where the whole one is.
    await go(page, 'van-ban');
    assert.equal(await page.locator('[data-testid="appendix"] tbody tr').count(), 100);
    assert.match(
        await page.locator('[data-testid="appendix-partial"]').innerText(),
        /^Phụ lục có 600 đơn vị, hiển thị theo trang \(Dòng 1–100 trong 600 · trang 1\/6\)\. Nút «In văn bản» in đủ các dòng/,
    );
    await page.locator('[data-view-panel="van-ban"] [data-testid="pager-next"]').click();
    await page.locator('[data-view-panel="van-ban"] [data-testid="pager"][data-page="2"]').waitFor();
    const second = await page.locator('[data-testid="appendix"] tbody tr th').first().innerText();
    assert.equal(second, name(500));
    assert.deepEqual(errors, []);
    await context.close();
});
