// Loading, failures and deregistration, from analytics-next's register/deregister and delivery code:
// load(ctx, analytics) runs before the plugin sees an event, failures never reach the page, and the
// places where we bound what analytics-next leaves unbounded (a load or a hook that never settles).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SegmentContext } from '../../src/plugins/segment-context';
import { PLUGIN_HOOK_TIMEOUT_MS, PLUGIN_LOAD_TIMEOUT_MS, type RunOutcome } from '../../src/plugins/plugin-registry';
import { microtasks } from './fake-clock';
import { deferred, harness, plugin, settle, track, tracing } from './plugins-harness';

afterEach(() => vi.restoreAllMocks());

describe('register', () => {
  it('calls load(ctx, analytics) at once and resolves to the system context once the load has resolved', async () => {
    const { registry, analytics } = harness();
    const loading = deferred();
    const load = vi.fn(() => loading.promise);
    let resolved: SegmentContext | undefined;
    void registry.register(plugin('p', 'enrichment', { load })).then((ctx) => (resolved = ctx));
    expect(load).toHaveBeenCalledTimes(1);
    const [ctx, instance] = load.mock.calls[0] as unknown as [SegmentContext, unknown];
    expect(ctx).toBeInstanceOf(SegmentContext);
    expect(ctx.event).toEqual({ type: 'track', event: 'system' });
    expect(instance).toBe(analytics);
    await microtasks();
    expect(resolved).toBeUndefined();
    loading.resolve();
    await microtasks();
    expect(resolved).toBe(ctx);
  });

  it('does not wait for a destination to load before resolving', async () => {
    const { registry } = harness();
    const never = new Promise(() => undefined);
    const ctx = await registry.register(plugin('Slow Destination', 'destination', { load: () => never }));
    expect(ctx.event.event).toBe('system');
  });

  it('refuses what is not a plugin, with one warning naming the argument and the problem', async () => {
    const { registry, warnings } = harness();
    await registry.register({ name: 'no-type', load: () => undefined }, 'x', plugin('ok', 'after'));
    expect(registry.plugins.map((p) => p.name)).toEqual(['ok']);
    expect(warnings).toEqual([
      expect.stringContaining('analytics.register(): argument 1 has type undefined'),
      expect.stringContaining('analytics.register(): argument 2 is not an object'),
    ]);
  });
});

describe('calls while a plugin loads', () => {
  it('hold their events until the load settles, then run them through it, in call order', async () => {
    const { registry } = harness();
    const loading = deferred();
    const trace: string[] = [];
    const enrich = plugin('slow', 'enrichment', {
      load: () => loading.promise,
      track: (ctx) => {
        trace.push(String(ctx.event.event));
        return ctx;
      },
    });
    void registry.register(enrich);
    const outcomes: RunOutcome[] = [];
    for (const name of ['a', 'b', 'c']) void settle(registry.run(track(name))).then((o) => outcomes.push(o));
    await microtasks();
    expect(trace).toEqual([]);
    expect(outcomes).toEqual([]);
    loading.resolve();
    await microtasks(10);
    expect(trace).toEqual(['a', 'b', 'c']);
    expect(outcomes.map((o) => o.event.event)).toEqual(['a', 'b', 'c']);
  });

  it('a destination that is still loading holds no event out of the before and enrichment stages', async () => {
    const { registry } = harness();
    void registry.register(plugin('Slow Destination', 'destination', { load: () => new Promise(() => undefined) }));
    expect(registry.idle('track')).toBe(true);
    expect(registry.run(track())).not.toBeInstanceOf(Promise);
  });

  it('a load that never settles is given up on after the load timeout: one warning, the plugin removed, events go on', async () => {
    const { registry, clock, warnings } = harness();
    const trace: string[] = [];
    void registry.register(tracing('hangs', 'before', trace, { load: () => new Promise(() => undefined) }));
    let out: RunOutcome | undefined;
    void settle(registry.run(track())).then((o) => (out = o));
    clock.advance(PLUGIN_LOAD_TIMEOUT_MS - 1);
    await microtasks();
    expect(out).toBeUndefined();
    clock.advance(1);
    await microtasks(10);
    expect(out?.cancelled).toBe(false);
    expect(trace).toEqual([]);
    expect(registry.plugins).toEqual([]);
    expect(warnings).toEqual([expect.stringContaining(`plugin "hangs" (before) load() did not settle within ${PLUGIN_LOAD_TIMEOUT_MS} ms`)]);
  });

  it('release() lets held events go at once; the plugin stays and sees them', async () => {
    const { registry } = harness();
    const trace: string[] = [];
    void registry.register(tracing('slow', 'enrichment', trace, { load: () => new Promise(() => undefined) }));
    const out = registry.run(track());
    registry.release();
    await settle(out);
    expect(trace).toEqual(['slow']);
  });
});

describe('failures', () => {
  it.each([
    ['rejects', () => Promise.reject(new Error('no network'))],
    [
      'throws synchronously',
      () => {
        throw new Error('no network');
      },
    ],
  ])('a load that %s: one warning naming the plugin, the plugin removed, nothing thrown', async (_, load) => {
    const { registry, warnings } = harness();
    const trace: string[] = [];
    const ctx = await registry.register(tracing('flaky', 'enrichment', trace, { load }));
    await settle(registry.run(track()));
    expect(trace).toEqual([]);
    expect(registry.plugins).toEqual([]);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/plugin "flaky" \(enrichment\) load\(\) (threw |rejected: )Error: no network/);
    expect(ctx.logs()).toEqual([expect.objectContaining({ level: 'warn', message: 'Failed to load destination' })]);
  });

  it.each(['before', 'enrichment'] as const)(
    'a %s hook that throws or rejects leaves the event going on, with ONE warning however many events',
    async (type) => {
      const { registry, warnings } = harness();
      const trace: string[] = [];
      await registry.register(
        plugin('thrower', type, {
          track: (ctx) => {
            if (ctx.event.event === 'sync') throw new TypeError('x is undefined');
            return Promise.reject(new TypeError('x is undefined'));
          },
        }),
        tracing('next', 'enrichment', trace),
      );
      const outs = [await settle(registry.run(track('sync'))), await settle(registry.run(track('async'))), await settle(registry.run(track('sync')))];
      expect(outs.map((o) => o.cancelled)).toEqual([false, false, false]);
      expect(trace).toEqual(['next', 'next', 'next']);
      expect(warnings).toEqual([
        `[segment-amplitude-shim] analytics.register(): plugin "thrower" (${type}) track() failed: TypeError: x is undefined; the event continues`,
      ]);
      expect(outs[0].context?.logs()).toContainEqual(expect.objectContaining({ level: 'error', message: 'plugin Error' }));
    },
  );

  it('a hook that never settles holds its event for the hook timeout only; what it writes later does not reach the event', async () => {
    const { registry, clock, warnings } = harness();
    let late: SegmentContext | undefined;
    let calls = 0;
    await registry.register(
      plugin('stuck', 'enrichment', {
        track: (ctx) => {
          calls += 1;
          // Its first hook answers: from then on the hook timeout applies.
          if (calls === 1) return Promise.resolve(ctx);
          late = ctx;
          return new Promise(() => undefined);
        },
      }),
    );
    await settle(registry.run(track('warm-up')));
    let out: RunOutcome | undefined;
    void settle(registry.run(track('x', { a: 1 }))).then((o) => (out = o));
    clock.advance(PLUGIN_HOOK_TIMEOUT_MS - 1);
    await microtasks();
    expect(out).toBeUndefined();
    clock.advance(1);
    await microtasks();
    expect(out?.cancelled).toBe(false);
    late?.updateEvent('properties.late', true);
    expect(out?.event.properties).toEqual({ a: 1 });
    expect(warnings).toEqual([expect.stringContaining(`"stuck" (enrichment) track() did not settle within ${PLUGIN_HOOK_TIMEOUT_MS} ms`)]);
  });

  it("a plugin's first hooks may take as long as a load (they often wait for what load started), then the hook bound applies", async () => {
    const { registry, clock, warnings } = harness();
    let ready: () => void = () => undefined;
    const started = new Promise<void>((resolve) => (ready = resolve));
    await registry.register(
      plugin('replay-like', 'enrichment', {
        track: async (ctx) => {
          await started;
          ctx.updateEvent('properties.replay', 'r1');
          return ctx;
        },
      }),
    );
    const outs: RunOutcome[] = [];
    void settle(registry.run(track('first'))).then((o) => outs.push(o));
    void settle(registry.run(track('second'))).then((o) => outs.push(o));
    clock.advance(PLUGIN_LOAD_TIMEOUT_MS - 1000);
    await microtasks();
    expect(outs).toEqual([]);
    ready();
    await microtasks();
    expect(outs.map((o) => o.event.properties)).toEqual([{ replay: 'r1' }, { replay: 'r1' }]);
    expect(warnings).toEqual([]);
  });

  it('a before hook that returns nothing keeps the event, and says the plugin returned no context', async () => {
    const { registry, warnings } = harness();
    await registry.register(plugin('forgetful', 'before', { track: () => undefined }));
    const out = await settle(registry.run(track()));
    expect(out.cancelled).toBe(false);
    expect(warnings).toEqual([expect.stringContaining('"forgetful" (before) track() returned nothing instead of its context')]);
  });
});

describe('deregister', () => {
  it('calls unload(ctx, analytics), removes every plugin of that name, and resolves to a system context', async () => {
    const { registry, analytics } = harness();
    const trace: string[] = [];
    const unload = vi.fn();
    await registry.register(tracing('gone', 'enrichment', trace, { unload }), tracing('gone', 'before', trace), tracing('kept', 'enrichment', trace));
    const ctx = await registry.deregister('gone');
    expect(unload).toHaveBeenCalledWith(ctx, analytics);
    expect(ctx.event.event).toBe('system');
    await settle(registry.run(track()));
    expect(trace).toEqual(['kept']);
  });

  it('an unknown name is logged on the context and warned about once; nothing else changes', async () => {
    const { registry, warnings } = harness();
    await registry.register(plugin('kept', 'after'));
    const ctx = await registry.deregister('nope');
    expect(ctx.logs()).toEqual([expect.objectContaining({ level: 'warn', message: 'plugin nope not found' })]);
    expect(warnings).toEqual([expect.stringContaining('analytics.deregister(): no plugin is registered as "nope"')]);
    expect(registry.plugins.map((p) => p.name)).toEqual(['kept']);
  });

  it('an unload that throws still removes the plugin, with one warning', async () => {
    const { registry, warnings } = harness();
    await registry.register(
      plugin('bad-unload', 'enrichment', {
        unload: () => {
          throw new Error('cannot');
        },
      }),
    );
    const ctx = await registry.deregister('bad-unload');
    expect(registry.plugins).toEqual([]);
    expect(ctx.logs()).toEqual([expect.objectContaining({ message: 'Failed to unload destination' })]);
    expect(warnings).toEqual([expect.stringContaining('analytics.deregister(): plugin "bad-unload" (enrichment) unload() threw Error: cannot')]);
  });

  it('deregistering a plugin that is still loading stops holding events for it', async () => {
    const { registry } = harness();
    void registry.register(plugin('slow', 'before', { load: () => new Promise(() => undefined), track: (ctx) => ctx }));
    expect(registry.idle('track')).toBe(false);
    await registry.deregister('slow');
    expect(registry.idle('track')).toBe(true);
  });
});
