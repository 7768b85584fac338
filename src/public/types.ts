/**
 * Types for `window.analytics` as this shim provides it: Segment's analytics.js 2.0 call forms, the
 * Amplitude destination settings, and `analytics.amplitude`. Importing the package (or listing it in
 * tsconfig `types`) declares `window.analytics` globally. Every shape the runtime also uses is derived
 * from its internal type here, so the two cannot drift.
 */
import type { SegmentPlugin as RegistryPlugin } from '../plugins/plugin-types.js';
import type { SegmentContext } from '../plugins/segment-context.js';
import type { AmplitudeSettings } from '../modes/classic/settings.js';
import type { SegmentEvent } from '../core/types.js';
import type { Context } from '../runtime/context.js';
import type { EntityStoreApi } from '../runtime/identity.js';
import type { DeviceIdSource } from '../core/device-id.js';
import type { CookieOptions } from '../browser/cookies.js';
import type { Middleware } from '../runtime/middleware.js';
import type { CdnSettings } from '../core/consent.js';

export type Properties = Record<string, unknown>;
export type Traits = Record<string, unknown>;

export interface Integrations {
  All?: boolean;
  Amplitude?: boolean | { groups?: Record<string, string | string[]>; [key: string]: unknown };
  [destination: string]: unknown;
}

/** Per-call options (analytics-next's `Options`). */
export interface CallOptions {
  integrations?: Integrations;
  anonymousId?: string;
  userId?: string;
  timestamp?: Date | string;
  messageId?: string;
  context?: Record<string, unknown>;
  traits?: Traits;
  [key: string]: unknown;
}

/** A Segment event as analytics-next builds it (what `ctx.event` and middleware's `payload.obj` hold). */
export type SegmentEventShape = SegmentEvent;

/** What a call resolves with: analytics-next's Context, as the runtime's own Context class provides it. */
export type AnalyticsContext = Pick<Context, 'id' | 'attempts' | 'failedDelivery' | 'logs'> & {
  readonly event: SegmentEventShape;
};

export type Callback = (ctx: AnalyticsContext) => void;

/** `analytics.user()`: the runtime's user store. */
export type AnalyticsUser = EntityStoreApi & { anonymousId(id?: string | null): string | null };

/** `analytics.group()`: the runtime's group store. */
export type AnalyticsGroup = EntityStoreApi & { anonymousId(): undefined };

/** A plugin for `analytics.register()`: analytics-next's plugin contract (see docs/plugins.md). */
export type SegmentPlugin = RegistryPlugin;

/** The Context a plugin's `load` and hooks receive, and what `register`/`deregister` resolve with. */
export type PluginContext = SegmentContext;

/** `analytics.amplitude`. */
export interface AmplitudeAccess {
  /** The @amplitude/analytics-browser client the shim drives. */
  readonly instance: unknown;
  /** The Amplitude device ID (send it to your server to log events under the same device). */
  getDeviceId(): string | undefined;
  getSessionId(): number | undefined;
  /** Where the device ID came from. */
  getDeviceIdSource(): DeviceIdSource | undefined;
}

/** Destination settings as a page writes them in `integrations.Amplitude`. */
export type AmplitudeDestinationSettings = Partial<Omit<AmplitudeSettings, 'consentCategories'>> & {
  /** The consent categories Amplitude belongs to, as in Segment's UI (read by Segment's consent wrapper). */
  consentSettings?: { categories: string[] };
};

/** The options of `analytics.load(key, options)`; the runtime reads exactly these. */
export interface ShimLoadOptions {
  integrations?: Integrations & { Amplitude?: AmplitudeDestinationSettings | boolean };
  /** Raw @amplitude/analytics-browser init options (serverUrl, serverZone, flushIntervalMillis, logLevel, …). */
  amplitude?: Record<string, unknown>;
  /** Your server's alias endpoint (segment-amplitude-shim/server's aliasHandler). */
  aliasUrl?: string;
  cookie?: CookieOptions;
  user?: { persist?: boolean };
  /** No cookie and no storage key at all (ours or the SDK's); identity and pending events live in memory. */
  disableClientPersistence?: boolean;
  useQueryString?: boolean;
  initialPageview?: boolean;
  /** Nothing is stored or sent: `true`, or a function of the CDN settings answering (or promising) a boolean. */
  disable?: boolean | ((cdnSettings: CdnSettings) => boolean | Promise<boolean>);
  /** Called once at load with Segment-shaped CDN settings; removing `integrations.Amplitude` turns Amplitude off. */
  updateCDNSettings?: (cdnSettings: CdnSettings) => CdnSettings;
}

type ElementInput = Element | Element[] | { toArray(): Element[] } | null | undefined;

export interface SegmentAnalytics {
  track(event: string, properties?: Properties, options?: CallOptions, callback?: Callback): Promise<AnalyticsContext>;
  track(event: string, properties: Properties, callback: Callback): Promise<AnalyticsContext>;
  track(event: string, callback: Callback): Promise<AnalyticsContext>;
  track(
    event: { event: string; properties?: Properties },
    options?: CallOptions | Callback,
    callback?: Callback,
  ): Promise<AnalyticsContext>;

  page(
    category: string,
    name: string,
    properties?: Properties,
    options?: CallOptions,
    callback?: Callback,
  ): Promise<AnalyticsContext>;
  page(name?: string, properties?: Properties, options?: CallOptions, callback?: Callback): Promise<AnalyticsContext>;
  page(properties?: Properties, options?: CallOptions, callback?: Callback): Promise<AnalyticsContext>;
  page(...args: Array<string | Properties | CallOptions | Callback | null | undefined>): Promise<AnalyticsContext>;
  screen: SegmentAnalytics['page'];

  identify(
    userId: string | number | null | undefined,
    traits?: Traits | null,
    options?: CallOptions,
    callback?: Callback,
  ): Promise<AnalyticsContext>;
  identify(userId: string | number, callback: Callback): Promise<AnalyticsContext>;
  identify(traits?: Traits, options?: CallOptions, callback?: Callback): Promise<AnalyticsContext>;

  group(): AnalyticsGroup;
  group(
    groupId: string | number | null | undefined,
    traits?: Traits | null,
    options?: CallOptions,
    callback?: Callback,
  ): Promise<AnalyticsContext>;
  group(traits: Traits, options?: CallOptions, callback?: Callback): Promise<AnalyticsContext>;

  alias(
    to: string | number,
    from?: string | number,
    options?: CallOptions,
    callback?: Callback,
  ): Promise<AnalyticsContext>;
  alias(to: string | number, options: CallOptions, callback?: Callback): Promise<AnalyticsContext>;
  alias(to: string | number, callback: Callback): Promise<AnalyticsContext>;

  reset(): void;
  ready(callback?: () => void): Promise<unknown[]>;
  user(): AnalyticsUser;
  setAnonymousId(id?: string | null): string | null;

  on(event: string, listener: (...args: never[]) => void): SegmentAnalytics;
  once(event: string, listener: (...args: never[]) => void): SegmentAnalytics;
  off(event: string, listener: (...args: never[]) => void): SegmentAnalytics;
  debug(enabled?: boolean): SegmentAnalytics;
  timeout(milliseconds: number): void;

  trackLink(
    links: ElementInput,
    event: string | ((el: Element) => string),
    properties?: Properties | ((el: Element) => Properties),
    options?: CallOptions,
  ): Promise<SegmentAnalytics>;
  trackClick: SegmentAnalytics['trackLink'];
  trackForm(
    forms: ElementInput,
    event: string | ((el: Element) => string),
    properties?: Properties | ((el: Element) => Properties),
    options?: CallOptions,
  ): Promise<SegmentAnalytics>;
  trackSubmit: SegmentAnalytics['trackForm'];

  addSourceMiddleware(middleware: Middleware): Promise<SegmentAnalytics>;
  addDestinationMiddleware(
    destination: 'Amplitude' | '*' | (string & {}),
    ...middlewares: Middleware[]
  ): Promise<SegmentAnalytics>;
  /** Loads analytics-next plugins and runs them on every later event; resolves once their loads have settled. */
  register(...plugins: SegmentPlugin[]): Promise<PluginContext>;
  /** Unloads and removes the plugins with these names. */
  deregister(...names: string[]): Promise<PluginContext>;
  /** @deprecated use page() */
  pageview(url: string): Promise<SegmentAnalytics>;
  push(call: [method: string, ...args: unknown[]]): void;
  load(apiKey: string, options?: ShimLoadOptions): void;

  readonly VERSION: string;
  readonly initialized: boolean;
  readonly amplitude: AmplitudeAccess;
}

declare global {
  interface Window {
    analytics: SegmentAnalytics;
  }
}
