// The README's screenshots (docs/screenshots): every view at 1366, 768 and 390 px, with the sample
// town loaded and «UBND phường An Lạc» as the user's unit. Run after a build:
//   node tools/screenshots.mjs
// (dist/ is served on 127.0.0.1 and driven with the e2e tests' Chromium; nothing else is touched.)
import { join } from 'node:path';
import { mkdir } from 'node:fs/promises';
import { root, serveDist, launch, openApp, waitForState, go } from '../tests/e2e/harness.mjs';

const VIEWS = ['tong-quan', 'xep-hang', 'canh-bao', 'van-ban', 'ho-so', 'tep', 'cai-dat'];
const out = join(root, 'docs', 'screenshots');
await mkdir(out, { recursive: true });
const server = await serveDist();
const browser = await launch();
try {
    const { page, context } = await openApp(browser, server.url);
    await page.locator('[data-testid="use-sample"]').click();
    await waitForState(page, 'ready');
    await page.locator('[data-testid="my-unit"]').selectOption('UBND phường An Lạc');
    for (const [width, height] of [[1366, 768], [768, 1024], [390, 844]]) {
        await page.setViewportSize({ width, height });
        for (const view of VIEWS) {
            await go(page, view);
            await page.evaluate(() => window.scrollTo(0, 0));
            await page.screenshot({ path: join(out, `${view}-${width}.png`) });
        }
    }
    await context.close();
} finally {
    await browser.close();
    await server.close();
}
