// The call queue and the middleware chain on a fake clock: hand-over in call order, one drain per
// task, synchronous middleware on the synchronous path, and analytics-next's cancellation rules.
import { describe, expect, it } from 'vitest';
import { CallQueue } from '../../src/runtime/call-queue';
import { MIDDLEWARE_TIMEOUT_MS, runChain, type Middleware } from '../../src/runtime/middleware';
import type { SegmentEvent } from '../../src/core/types';
import { segmentEvent } from './helpers';
import { FakeClock, microtasks } from './fake-clock';

function queue(prepare: (item: string) => string | Promise<string> = (item) => item) {
  const clock = new FakeClock();
  const handed: string[][] = [];
  const log: string[] = [];
  const failures: unknown[] = [];
  const q = new CallQueue<string, string>({
    clock,
    prepare,
    handOver: (calls) => {
      handed.push(calls.map((c) => c.prepared));
      log.push(...calls.map((c) => c.prepared));
    },
    fail: (error, item) => failures.push([String(error), item]),
  });
  return { q, clock, handed, log, failures };
}

describe('call queue', () => {
  it("holds calls until started, then hands over each task's calls in one batch, in order, with tasks between", () => {
    const { q, clock, handed, log } = queue();
    q.push({ kind: 'call', item: 'a' });
    q.push({ kind: 'task', run: () => log.push('reset') });
    q.push({ kind: 'call', item: 'b' });
    clock.advance(1000);
    expect(handed).toEqual([]);
    expect(q.pendingItems()).toEqual(['a', 'b']);
    q.start();
    clock.advance(0);
    expect(log).toEqual(['a', 'reset', 'b']);
    for (let i = 0; i < 50; i++) q.push({ kind: 'call', item: `c${i}` });
    expect(clock.pending).toBe(1); // one drain scheduled, not one per call
    clock.advance(0);
    expect(handed.at(-1)).toHaveLength(50);
    expect(q.pendingItems()).toEqual([]);
  });

  it('drain() hands over synchronously (page exit)', () => {
    const { q, handed } = queue();
    q.start();
    q.push({ kind: 'call', item: 'leaving' });
    q.drain();
    expect(handed).toEqual([['leaving']]);
  });

  it('an item in asynchronous middleware holds those behind it, whose middleware already ran', async () => {
    let release: (v: string) => void = () => undefined;
    const prepared: string[] = [];
    const { q, clock, log } = queue((item) => {
      prepared.push(item);
      return item === 'slow' ? new Promise((r) => (release = r)) : item;
    });
    q.start();
    q.push({ kind: 'call', item: 'slow' });
    q.push({ kind: 'call', item: 'fast' });
    clock.advance(0);
    expect(prepared).toEqual(['slow', 'fast']);
    expect(log).toEqual([]);
    expect(q.pendingItems()).toEqual(['slow', 'fast']);
    release('slow');
    await microtasks();
    expect(log).toEqual(['slow', 'fast']);
  });

  it('a prepare that throws fails that call only', () => {
    const { q, clock, log, failures } = queue((item) => {
      if (item === 'bad') throw new Error('boom');
      return item;
    });
    q.start();
    q.push({ kind: 'call', item: 'bad' });
    q.push({ kind: 'call', item: 'good' });
    clock.advance(0);
    expect(log).toEqual(['good']);
    expect(failures).toEqual([['Error: boom', 'bad']]);
  });
});

describe('middleware chain', () => {
  const deps = () => {
    const clock = new FakeClock();
    const warnings: Array<[string, boolean]> = [];
    return { clock, warnings, chain: { clock, warn: (m: string, d: boolean) => warnings.push([m, d]) } };
  };
  const base = () => segmentEvent({ type: 'track', event: 'E', properties: {} });
  const setProp =
    (key: string): Middleware =>
    ({ payload, next }) => {
      (payload.obj.properties as Record<string, unknown>)[key] = true;
      next(payload);
    };

  it('synchronous middleware stays synchronous: a value, not a promise', () => {
    const { chain } = deps();
    const result = runChain([setProp('a'), setProp('b')], base(), undefined, chain) as SegmentEvent;
    expect(result).not.toBeInstanceOf(Promise);
    expect(result.properties).toEqual({ a: true, b: true });
  });

  it('source: next(null) passes the event on; destination: next(null) drops it', () => {
    const { chain } = deps();
    const passNull: Middleware = ({ next }) => next(null);
    expect(runChain([passNull], base(), undefined, chain)).toMatchObject({ event: 'E' });
    expect(runChain([passNull], base(), 'Amplitude', chain)).toBeNull();
  });

  it('returning without next cancels at once and silently; a throw continues unchanged with a warning', () => {
    const { chain, warnings } = deps();
    expect(runChain([() => undefined, setProp('never')], base(), undefined, chain)).toBeNull();
    expect(warnings).toEqual([]);
    const thrower: Middleware = () => {
      throw new Error('site bug');
    };
    expect(runChain([thrower], base(), undefined, chain)).toMatchObject({ event: 'E' });
    expect(warnings).toEqual([['threw: Error: site bug; the event continues unchanged', false]]);
  });

  it('a promise is awaited; one that never calls next is dropped at the timeout; a rejection is contained', async () => {
    const { chain, clock, warnings } = deps();
    const later: Middleware = ({ payload, next }) => Promise.resolve().then(() => next(payload));
    await expect(runChain([later, setProp('after')], base(), undefined, chain)).resolves.toMatchObject({ properties: { after: true } });
    const stuck = runChain([() => new Promise(() => undefined)], base(), undefined, chain) as Promise<unknown>;
    let outcome: unknown = 'pending';
    void stuck.then((v) => (outcome = v));
    clock.advance(MIDDLEWARE_TIMEOUT_MS - 1);
    await microtasks();
    expect(outcome).toBe('pending');
    clock.advance(1);
    await microtasks();
    expect(outcome).toBeNull();
    const rejects: Middleware = () => Promise.reject(new Error('async bug'));
    await expect(runChain([rejects], base(), undefined, chain)).resolves.toBeNull();
    expect(warnings.map(([m]) => m)).toEqual([`did not call next() within ${MIDDLEWARE_TIMEOUT_MS} ms; the event was dropped`, 'rejected: Error: async bug']);
  });
});
