// End to end: scoring in the browser through the automation contract. The expected values are
// the published figures of xã Ba Vì (carried by phường An Lạc in the sample) worked by hand in
// docs/scoring.md, and sums of them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { readFile, writeFile } from 'node:fs/promises';
import { openApp, waitForState, screenshot, scratchDir, suite, go, reloadWithoutFiles, download } from './harness.mjs';

const env = suite();

const cell = (page, unit, group) => page.locator(`table[data-testid="unit-scores"] tr[data-unit="${unit}"] td[data-group="${group}"]`);

test('the sample, downloaded and uploaded, is scored as the published figures say', async () => {
    const { page, context, foreign, errors } = await openApp(env.browser, env.server.url);
    const sample = await download(page, 'download-sample');
    assert.equal(sample.name, 'chiso-du-lieu-mau-an-hoa.xlsx');
    await page.locator('[data-testid="file-input"]').setInputFiles(sample.path);
    await waitForState(page, 'ready');
    await go(page, 'xep-hang');

    assert.equal(await page.locator('table[data-testid="unit-scores"] tbody tr').count(), 15);
    const anLac = 'UBND phường An Lạc';
    const expected = { TDGQ: '19.48', CLGQ: '6.31', TTTT: '5.14', MDHL: '18.00', MDSH: '0.00', CKMB: '11.12', TOTAL: '60.05' };
    for (const [group, value] of Object.entries(expected)) {
        assert.equal(await cell(page, anLac, group).getAttribute('data-value'), value, group);
    }
    assert.equal(await cell(page, anLac, 'TDGQ').innerText(), '19,48');
    // Missing is not poor: An Lạc sent no digitisation figures (MDSH), none for DOSSIER_SYNC
    // (CKMB) and FULL is 0/0 (CLGQ); said in words, with a legend, and listed apart from alerts.
    assert.equal(await cell(page, anLac, 'MDSH').innerText(), 'thiếu số liệu');
    assert.equal(await cell(page, anLac, 'MDSH').getAttribute('data-missing'), 'all');
    assert.equal(await cell(page, anLac, 'CLGQ').innerText(), '6,31 *');
    assert.match(await page.locator('[data-testid="coverage-legend"]').innerText(), /«thiếu số liệu»: chưa có số liệu cho cả nhóm/);
    assert.match(await page.locator(`[data-testid="missing-data"] li[data-unit="${anLac}"]`).innerText(), /^UBND phường An Lạc — thiếu số liệu 9 tiêu chí \(30 điểm chưa tính\): Hồ sơ đồng bộ lên Cổng DVCQG; /);
    assert.equal(await page.locator(`[data-testid="alerts"] [data-alert][data-unit="${anLac}"][data-criterion="MDSH"]`).count(), 0);
    assert.equal(await cell(page, anLac, 'TOTAL').innerText(), '60,05');
    // 60,05 is "Trung bình" (≥ 50, < 70), written out beside its colour.
    assert.equal(await page.locator(`tr[data-unit="${anLac}"] td.band`).innerText(), 'Trung bình');
    // Sorted by a group: An Lạc's MDHL 18 is the highest; sorted by total again, the town first.
    // The town heads the table as the whole, unranked («Toàn thị xã An Hòa»), however it is sorted.
    const whole = page.locator('table[data-testid="unit-scores"] tbody tr').first();
    assert.equal(await whole.getAttribute('data-unit'), 'UBND thị xã An Hòa');
    assert.equal(await whole.getAttribute('data-whole'), 'true');
    assert.equal(await whole.locator('[data-testid="unit-link"]').innerText(), 'Toàn thị xã An Hòa');
    assert.equal(await whole.locator('td[data-rank]').count(), 0);
    const firstUnit = () => page.locator('table[data-testid="unit-scores"] tbody tr:not([data-whole])').first().getAttribute('data-unit');
    await page.locator('th[data-group="TDGQ"] [data-testid="sort"]').click();
    assert.equal(await page.locator('th[data-group="TDGQ"]').getAttribute('aria-sort'), 'descending');
    assert.equal(await firstUnit(), 'UBND phường An Lạc', 'TDGQ 19,48 is the highest');
    await page.locator('th[data-group="TOTAL"] [data-testid="sort"]').click();
    assert.equal(await firstUnit(), 'UBND phường Hòa Bình', '80,5, the first of the communes');
    // Ranked by kind: the communes alone (the town, of the district kind, is their whole).
    await page.locator('[data-testid="kind-filter"]').selectOption('Cấp xã');
    assert.equal(await page.locator('table[data-testid="unit-scores"] tbody tr').count(), 14);
    assert.equal(await page.locator('table[data-testid="unit-scores"] tbody tr[data-whole]').count(), 0);
    assert.equal(await page.locator('table[data-testid="unit-scores"] tbody tr').first().locator('td[data-rank]').innerText(), '1');
    await page.locator('[data-testid="kind-filter"]').selectOption('');
    assert.match(await page.locator('[data-testid="rules-title"]').innerText(), /phiên bản 2026\.1/);
    await go(page, 'canh-bao');
    const payment = page.locator('[data-testid="alerts"] [data-alert][data-criterion="PAY_DOSSIERS"]');
    // Alerts come by unit, the unit that can win back the most points itself first (as the JSON's
    // units say: Hưng Lợi before Vĩnh Lộc).
    assert.deepEqual(await payment.evaluateAll((a) => a.map((x) => x.dataset.unit)), ['UBND xã Hưng Lợi', 'UBND xã Vĩnh Lộc']);
    assert.match(await payment.last().innerText(), /Tỷ lệ hồ sơ thanh toán trực tuyến .*: 25,02% \(ngưỡng 50%\); có thể tăng thêm 4,5 điểm\./);
    assert.equal(await page.locator('[data-testid="alerts"] [data-alert-unit]').first().getAttribute('data-alert-unit'), 'UBND xã Hưng Lợi');
    // An Lạc's three most valuable actions: HAS_ONLINE 31/403 → 403 (+3,69); PAY_FORMALITIES and
    // PAY_PROVISION 3/31 → 25/31 = 80,65 % ≥ 80 % (+1,76 each).
    assert.deepEqual(await page.locator(`[data-alert-unit="${anLac}"] [data-testid="top-actions"] li`).allInnerTexts(), [
        'DVC có hồ sơ trực tuyến: thêm 372 TTHC, +3,69 điểm',
        'TTHC có giao dịch thanh toán trực tuyến: thêm 22 TTHC, +1,76 điểm',
        'TTHC có nghĩa vụ tài chính tích hợp trên Cổng DVCQG: thêm 22 TTHC, +1,76 điểm',
    ]);
    // The town's province-level criteria are said once, not as a CKMB alert of every commune.
    assert.equal(await page.locator('[data-testid="alerts"] [data-alert][data-criterion="CKMB"]').count(), 0);
    assert.equal(await page.locator('[data-testid="from-above"] li').first().innerText(), 'Do cấp tỉnh — TTHC công bố đúng hạn: 5,62/6 điểm (số liệu của UBND thị xã An Hòa, chung cho 14 đơn vị).');
    const measure = await page.evaluate(() => performance.getEntriesByName('chiso:analysis', 'measure').length);
    assert.equal(measure, 1);

    await go(page, 'xep-hang');
    await page.locator(`tr[data-unit="${anLac}"] [data-testid="unit-link"]`).click();
    const detail = page.locator('[data-testid="unit-detail"]');
    assert.equal(await detail.getAttribute('data-unit'), anLac);
    const onTime = await detail.locator('tr[data-criterion="ON_TIME"] td').allInnerTexts();
    // 20 × 4473/4474 = 19,9955 rounds to 20,00, 4472 gives 19,99: 115 more on time for full points.
    assert.deepEqual(onTime.slice(0, 7), ['4.358', '4.474', '97,41', '19,48', '20', '0,52', '115 hồ sơ']);
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'unit-heading', 'focus moves to the unit page');
    // The planner starts at the next band (60,05 is «Trung bình»; «Khá» from 70), out of reach
    // with dossiers: at most 60,05 + 0,52 + 1,34 (PAY_DOSSIERS 2558/3292 to 3290/3292) = 61,91.
    const plan = detail.locator('[data-testid="plan"]');
    assert.equal(await plan.locator('[data-testid="plan-target"]').inputValue(), '70');
    assert.equal(await plan.locator('[data-testid="plan-summary"]').getAttribute('data-reachable'), 'false');
    assert.match(await plan.locator('[data-testid="plan-summary"]').innerText(), /tối đa 61,91 điểm \(thêm 847 hồ sơ\)/);
    // To 61: all 115 on time (+0,52), then 233 paid online: 2791/3292 = 84,78 % → 5,09 (+0,43).
    await plan.locator('[data-testid="plan-target"]').fill('61');
    const steps = () => plan.locator('[data-criterion]').evaluateAll((s) => s.map((x) => [x.dataset.criterion, x.dataset.add, x.dataset.points]));
    assert.deepEqual(await steps(), [['ON_TIME', '115', '0.52'], ['PAY_DOSSIERS', '233', '0.43']]);
    assert.match(await plan.locator('[data-criterion="PAY_DOSSIERS"]').innerText(), /^Hồ sơ thanh toán trực tuyến: thêm 233 hồ sơ, \+0,43 điểm$/);
    assert.match(await plan.locator('[data-testid="plan-summary"]').innerText(), /Thêm 348 hồ sơ đạt yêu cầu thì đạt 61 điểm \(từ 60,05 điểm\)/);
    // To 60,5 (+0,45): ON_TIME alone needs 100 (19,925 × 4474/20 = 4457,2); 97 give +0,44
    // (4455) and 2 payments +0,01 (2560/3292 = 77,76 % → 4,6656 → 4,67): 99, the cheaper per
    // point first.
    await plan.locator('[data-testid="plan-target"]').fill('60,5');
    assert.deepEqual(await steps(), [['PAY_DOSSIERS', '2', '0.01'], ['ON_TIME', '97', '0.44']]);
    assert.match(await detail.locator('tr[data-criterion="FULL"]').innerText(), /không có dữ liệu/);
    assert.match(await detail.locator('tr[data-criterion="PUBLISH_ON_TIME"]').innerText(), /lấy theo UBND thị xã An Hòa/);
    // The unit's chart: its groups against its peers', with the figures as text alternative.
    assert.match(await detail.locator('figure[data-chart="unit"] svg desc').textContent(), /Tiến độ giải quyết: UBND phường An Lạc 19,48, Trung bình đơn vị cùng cấp/);
    await page.locator('[data-testid="charts"] summary').click();
    // Drawn when opened.
    await page.locator('[data-testid="charts"] svg[role="img"]').nth(6).waitFor();
    assert.equal(await page.locator('[data-testid="charts"] svg[role="img"]').count(), 7);
    assert.match(await page.locator('figure[data-chart="ranking"] desc').textContent(), /UBND phường An Lạc: 60,05\/100$/);
    await screenshot(page, 'scores.png');

    const json = await download(page, 'export-json');
    assert.equal(json.name, 'chiso-2026-11-ket-qua.json');
    const data = JSON.parse(await readFile(json.path, 'utf8'));
    const unit = data.units.find((u) => u.unit === anLac);
    assert.equal(unit.total, 60.05);
    assert.equal(unit.criteria.ON_TIME.ratio, 97.41);
    assert.equal(unit.criteria.ON_TIME.to_full, 115);
    // Made from the results the worker holds, alerts and all: the page asked with the export's
    // name alone (a few bytes of the engine's protocol), never the alerts sent back.
    assert.ok(data.alerts.length > 10, `${data.alerts.length} alerts`);
    const asked = await page.evaluate(() =>
        performance.getEntriesByType('mark').map((m) => m.name).filter((n) => n.startsWith('chiso:request make ')));
    // The sample's download, then the JSON.
    assert.equal(asked.length, 2);
    assert.ok(asked.every((a) => Number(a.split(' ')[2]) <= 8), asked.join(', '));
    const xlsx = await download(page, 'export-xlsx');
    assert.equal(xlsx.name, 'chiso-2026-11-ket-qua.xlsx');
    assert.equal((await readFile(xlsx.path)).subarray(0, 2).toString(), 'PK');
    const csv = await download(page, 'export-csv');
    const text = (await readFile(csv.path)).toString('utf8');
    assert.ok(text.startsWith('\ufeffBộ quy tắc: Bộ chỉ số phục vụ người dân, doanh nghiệp (QĐ 766/QĐ-TTg, Cổng DVCQG) — phiên bản 2026.1\r\nXếp hạng;Đơn vị;'));
    assert.match(text, /;UBND phường An Lạc;UBND thị xã An Hòa;11,12;19,48;6,31;5,14;18,00;0,00;60,05;Trung bình\r\n/);

    assert.deepEqual(foreign, []);
    assert.deepEqual(errors, []);
    await context.close();
});

test('a column the reader does not know is mapped by hand, and the mapping is remembered', async () => {
    const { page, context } = await openApp(env.browser, env.server.url);
    const path = join(await scratchDir('mapping'), 'ten-cot-la.csv');
    await writeFile(path, 'Đơn vị;Số hồ sơ xong đúng hẹn;ON_TIME (mẫu số)\nXã A;9;10\nXã B;1;4\n');
    const input = page.locator('[data-testid="file-input"]');
    await input.setInputFiles(path);
    await waitForState(page, 'ready');
    // Only the denominator is known: no data yet.
    assert.equal(await cell(page, 'Xã A', 'TDGQ').getAttribute('data-value'), '0.00');

    await go(page, 'tep');
    const mapping = page.locator('[data-testid="file-card"][data-file="ten-cot-la.csv"] [data-testid="mapping"]');
    await mapping.locator('summary').click();
    await mapping.locator('tr[data-column="B"] select').selectOption('c:ON_TIME:num');
    // 9/10 × 20 = 18; 1/4 × 20 = 5.
    await page.locator('tr[data-unit="Xã A"] td[data-group="TDGQ"][data-value="18.00"]').waitFor({ state: 'attached' });
    assert.equal(await cell(page, 'Xã B', 'TDGQ').getAttribute('data-value'), '5.00');

    // A bad cell is reported with its place and marked in the preview; the rest is scored.
    await input.setInputFiles({ name: 'o-loi.csv', mimeType: 'text/csv', buffer: Buffer.from('Đơn vị;ON_TIME (tử số);ON_TIME (mẫu số)\nXã C;mười;20\nXã D;5;10\n') });
    await waitForState(page, 'ready');
    const warning = page.locator('[data-testid="error"][data-level="warning"]');
    assert.match(await warning.first().innerText(), /Tệp «o-loi\.csv», trang tính «o-loi», ô B2 \(dòng 2, cột B\), cột «ON_TIME \(tử số\)»: «mười» không phải là số\./);
    const flagged = page.locator('[data-testid="file-card"][data-file="o-loi.csv"] td[data-flagged="true"]');
    assert.equal(await flagged.count(), 1);
    assert.equal(await flagged.innerText(), '⚠ mười');
    assert.equal(await cell(page, 'Xã D', 'TDGQ').getAttribute('data-value'), '10.00');

    await reloadWithoutFiles(page);
    await page.locator('[data-testid="file-input"]').setInputFiles(path);
    await waitForState(page, 'ready');
    assert.equal(await cell(page, 'Xã A', 'TDGQ').getAttribute('data-value'), '18.00', 'remembered for these headers');
    await context.close();
});

test('another rule set changes the scores; a broken one is refused and the old one kept', async () => {
    const { page, context } = await openApp(env.browser, env.server.url);
    await page.locator('[data-testid="use-sample"]').click();
    await waitForState(page, 'ready');
    const anLac = 'UBND phường An Lạc';
    assert.equal(await cell(page, anLac, 'CLGQ').getAttribute('data-value'), '6.31');

    const defaults = await readFile(new URL('../../src/rules/qd766-2026.toml', import.meta.url), 'utf8');
    await go(page, 'cai-dat');
    const rules = page.locator('[data-testid="rules-input"]');
    const broken = defaults.replace('max = 20\nrule', 'max = 21\nrule');
    await rules.setInputFiles({ name: 'hong.toml', mimeType: 'text/plain', buffer: Buffer.from(broken) });
    const refusal = page.locator('.rules [data-testid="error"]');
    await refusal.waitFor();
    assert.match(await refusal.innerText(), /Không dùng được bộ quy tắc «hong\.toml»: nhóm «TDGQ» có tối đa 20 điểm nhưng các tiêu chí cộng lại 21 điểm/);
    assert.equal(await cell(page, anLac, 'CLGQ').getAttribute('data-value'), '6.31');

    // ONLINE_DOSSIERS against 80 %: 3294/4474 = 73.63 % → 5.52; CLGQ 0.31 + 5.52 = 5.83.
    const stricter = defaults.replace('target = 0.5', 'target = 0.8').replace('version = "2026.1"', 'version = "2027-thu"');
    await rules.setInputFiles({ name: 'chat-hon.toml', mimeType: 'text/plain', buffer: Buffer.from(stricter) });
    await page.locator(`tr[data-unit="${anLac}"] td[data-group="CLGQ"][data-value="5.83"]`).waitFor({ state: 'attached' });
    assert.match(await page.locator('[data-testid="rules-title"]').innerText(), /phiên bản 2027-thu \(«chat-hon\.toml»\)/);
    await page.locator('[data-testid="default-rules"]').click();
    await page.locator(`tr[data-unit="${anLac}"] td[data-group="CLGQ"][data-value="6.31"]`).waitFor({ state: 'attached' });
    await context.close();
});

test('an export the browser refuses is said, and everything loaded stays', async () => {
    const { page, context, errors } = await openApp(env.browser, env.server.url);
    await page.locator('[data-testid="use-sample"]').click();
    await waitForState(page, 'ready');
    // As when a policy or an extension blocks downloads: the browser will not make the file's URL.
    await page.evaluate(() => {
        URL.createObjectURL = () => {
            throw new Error('blocked by policy');
        };
    });
    await go(page, 'xep-hang');
    await page.locator('[data-testid="export-xlsx"]').click();
    const said = page.locator('[data-testid="error"][data-kind="export"]');
    await said.waitFor();
    assert.match(
        await said.textContent(),
        /Không lưu được tệp «chiso-[^»]*ket-qua\.xlsx» \([^)]*blocked by policy[^)]*\)\. Hãy kiểm tra trình duyệt cho phép tải tệp xuống/,
    );
    assert.equal(await cell(page, 'UBND phường An Lạc', 'TOTAL').getAttribute('data-value'), '60.05', 'results untouched');
    assert.deepEqual(errors, []);
    await context.close();
});
