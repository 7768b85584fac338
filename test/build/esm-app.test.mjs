// The ESM build as a bundler user gets it: a minimal app that imports install(), bundled with rollup,
// loaded by Segment's snippet in place of the script file, delivers events like the script file does.
import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { rollup } from 'rollup';
import nodeResolve from '@rollup/plugin-node-resolve';
import { useBrowserFixture, eventsAtLeast, expectPostedOnce } from '../support/fixture.mjs';
import { snippetPage } from '../support/pages.mjs';

const f = useBrowserFixture();

async function bundleApp() {
  const entry = '\0esm-app';
  const bundle = await rollup({
    input: entry,
    plugins: [
      {
        name: 'esm-app',
        resolveId: (id) => (id === entry ? id : id === 'segment-amplitude-shim' ? fileURLToPath(new URL('../../dist/esm/index.js', import.meta.url)) : null),
        load: (id) => (id === entry ? "import { install } from 'segment-amplitude-shim';\ninstall();\n" : null),
      },
      nodeResolve({ browser: true }),
    ],
    onwarn: () => undefined,
  });
  const { output } = await bundle.generate({ format: 'iife' });
  await bundle.close();
  return output[0].code;
}

describe('the ESM build in a bundled app', () => {
  it('takes over the snippet and delivers its calls, with no @amplitude package to install', async () => {
    const code = await bundleApp();
    expect(code).not.toContain('[Amplitude] Element Clicked');
    f.server.handle('/esm-app.js', (req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/javascript' });
      res.end(code);
    });
    const page = await f.newPage();
    await page.goto(
      f.server.page('/esm-app', snippetPage({ collector: f.collector, settings: { trackReferrer: false }, page: false, scriptUrl: '/esm-app.js' })),
    );
    await page.evaluate(() => new Promise((r) => window.analytics.ready(r)));
    await page.evaluate(() => window.analytics.track('From ESM App', { ok: true }));
    await eventsAtLeast(f.collector, 1);
    const [event] = expectPostedOnce(f.collector, ['From ESM App']);
    expect(event.event_properties).toEqual({ ok: true });
  });
});
