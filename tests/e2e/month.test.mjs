// End to end: one month, many files (issue 27). A town clerk's unit figures, one-stop dossier list
// and Biểu 06a for the same town and month (tests/fixtures/month, every figure worked by hand in
// tests/month.rs), dropped together: each unit keeps its figures-file scores, the report's and
// the list's own units join, nothing is counted twice, and the letter's body and its appendix
// (on screen and in the DOCX) announce the same whole. The order of sources is the user's.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { openApp, waitForState, fixtures, scratchDir, suite, go, reloadWithoutFiles } from './harness.mjs';

const env = suite();
const files = ['so-lieu-thang-11-2023.csv', 'ho-so-thang-11-2023.csv', 'bao-cao-06a-thang-11-2023.csv'].map((f) => join(fixtures, 'month', f));
const town = 'UBND thị xã Hòa Phong';
const value = (page, unit, g) => page.locator(`table[data-testid="unit-scores"] tr[data-unit="${unit}"] td[data-group="${g}"]`).getAttribute('data-value');

test('three files of one month give one figure per criterion, and one whole', async () => {
    const { page, context, errors, foreign } = await openApp(env.browser, env.server.url);
    await page.locator('[data-testid="file-input"]').setInputFiles(files);
    await waitForState(page, 'ready');
    // Five units, each once: the figures file's three, the report's Phòng Tư pháp, the list's Cát Tiên.
    assert.equal(await page.locator('table[data-testid="unit-scores"] tbody tr[data-unit]').count(), 5);
    // An Khê as its figures file says: 6 + 19 + 6 + 2 = 33; the town its own row: 32,4.
    assert.equal(await value(page, 'UBND xã An Khê', 'TOTAL'), '33.00');
    assert.equal(await value(page, 'UBND xã An Khê', 'TDGQ'), '19.00');
    assert.equal(await value(page, town, 'TDGQ'), '19.80');
    assert.equal(await value(page, town, 'TOTAL'), '32.40');
    assert.equal(await value(page, 'Phòng Tư pháp', 'TDGQ'), '18.00');
    assert.equal(await value(page, 'UBND xã Cát Tiên', 'TDGQ'), '20.00');
    assert.equal(await page.locator('[data-testid="whole"]').getAttribute('data-unit'), town);
    const said = (await page.locator('[data-testid="error"]').allInnerTexts()).join('\n');
    // ON_TIME and ONLINE_DOSSIERS differ from the report's; ON_TIME from the list's.
    assert.match(said, /«bao-cao-06a-thang-11-2023\.csv» \(báo cáo kết quả giải quyết TTHC\) cho số liệu khác nhau ở 2 tiêu chí của 1 đơn vị \(UBND xã An Khê\)\. Theo thứ tự nguồn, chiso dùng «so-lieu-thang-11-2023\.csv»/);
    assert.match(said, /«ho-so-thang-11-2023\.csv» \(danh sách hồ sơ\) cho số liệu khác nhau ở 1 tiêu chí của 1 đơn vị/);

    // The unit page says both figures and which one was used.
    await go(page, 'xep-hang');
    await page.locator('tr[data-unit="UBND xã An Khê"] [data-testid="unit-link"]').click();
    const onTime = await page.locator('[data-testid="unit-detail"] tr[data-criterion="ON_TIME"]').innerText();
    assert.match(onTime, /bảng số liệu, bảng điểm: 950\/1\.000; báo cáo kết quả giải quyết TTHC: 9\/10; danh sách hồ sơ: 3\/4 — dùng bảng số liệu, bảng điểm/);

    // The letter: the town's own results; the appendix heads with the same whole.
    await go(page, 'van-ban');
    const letter = await page.locator('[data-testid="letter"]').innerText();
    assert.match(letter, /- Chỉ số Tiến độ giải quyết: 19,8\/20 điểm\./);
    assert.match(letter, /đã triển khai 3\/3 đơn vị\./);
    const rows = page.locator('[data-testid="appendix"] tbody tr');
    assert.equal(await rows.count(), 5);
    const whole = await rows.first().locator('td, th').allInnerTexts();
    assert.deepEqual([whole[0], whole[1], whole[8]], ['', 'Toàn thị xã Hòa Phong', '32,40']);
    const ranks = await rows.evaluateAll((trs) => trs.slice(1).map((tr) => tr.children[0].textContent));
    assert.deepEqual(ranks, ['1', '2', '3', '4']);

    // The DOCX: its body's results and its appendix's whole are the same figures.
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-testid="export-docx"]').click()]);
    const docx = join(await scratchDir('month-docx'), download.suggestedFilename());
    await download.saveAs(docx);
    const text = execFileSync('python3', ['-c', 'import re, sys, zipfile; x = zipfile.ZipFile(sys.argv[1]).read("word/document.xml").decode(); print(re.sub(r"<[^>]+>", "|", x))', docx]).toString();
    assert.ok(text.includes('Chỉ số Tiến độ giải quyết: 19,8/20 điểm'), 'body');
    const cells = text.split('|').filter((t) => t.trim() !== '');
    const at = cells.indexOf('Toàn thị xã Hòa Phong');
    assert.ok(at > 0, 'the whole in the appendix');
    // CKMB 5,80 · TDGQ 19,80 · CLGQ 4,80 · TTTT · MDHL without figures · MDSH 2,00 · total 32,40.
    assert.equal(cells.slice(at + 1).find((c) => /^\d+,\d\d$/.test(c) && Number(c.replace(',', '.')) > 30), '32,40');
    assert.deepEqual(errors, []);
    assert.deepEqual(foreign, []);
    await context.close();
});

test('the order of sources is changed in the settings and remembered', async () => {
    const { page, context, errors } = await openApp(env.browser, env.server.url);
    await go(page, 'cai-dat');
    const order = page.locator('[data-testid="source-order"]');
    const kinds = () => order.locator('li').evaluateAll((items) => items.map((li) => li.dataset.source));
    assert.deepEqual(await kinds(), ['typed', 'figures', 'report', 'dossiers']);
    await order.locator('li[data-source="dossiers"] [data-testid="source-earlier"]').click();
    await order.locator('li[data-source="dossiers"] [data-testid="source-earlier"]').click();
    assert.deepEqual(await kinds(), ['typed', 'dossiers', 'figures', 'report']);
    await reloadWithoutFiles(page);
    await go(page, 'cai-dat');
    assert.deepEqual(await kinds(), ['typed', 'dossiers', 'figures', 'report']);
    await page.locator('[data-testid="file-input"]').setInputFiles(files);
    await waitForState(page, 'ready');
    // The list's 3/4 first now: 20 × 0,75 = 15; what it has no column for is still the figures'.
    assert.equal(await value(page, 'UBND xã An Khê', 'TDGQ'), '15.00');
    assert.equal(await value(page, 'UBND xã An Khê', 'CKMB'), '6.00');
    assert.deepEqual(errors, []);
    await context.close();
});

test('a table chiso does not recognise is shown to it by hand, and remembered', async () => {
    const { page, context, errors } = await openApp(env.browser, env.server.url);
    const dir = await scratchDir('header-pick');
    const file = join(dir, 'bang-la.csv');
    // «Tên cơ sở» is no unit column chiso knows; the header sits under a title, on row 2.
    writeFileSync(file, 'BẢNG TỔNG HỢP THÁNG 11/2026\nTên cơ sở,ON_TIME (tử số),ON_TIME (mẫu số)\nUBND xã Một,9,10\nUBND xã Hai,3,4\n');
    await page.locator('[data-testid="file-input"]').setInputFiles(file);
    await waitForState(page, 'ready');
    await go(page, 'tep');
    const pick = page.locator('[data-testid="header-pick"]');
    await pick.locator('[data-testid="pick-row"]').fill('2');
    await pick.locator('[data-testid="pick-row"]').press('Tab');
    await pick.locator('tr[data-column="A"] [data-testid="pick-column"]').selectOption('unit');
    await pick.locator('[data-testid="pick-apply"]').click();
    await waitForState(page, 'ready');
    // 9/10 → 18; 3/4 → 15.
    assert.equal(await value(page, 'UBND xã Một', 'TDGQ'), '18.00');
    assert.equal(await value(page, 'UBND xã Hai', 'TDGQ'), '15.00');
    // The same headers later: read at once.
    await reloadWithoutFiles(page);
    await page.locator('[data-testid="file-input"]').setInputFiles(file);
    await waitForState(page, 'ready');
    assert.equal(await value(page, 'UBND xã Hai', 'TDGQ'), '15.00');
    assert.deepEqual(errors, []);
    await context.close();
});

test("the portal's JSON is read as unit figures", async () => {
    const { page, context, errors } = await openApp(env.browser, env.server.url);
    await page.locator('[data-testid="file-input"]').setInputFiles(join(fixtures, 'month', 'cong-dvcqg-xa-thang-10-2026.json'));
    await waitForState(page, 'ready');
    // UBND xã Ba Vì, the reference's commune: TDGQ 19,48, CLGQ 6,31, TTTT 5,14, MDHL 18 → 48,93.
    assert.equal(await value(page, 'UBND xã Ba Vì', 'TDGQ'), '19.48');
    assert.equal(await value(page, 'UBND xã Ba Vì', 'TOTAL'), '48.93');
    assert.deepEqual(errors, []);
    await context.close();
});
