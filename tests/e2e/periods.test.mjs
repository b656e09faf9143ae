// End to end: two periods loaded together, compared, and chosen. The expected changes are worked
// by hand in tests/periods.rs from the two fixtures (October: B 29,60, A 22,20, C 14,50;
// November: A 30,00, B 26,40, D 20,00, C 15,35).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { readFile } from 'node:fs/promises';
import { openApp, waitForState, fixtures, suite, go } from './harness.mjs';

const env = suite();
const periods = ['so-lieu-thang-10-2026.csv', 'so-lieu-moi.csv'].map((f) => join(fixtures, 'periods', f));
const row = (page, unit) => page.locator(`table[data-testid="unit-scores"] tr[data-unit="${unit}"]`);

test('two periods: changes in the ranking, movers, new and cleared alerts', async () => {
    const { page, context, foreign, errors } = await openApp(env.browser, env.server.url);
    await page.locator('[data-testid="file-input"]').setInputFiles(periods);
    await waitForState(page, 'ready');

    const current = page.locator('[data-testid="period-current"]');
    assert.equal(await current.locator('option:checked').innerText(), '11/2026');
    assert.equal(await page.locator('[data-testid="period-previous"] option:checked').innerText(), '10/2026');
    await go(page, 'xep-hang');
    assert.equal(await page.locator('table[data-testid="unit-scores"] tbody tr').count(), 4);
    assert.equal(await row(page, 'UBND xã A').locator('td[data-group="TOTAL"]').getAttribute('data-value'), '30.00');
    const change = (unit) => row(page, unit).locator('[data-testid="change"]');
    assert.equal(await change('UBND xã A').getAttribute('data-delta'), '7.80');
    assert.equal(await change('UBND xã A').innerText(), '▲ +7,80 · ↑1');
    assert.equal(await change('UBND xã B').innerText(), '▼ −3,20 · ↓1');
    assert.equal(await change('UBND xã C').innerText(), '▲ +0,85 · ↓1');
    assert.equal(await change('UBND xã D').innerText(), 'mới');

    await go(page, 'tong-quan');
    const comparison = page.locator('[data-testid="comparison"]');
    assert.equal(await comparison.locator('h3').innerText(), 'So sánh kỳ 11/2026 với kỳ 10/2026');
    const movers = await comparison.locator('[data-testid="movers"] li').evaluateAll((l) => l.map((x) => [x.dataset.unit, x.dataset.delta]));
    assert.deepEqual(movers, [['UBND xã A', '7.80'], ['UBND xã C', '0.85'], ['UBND xã B', '-3.20']]);
    const changes = comparison.locator('table[data-testid="period-changes"] tr[data-unit="UBND xã A"]');
    assert.equal(await changes.locator('td[data-group="TDGQ"]').innerText(), '▲ +1,80');
    assert.equal(await changes.locator('td[data-group="CLGQ"]').getAttribute('data-delta'), '3.60');
    assert.equal(await changes.locator('td[data-group="CKMB"]').innerText(), '= 0,00');
    const alerts = (id) => comparison.locator(`[data-testid="${id}"] [data-alert]`).evaluateAll((l) => l.map((x) => `${x.dataset.unit} ${x.dataset.criterion}`).sort());
    assert.deepEqual(await alerts('new-alerts'), ['UBND xã B PAY_DOSSIERS']);
    // A's CLGQ clears too: the rest of the group has no figures (missing is not poor).
    assert.deepEqual(await alerts('cleared-alerts'), ['UBND xã A CLGQ', 'UBND xã A ONLINE_DOSSIERS', 'UBND xã A PAY_DOSSIERS']);

    // October in focus: three units, its own scores, nothing earlier to compare with.
    await current.selectOption({ label: '10/2026' });
    await page.waitForFunction(() => document.querySelectorAll('table[data-testid="unit-scores"] tbody tr').length === 3);
    assert.equal(await row(page, 'UBND xã B').locator('td[data-group="TOTAL"]').getAttribute('data-value'), '29.60');
    assert.equal(await comparison.count(), 0);
    assert.deepEqual(foreign, []);
    assert.deepEqual(errors, []);
    await context.close();
});

test('rows without a period are reported, then placed by the file period the user sets', async () => {
    const { page, context, errors } = await openApp(env.browser, env.server.url);
    const asBuffer = async (path) => ({ name: path.split('/').pop(), mimeType: 'text/csv', buffer: await readFile(path) });
    await page.locator('[data-testid="file-input"]').setInputFiles([
        ...(await Promise.all(periods.map(asBuffer))),
        { name: 'them.csv', mimeType: 'text/csv', buffer: Buffer.from('Đơn vị;ON_TIME (tử số);ON_TIME (mẫu số)\nUBND xã E;3;4\n') },
    ]);
    await waitForState(page, 'ready');
    const message = page.locator('[data-testid="error"]', { hasText: 'UBND xã E' });
    assert.match(await message.innerText(), /Tệp «them.csv», trang tính «them», dòng 2: đơn vị «UBND xã E» không ghi kỳ/);
    assert.equal(await row(page, 'UBND xã E').count(), 0);

    await go(page, 'tep');
    const field = page.locator('[data-testid="file-card"][data-file="them.csv"] [data-testid="file-period"]');
    await field.fill('Tháng 11/2026');
    await field.press('Enter');
    await row(page, 'UBND xã E').waitFor({ state: 'attached' });
    assert.equal(await row(page, 'UBND xã E').locator('td[data-group="TOTAL"]').getAttribute('data-value'), '15.00', 'ON_TIME 3/4 → 15,00');
    assert.equal(await message.count(), 0);
    assert.equal(await field.inputValue(), '11/2026');
    assert.deepEqual(errors, []);
    await context.close();
});

// Three periods: September adds A and B at 10,00 each (tests/periods.rs works the trend by hand).
test('three periods: a trend table with each change, a sparkline per unit, and the letter says the change', async () => {
    const { page, context, foreign, errors } = await openApp(env.browser, env.server.url);
    await page.locator('[data-testid="file-input"]').setInputFiles([join(fixtures, 'periods', 'so-lieu-thang-9-2026.csv'), ...periods]);
    await waitForState(page, 'ready');
    const trend = page.locator('[data-testid="trend"]');
    const values = (unit) => trend.locator(`tr[data-unit="${unit}"] [data-period]`).evaluateAll((l) => l.map((x) => [x.dataset.period, x.dataset.value]));
    assert.deepEqual(await values('UBND xã A'), [['9/2026', '10.00'], ['10/2026', '22.20'], ['11/2026', '30.00']]);
    assert.deepEqual(await values('UBND xã C'), [['9/2026', ''], ['10/2026', '14.50'], ['11/2026', '15.35']]);
    assert.equal(await trend.locator('tr[data-unit="UBND xã B"] [data-period="11/2026"]').innerText(), '26,40\n▼ −3,20');
    assert.equal(await trend.locator('tr[data-unit]').count(), 4);
    assert.equal(await trend.locator('tr[data-unit="UBND xã A"] svg title').textContent(), 'Tổng điểm qua các kỳ — UBND xã A');
    assert.equal(await trend.locator('tr[data-unit="UBND xã A"] svg polyline').count(), 1);
    await go(page, 'van-ban');
    // The letter compares November with October: the pooled total 22,65 → 25,10, as printed 22,7 → 25,1.
    assert.equal(
        await page.locator('[data-testid="letter"] p[data-group="TOTAL"]').innerText(),
        '- Tổng điểm: 25,1/100 điểm (tăng 2,4 điểm so với tháng trước).',
    );
    assert.deepEqual(foreign, []);
    assert.deepEqual(errors, []);
    await context.close();
});
