/**
 * segment-amplitude-shim/server: the server half of the device-ID hand-off, for Node (18+), no framework.
 * - readIdentity(cookieHeader, apiKey): the visitor's Amplitude device, user and session IDs, and their
 *   Segment IDs, from the cookies the browser sends with every request after its first page view.
 * - createAmplitudeServer(...).track(identity, …): server-side events under that same device and session.
 * - createAmplitudeServer(...).aliasHandler(): the endpoint the browser's analytics.alias() posts to; it
 *   calls Amplitude's user-mapping API with keys that never leave the server.
 */
import { decodeV2Identity, v2CookieName } from '../core/amplitude-cookie.js';
import { parseCookieHeader } from '../core/cookie-header.js';
import { segmentIdFromCookie } from '../core/stored-value.js';

export interface VisitorIdentity {
  /** Amplitude's device ID (from `AMP_<key>`), falling back to Segment's anonymousId. */
  deviceId?: string;
  /** Amplitude's user ID, falling back to Segment's user ID. */
  userId?: string;
  /** Amplitude's session ID (ms epoch); server events with it join the browser session. */
  sessionId?: number;
  /** Segment's `ajs_anonymous_id`. */
  anonymousId?: string;
  /** Segment's `ajs_user_id`. */
  segmentUserId?: string;
  /** Segment's `ajs_group_id`. */
  groupId?: string;
}

export function readIdentity(cookieHeader: string | string[] | undefined | null, apiKey: string): VisitorIdentity {
  const cookies = parseCookieHeader(cookieHeader);
  const ampCookie = cookies[v2CookieName(apiKey)];
  const amp = ampCookie ? decodeV2Identity(ampCookie) : undefined;
  const identity: VisitorIdentity = {
    anonymousId: segmentIdFromCookie(cookies.ajs_anonymous_id),
    segmentUserId: segmentIdFromCookie(cookies.ajs_user_id),
    groupId: segmentIdFromCookie(cookies.ajs_group_id),
  };
  identity.deviceId = amp?.deviceId ?? identity.anonymousId;
  identity.userId = amp?.userId ?? identity.segmentUserId;
  if (amp?.sessionId) identity.sessionId = amp.sessionId;
  for (const key of Object.keys(identity) as (keyof VisitorIdentity)[])
    if (identity[key] === undefined) delete identity[key];
  return identity;
}

export interface AmplitudeServerOptions {
  apiKey: string;
  /** Needed only for Amplitude's user-mapping reads; sent as basic auth with alias calls. Never leaves the server. */
  secretKey?: string;
  /** 'EU' for Amplitude's EU data center. */
  serverZone?: 'US' | 'EU';
  /** Override the HTTP V2 endpoint (tests and the demo use the local collector). */
  serverUrl?: string;
  /** Override the user-mapping endpoint. */
  usermapUrl?: string;
  fetch?: typeof fetch;
}

export interface ServerEventOptions {
  /** ms epoch; defaults to now. */
  time?: number;
  /** For idempotent retries; defaults to a random UUID. */
  insertId?: string;
  userProperties?: Record<string, unknown>;
  groups?: Record<string, string | string[]>;
}

export interface AmplitudeResponse {
  status: number;
  body: unknown;
}

/** Minimal shapes of Node's IncomingMessage / ServerResponse, so this module needs no Node typings. */
export interface RequestLike {
  method?: string;
  headers: Record<string, string | string[] | undefined>;
  on(event: 'data', listener: (chunk: Uint8Array | string) => void): unknown;
  on(event: 'end', listener: () => void): unknown;
  on(event: 'error', listener: (error: unknown) => void): unknown;
}
export interface ResponseLike {
  statusCode: number;
  setHeader(name: string, value: string): unknown;
  end(body?: string): unknown;
}

export interface AliasRequest {
  /** The new user ID (Segment's `alias(to)`). */
  userId: string;
  /** The previous ID (Segment's `from`, or the previous user). */
  previousId: string;
}

export interface AliasHandlerOptions {
  /**
   * Decide whether this request may merge these IDs (for example: the previous ID belongs to the signed-in
   * session). Without it every well-formed request is forwarded; mapping users cannot be undone.
   */
  authorize?: (request: RequestLike, alias: AliasRequest) => boolean | Promise<boolean>;
}

const MAX_ID_LENGTH = 1024;
/** Two IDs of MAX_ID_LENGTH fit many times over; anything bigger is not an alias request. */
const MAX_BODY_CHARS = 16384;

export function createAmplitudeServer(options: AmplitudeServerOptions) {
  const eu = options.serverZone === 'EU';
  const serverUrl =
    options.serverUrl ?? (eu ? 'https://api.eu.amplitude.com/2/httpapi' : 'https://api2.amplitude.com/2/httpapi');
  const usermapUrl =
    options.usermapUrl ?? (eu ? 'https://api.eu.amplitude.com/usermap' : 'https://api.amplitude.com/usermap');
  const doFetch = options.fetch ?? fetch;

  async function post(url: string, init: RequestInit): Promise<AmplitudeResponse> {
    const response = await doFetch(url, init);
    const text = await response.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      /* plain text answer */
    }
    return { status: response.status, body };
  }

  /** Sends raw HTTP V2 events. */
  function sendEvents(events: Record<string, unknown>[]): Promise<AmplitudeResponse> {
    return post(serverUrl, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: '*/*' },
      body: JSON.stringify({ api_key: options.apiKey, events, options: { min_id_length: 1 } }),
    });
  }

  /** One event under the visitor's device, user and session, as the browser would have sent it. */
  function track(
    identity: VisitorIdentity,
    eventType: string,
    eventProperties: Record<string, unknown> = {},
    extra: ServerEventOptions = {},
  ): Promise<AmplitudeResponse> {
    if (!identity.deviceId && !identity.userId) {
      return Promise.reject(
        new Error('segment-amplitude-shim/server: the identity has neither a device ID nor a user ID'),
      );
    }
    const event: Record<string, unknown> = {
      event_type: eventType,
      event_properties: eventProperties,
      time: extra.time ?? Date.now(),
      insert_id: extra.insertId ?? globalThis.crypto.randomUUID(),
      platform: 'Web',
      library: 'segment-amplitude-shim/server',
    };
    if (identity.deviceId) event.device_id = identity.deviceId;
    if (identity.userId) event.user_id = identity.userId;
    if (identity.sessionId) event.session_id = identity.sessionId;
    if (extra.userProperties) event.user_properties = extra.userProperties;
    if (extra.groups) event.groups = extra.groups;
    return sendEvents([event]);
  }

  /** Amplitude's user mapping: events of `previousId` count as `userId` from now on. */
  function alias(userId: string, previousId: string): Promise<AmplitudeResponse> {
    const form = new URLSearchParams({
      api_key: options.apiKey,
      mapping: JSON.stringify([{ user_id: previousId, global_user_id: userId }]),
    });
    const headers: Record<string, string> = { 'Content-Type': 'application/x-www-form-urlencoded' };
    if (options.secretKey) headers.Authorization = `Basic ${btoa(`${options.apiKey}:${options.secretKey}`)}`;
    return post(usermapUrl, { method: 'POST', headers, body: form.toString() });
  }

  /**
   * An HTTP handler for POST {userId, previousId} (what the shim's alias() sends to `aliasUrl`).
   * Answers only {ok} or {ok:false, error}: nothing from Amplitude's answer, and never a key.
   */
  function aliasHandler(handlerOptions: AliasHandlerOptions = {}) {
    return (req: RequestLike, res: ResponseLike): void => {
      const reply = (status: number, body: Record<string, unknown>) => {
        res.statusCode = status;
        res.setHeader('Content-Type', 'application/json');
        res.setHeader('Cache-Control', 'no-store');
        res.end(JSON.stringify(body));
      };
      if (req.method !== 'POST') return reply(405, { ok: false, error: 'POST only' });
      let raw = '';
      let tooLarge = false;
      req.on('data', (chunk) => {
        if (tooLarge) return;
        raw += typeof chunk === 'string' ? chunk : new TextDecoder().decode(chunk);
        if (raw.length > MAX_BODY_CHARS) {
          tooLarge = true;
          raw = '';
        }
      });
      req.on('error', () => reply(400, { ok: false, error: 'unreadable body' }));
      req.on('end', () => {
        if (tooLarge) return reply(413, { ok: false, error: 'body too large' });
        void (async () => {
          let request: AliasRequest;
          try {
            const parsed = JSON.parse(raw) as Record<string, unknown>;
            const valid = (v: unknown): v is string =>
              typeof v === 'string' && v.length > 0 && v.length <= MAX_ID_LENGTH;
            if (!valid(parsed.userId) || !valid(parsed.previousId) || parsed.userId === parsed.previousId)
              throw new Error('bad ids');
            request = { userId: parsed.userId, previousId: parsed.previousId };
          } catch {
            return reply(400, {
              ok: false,
              error: 'expected JSON {userId, previousId}, two different non-empty strings',
            });
          }
          try {
            if (handlerOptions.authorize && !(await handlerOptions.authorize(req, request)))
              return reply(403, { ok: false, error: 'not allowed' });
            const upstream = await alias(request.userId, request.previousId);
            return upstream.status >= 200 && upstream.status < 300
              ? reply(200, { ok: true })
              : reply(502, { ok: false, error: `Amplitude answered ${upstream.status}` });
          } catch {
            return reply(502, { ok: false, error: 'Amplitude could not be reached' });
          }
        })();
      });
    };
  }

  return { track, sendEvents, alias, aliasHandler, serverUrl, usermapUrl };
}
