// The pipeline's plugin stages in the runtime, on fake timers: analytics.register() plugins between
// source middleware and hand-over, the page's SDK plugins between the envelope and the outbox, and events
// the SDK produces itself, stamped like the shim's own.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Dict } from '../../src/core/types';
import { clearBrowserStorage, make, run } from './runtime-harness';
import { PAGE_PLUGIN_EXECUTE_TIMEOUT_MS } from '../../src/runtime/sdk-plugin-stage';

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
  clearBrowserStorage();
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
});

const ACTIONS = { integrations: { 'Actions Amplitude': {} } };

/** An SDK plugin as the page would add it; `setUp()` plays the SDK calling its setup. */
function sdkPlugin(name: string, type: string, execute: (e: Dict) => unknown) {
  const plugin: Dict = { name, type, setup: () => Promise.resolve(), execute };
  return { plugin, setUp: () => (plugin.setup as (c: unknown, x: unknown) => Promise<unknown>)({}, {}) };
}

describe('analytics.register() in the pipeline', () => {
  it('Actions: an enrichment plugin sees the session in integrations and its change reaches the wire', async () => {
    const { analytics, transport, load } = make();
    const seen: unknown[] = [];
    void analytics.register({
      name: 'Enricher',
      type: 'enrichment',
      load: () => Promise.resolve(),
      track: (ctx: { event: Dict; updateEvent(p: string, v: unknown): void }) => {
        seen.push((ctx.event.integrations as Dict)['Actions Amplitude']);
        ctx.updateEvent('properties.x', 1);
        return ctx;
      },
    });
    load(ACTIONS);
    analytics.track('A', { a: 1 });
    await run();
    expect(transport.types()).toEqual(['A']);
    expect(transport.wire[0].event_properties).toEqual({ a: 1, x: 1 });
    expect(seen).toEqual([{ session_id: transport.wire[0].session_id }]);
  });

  it('a before plugin that cancels: nothing is sent, and the call resolves with a failed delivery', async () => {
    const { analytics, transport, load } = make();
    void analytics.register({
      name: 'Gate',
      type: 'before',
      load: () => undefined,
      track: (ctx: { event: Dict; cancel(): never }) => (ctx.event.event === 'Secret' ? ctx.cancel() : ctx),
    });
    load();
    const done = analytics.track('Secret');
    analytics.track('Visible');
    await run();
    expect(transport.types()).toEqual(['Visible']);
    expect((await done).failedDelivery()).toEqual({ reason: 'cancelled by a before plugin' });
    await analytics.deregister('Gate');
    analytics.track('Secret');
    analytics.track('Open');
    await run();
    expect(transport.types()).toEqual(['Visible', 'Secret', 'Open']);
  });
});

describe("the page's SDK plugins", () => {
  it('run on every shim event in the SDK order, may change or drop it, and hold events until set up', async () => {
    const { analytics, driver, transport, load } = make();
    const order: string[] = [];
    const enrich = sdkPlugin('enrich', 'enrichment', (e) => {
      order.push(`enrich:${String(e.event_type)}`);
      return Promise.resolve({ ...e, event_properties: { ...(e.event_properties as Dict), enriched: true } });
    });
    const drop = sdkPlugin('drop', 'before', (e) => {
      order.push(`before:${String(e.event_type)}`);
      return Promise.resolve(e.event_type === 'Drop' ? null : e);
    });
    driver.pagePlugins.added(enrich.plugin);
    driver.pagePlugins.added(drop.plugin);
    load();
    analytics.track('Keep', { a: 1 });
    analytics.track('Drop');
    await run();
    expect(transport.types()).toEqual([]); // waiting for the plugins' setup
    await enrich.setUp();
    await drop.setUp();
    await run();
    expect(transport.types()).toEqual(['Keep']);
    expect(transport.wire[0].event_properties).toEqual({ a: 1, enriched: true });
    expect(order).toEqual(['before:Keep', 'enrich:Keep', 'before:Drop']);
  });

  it('an execute that never answers holds its event for the bound only; the page leaving sends what waits, once', async () => {
    const { analytics, core, driver, transport, load } = make();
    const stuck = sdkPlugin('stuck', 'enrichment', () => new Promise(() => undefined));
    driver.pagePlugins.added(stuck.plugin);
    await stuck.setUp();
    load();
    analytics.track('Slow');
    await run(PAGE_PLUGIN_EXECUTE_TIMEOUT_MS - 200);
    expect(transport.types()).toEqual([]);
    await run(300);
    expect(transport.types()).toEqual(['Slow']);
    analytics.track('Left');
    await run(1);
    core.lifecycle.exit();
    // Handed to the browser as the page goes, not after the plugin's bound; and not again later.
    expect(transport.types()).toEqual(['Slow', 'Left']);
    await run(PAGE_PLUGIN_EXECUTE_TIMEOUT_MS * 2);
    expect(transport.types()).toEqual(['Slow', 'Left']);
  });
});

describe('events the SDK produces itself', () => {
  it('get the visitor, the session, time, ids and the tracking fields, and leave through the outbox', async () => {
    const { analytics, driver, transport, load } = make();
    load();
    analytics.identify('user-9');
    await run();
    const outcome = driver.sink?.sdkEvent({ event_type: '$exposure', event_properties: { flag_key: 'f', variant: 'on' }, user_id: undefined });
    await run();
    const exposure = transport.wire.find((e) => e.event_type === '$exposure');
    const identify = transport.wire.find((e) => e.event_type === '$identify');
    expect(exposure).toMatchObject({
      user_id: 'user-9',
      device_id: identify?.device_id,
      session_id: identify?.session_id,
      event_id: (identify?.event_id as number) + 1,
      platform: 'Web',
      event_properties: { flag_key: 'f', variant: 'on' },
    });
    expect(typeof exposure?.time).toBe('number');
    expect(exposure?.insert_id).toMatch(/^sdk-/);
    expect(await outcome).toMatchObject({ code: 200 });
  });
});
