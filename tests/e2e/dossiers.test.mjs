// End to end: the dossier-list self-check on the hand-worked fixture (44 dossiers of three
// communes; every figure below is worked out in tests/dossiers.rs). Through the contract: upload,
// scores, then the self-check's period, action list, drill-down, to-fix export and typed figures.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { openApp, waitForState, fixtures, scratchDir, suite, violations, go } from './harness.mjs';

const XLSX = createRequire(import.meta.url)('xlsx');
const env = suite();
const fixture = (name) => join(fixtures, 'dossiers', name);
const total = (page, unit) => page.locator(`table[data-testid="unit-scores"] tr[data-unit="${unit}"] td[data-group="TOTAL"]`).getAttribute('data-value');
const group = (page, unit, g) => page.locator(`table[data-testid="unit-scores"] tr[data-unit="${unit}"] td[data-group="${g}"]`).getAttribute('data-value');

for (const file of ['so-ho-so.xlsx', 'so-ho-so.ods', 'so-ho-so.csv']) {
    test(`${file}: scores, period, outside dossiers and the action list`, async () => {
        const { page, context, foreign, errors } = await openApp(env.browser, env.server.url);
        await page.locator('[data-testid="file-input"]').setInputFiles(fixture(file));
        await waitForState(page, 'ready');
        await go(page, 'ho-so');
        // TDGQ: An Bình 13/16 → 16,25; Bình Minh 11/14 → 15,71; Cát Lợi 10/12 → 16,67.
        assert.equal(await group(page, 'UBND xã An Bình', 'TDGQ'), '16.25');
        assert.equal(await group(page, 'UBND xã Bình Minh', 'TDGQ'), '15.71');
        assert.equal(await group(page, 'UBND phường Cát Lợi', 'TDGQ'), '16.67');
        // TTTT: only PAY_DOSSIERS from dossiers: 3,75 / 2,57 / 5,00.
        assert.equal(await group(page, 'UBND xã An Bình', 'TTTT'), '3.75');
        assert.equal(await total(page, 'UBND xã Bình Minh'), '44.77');
        const check = page.locator('[data-testid="dossier-check"]');
        assert.equal(await check.locator('[data-testid="dossier-window"]').getAttribute('data-period'), '11/2026');
        const outside = check.locator('[data-testid="dossier-outside"]');
        assert.deepEqual([await outside.getAttribute('data-before'), await outside.getAttribute('data-after'), await outside.getAttribute('data-undated')], ['2', '0', '0']);
        // The outside dossiers are also an error-list message naming the file and the row.
        const said = await page.locator('[data-testid="error"]').allInnerTexts();
        assert.ok(said.some((m) => m.includes('2 hồ sơ không thuộc kỳ 11/2026')), said.join('\n'));
        // Tracked values per unit: An Bình received 16, finished 14 in 3,5566 days on average
        // (hand-worked in tests/dossiers.rs), 13 on time = 81,25 %.
        const an = check.locator('table[data-testid="dossier-units"] tr[data-unit="UBND xã An Bình"]');
        assert.equal(await an.locator('[data-testid="unit-received"]').innerText(), '16');
        assert.equal(await an.locator('[data-testid="unit-average-days"]').innerText(), '3,6');
        assert.match(await an.innerText(), /13 \(81,25 %\)/);
        const first = check.locator('table[data-testid="dossier-actions"] tbody tr').first();
        assert.equal(await first.getAttribute('data-unit'), 'UBND xã Bình Minh');
        assert.equal(await first.getAttribute('data-criterion'), 'PAY_DOSSIERS');
        assert.equal(await first.getAttribute('data-gain'), '3.43');
        assert.match(await first.innerText(), /Thanh toán trực tuyến 4 hồ sơ còn lại: \+3,43 điểm/);
        assert.deepEqual(foreign, []);
        assert.deepEqual(errors, []);
        await context.close();
    });
}

test('drill-down: reasons, sorting, filtering, the to-fix workbook and typed figures', async () => {
    const { page, context, foreign, errors } = await openApp(env.browser, env.server.url);
    await page.locator('[data-testid="file-input"]').setInputFiles(fixture('so-ho-so.xlsx'));
    await waitForState(page, 'ready');
    await go(page, 'ho-so');
    const check = page.locator('[data-testid="dossier-check"]');
    await check.locator('[data-testid="drill-unit"]').selectOption('UBND xã Bình Minh');
    await check.locator('[data-testid="drill-criterion"]').selectOption('ON_TIME');
    const drill = check.locator('table[data-testid="drill-table"]');
    const ids = () => drill.locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.dataset.dossier));
    assert.deepEqual(await ids(), ['B01', 'B07', 'B11']);
    const reasons = await drill.locator('[data-testid="drill-reason"]').allInnerTexts();
    assert.deepEqual(reasons, ['Hoàn thành quá hạn 16 giờ', 'Chưa giải quyết, quá hạn 18 ngày', 'Chưa giải quyết, hạn 28/11/2026: cần trả đúng hạn']);
    assert.equal(await drill.locator('tr[data-dossier="B11"]').getAttribute('data-fixable'), 'true');
    // Sorted by due date, latest first (two clicks on the header).
    const due = drill.locator('button[data-testid="drill-sort"][data-key="Ngày hẹn trả"]');
    await due.click();
    await due.click();
    assert.deepEqual(await ids(), ['B11', 'B07', 'B01']);
    assert.equal(await drill.locator('th[aria-sort="descending"]').count(), 1);
    // Filtered by a word of the reason, without its diacritics.
    await check.locator('[data-testid="drill-filter"]').fill('qua han 18');
    await page.waitForFunction(() => document.querySelectorAll('table[data-testid="drill-table"] tbody tr').length === 1);
    assert.deepEqual(await ids(), ['B07']);

    // The to-fix workbook for Cát Lợi, read back with SheetJS.
    await check.locator('[data-testid="drill-unit"]').selectOption('UBND phường Cát Lợi');
    const [download] = await Promise.all([page.waitForEvent('download'), check.locator('[data-testid="export-fix-xlsx"]').click()]);
    assert.equal(download.suggestedFilename(), 'ho-so-can-xu-ly-ubnd-phuong-cat-loi-2026-11.xlsx');
    const saved = join(await scratchDir('to-fix'), download.suggestedFilename());
    await download.saveAs(saved);
    const book = XLSX.readFile(saved);
    const rows = XLSX.utils.sheet_to_json(book.Sheets[book.SheetNames[0]], { header: 1, range: 2 });
    assert.deepEqual(rows[0].slice(0, 3), ['Đơn vị', 'Tiêu chí', 'Mã hồ sơ']);
    assert.deepEqual(rows.slice(1).map((r) => r[2]), ['C04', 'C12', 'C04', 'C06', 'C09', 'C04', 'C04', 'C12', 'C12', 'C04', 'C09', 'C02', 'C04', 'C09']);

    // HAS_ONLINE's denominator is a procedure count: typed in for Bình Minh (4 procedures, 2 with
    // an online dossier) it scores 4 × 2/4 = 2, and the figure says where it came from.
    await check.locator('[data-testid="drill-unit"]').selectOption('UBND xã Bình Minh');
    const sources = check.locator('table[data-testid="dossier-sources"]');
    await sources.locator('[data-testid="typed-HAS_ONLINE-d"]').fill('4');
    await sources.locator('[data-testid="typed-HAS_ONLINE-d"]').press('Tab');
    await page.waitForFunction(() => document.querySelector('table[data-testid="unit-scores"] tr[data-unit="UBND xã Bình Minh"] td[data-group="CLGQ"]')?.dataset.value === '7.14');
    const source = await check.locator('table[data-testid="dossier-sources"] tr[data-criterion="HAS_ONLINE"] [data-testid="figure-source"]').innerText();
    assert.equal(source, 'tử số: danh sách hồ sơ «so-ho-so.xlsx»; mẫu số: nhập tay');
    assert.deepEqual(await violations(page), []);
    assert.deepEqual(foreign, []);
    assert.deepEqual(errors, []);
    await context.close();
});

// The procedures that cost points (hand-worked in tests/dossiers.rs): An Bình's «Chứng thực bản
// sao từ bản chính», 5 dossiers, 3 on time, +6,91 in all; every unit together 14, 11 on time.
test('the procedures that cost points: per unit, sorted, filtered, in the to-fix workbook', async () => {
    const { page, context, foreign, errors } = await openApp(env.browser, env.server.url);
    await page.locator('[data-testid="file-input"]').setInputFiles(fixture('so-ho-so.csv'));
    await waitForState(page, 'ready');
    await go(page, 'ho-so');
    const check = page.locator('[data-testid="dossier-check"]');
    const table = check.locator('table[data-testid="procedures"]');
    const CT = '2.000815 – Chứng thực bản sao từ bản chính';
    const names = () => table.locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.dataset.procedure));
    await check.locator('[data-testid="procedures-sort"]').selectOption('received');
    assert.deepEqual(await names(), ['1.001193 – Đăng ký khai sinh', CT, '2.000635 – Cấp bản sao trích lục hộ tịch', '1.000894 – Đăng ký kết hôn']);
    const all = table.locator(`tr[data-procedure="${CT}"]`);
    assert.equal(await all.getAttribute('data-received'), '14');
    assert.equal(await all.locator('td[data-criterion="ON_TIME"]').innerText(), '11/14 (78,6 %)');

    await check.locator('[data-testid="procedures-unit"]').selectOption('UBND xã An Bình');
    await page.waitForFunction(() => document.querySelector('table[data-testid="procedures"]')?.dataset.unit === 'UBND xã An Bình');
    const ct = table.locator(`tr[data-procedure="${CT}"]`);
    assert.equal(await ct.getAttribute('data-gain'), '6.91');
    assert.equal(await ct.locator('td[data-criterion="ON_TIME"]').innerText(), '3/5 (60 %)');
    assert.match(await ct.innerText(), /\+6,91/);
    // Sorted by the lowest personal-store share: CT's 1/5 before KS 3/6, KH 1/2, TL 3/3.
    const sort = check.locator('[data-testid="procedures-sort"]');
    await sort.selectOption({ label: 'Tỷ lệ thấp nhất: Hồ sơ số hóa kết nối, chia sẻ dữ liệu' });
    assert.equal((await names())[0], CT);
    // Filtered without diacritics.
    await check.locator('[data-testid="procedures-filter"]').fill('chung thuc');
    await page.waitForFunction(() => document.querySelectorAll('table[data-testid="procedures"] tbody tr').length === 1);
    assert.deepEqual(await names(), [CT]);
    assert.match(await check.locator('[data-testid="procedures-summary"]').innerText(), /4 thủ tục có hồ sơ tiếp nhận trong kỳ/);

    // The to-fix workbook for every unit: its second sheet, the whole first.
    const [download] = await Promise.all([page.waitForEvent('download'), check.locator('[data-testid="export-fix-xlsx-all"]').click()]);
    const saved = join(await scratchDir('procedures'), download.suggestedFilename());
    await download.saveAs(saved);
    const book = XLSX.readFile(saved);
    assert.deepEqual(book.SheetNames, ['Hồ sơ cần xử lý', 'Thủ tục làm mất điểm']);
    const rows = XLSX.utils.sheet_to_json(book.Sheets['Thủ tục làm mất điểm'], { header: 1, range: 3 });
    const heads = rows[0];
    const onTime = heads.indexOf('Hồ sơ đúng hạn, trong hạn: đạt/tính');
    const gain = heads.indexOf('Có thể tăng thêm (điểm)');
    const whole = rows.find((r) => r[0] === 'Tất cả đơn vị trong danh sách' && r[1] === CT);
    assert.deepEqual([whole[2], whole[onTime]], [14, '11/14']);
    const anBinh = rows.find((r) => r[0] === 'UBND xã An Bình' && r[1] === CT);
    assert.equal(anBinh[gain], 6.91);
    assert.ok(rows.indexOf(whole) < rows.indexOf(anBinh));
    assert.deepEqual(await violations(page), []);
    assert.deepEqual(foreign, []);
    assert.deepEqual(errors, []);
    await context.close();
});

test('the period can be changed; the kind can be overridden', async () => {
    const { page, context, errors } = await openApp(env.browser, env.server.url);
    await page.locator('[data-testid="file-input"]').setInputFiles(fixture('so-ho-so.csv'));
    await waitForState(page, 'ready');
    await go(page, 'ho-so');
    const check = page.locator('[data-testid="dossier-check"]');
    // October: An Bình has only A17, on time → TDGQ 20.
    await check.locator('[data-testid="dossier-window-period"]').fill('10/2026');
    await check.locator('[data-testid="dossier-window-period"]').press('Enter');
    await page.waitForFunction(() => document.querySelector('[data-testid="dossier-window"]')?.dataset.period === '10/2026');
    assert.equal(await group(page, 'UBND xã An Bình', 'TDGQ'), '20.00');
    assert.equal(await check.locator('[data-testid="dossier-outside"]').getAttribute('data-after'), '42');
    // Back to chiso's proposal, then a range of days: choosing it starts from the month shown,
    // 1–30 November; then 1–15 November. An Bình: 9 received, 8 on time → 17,78.
    await check.locator('[data-testid="dossier-window-reset"]').click();
    await page.waitForFunction(() => document.querySelector('[data-testid="dossier-window"]')?.dataset.period === '11/2026');
    await check.locator('[data-testid="dossier-window-kind"]').selectOption('days');
    await page.waitForFunction(() => document.querySelector('[data-testid="dossier-window"]')?.dataset.period === '01/11/2026–30/11/2026');
    assert.equal(await check.locator('[data-testid="dossier-window-from"]').inputValue(), '2026-11-01');
    await check.locator('[data-testid="dossier-window-to"]').fill('2026-11-15');
    await page.waitForFunction(() => document.querySelector('[data-testid="dossier-window"]')?.dataset.period === '01/11/2026–15/11/2026');
    assert.equal(await group(page, 'UBND xã An Bình', 'TDGQ'), '17.78');
    await check.locator('[data-testid="dossier-window-reset"]').click();
    await page.waitForFunction(() => document.querySelector('[data-testid="dossier-window"]')?.dataset.period === '11/2026');

    // Read as unit figures instead: the sheet is read again with its cells, and it is not a
    // table of units (no criterion columns), which the user is told; nothing is scored from it.
    await go(page, 'tep');
    await page.locator('[data-testid="file-kind"]').selectOption('unit-figures');
    await page.waitForFunction(() => !document.querySelector('[data-testid="dossier-check"]'));
    assert.equal(await page.locator('table[data-testid="unit-scores"] tbody tr').count(), 0);
    const said = await page.locator('[data-testid="error"]').allInnerTexts();
    assert.ok(said.some((m) => m.includes('đã chọn đọc là «Số liệu đơn vị» nhưng tiêu đề các cột cho thấy đây là «Chỉ có điểm»')), said.join('\n'));
    // Back to recognising it.
    await page.locator('[data-testid="file-kind"]').selectOption('');
    await go(page, 'ho-so');
    await page.locator('[data-testid="dossier-check"]').waitFor();
    assert.equal(await group(page, 'UBND xã An Bình', 'TDGQ'), '16.25');
    assert.deepEqual(errors, []);
    await context.close();
});
