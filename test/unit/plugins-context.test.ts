// The Context a registered plugin is given, as @segment/analytics-core's Context behaves.
import { describe, expect, it } from 'vitest';
import { ContextCancelation, isCancelation, SegmentContext } from '../../src/plugins/segment-context';
import { track } from './plugins-harness';

describe('SegmentContext', () => {
  it('updateEvent sets a value at a dotted path, creating the objects on the way, and returns the event', () => {
    const ctx = new SegmentContext(track('Clicked', { a: 1 }));
    const returned = ctx.updateEvent('properties.x', 1);
    ctx.updateEvent('context.deep.er.value', 'v');
    expect(returned).toBe(ctx.event);
    expect(ctx.event.properties).toEqual({ a: 1, x: 1 });
    expect(ctx.event.context.deep).toEqual({ er: { value: 'v' } });
  });

  it('updateEvent creates an array before a numeric key, and replaces a non-object on the way', () => {
    const ctx = new SegmentContext(track('Clicked', { s: 'text' }));
    ctx.updateEvent('properties.list.0', 'first');
    ctx.updateEvent('properties.s.inner', true);
    expect(ctx.event.properties?.list).toEqual(['first']);
    expect(ctx.event.properties?.s).toEqual({ inner: true });
  });

  it('updateEvent leaves an integration the event turned off alone, and sets one that is not off', () => {
    const ctx = new SegmentContext(track('Clicked', {}, { integrations: { Amplitude: false } }));
    ctx.updateEvent('integrations.Amplitude', { session_id: 1 });
    ctx.updateEvent('integrations.Amplitude.session_id', 1);
    ctx.updateEvent('integrations.Actions Amplitude', { session_id: 2 });
    expect(ctx.event.integrations.Amplitude).toBe(false);
    expect(ctx.event.integrations['Actions Amplitude']).toEqual({ session_id: 2 });
  });

  it('updateEvent refuses paths through __proto__ or constructor', () => {
    const ctx = new SegmentContext(track());
    ctx.updateEvent('__proto__.polluted', true);
    ctx.updateEvent('properties.constructor.prototype.polluted', true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('cancel() throws a retriable ContextCancelation, or the error it is given', () => {
    const ctx = new SegmentContext(track());
    let thrown: unknown;
    try {
      ctx.cancel();
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ContextCancelation);
    expect(thrown).toMatchObject({ retry: true, type: 'plugin Error', reason: 'Context Cancel' });
    const own = new ContextCancelation({ retry: false, reason: 'consent' });
    expect(() => ctx.cancel(own)).toThrow(own as unknown as Error);
  });

  it('recognises a cancellation made by a plugin bundling its own analytics-next, but not an Error', () => {
    expect(isCancelation({ retry: false, type: 'plugin Error', reason: '' })).toBe(true);
    expect(isCancelation(new Error('boom'))).toBe(false);
    expect(isCancelation({ retry: 'yes', type: 'x' })).toBe(false);
    expect(isCancelation(undefined)).toBe(false);
  });

  it('keeps logs and metrics, reports failedDelivery, and serialises', () => {
    const ctx = new SegmentContext(track(), 'fixed-id');
    expect(ctx.failedDelivery()).toBeUndefined();
    ctx.log('warn', 'careful', { n: 1 });
    ctx.stats.increment('plugin_error', 1, ['plugin:x']);
    ctx.stats.gauge('plugin_time', 3);
    ctx.setFailedDelivery({ reason: 'offline' });
    expect(ctx.failedDelivery()).toEqual({ reason: 'offline' });
    expect(ctx.logs()).toMatchObject([{ level: 'warn', message: 'careful', extras: { n: 1 } }]);
    expect(ctx.toJSON()).toMatchObject({
      id: 'fixed-id',
      event: { event: 'Clicked' },
      metrics: [{ metric: 'plugin_error' }, { metric: 'plugin_time', value: 3 }],
    });
    expect(ctx.isSame(new SegmentContext(track(), 'fixed-id'))).toBe(true);
    ctx.flush();
    expect(ctx.logs()).toEqual([]);
    expect(ctx.stats.metrics).toEqual([]);
  });

  it('the system context is the track event "system", with an id', () => {
    const system = SegmentContext.system();
    expect(system.event).toEqual({ type: 'track', event: 'system' });
    expect(typeof system.id).toBe('string');
    expect(system.id).not.toBe(SegmentContext.system().id);
  });
});
