// End to end: accessibility checked with axe-core (npm, injected into the page) on every view at
// 1366, 768 and 390 px (with the letter editor, the alert rules and a mapping open), a unit's page
// and the English UI.
// Zero serious or critical violations.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openApp, waitForState, suite, fixtures, go } from './harness.mjs';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

const env = suite();

/// Serious and critical violations, each as "rule: selector".
async function audit(page) {
    await page.evaluate(axeSource);
    const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
    return result.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')} — ${n.failureSummary.split('\n')[1] ?? ''}`));
}

const VIEWS = ['tong-quan', 'xep-hang', 'canh-bao', 'van-ban', 'ho-so', 'tep', 'cai-dat'];

test('no serious or critical accessibility violations on any view, at every width', async () => {
    // axe is injected by evaluation; the page's own Content-Security-Policy stays in force.
    const { page, context } = await openApp(env.browser, env.server.url);
    assert.deepEqual(await audit(page), [], 'start');
    assert.deepEqual(await page.locator('[data-testid="nav"] [data-view]').evaluateAll((a) => a.map((x) => x.dataset.view)), VIEWS);

    await page.locator('[data-testid="use-sample"]').click();
    await waitForState(page, 'ready');
    await go(page, 'van-ban');
    await page.locator('.letter-fields summary').click();
    await go(page, 'canh-bao');
    await page.locator('.alert-settings summary').click();
    await go(page, 'tep');
    await page.locator('[data-testid="mapping"] summary').click();
    for (const width of [1366, 768, 390]) {
        await page.setViewportSize({ width, height: 768 });
        for (const view of VIEWS) {
            await go(page, view);
            assert.deepEqual(await audit(page), [], `${view} at ${width} px`);
        }
    }

    await page.setViewportSize({ width: 1366, height: 768 });
    await go(page, 'xep-hang');
    await page.locator('tr[data-unit="UBND phường An Lạc"] [data-testid="unit-link"]').click();
    await page.locator('[data-testid="unit-detail"]').waitFor();
    assert.deepEqual(await audit(page), [], 'unit page');

    await page.locator('[data-testid="lang-switch"]').click();
    assert.deepEqual(await audit(page), [], 'English');
    await context.close();
});

test('no serious or critical accessibility violations when two periods are compared', async () => {
    const { page, context } = await openApp(env.browser, env.server.url);
    const periods = ['so-lieu-thang-10-2026.csv', 'so-lieu-moi.csv'].map((f) => join(fixtures, 'periods', f));
    await page.locator('[data-testid="file-input"]').setInputFiles(periods);
    await waitForState(page, 'ready');
    await page.locator('[data-testid="comparison"]').waitFor();
    assert.deepEqual(await audit(page), [], 'comparison');
    await context.close();
});

test('no serious or critical accessibility violations on the dossier self-check', async () => {
    const { page, context } = await openApp(env.browser, env.server.url);
    await page.locator('[data-testid="file-input"]').setInputFiles(join(fixtures, 'dossiers', 'so-ho-so.xlsx'));
    await waitForState(page, 'ready');
    await go(page, 'ho-so');
    await page.locator('[data-testid="dossier-check"]').waitFor();
    assert.deepEqual(await audit(page), [], 'dossier self-check');
    // Keyboard only: from the unit chooser, Tab reaches the criterion chooser and then the filter.
    await page.locator('[data-testid="drill-unit"]').focus();
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.dataset.testid), 'drill-criterion');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.dataset.testid), 'drill-filter');
    await page.locator('[data-testid="lang-switch"]').click();
    assert.deepEqual(await audit(page), [], 'dossier self-check in English');
    await context.close();
});
