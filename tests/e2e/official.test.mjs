// End to end: what an official sees and sends (issue 30). A town's figures as a commune officer
// checks them on a 390 × 844 phone; files kept across a reload; a unit page as a step of history;
// the plan for the whole and the letter's workbooks.
//
// tests/fixtures/town: fourteen communes of a town, the province's publishing figures (8/10, 8/10,
// 10/10) repeated on every row as such files do. Hưng Long pays online 3 dossiers of 40 and its
// other dossier criteria run at 80 %: it can win back 13,42 points itself, the most of any unit
// (the next, Thanh Long, 5,94) — worked by `chiso score` and in tests/cli.rs's contract test.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { openApp, waitForState, fixtures, scratchDir, suite, go, officePart } from './harness.mjs';

const env = suite();
const town = join(fixtures, 'town', 'thi-xa-my-hao-thang-11-2023.csv');
const hungLong = 'UBND xã Hưng Long';
const VIEWS = ['tong-quan', 'xep-hang', 'canh-bao', 'van-ban', 'ho-so', 'tep', 'cai-dat'];
/// How much wider than the screen the page is (0: nothing scrolls sideways).
const overflow = (page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

test('a commune officer on a phone: the unit\'s total on the first screen, nothing wider than the screen, its alert first', async () => {
    const { page, context, errors } = await openApp(env.browser, env.server.url);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.locator('[data-testid="file-input"]').setInputFiles(town);
    await waitForState(page, 'ready');
    await page.locator('[data-testid="my-unit"]').selectOption(hungLong);
    await go(page, 'tong-quan');
    await page.evaluate(() => window.scrollTo(0, 0));
    const total = page.locator('[data-testid="my-unit-total"]');
    await total.waitFor();
    const box = await total.boundingBox();
    assert.ok(box && box.y >= 0 && box.y + box.height <= 844, `the total within the first screen: ${JSON.stringify(box)}`);
    // The navigation is one row.
    const rows = await page.locator('[data-testid="nav"] [data-view]').evaluateAll((links) => new Set(links.map((a) => Math.round(a.getBoundingClientRect().top))).size);
    assert.equal(rows, 1, 'one row of views');

    for (const width of [390, 360]) {
        await page.setViewportSize({ width, height: 844 });
        for (const view of VIEWS) {
            await go(page, view);
            assert.equal(await overflow(page), 0, `${view} at ${width} px`);
        }
        await go(page, 'canh-bao');
        await page.locator('.alert-settings summary').click();
        assert.equal(await overflow(page), 0, `the alert rules open at ${width} px`);
        await page.locator('.alert-settings summary').click();
        await go(page, 'van-ban');
        await page.locator('.letter-fields summary').click();
        assert.equal(await overflow(page), 0, `the letter's editor open at ${width} px`);
        await page.locator('.letter-fields summary').click();
        // The ranking keeps each unit and its total in view.
        await go(page, 'xep-hang');
        const row = page.locator(`table[data-testid="unit-scores"] tr[data-unit="${hungLong}"]`);
        for (const cell of [row.locator('th'), row.locator('td[data-group="TOTAL"]')]) {
            const b = await cell.boundingBox();
            assert.ok(b && b.x >= 0 && b.x + b.width <= width + 1, `in view at ${width} px: ${JSON.stringify(b)}`);
        }
    }

    await go(page, 'canh-bao');
    assert.equal(await page.locator('[data-testid="alerts"] [data-alert-unit]').first().getAttribute('data-alert-unit'), hungLong);
    await page.locator('[data-testid="my-unit"]').selectOption('');
    assert.equal(await page.locator('[data-testid="alerts"] [data-alert-unit]').first().getAttribute('data-alert-unit'), hungLong, 'first also when it is nobody\'s own');
    // The province's publishing is no commune's own: said once, not an alert of each.
    assert.equal(await page.locator('[data-testid="alerts"] [data-alert][data-criterion="CKMB"]').count(), 0);
    assert.equal(await page.locator('[data-testid="alerts"] [data-alert][data-criterion="PUBLISH_ON_TIME"]').count(), 0);
    assert.match(await page.locator('[data-testid="from-above"] li').first().innerText(), /^Do cấp tỉnh — TTHC công bố đúng hạn: 4,8\/6 điểm \(nhắc lại trên dòng của 14 đơn vị/);
    // Chart text stays readable: 12 px at least.
    await go(page, 'tong-quan');
    const sizes = await page.locator('figure[data-chart="overview"] svg text').evaluateAll((t) => t.map((x) => x.getBoundingClientRect().height));
    assert.ok(sizes.length > 0 && sizes.every((h) => h >= 12), `chart text heights ${sizes}`);
    assert.deepEqual(errors, []);
    await context.close();
});

test('three loaded files come back after a reload; forgetting empties IndexedDB; Back and Escape close a unit page', async () => {
    const { page, context } = await openApp(env.browser, env.server.url);
    const month = ['so-lieu-thang-11-2023.csv', 'ho-so-thang-11-2023.csv', 'bao-cao-06a-thang-11-2023.csv'].map((f) => join(fixtures, 'month', f));
    await page.locator('[data-testid="file-input"]').setInputFiles(month);
    await waitForState(page, 'ready');
    await go(page, 'xep-hang');
    const totals = () => page.locator('table[data-testid="unit-scores"] tbody tr[data-unit]').evaluateAll((rows) => rows.map((r) => `${r.dataset.unit} ${r.querySelector('td[data-group="TOTAL"]').dataset.value}`));
    const before = await totals();
    assert.equal(before.length, 5);
    await page.locator('[data-testid="kept-files"]').waitFor();

    await page.reload();
    await waitForState(page, 'ready');
    assert.match(await page.locator('[data-testid="restored"]').innerText(), /^Đã mở lại 3 tệp được giữ trên máy này/);
    assert.deepEqual(await totals(), before, 'the same scores');
    assert.equal(await page.locator('[data-testid="file-card"]').count(), 3);

    // A unit page is a step of history: Back closes it, the ranking stays.
    const detail = page.locator('[data-testid="unit-detail"]');
    await page.locator('tr[data-unit="UBND xã An Khê"] [data-testid="unit-link"]').click();
    await detail.waitFor();
    assert.match(await page.evaluate(() => location.hash), /^#xep-hang\/UBND%20x/);
    await page.goBack();
    await detail.waitFor({ state: 'detached' });
    assert.equal(await page.evaluate(() => location.hash), '#xep-hang');
    await page.locator('table[data-testid="unit-scores"]').waitFor();
    // Escape closes it too.
    await page.locator('tr[data-unit="UBND xã An Khê"] [data-testid="unit-link"]').click();
    await detail.waitFor();
    await page.keyboard.press('Escape');
    await detail.waitFor({ state: 'detached' });

    await page.locator('[data-testid="forget-files"]').click();
    await page.locator('[data-testid="kept-files"]', { hasText: 'Đã xóa các tệp đã tải khỏi máy này.' }).waitFor();
    assert.ok(!(await page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name))).includes('chiso-files'));
    await page.reload();
    await waitForState(page, 'idle');
    assert.equal(await page.locator('[data-testid="file-card"]').count(), 0, 'nothing comes back');
    await context.close();
});


test('the plan for the whole: the fewest dossiers over the units, as a table, a workbook and the letter\'s targets', async () => {
    // tests/whole_plan.rs's town: A 95/100, B 90/100, C 85/100 on time → 18,00; to 19,5 the
    // fewest are 23 dossiers (293/300 → 19,53): 15 from C (+1,00), 8 from B (+0,53).
    const dir = await scratchDir('whole-plan');
    const csv = join(dir, 'so-lieu-thang-11-2026.csv');
    writeFileSync(csv, 'Đơn vị;Đơn vị cấp trên;Hồ sơ đúng hạn, trong hạn (tử số);Hồ sơ đúng hạn, trong hạn (mẫu số)\n'
        + 'UBND xã A;UBND thị xã T;95;100\nUBND xã B;UBND thị xã T;90;100\nUBND xã C;UBND thị xã T;85;100\n');
    const { page, context, errors } = await openApp(env.browser, env.server.url);
    await page.locator('[data-testid="file-input"]').setInputFiles(csv);
    await waitForState(page, 'ready');
    await go(page, 'van-ban');
    const plan = page.locator('[data-testid="whole-plan"]');
    assert.equal(await plan.locator('h3').innerText(), 'Kế hoạch nâng điểm toàn thị xã T');
    await plan.locator('[data-testid="whole-plan-target"]').fill('19,5');
    const steps = () => plan.locator('tr[data-unit][data-criterion]').evaluateAll((r) => r.map((x) => [x.dataset.unit, x.dataset.criterion, x.dataset.add, x.dataset.points]));
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="whole-plan"] tr[data-unit]').length === 2);
    assert.deepEqual(await steps(), [['UBND xã C', 'ON_TIME', '15', '1.00'], ['UBND xã B', 'ON_TIME', '8', '0.53']]);
    assert.match(await plan.locator('[data-testid="whole-plan-summary"]').innerText(), /^Toàn thị xã T đạt 19,53 điểm \(từ 18\) khi 2 đơn vị thêm tổng cộng 23 hồ sơ/);

    const [download] = await Promise.all([page.waitForEvent('download'), plan.locator('[data-testid="whole-plan-xlsx"]').click()]);
    assert.equal(download.suggestedFilename(), 'chiso-2026-11-ke-hoach.xlsx');
    const xlsx = join(dir, download.suggestedFilename());
    await download.saveAs(xlsx);
    const strings = officePart(xlsx, 'xl/sharedStrings.xml');
    for (const text of ['Kế hoạch nâng điểm toàn thị xã T', 'UBND xã C', 'UBND xã B', 'Số hồ sơ cần thêm']) assert.ok(strings.includes(text), text);
    assert.ok(!strings.includes('UBND xã A<'), 'A is not asked');
    const sheet = officePart(xlsx, 'xl/worksheets/sheet1.xml');
    assert.match(sheet, /<c r="D6"[^>]*><v>15<\/v>/);
    assert.match(sheet, /<c r="D7"[^>]*><v>8<\/v>/);
    assert.match(sheet, /<c r="D8"[^>]*><v>23<\/v>/);

    // The targets go into the letter as a directive.
    await plan.locator('[data-testid="whole-plan-assign"]').click();
    await page.locator('[data-testid="letter"]', { hasText: 'Giao chỉ tiêu để toàn thị xã T đạt 19,5 điểm trở lên' }).waitFor();
    assert.match(await page.locator('[data-testid="letter"]').innerText(), /UBND xã B \(Hồ sơ đúng hạn, trong hạn: thêm 8 hồ sơ\); UBND xã C \(Hồ sơ đúng hạn, trong hạn: thêm 15 hồ sơ\)\./);

    // The appendix as a workbook beside the DOCX.
    const [appendix] = await Promise.all([page.waitForEvent('download'), page.locator('[data-testid="export-appendix-xlsx"]').click()]);
    assert.equal(appendix.suggestedFilename(), 'chiso-2026-11-phu-luc.xlsx');
    const book = join(dir, appendix.suggestedFilename());
    await appendix.saveAs(book);
    const appendixStrings = officePart(book, 'xl/sharedStrings.xml');
    for (const text of ['PHỤ LỤC', 'Toàn thị xã T', 'UBND xã A', 'Xếp loại']) assert.ok(appendixStrings.includes(text), text);
    assert.deepEqual(errors, []);
    await context.close();
});
