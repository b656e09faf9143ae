// End to end: the monthly announcement drafted from the sample. The letter must carry the town's
// pooled group scores as the ranking table shows them (one decimal, decimal comma), the seed's
// certified-copy line (the town office and its 13 communes and wards: 14/14), and the units the
// online-payment rule names; the DOCX must be a Word package LibreOffice converts to PDF.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { openApp, waitForState, screenshot, scratchDir, suite, go, reloadWithoutFiles, officePart } from './harness.mjs';

const env = suite();

const town = 'UBND thị xã An Hòa';
const oneDecimal = (value) => (Math.round(Number(value) * 10) / 10).toString().replace('.', ',');

test('the letter carries the pooled results and the named units, and its DOCX converts to PDF', async () => {
    const { page, context, errors } = await openApp(env.browser, env.server.url);
    await page.locator('[data-testid="use-sample"]').click();
    await waitForState(page, 'ready');
    await go(page, 'van-ban');
    const letter = page.locator('[data-testid="letter"]');
    const text = await letter.innerText();

    const groups = { CKMB: 'Công khai, minh bạch', TDGQ: 'Tiến độ giải quyết', CLGQ: 'Dịch vụ công trực tuyến', TTTT: 'Thanh toán trực tuyến', MDHL: 'Mức độ hài lòng', MDSH: 'Số hóa hồ sơ' };
    const max = { CKMB: 18, TDGQ: 20, CLGQ: 12, TTTT: 10, MDHL: 18, MDSH: 22 };
    for (const [code, name] of Object.entries(groups)) {
        const value = await page.locator(`table[data-testid="unit-scores"] tr[data-unit="${town}"] td[data-group="${code}"]`).getAttribute('data-value');
        assert.ok(text.includes(`- Chỉ số ${name}: ${oneDecimal(value)}/${max[code]} điểm`), `${code} ${value}`);
    }
    assert.match(text, /bản sao từ bản chính đã triển khai 14\/14 đơn vị\./);
    // In the alerts' order: Hưng Lợi can win back more points itself than Vĩnh Lộc.
    assert.match(text, /gồm: UBND xã Hưng Lợi, UBND xã Vĩnh Lộc\. Đề nghị/);
    assert.match(text, /UBND THỊ XÃ AN HÒA/);
    assert.match(text, /An Hòa, ngày {4}tháng {4}năm 2026/);
    assert.match(text, /V\/v Công bố kết quả đánh giá Bộ chỉ số .* tháng 11\/2026/);
    assert.equal(await page.locator('[data-testid="appendix"] tbody tr').count(), 15);
    // The town heads the appendix as the whole, unranked; a group without figures says so.
    const first = await page.locator('[data-testid="appendix"] tbody tr').first().locator('td, th').allInnerTexts();
    assert.deepEqual(first.slice(0, 2), ['', 'Toàn thị xã An Hòa']);
    const anLac = await page.locator('[data-testid="appendix"] tbody tr', { hasText: 'UBND phường An Lạc' }).locator('td').allInnerTexts();
    assert.equal(anLac[6], 'thiếu số liệu', 'MDSH');
    assert.match(await page.locator('[data-testid="appendix-note"]').innerText(), /\*: nhóm có tiêu chí thiếu số liệu/);
    // The copy-ready summary: the whole's total as the ranking has it, its band, the six results
    // as the letter writes them, the first and the last of the ranked units, the units named.
    const summary = await page.locator('[data-testid="summary-text"]').inputValue();
    const total = Number(await page.locator(`table[data-testid="unit-scores"] tr[data-unit="${town}"] td[data-group="TOTAL"]`).getAttribute('data-value'));
    assert.ok(summary.startsWith(`Kết quả Bộ chỉ số phục vụ người dân, doanh nghiệp tháng 11/2026: Toàn thị xã An Hòa đạt ${total.toString().replace('.', ',')}/100 điểm (Khá).\n- Chỉ số Công khai, minh bạch: `), summary);
    for (const name of Object.values(groups)) assert.ok(summary.includes(`\n- Chỉ số ${name}: `), name);
    assert.match(summary, /\nCao nhất: UBND phường Hòa Bình \(80,5 điểm\); thấp nhất: /);
    assert.ok(summary.endsWith('\nĐơn vị cần tập trung khắc phục: UBND xã Hưng Lợi, UBND xã Vĩnh Lộc.'), summary);
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.server.url });
    await page.locator('[data-testid="summary-copy"]').click();
    await page.locator('[data-testid="summary-copied"]', { hasText: 'Đã sao chép.' }).waitFor();
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), summary);
    // Before the download: the published results that rest on missing figures.
    assert.match(await page.locator('[data-testid="missing-warning"]').innerText(), /dựa trên số liệu còn thiếu .*UBND phường An Lạc \(9 tiêu chí, 30 điểm\)/);

    // An edit shows at once and is remembered.
    await page.locator('.letter-fields summary').click();
    await page.locator('[data-testid="letter-signer-name"]').fill('Nguyễn Văn An');
    await page.locator('[data-testid="letter-signer-name"]').press('Tab');
    await letter.filter({ hasText: 'Nguyễn Văn An' }).waitFor();
    await reloadWithoutFiles(page);
    await page.locator('[data-testid="use-sample"]').click();
    await waitForState(page, 'ready');
    await go(page, 'van-ban');
    assert.match(await page.locator('[data-testid="letter"]').innerText(), /Nguyễn Văn An/);
    await screenshot(page, 'letter.png');

    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-testid="export-docx"]').click()]);
    assert.equal(download.suggestedFilename(), 'chiso-2026-11-cong-bo.docx');
    const docx = join(await scratchDir('letter'), download.suggestedFilename());
    await download.saveAs(docx);
    const xml = officePart(docx, 'word/document.xml');
    for (const needle of ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'đã triển khai 14/14 đơn vị', 'gồm: UBND xã Hưng Lợi, UBND xã Vĩnh Lộc', 'Nguyễn Văn An', 'PHỤ LỤC', '<w:tblHeader />', 'w:orient="landscape"']) {
        assert.ok(xml.includes(needle), needle);
    }
    const out = mkdtempSync(join(tmpdir(), 'chiso-pdf-'));
    execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${out}/profile`, '--convert-to', 'pdf', '--outdir', out, docx], { timeout: 120_000, stdio: 'ignore' });
    const pdf = join(out, 'chiso-2026-11-cong-bo.pdf');
    assert.ok(existsSync(pdf), 'LibreOffice converted the DOCX');
    const bytes = readFileSync(pdf);
    assert.equal(bytes.subarray(0, 4).toString(), '%PDF');
    assert.ok((bytes.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length >= 2, 'letter and appendix pages');

    // Restoring the default texts asks first: dismissed, the edit stays; accepted, it goes.
    const asked = [];
    page.once('dialog', (d) => { asked.push(d.message()); d.dismiss(); });
    await page.locator('[data-testid="reset-letter"]').click();
    assert.match(asked[0] ?? '', /xóa mọi chỉnh sửa của bạn/);
    assert.match(await page.locator('[data-testid="letter"]').innerText(), /Nguyễn Văn An/);
    page.once('dialog', (d) => d.accept());
    await page.locator('[data-testid="reset-letter"]').click();
    await page.waitForFunction(() => !document.querySelector('[data-testid="letter"]').innerText.includes('Nguyễn Văn An'));
    assert.deepEqual(errors, []);
    await context.close();
});

test('the alert rules and the letter\'s naming paragraphs are edited and remembered', async () => {
    const { page, context } = await openApp(env.browser, env.server.url);
    await page.locator('[data-testid="use-sample"]').click();
    await waitForState(page, 'ready');
    await go(page, 'canh-bao');
    const payment = page.locator('[data-testid="alerts"] [data-alert][data-criterion="PAY_DOSSIERS"]');
    assert.equal(await payment.count(), 2);
    await page.locator('.alert-settings summary').click();
    // Vĩnh Lộc pays online 25,02 %, Hưng Lợi 28,94 %: a 27 % threshold keeps only Vĩnh Lộc.
    await page.locator('[data-testid="alert-rate"]').fill('27');
    await page.locator('[data-testid="alert-rate"]').press('Tab');
    await payment.nth(1).waitFor({ state: 'detached' });
    assert.deepEqual(await payment.evaluateAll((a) => a.map((x) => x.dataset.unit)), ['UBND xã Vĩnh Lộc']);
    const letter = page.locator('[data-testid="letter"]');
    // The letter names units by its own rules, a paragraph per criterion: still both at 50 %.
    assert.match(await letter.innerText(), /gồm: UBND xã Hưng Lợi, UBND xã Vĩnh Lộc\. Đề nghị/);
    await go(page, 'van-ban');
    await page.locator('.letter-fields summary').click();
    await page.locator('[data-testid="letter-named-rate"]').fill('27');
    await page.locator('[data-testid="letter-named-rate"]').press('Tab');
    await letter.filter({ hasText: 'gồm: UBND xã Vĩnh Lộc. Đề nghị' }).waitFor();
    // A second paragraph: ON_TIME below 97,5 % names An Lạc (4358/4474 = 97,41 %).
    await page.locator('[data-testid="letter-named-add"]').click();
    const second = page.locator('[data-testid="letter-named"]').nth(1);
    await second.locator('[data-testid="letter-named-criterion"]').selectOption('ON_TIME');
    await second.locator('[data-testid="letter-named-rate"]').fill('97,5');
    await second.locator('[data-testid="letter-named-rate"]').press('Tab');
    await second.locator('[data-testid="letter-named-text"]').fill('Các đơn vị có tỷ lệ hồ sơ đúng hạn dưới 97,5%: {units}.');
    await second.locator('[data-testid="letter-named-text"]').press('Tab');
    await letter.filter({ hasText: 'Các đơn vị có tỷ lệ hồ sơ đúng hạn dưới 97,5%: ' }).waitFor();
    assert.match(await letter.innerText(), /dưới 97,5%: [^\n]*UBND phường An Lạc/);
    await reloadWithoutFiles(page);
    await page.locator('[data-testid="use-sample"]').click();
    await waitForState(page, 'ready');
    assert.equal(await payment.count(), 1, 'remembered');
    assert.match(await letter.innerText(), /gồm: UBND xã Vĩnh Lộc\. Đề nghị/);
    assert.match(await letter.innerText(), /dưới 97,5%: [^\n]*UBND phường An Lạc/, 'remembered');
    await go(page, 'van-ban');
    await page.locator('.letter-fields summary').click();
    await page.locator('[data-testid="letter-named"]').nth(1).locator('[data-testid="letter-named-remove"]').click();
    await letter.filter({ hasText: 'dưới 97,5%' }).waitFor({ state: 'detached' });
    // In English the panel speaks English; the letter itself stays a Vietnamese official document.
    await page.locator('[data-testid="lang-switch"]').click();
    assert.equal(await page.locator('#letter-heading').innerText(), 'The announcement letter');
    assert.equal(await page.locator('[data-testid="export-docx"]').innerText(), 'Download as Word (.docx)');
    assert.match(await page.locator('[data-testid="letter"]').innerText(), /CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM/);
    await context.close();
});
