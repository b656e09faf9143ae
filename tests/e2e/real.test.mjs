// End to end: files in the layouts offices really export (tests/fixtures/real, written by
// tests/fixtures/real.rs; every figure is worked by hand in tests/real_formats.rs), uploaded as a
// user would, and a dossier list whose due-date column chiso does not know, mapped by hand.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { openApp, waitForState, fixtures, scratchDir, suite, go, reloadWithoutFiles } from './harness.mjs';

const XLSX = createRequire(import.meta.url)('xlsx');
const env = suite();
const fixture = (name) => join(fixtures, 'real', name);
const cell = (page, unit, g) => page.locator(`table[data-testid="unit-scores"] tr[data-unit="${unit}"] td[data-group="${g}"]`);
const value = (page, unit, g) => cell(page, unit, g).getAttribute('data-value');

async function upload(file) {
    const opened = await openApp(env.browser, env.server.url);
    await opened.page.locator('[data-testid="file-input"]').setInputFiles(file);
    await waitForState(opened.page, 'ready');
    return opened;
}

for (const file of ['bao-cao-06a.xlsx', 'bao-cao-06a.ods', 'bao-cao-06a.xls']) {
    test(`${file}: a Biểu II.06a report of units under its province`, async () => {
        const { page, context, errors } = await upload(fixture(file));
        // ON_TIME (TDGQ): Sở Tư pháp 150/160 → 18,75; Tân Tiến from its parts 98/105 → 18,67;
        // the province pooled 381/410 → 18,59. ONLINE_DOSSIERS (CLGQ): 120/150 → 6; 190/395 → 5,77.
        assert.equal(await value(page, 'Sở Tư pháp', 'TDGQ'), '18.75');
        assert.equal(await value(page, 'UBND xã Tân Tiến', 'TDGQ'), '18.67');
        assert.equal(await value(page, 'UBND tỉnh Hưng Yên', 'TDGQ'), '18.59');
        assert.equal(await value(page, 'Sở Tư pháp', 'CLGQ'), '6.00');
        assert.equal(await value(page, 'UBND tỉnh Hưng Yên', 'CLGQ'), '5.77');
        assert.equal(await value(page, 'Sở Tư pháp', 'TOTAL'), '24.75');
        // Group rows and the total row are not units.
        for (const notUnit of ['Sở, ban, ngành', 'Cấp xã', 'TỔNG CỘNG']) {
            assert.equal(await page.locator(`table[data-testid="unit-scores"] tr[data-unit="${notUnit}"]`).count(), 0, notUnit);
        }
        const said = (await page.locator('[data-testid="error"]').allInnerTexts()).join('\n');
        assert.match(said, /ô C15 \(dòng 15, cột C\): «Số hồ sơ nhận giải quyết › Tổng số» là 110/);
        assert.deepEqual(errors, []);
        await context.close();
    });
}

test('a per-field 06 report is its reporting unit', async () => {
    const { page, context } = await upload(fixture('bao-cao-06-linh-vuc.xlsx'));
    // 198/212 → 18,68; online 55/200 → 3,3.
    assert.equal(await page.locator('table[data-testid="unit-scores"] tbody tr[data-unit]').count(), 1);
    assert.equal(await value(page, 'UBND xã Tân Tiến', 'TDGQ'), '18.68');
    assert.equal(await value(page, 'UBND xã Tân Tiến', 'TOTAL'), '21.98');
    await context.close();
});

test('a one-stop export: a dossier never accepted left out, one withdrawn counted, an unknown status listed', async () => {
    const { page, context, errors } = await upload(fixture('danh-sach-ho-so-mot-cua.xlsx'));
    // An Bình 4/6 on time → 13,33 (the withdrawn A5 counted, taken as ended by its due date);
    // Hòa Lạc 3/3 → 20. PAY_DOSSIERS (TTTT) 1/3 → 2 (tests/real_formats.rs works them).
    assert.equal(await value(page, 'UBND xã An Bình', 'TDGQ'), '13.33');
    assert.equal(await value(page, 'UBND xã Hòa Lạc', 'TDGQ'), '20.00');
    assert.equal(await value(page, 'UBND xã An Bình', 'TTTT'), '2.00');
    const said = (await page.locator('[data-testid="error"]').allInnerTexts()).join('\n');
    assert.match(said, /1 hồ sơ kỳ 11\/2026 có trạng thái «Không được tiếp nhận»/);
    assert.match(said, /1 hồ sơ từ chối, dừng xử lý hoặc rút sau khi tiếp nhận không ghi ngày kết thúc/);
    assert.match(said, /ô E12 .*trạng thái «Đang chờ ký số» \(1 hồ sơ/);
    assert.deepEqual(errors, []);
    await context.close();
});

test('a register with its two-row header and column numbers', async () => {
    const { page, context } = await upload(fixture('so-theo-doi-ho-so.xlsx'));
    // An Bình 1/2 → 10; Hòa Lạc 2/3 → 13,33.
    assert.equal(await value(page, 'UBND xã An Bình', 'TDGQ'), '10.00');
    assert.equal(await value(page, 'UBND xã Hòa Lạc', 'TDGQ'), '13.33');
    await context.close();
});

test('a dossier column chiso does not know is mapped by hand, and remembered', async () => {
    const dir = await scratchDir('dossier-mapping');
    const file = join(dir, 'ho-so-xa-thu.xlsx');
    // Four dossiers of one commune; «Thời hạn phải trả» is the due date under a name no list
    // of chiso's has. On time: finished by the due day (3); late: H4, finished 09/11 for 06/11.
    const rows = [
        ['Mã hồ sơ', 'Đơn vị', 'Ngày tiếp nhận', 'Thời hạn phải trả', 'Ngày hoàn thành'],
        ['H1', 'UBND xã Thử', '02/11/2026 08:00:00', '04/11/2026', '03/11/2026 10:00:00'],
        ['H2', 'UBND xã Thử', '03/11/2026 08:00:00', '05/11/2026', '05/11/2026 16:00:00'],
        ['H3', 'UBND xã Thử', '04/11/2026 08:00:00', '06/11/2026', '04/11/2026 15:00:00'],
        ['H4', 'UBND xã Thử', '04/11/2026 09:00:00', '06/11/2026', '09/11/2026 08:00:00'],
    ];
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(rows), 'Hồ sơ');
    XLSX.writeFile(book, file);
    const { page, context, errors } = await upload(file);
    // Without a due date, on-time cannot be counted.
    assert.notEqual(await value(page, 'UBND xã Thử', 'TDGQ'), '15.00');
    await go(page, 'tep');
    const panel = page.locator('[data-testid="dossier-mapping"]');
    await panel.locator('summary').click();
    assert.match(await panel.locator('[data-testid="dossier-mapping-missing"]').innerText(), /Hồ sơ đúng hạn, trong hạn/);
    await panel.locator('tr[data-column="D"] [data-testid="dossier-mapping-select"]').selectOption('due');
    // 3/4 on time → 15.
    await page.waitForFunction(() => document.querySelector('table[data-testid="unit-scores"] tr[data-unit="UBND xã Thử"] td[data-group="TDGQ"]')?.dataset.value === '15.00');
    await waitForState(page, 'ready');
    // The same headers again, on another load: the correction is remembered on this machine.
    await reloadWithoutFiles(page);
    await page.locator('[data-testid="file-input"]').setInputFiles(file);
    await waitForState(page, 'ready');
    await page.waitForFunction(() => document.querySelector('table[data-testid="unit-scores"] tr[data-unit="UBND xã Thử"] td[data-group="TDGQ"]')?.dataset.value === '15.00');
    assert.deepEqual(errors, []);
    await context.close();
});
