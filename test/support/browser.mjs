// Real Chromium for the browser tests, through playwright-core. Debian's package by default;
// CHROMIUM_PATH overrides it. Playwright's own browser download cannot work on these machines.
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

export function assertBrowserAvailable() {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `No Chromium found at ${CHROMIUM_PATH}. Install Debian's package (apt-get install -y chromium) ` +
        'or point CHROMIUM_PATH at a Chromium or Chrome binary. `bash .ci/run` installs it for you.',
    );
  }
}

/** One Chromium; tests take a fresh context (its own cookies and storage) each. */
export async function launchBrowser() {
  assertBrowserAvailable();
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return {
    browser,
    newContext: (options) => browser.newContext(options),
    close: () => browser.close().catch(() => undefined),
  };
}

/** Opens a page that records uncaught errors and unhandled rejections (never raw console errors). */
export async function openPage(context) {
  const page = await context.newPage();
  const errors = [];
  const warnings = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (msg) => {
    if (msg.type() === 'warning') warnings.push(msg.text());
  });
  await page.addInitScript(() => {
    window.addEventListener('unhandledrejection', (e) => {
      (window.__unhandled ||= []).push(String(e.reason));
    });
  });
  page.errors = errors;
  page.shimWarnings = warnings;
  page.unhandled = () => page.evaluate(() => window.__unhandled || []).catch(() => []);
  return page;
}

/** Polls until `predicate` holds or the deadline passes; returns the last value. Not a timing assertion. */
export async function waitFor(fn, predicate, { timeout = 10000, interval = 25 } = {}) {
  const deadline = Date.now() + timeout;
  let value = await fn();
  while (!predicate(value) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, interval));
    value = await fn();
  }
  return value;
}
