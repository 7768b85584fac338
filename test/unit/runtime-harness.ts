// A runtime with everything outside it recorded: an Amplitude driver that never loads the SDK, a
// transport that records every post and beacon (repeats included), and a journal store per "site".
// Tests drive time with vitest's fake timers.
import { vi } from 'vitest';
import { AnalyticsCore } from '../../src/runtime/analytics';
import { attachPublicApi } from '../../src/public/api';
import { memoryStore } from '../../src/browser/storage';
import type { AdapterInit, AmplitudeDriver, EventSink } from '../../src/amplitude/adapter';
import { PagePlugins } from '../../src/amplitude/page-plugins';
import type { SessionState } from '../../src/runtime/session';
import type { Transport, WireEvent, WireResponse } from '../../src/wire/wire-types';
import type { KeyValueStore } from '../../src/wire/exit-journal';
import type { Dict } from '../../src/core/types';

export const KEY = 'unit-test-key-0123456789';

export class RecordingDriver implements AmplitudeDriver {
  readonly client = {};
  /** Tests add SDK plugins here, as the adapter does when the page calls client.add(). */
  readonly pagePlugins = new PagePlugins(() => Date.now());
  calls: string[] = [];
  initOptions: AdapterInit | undefined;
  sink: EventSink | undefined;
  sessions: SessionState[] = [];
  private release: () => void = () => undefined;
  private readonly initGate = new Promise<void>((r) => (this.release = r));

  constructor(private readonly holdInit = false) {}

  init(options: AdapterInit, sink: EventSink): Promise<void> {
    this.initOptions = options;
    this.sink = sink;
    this.calls.push(`init:${options.deviceId}`);
    return this.holdInit ? this.initGate : Promise.resolve();
  }
  finishInit(): void {
    this.release();
  }
  /** Called once per hand-over once the SDK is ready (and when the session restarts). */
  persistSession(state: SessionState): void {
    this.sessions.push(state);
    this.calls.push('persist');
  }
  setUserId(userId: string | null): void {
    this.calls.push(`setUserId:${userId}`);
  }
  setDeviceId(deviceId: string): void {
    this.calls.push(`setDeviceId:${deviceId}`);
  }
  reset(deviceId: string): void {
    this.calls.push(`reset:${deviceId}`);
  }
  getSessionId(): number | undefined {
    return this.sessions.at(-1)?.sessionId;
  }
}

export const OK: WireResponse = { status: 200, body: { code: 200 } };

export class RecordingTransport implements Transport {
  posts: Array<{ body: Dict; keepalive: boolean }> = [];
  beacons: Array<{ body: Dict }> = [];
  /** Every event that left, by post or beacon, in order; a repeat appears twice. */
  wire: WireEvent[] = [];
  isOnline = true;
  beaconAccepts = true;
  answer: (body: Dict) => WireResponse | null | Promise<WireResponse | null> = () => OK;

  post(_url: string, body: string, keepalive: boolean): Promise<WireResponse | null> {
    const parsed = JSON.parse(body) as Dict;
    this.posts.push({ body: parsed, keepalive });
    this.wire.push(...(parsed.events as WireEvent[]));
    return Promise.resolve(this.answer(parsed));
  }
  beacon(_url: string, body: string): boolean {
    if (!this.beaconAccepts) return false;
    const parsed = JSON.parse(body) as Dict;
    this.beacons.push({ body: parsed });
    this.wire.push(...(parsed.events as WireEvent[]));
    return true;
  }
  online(): boolean {
    return this.isOnline;
  }
  types(): string[] {
    return this.wire.map((e) => e.event_type);
  }
}

export type Api = Dict & Record<string, (...a: unknown[]) => any>;

export interface Made {
  core: AnalyticsCore;
  driver: RecordingDriver;
  transport: RecordingTransport;
  analytics: Api;
  store: KeyValueStore;
  load: (options?: Dict) => void;
}

export function make(settings: Dict = {}, { holdInit = false, store = memoryStore(), transport = new RecordingTransport() } = {}): Made {
  const driver = new RecordingDriver(holdInit);
  const target: Dict = [] as unknown as Dict;
  const core = new AnalyticsCore(() => target, { adapter: driver, transport, store });
  const analytics = attachPublicApi(core, target) as Api;
  return {
    core,
    driver,
    transport,
    analytics,
    store,
    load: (options: Dict = {}) => core.load(KEY, { integrations: { Amplitude: settings }, ...options }),
  };
}

/** Lets `ms` of fake time pass, running timers and the promise callbacks they cause. */
export const run = (ms = 100) => vi.advanceTimersByTimeAsync(ms);

export function clearBrowserStorage(): void {
  localStorage.clear();
  sessionStorage.clear();
  for (const c of document.cookie.split(';')) {
    const name = c.split('=')[0].trim();
    if (name) document.cookie = `${name}=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/`;
  }
}
