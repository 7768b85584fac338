// Track, then leave at once, six ways, five times each in one browser profile: every event is posted
// exactly once, counted on the wire (the collector records every post; the fixture also fails the
// test on any repeated insert_id). The landing page runs the shim too, so an event that was both
// beaconed and journaled would be posted twice.
import { describe, expect, it } from 'vitest';
import { useBrowserFixture, expectPostedOnce, settle } from '../support/fixture.mjs';
import { snippetPage } from '../support/pages.mjs';

const f = useBrowserFixture();
const QUIET = { trackReferrer: false, trackUtmProperties: false };
const ROUNDS = 5;

const body = `<a id="away" href="/exit-landed">away</a>
<form id="form" action="/exit-landed" method="get"><input name="q" value="1"><button id="send">send</button></form>`;

/** How each kind of exit is set off; `name` is the event tracked just before. */
const LEAVE = {
  'location change': (page, name) =>
    page.evaluate((n) => {
      window.analytics.track(n);
      window.location.href = '/exit-landed';
    }, name),
  'link click': async (page, name) => {
    await page.evaluate((n) => document.getElementById('away').addEventListener('click', () => window.analytics.track(n)), name);
    await page.click('#away');
  },
  trackLink: async (page, name) => {
    await page.evaluate((n) => window.analytics.trackLink(document.getElementById('away'), n), name);
    await page.click('#away');
  },
  'form submit': async (page, name) => {
    await page.evaluate((n) => document.getElementById('form').addEventListener('submit', () => window.analytics.track(n)), name);
    await page.click('#send');
  },
  trackForm: async (page, name) => {
    await page.evaluate((n) => window.analytics.trackForm(document.getElementById('form'), n), name);
    await page.click('#send');
  },
  'tab close': async (page, name) => {
    await page.evaluate((n) => window.analytics.track(n), name);
    await closeTab(page);
    return 'closed';
  },
};

/** Closes like a person does (unload handlers run) and waits until the tab is gone. */
async function closeTab(page) {
  const closed = page.waitForEvent('close');
  await page.close({ runBeforeUnload: true });
  await closed;
}

describe('track, then leave the page at once', () => {
  it(`six ways, ${ROUNDS} times each in one profile: every event posted exactly once`, async () => {
    const context = await f.chromium.newContext();
    f.contexts.push(context);
    const start = f.server.page('/exit-start', snippetPage({ collector: f.collector, settings: QUIET, page: false, body }));
    f.server.page('/exit-landed', snippetPage({ collector: f.collector, settings: QUIET, page: false, title: 'landed' }));
    const names = [];
    for (const [kind, leave] of Object.entries(LEAVE)) {
      for (let round = 0; round < ROUNDS; round++) {
        const name = `${kind} ${round}`;
        names.push(name);
        const page = await f.newPage(context);
        await page.goto(start);
        await page.evaluate(() => new Promise((r) => window.analytics.ready(r)));
        if ((await leave(page, name)) !== 'closed') {
          await page.waitForURL(/exit-landed/);
          await page.evaluate(() => new Promise((r) => window.analytics.ready(r)));
          await closeTab(page);
        }
      }
    }
    const deadline = Date.now() + 20000;
    const missing = () => names.filter((n) => !f.collector.events.some((e) => e.event_type === n));
    while (missing().length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(missing()).toEqual([]);
    await settle(f.collector, 1000);
    expectPostedOnce(f.collector, names);
    expect(names).toHaveLength(6 * ROUNDS);
  }, 120000);
});
