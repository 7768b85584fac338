// The stages an event goes through, from analytics-next's event queue: before, then enrichment, each in
// registration order; destinations (filtered by `integrations`) and after plugins once handed over;
// per-call hooks by event type; cancellation only from a before plugin.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ContextCancelation, SegmentContext } from '../../src/plugins/segment-context';
import { segmentEvent } from './helpers';
import { harness, plugin, settle, track, tracing } from './plugins-harness';
import { microtasks } from './fake-clock';

afterEach(() => vi.restoreAllMocks());

describe('stage order', () => {
  it('runs before plugins, then enrichment plugins, each in registration order, whatever order the types were registered in', async () => {
    const { registry } = harness();
    const trace: string[] = [];
    await registry.register(
      tracing('enrich-1', 'enrichment', trace),
      tracing('before-1', 'before', trace),
      tracing('dest', 'destination', trace),
      tracing('enrich-2', 'enrichment', trace),
      tracing('after', 'after', trace),
      tracing('before-2', 'before', trace),
    );
    const out = await settle(registry.run(track()));
    expect(trace).toEqual(['before-1', 'before-2', 'enrich-1', 'enrich-2']);
    await registry.runDestinations(out);
    await registry.runAfter(out);
    expect(trace).toEqual(['before-1', 'before-2', 'enrich-1', 'enrich-2', 'dest', 'after']);
  });

  it('awaits each asynchronous hook before the next plugin starts, and each sees the changes of those before it', async () => {
    const { registry } = harness();
    const seen: unknown[] = [];
    await registry.register(
      plugin('kiwi', 'enrichment', {
        track: async (ctx) => {
          await Promise.resolve();
          ctx.updateEvent('properties.kiwi', '🥝');
          return ctx;
        },
      }),
      plugin('melon', 'enrichment', {
        track: (ctx) => {
          seen.push({ ...ctx.event.properties });
          ctx.updateEvent('properties.melon', '🍉');
          return ctx;
        },
      }),
    );
    const out = await settle(registry.run(track('Fruit', { a: 1 })));
    expect(seen).toEqual([{ a: 1, kiwi: '🥝' }]);
    expect(out).toMatchObject({ cancelled: false, event: { properties: { a: 1, kiwi: '🥝', melon: '🍉' } } });
  });

  it('a hook that returns another context hands that one on', async () => {
    const { registry } = harness();
    const replacement = new SegmentContext(track('Replaced'));
    await registry.register(plugin('swap', 'before', { track: () => replacement }));
    const out = await settle(registry.run(track('Original')));
    expect(out.event.event).toBe('Replaced');
    expect(out.context).toBe(replacement);
  });
});

describe('per-call hooks', () => {
  it('calls the hook named after the event type, and no other', async () => {
    const { registry } = harness();
    const calls: string[] = [];
    const hook = (name: string) => (ctx: SegmentContext) => {
      calls.push(`${name}:${ctx.event.type}`);
      return ctx;
    };
    await registry.register(
      plugin('p', 'enrichment', {
        track: hook('track'),
        page: hook('page'),
        identify: hook('identify'),
        group: hook('group'),
        alias: hook('alias'),
        screen: hook('screen'),
      }),
    );
    for (const type of ['track', 'page', 'identify', 'group', 'alias', 'screen'] as const) {
      await settle(registry.run(segmentEvent({ type, event: 'x' })));
    }
    expect(calls).toEqual(['track:track', 'page:page', 'identify:identify', 'group:group', 'alias:alias', 'screen:screen']);
  });

  it('a plugin without a hook for the type is skipped, and the run stays synchronous with no context made', async () => {
    const { registry } = harness();
    await registry.register(tracing('track-only', 'enrichment', []));
    expect(registry.idle('page')).toBe(true);
    expect(registry.idle('track')).toBe(false);
    const page = segmentEvent({ type: 'page', name: 'Home' });
    const out = registry.run(page);
    expect(out).not.toBeInstanceOf(Promise);
    expect(out).toEqual({ event: page, cancelled: false });
  });

  it('with no plugin at all, run answers synchronously with the same event', () => {
    const { registry } = harness();
    const event = track();
    expect(registry.idle('track')).toBe(true);
    const out = registry.run(event);
    expect(out).toEqual({ event, cancelled: false });
    expect(registry.runDestinations({ event, cancelled: false })).toBeUndefined();
    expect(registry.runAfter({ event, cancelled: false })).toBeUndefined();
  });

  it('synchronous hooks keep the run synchronous', async () => {
    const { registry } = harness();
    await registry.register(
      plugin('sync', 'enrichment', {
        track: (ctx) => {
          ctx.updateEvent('properties.x', 1);
          return ctx;
        },
      }),
    );
    const out = registry.run(track());
    expect(out).not.toBeInstanceOf(Promise);
    expect((out as { event: { properties: unknown } }).event.properties).toEqual({ x: 1 });
  });

  it('a utility plugin is loaded but its hooks never run', async () => {
    const { registry } = harness();
    const trace: string[] = [];
    const load = vi.fn(() => Promise.resolve());
    await registry.register(tracing('util', 'utility', trace, { load }));
    const out = await settle(registry.run(track()));
    await registry.runDestinations(out);
    await registry.runAfter(out);
    expect(load).toHaveBeenCalledTimes(1);
    expect(trace).toEqual([]);
  });

  it('does not consult isLoaded() to decide whether a plugin runs', async () => {
    const { registry } = harness();
    const trace: string[] = [];
    await registry.register(tracing('claims-unloaded', 'enrichment', trace, { isLoaded: () => false }));
    await settle(registry.run(track()));
    expect(trace).toEqual(['claims-unloaded']);
  });
});

describe('cancel()', () => {
  it('from a before plugin cancels the event: no later plugin sees it', async () => {
    const { registry, warnings } = harness();
    const trace: string[] = [];
    await registry.register(
      plugin('gate', 'before', { track: (ctx) => ctx.cancel() }),
      tracing('later-before', 'before', trace),
      tracing('enrich', 'enrichment', trace),
    );
    const out = await settle(registry.run(track()));
    expect(out.cancelled).toBe(true);
    expect(trace).toEqual([]);
    expect(warnings).toEqual([]);
  });

  it('a rejected promise holding a cancellation from another copy of analytics-next cancels too', async () => {
    const { registry } = harness();
    await registry.register(plugin('gate', 'before', { track: () => Promise.reject({ retry: false, type: 'plugin Error', reason: 'no consent' }) }));
    expect((await settle(registry.run(track()))).cancelled).toBe(true);
  });

  it('from an enrichment plugin does not cancel: the event continues, with one warning naming the plugin', async () => {
    const { registry, warnings } = harness();
    const trace: string[] = [];
    await registry.register(
      plugin('sulky', 'enrichment', {
        track: (ctx) => ctx.cancel(new ContextCancelation({ retry: false })),
      }),
      tracing('next', 'enrichment', trace),
    );
    const first = await settle(registry.run(track()));
    await settle(registry.run(track()));
    expect(first.cancelled).toBe(false);
    expect(trace).toEqual(['next', 'next']);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('"sulky" (enrichment) track() cancelled the event');
  });
});

describe('destinations and after plugins', () => {
  it('skips a destination the event turns off by name, by alternative name, or with All: false', async () => {
    const { registry } = harness();
    const trace: string[] = [];
    await registry.register(tracing('Braze', 'destination', trace), tracing('GA', 'destination', trace, { alternativeNames: ['Google Analytics'] }));
    const ran = async (integrations: Record<string, unknown>) => {
      trace.length = 0;
      const out = await settle(registry.run(track('x', {}, { integrations })));
      await registry.runDestinations(out);
      return [...trace].sort();
    };
    expect(await ran({})).toEqual(['Braze', 'GA']);
    expect(await ran({ Braze: false })).toEqual(['GA']);
    expect(await ran({ 'Google Analytics': false })).toEqual(['Braze']);
    expect(await ran({ All: false })).toEqual([]);
    expect(await ran({ All: false, Braze: { apiKey: 'k' } })).toEqual(['Braze']);
  });

  it('reads integrations after enrichment, so an enrichment plugin can turn a destination off', async () => {
    const { registry } = harness();
    const trace: string[] = [];
    await registry.register(
      tracing('Braze', 'destination', trace),
      plugin('router', 'enrichment', {
        track: (ctx) => {
          ctx.updateEvent('integrations.Braze', false);
          return ctx;
        },
      }),
    );
    await registry.runDestinations(await settle(registry.run(track())));
    expect(trace).toEqual([]);
  });

  it('a destination or after plugin that throws is contained: the others still run, one warning each', async () => {
    const { registry, warnings } = harness();
    const trace: string[] = [];
    await registry.register(
      plugin('Broken', 'destination', {
        track: () => {
          throw new Error('Boom!');
        },
      }),
      tracing('Fine', 'destination', trace),
      plugin('after-broken', 'after', { track: () => Promise.reject(new Error('late boom')) }),
      tracing('after-fine', 'after', trace),
    );
    const out = await settle(registry.run(track()));
    await registry.runDestinations(out);
    await registry.runAfter(out);
    await microtasks();
    expect(trace).toEqual(['Fine', 'after-fine']);
    expect(warnings.join('\n')).toContain('"Broken" (destination) track() failed: Error: Boom!');
    expect(warnings.join('\n')).toContain('"after-broken" (after) track() failed: Error: late boom');
    expect(warnings).toHaveLength(2);
  });
});
