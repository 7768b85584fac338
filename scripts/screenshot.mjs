// npm run screenshot: renders the demo in Chromium after a few calls and saves docs/demo.png,
// so the README's picture is the real, current demo.
import { startDemo, buildIfNeeded } from '../demo/serve.mjs';
import { launchBrowser } from '../test/support/browser.mjs';

buildIfNeeded();
const demo = await startDemo();
const chromium = await launchBrowser();
try {
  const context = await chromium.newContext({ viewport: { width: 1360, height: 900 }, deviceScaleFactor: 1 });
  const page = await context.newPage();
  await page.goto(`${demo.url}?prefer=on`);
  await page.waitForSelector('body[data-ready="true"]');
  for (const call of ['identify', 'track', 'page', 'group', 'server']) {
    await page.click(`[data-call="${call}"]`);
    await page.waitForTimeout(150);
  }
  await page.waitForFunction(() => document.querySelectorAll('#events li').length >= 8);
  await page.waitForFunction(() => document.querySelector('[data-testid="serverRead"]').dataset.deviceId);
  // Clicking the buttons scrolled the page; the picture shows it from the top.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: 'docs/demo.png' });
  console.log('wrote docs/demo.png');
} finally {
  await chromium.close();
  await demo.close();
}
