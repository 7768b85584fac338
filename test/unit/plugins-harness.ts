// A plugin registry on a fake clock, with the console's warnings captured, and small plugin builders.
import { vi } from 'vitest';
import { Logger } from '../../src/runtime/log';
import { PluginRegistry, type RunOutcome } from '../../src/plugins/plugin-registry';
import type { PluginType, SegmentPlugin } from '../../src/plugins/plugin-types';
import type { SegmentContext } from '../../src/plugins/segment-context';
import type { SegmentEvent } from '../../src/core/types';
import { FakeClock } from './fake-clock';
import { segmentEvent } from './helpers';

export function harness(options: { loadTimeoutMs?: number; hookTimeoutMs?: number } = {}) {
  const clock = new FakeClock();
  const warnings: string[] = [];
  vi.spyOn(console, 'warn').mockImplementation((message: unknown) => {
    warnings.push(String(message));
  });
  const analytics = { marker: 'window.analytics' };
  const registry = new PluginRegistry({ clock, logger: new Logger(), analytics: () => analytics, ...options });
  return { clock, warnings, analytics, registry };
}

export function plugin(name: string, type: PluginType, extra: Partial<SegmentPlugin> = {}): SegmentPlugin {
  return { name, type, version: '1.0.0', isLoaded: () => true, load: () => Promise.resolve(), ...extra };
}

/** A plugin whose `track` hook records its name into `trace` and returns the context. */
export function tracing(name: string, type: PluginType, trace: string[], extra: Partial<SegmentPlugin> = {}): SegmentPlugin {
  return plugin(name, type, {
    track: (ctx: SegmentContext) => {
      trace.push(name);
      return ctx;
    },
    ...extra,
  });
}

export function deferred<T = void>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

export const track = (name = 'Clicked', properties: Record<string, unknown> = {}, options = {}): SegmentEvent =>
  segmentEvent({ type: 'track', event: name, properties }, options);

/** Settles a run's outcome whether it came back synchronously or not. */
export const settle = (out: RunOutcome | Promise<RunOutcome>): Promise<RunOutcome> => Promise.resolve(out);
