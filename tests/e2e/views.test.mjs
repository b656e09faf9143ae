// End to end: the views by task (the contract's `nav`). Reached by click, by keyboard and by URL;
// the back button returns to the view before; a view with nothing yet says what to load; the
// sample leads to «Tổng quan», whose figures are the ranking's.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openApp, waitForState, suite, go, screenshot, reloadWithoutFiles } from './harness.mjs';

const env = suite();
const VIEWS = ['tong-quan', 'xep-hang', 'canh-bao', 'van-ban', 'ho-so', 'tep', 'cai-dat'];
const shown = (page) => page.locator('[data-view-panel]:not([hidden])').evaluateAll((p) => p.map((x) => x.dataset.viewPanel));
const hash = (page) => page.evaluate(() => location.hash);

test('views: by URL, by click, by keyboard, back; empty views say what to load', async () => {
    const { page, context, errors, foreign } = await openApp(env.browser, env.server.url);
    assert.deepEqual(await shown(page), ['tong-quan'], 'no hash: the overview');
    await page.goto(`${env.server.url}#ho-so`);
    await page.waitForFunction(() => document.querySelector('[data-view-panel="ho-so"]')?.hidden === false);
    await page.reload();
    await waitForState(page, 'idle');
    assert.deepEqual(await shown(page), ['ho-so'], 'the URL names the view, also on a fresh load');
    assert.equal(await page.locator('[data-testid="nav"] [data-view="ho-so"]').getAttribute('aria-current'), 'page');
    assert.match(await page.locator('[data-view-panel="ho-so"] [data-testid="view-empty"]').innerText(), /^Chưa có danh sách hồ sơ\. Hãy tải lên danh sách hồ sơ/);

    // The sample leads to the overview.
    await page.locator('[data-testid="use-sample"]').click();
    await waitForState(page, 'ready');
    assert.deepEqual(await shown(page), ['tong-quan']);
    assert.equal(await hash(page), '#tong-quan');
    assert.equal(await page.locator('[data-view-panel="tong-quan"] [data-testid="view-empty"]').count(), 0);

    // The overview's figures are the ranking's: the whole's total, the highest and the lowest.
    const overview = page.locator('[data-testid="overview"]');
    assert.equal(await overview.locator('h2').innerText(), 'Toàn thị xã An Hòa');
    const whole = page.locator('table[data-testid="unit-scores"] tr[data-whole] td[data-group="TOTAL"]');
    assert.equal(await overview.locator('[data-testid="overview-total"]').getAttribute('data-value'), await whole.getAttribute('data-value'));
    const ranked = await page.locator('table[data-testid="unit-scores"] tbody tr:not([data-whole])').evaluateAll((rows) =>
        rows.map((r) => [r.dataset.unit, Number(r.querySelector('td[data-group="TOTAL"]').dataset.value)]).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])));
    const listed = (id) => overview.locator(`[data-testid="${id}"] li`).evaluateAll((l) => l.map((x) => x.dataset.unit));
    assert.deepEqual(await listed('overview-best'), ranked.slice(0, 3).map((r) => r[0]));
    assert.equal((await listed('overview-lowest'))[0], ranked[ranked.length - 1][0]);
    assert.equal(await overview.locator('[data-testid="overview-lines"] li').count(), 6);

    // By click, from the overview's own button, and back.
    await overview.locator('[data-testid="overview-go-alerts"]').click();
    assert.deepEqual(await shown(page), ['canh-bao']);
    await page.goBack();
    await page.waitForFunction(() => location.hash === '#tong-quan');
    assert.deepEqual(await shown(page), ['tong-quan']);

    // By keyboard: Tab along the nav to «Xếp hạng», Enter.
    await page.locator('[data-testid="nav"] [data-view="tong-quan"]').focus();
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.dataset.view), 'xep-hang');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => location.hash === '#xep-hang');
    await page.waitForFunction(() => document.querySelector('[data-view-panel="xep-hang"]')?.hidden === false);
    assert.deepEqual(await shown(page), ['xep-hang']);
    assert.equal(await page.locator('[data-testid="nav"] [aria-current="page"]').getAttribute('data-view'), 'xep-hang');

    // Every view by its URL and by the keyboard (its link focused, Enter).
    for (const view of VIEWS) {
        await page.goto(`${env.server.url}#${view}`);
        await page.waitForFunction((v) => document.querySelector(`[data-view-panel="${v}"]`)?.hidden === false, view);
        assert.deepEqual(await shown(page), [view], `${view} by URL`);
    }
    for (const view of [...VIEWS].reverse()) {
        await page.locator(`[data-testid="nav"] [data-view="${view}"]`).focus();
        await page.keyboard.press('Enter');
        // The hash changes first; the app shows the view on the hashchange that follows.
        await page.waitForFunction((v) => document.querySelector(`[data-view-panel="${v}"]`)?.hidden === false, view);
        assert.deepEqual(await shown(page), [view], `${view} by keyboard`);
    }

    // Printing, from whichever view, gives the letter and its appendix only.
    await go(page, 'xep-hang');
    await page.emulateMedia({ media: 'print' });
    assert.ok(await page.locator('[data-testid="letter"]').isVisible(), 'the letter prints');
    assert.ok(await page.locator('[data-testid="appendix"]').isVisible(), 'its appendix prints');
    for (const hidden of ['[data-testid="nav"]', 'table[data-testid="unit-scores"]', '[data-testid="dropzone"]', '.letter-fields']) {
        assert.equal(await page.locator(hidden).isVisible(), false, `${hidden} does not print`);
    }
    await page.emulateMedia({ media: 'screen' });

    // Every view by its link at 1366, 768 and 390 px, a screenshot of each; at none does the page
    // scroll sideways (wide tables scroll in their own box).
    for (const width of [1366, 768, 390]) {
        await page.setViewportSize({ width, height: 768 });
        for (const view of VIEWS) {
            await go(page, view);
            assert.deepEqual(await shown(page), [view]);
            const [scroll, inner] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
            assert.ok(scroll <= inner, `${view} at ${width} px: the page is ${scroll} px wide`);
            await screenshot(page, `view-${view}-${width}.png`);
        }
    }
    assert.deepEqual(foreign, []);
    assert.deepEqual(errors, []);
    await context.close();
});

// «Đơn vị của tôi»: phường An Lạc carries the published Ba Vì figures (60,05, «Trung bình»; the
// plan to «Khá» at 70 is out of reach with dossiers: at most 61,91 with 847 more — worked in
// tests/cli.rs and the scoring e2e). Chosen once, it is remembered across a reload.
test('my unit: chosen once, shown first, remembered', async () => {
    const { page, context, errors } = await openApp(env.browser, env.server.url);
    await page.locator('[data-testid="use-sample"]').click();
    await waitForState(page, 'ready');
    const anLac = 'UBND phường An Lạc';
    await page.locator('[data-testid="my-unit"]').selectOption(anLac);
    const card = page.locator('[data-testid="my-unit-card"]');
    await card.waitFor();
    assert.equal(await card.getAttribute('data-unit'), anLac);
    assert.equal(await card.locator('[data-testid="my-unit-total"]').getAttribute('data-value'), '60.05');
    assert.match(await card.locator('[data-testid="my-unit-total"]').innerText(), /60,05\/100 điểm — Trung bình/);
    assert.match(await card.locator('[data-testid="my-unit-plan"]').innerText(), /tối đa 61,91 điểm \(thêm 847 hồ sơ\)/);
    const rank = await page.locator(`table[data-testid="unit-scores"] tr[data-unit="${anLac}"] td[data-rank]`).getAttribute('data-rank');
    assert.match(await card.locator('[data-testid="my-unit-ranks"]').innerText(), new RegExp(`^Hạng ${rank}/14 trong UBND thị xã An Hòa`));
    // First among the alerts; marked in the ranking in words, not by colour alone.
    assert.equal(await page.locator('[data-testid="alerts"] [data-alert-unit]').first().getAttribute('data-alert-unit'), anLac);
    await go(page, 'xep-hang');
    const row = page.locator(`table[data-testid="unit-scores"] tr[data-mine="true"]`);
    assert.equal(await row.getAttribute('data-unit'), anLac);
    assert.match(await row.locator('th').innerText(), /★ Đơn vị của tôi/);
    // The card opens the unit's page.
    await go(page, 'tong-quan');
    await card.locator('[data-testid="my-unit-open"]').click();
    await page.locator('[data-testid="unit-detail"]').waitFor();
    assert.equal(await page.locator('[data-testid="unit-detail"]').getAttribute('data-unit'), anLac);
    // The unit's page is a step of history: its hash names it.
    assert.equal(await hash(page), `#xep-hang/${encodeURIComponent(anLac)}`);

    await reloadWithoutFiles(page);
    await page.locator('[data-testid="use-sample"]').click();
    await waitForState(page, 'ready');
    assert.equal(await page.locator('[data-testid="my-unit"]').inputValue(), anLac, 'remembered');
    await card.waitFor();
    await page.locator('[data-testid="my-unit"]').selectOption('');
    await card.waitFor({ state: 'detached' });
    assert.deepEqual(errors, []);
    await context.close();
});
