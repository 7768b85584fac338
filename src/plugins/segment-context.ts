/**
 * The Context that analytics-next hands to a plugin's `load` and to its per-call hooks: the event, a
 * way to change it by path, a way to cancel it, and per-event logs and metrics. Plugins written for
 * analytics-next (Amplitude's Segment Session Replay wrapper among them) use exactly these members,
 * so their names and behaviour follow `@segment/analytics-core`'s Context (see docs/plugins.md).
 */
import type { SegmentEvent } from '../core/types.js';
import { isUnsafeKey } from '../core/values.js';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface LogMessage {
  level: LogLevel;
  message: string;
  time: Date;
  extras?: Record<string, unknown>;
}

export interface Metric {
  metric: string;
  value: number;
  type: 'counter' | 'gauge';
  tags: string[];
  timestamp: number;
}

/** What `ctx.cancel()` throws. A plugin may also throw its own copy of analytics-next's class. */
export class ContextCancelation {
  retry: boolean;
  type: string;
  reason: string;

  constructor({
    retry = true,
    type = 'plugin Error',
    reason = '',
  }: { retry?: boolean; reason?: string; type?: string } = {}) {
    this.retry = retry;
    this.type = type;
    this.reason = reason;
  }
}

/**
 * True for our ContextCancelation and for one from a plugin's own bundle of analytics-next, which
 * `instanceof` cannot recognise: both are plain objects with a boolean `retry` and a string `type`.
 */
export function isCancelation(value: unknown): value is ContextCancelation {
  if (value instanceof ContextCancelation) return true;
  try {
    return (
      !!value &&
      typeof value === 'object' &&
      !(value instanceof Error) &&
      typeof (value as ContextCancelation).retry === 'boolean' &&
      typeof (value as ContextCancelation).type === 'string'
    );
  } catch {
    return false;
  }
}

function metricNow(metric: string, value: number, type: Metric['type'], tags: string[]): Metric {
  return { metric, value, type, tags, timestamp: Date.now() };
}

/** Per-event counters and gauges, kept on the context as analytics-next keeps them; never sent. */
class ContextStats {
  metrics: Metric[] = [];

  increment(metric: string, by = 1, tags: string[] = []): void {
    this.metrics.push(metricNow(metric, by, 'counter', tags));
  }

  gauge(metric: string, value: number, tags: string[] = []): void {
    this.metrics.push(metricNow(metric, value, 'gauge', tags));
  }

  flush(): void {
    this.metrics = [];
  }

  serialize(): Metric[] {
    return this.metrics;
  }
}

let contextCount = 0;

function newId(): string {
  try {
    const crypto = (globalThis as { crypto?: { randomUUID?: () => string } }).crypto;
    if (crypto?.randomUUID) return crypto.randomUUID();
  } catch {
    /* fall through */
  }
  contextCount += 1;
  return `ctx-${Date.now().toString(36)}-${contextCount}`;
}

export class SegmentContext {
  event: SegmentEvent;
  stats = new ContextStats();
  /** 1 once the event has been dispatched; analytics-next counts retries here, we never retry. */
  attempts = 0;
  private readonly messages: LogMessage[] = [];
  private failure?: { reason: unknown };
  private ctxId?: string;

  constructor(event: SegmentEvent, id?: string) {
    this.event = event;
    this.ctxId = id;
  }

  /** The context `register` and `deregister` resolve to: not an event anyone sends. */
  static system(): SegmentContext {
    return new SegmentContext({ type: 'track', event: 'system' } as SegmentEvent);
  }

  // Made on first read: most contexts are never asked for their id.
  get id(): string {
    return (this.ctxId ||= newId());
  }

  isSame(other: SegmentContext): boolean {
    return other.id === this.id;
  }

  /** Throws, as analytics-next's does: a `before` plugin that calls it cancels the event. */
  cancel(error?: unknown): never {
    if (error) throw error;
    throw new ContextCancelation({ reason: 'Context Cancel' });
  }

  log(level: LogLevel, message: string, extras?: Record<string, unknown>): void {
    this.messages.push({ level, message, time: new Date(), extras });
  }

  logs(): LogMessage[] {
    return this.messages;
  }

  /**
   * Sets `value` at a dotted path, creating objects (or arrays, before a numeric key) on the way.
   * A path into an integration that the event turned off (`integrations.X` is false) is ignored, so a
   * plugin cannot switch a destination back on with its settings.
   */
  updateEvent(path: string, value: unknown): SegmentEvent {
    const keys = String(path).split('.');
    if (keys[0] === 'integrations' && (this.event.integrations || {})[keys[1]] === false) return this.event;
    if (keys.some(isUnsafeKey)) return this.event;
    let target = this.event as unknown as Record<string, unknown>;
    for (let i = 0; i < keys.length - 1; i++) {
      const next = target[keys[i]];
      if (next !== null && typeof next === 'object') {
        target = next as Record<string, unknown>;
      } else {
        const created = /^\d+$/.test(keys[i + 1]) ? [] : {};
        target[keys[i]] = created;
        target = created as Record<string, unknown>;
      }
    }
    target[keys[keys.length - 1]] = value;
    return this.event;
  }

  failedDelivery(): { reason: unknown } | undefined {
    return this.failure;
  }

  setFailedDelivery(options: { reason: unknown }): void {
    this.failure = options;
  }

  flush(): void {
    this.messages.length = 0;
    this.stats.flush();
  }

  toJSON(): { id: string; event: SegmentEvent; logs: LogMessage[]; metrics: Metric[] } {
    return { id: this.id, event: this.event, logs: this.messages, metrics: this.stats.metrics };
  }
}
