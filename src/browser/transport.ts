/** The network: the outbox's transport to Amplitude (fetch, and sendBeacon at exit), and posts to the site. */
import type { Transport, WireResponse } from '../wire/wire-types.js';
import { asDict } from '../wire/endpoint-answer.js';
import { attempt } from '../core/values.js';
import { hasWindow } from './page.js';

/** POSTs JSON to the site's own server (same-origin credentials), surviving a navigation that follows. */
export function postJson(url: string, body: unknown): Promise<boolean> {
  if (!hasWindow || typeof fetch !== 'function') return Promise.resolve(false);
  try {
    return fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
      credentials: 'same-origin',
      keepalive: true,
    }).then(
      (response) => response.ok,
      () => false,
    );
  } catch {
    return Promise.resolve(false);
  }
}

/** The outbox's way to the wire: fetch (keepalive while small enough) and, at exit, sendBeacon. */
export const browserTransport: Transport = {
  post(url: string, body: string, keepalive: boolean): Promise<WireResponse | null> {
    if (!hasWindow || typeof fetch !== 'function') return Promise.resolve(null);
    try {
      return fetch(url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: '*/*' },
        body,
        keepalive,
      }).then(
        (response) =>
          response.text().then(
            (text) => ({ status: response.status, body: parseObject(text) }),
            () => ({ status: response.status, body: {} }),
          ),
        () => null,
      );
    } catch {
      return Promise.resolve(null);
    }
  },
  beacon(url: string, body: string): boolean {
    if (!hasWindow) return false;
    return attempt(() => typeof navigator.sendBeacon === 'function' && navigator.sendBeacon(url, body), false);
  },
  online(): boolean {
    return !hasWindow || attempt(() => navigator.onLine !== false, true);
  },
};

function parseObject(text: string): Record<string, unknown> {
  return asDict(attempt(() => JSON.parse(text) as unknown, undefined));
}
