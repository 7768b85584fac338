/**
 * Types for `window.analytics` as this shim provides it: Segment's analytics.js 2.0 call forms, the
 * Amplitude destination settings, and `analytics.amplitude`. Importing the package (or listing it in
 * tsconfig `types`) declares `window.analytics` globally.
 */
import type { AmplitudeSettings } from './settings.js';

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

export interface SegmentEventShape {
  type: 'track' | 'page' | 'screen' | 'identify' | 'group' | 'alias';
  event?: string;
  name?: string;
  category?: string;
  properties?: Properties;
  traits?: Traits;
  userId?: string | null;
  anonymousId?: string | null;
  groupId?: string | null;
  previousId?: string;
  messageId: string;
  timestamp: Date;
  context: Record<string, unknown>;
  integrations: Record<string, unknown>;
}

export interface AnalyticsContext {
  readonly id: string;
  readonly event: SegmentEventShape;
  attempts: number;
  failedDelivery(): { reason: string } | undefined;
  logs(): { level: string; message: string }[];
}

export type Callback = (ctx: AnalyticsContext) => void;

export interface AnalyticsUser {
  id(id?: string | null): string | null;
  anonymousId(id?: string | null): string | null;
  traits(traits?: Traits | null): Traits;
}

export interface AnalyticsGroup {
  id(id?: string | null): string | null;
  traits(traits?: Traits | null): Traits;
  anonymousId(): undefined;
}

export interface AmplitudeAccess {
  /** The @amplitude/analytics-browser client the shim drives. */
  readonly instance: unknown;
  /** The Amplitude device ID (send it to your server to log events under the same device). */
  getDeviceId(): string | undefined;
  getSessionId(): number | undefined;
  getDeviceIdSource(): 'anonymousId' | 'url' | 'stored' | 'new' | undefined;
}

export interface ShimLoadOptions {
  integrations?: Integrations & { Amplitude?: Partial<AmplitudeSettings> };
  /** Raw @amplitude/analytics-browser init options (serverUrl, serverZone, flushIntervalMillis, logLevel, …). */
  amplitude?: Record<string, unknown>;
  /** Your server's alias endpoint (segment-amplitude-shim/server's aliasHandler). */
  aliasUrl?: string;
  cookie?: { maxage?: number; domain?: string; path?: string; secure?: boolean; sameSite?: string };
  user?: { persist?: boolean };
  disableClientPersistence?: boolean;
  useQueryString?: boolean;
  initialPageview?: boolean;
}

type Middleware = (args: {
  payload: { obj: SegmentEventShape };
  integrations?: Record<string, unknown>;
  next: (payload?: { obj: SegmentEventShape } | null) => void;
}) => void;
type ElementInput = Element | Element[] | { toArray(): Element[] } | null | undefined;

export interface SegmentAnalytics {
  track(event: string, properties?: Properties, options?: CallOptions, callback?: Callback): Promise<AnalyticsContext>;
  track(event: string, properties: Properties, callback: Callback): Promise<AnalyticsContext>;
  track(event: string, callback: Callback): Promise<AnalyticsContext>;
  track(event: { event: string; properties?: Properties }, options?: CallOptions | Callback, callback?: Callback): Promise<AnalyticsContext>;

  page(category: string, name: string, properties?: Properties, options?: CallOptions, callback?: Callback): Promise<AnalyticsContext>;
  page(name?: string, properties?: Properties, options?: CallOptions, callback?: Callback): Promise<AnalyticsContext>;
  page(properties?: Properties, options?: CallOptions, callback?: Callback): Promise<AnalyticsContext>;
  page(...args: Array<string | Properties | CallOptions | Callback | null | undefined>): Promise<AnalyticsContext>;
  screen: SegmentAnalytics['page'];

  identify(userId: string | number | null | undefined, traits?: Traits | null, options?: CallOptions, callback?: Callback): Promise<AnalyticsContext>;
  identify(userId: string | number, callback: Callback): Promise<AnalyticsContext>;
  identify(traits?: Traits, options?: CallOptions, callback?: Callback): Promise<AnalyticsContext>;

  group(): AnalyticsGroup;
  group(groupId: string | number | null | undefined, traits?: Traits | null, options?: CallOptions, callback?: Callback): Promise<AnalyticsContext>;
  group(traits: Traits, options?: CallOptions, callback?: Callback): Promise<AnalyticsContext>;

  alias(to: string | number, from?: string | number, options?: CallOptions, callback?: Callback): Promise<AnalyticsContext>;
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
  addDestinationMiddleware(destination: 'Amplitude' | '*' | (string & {}), ...middlewares: Middleware[]): Promise<SegmentAnalytics>;
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
