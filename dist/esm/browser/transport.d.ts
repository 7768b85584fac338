/** The network: the outbox's transport to Amplitude (fetch, and sendBeacon at exit), and posts to the site. */
import type { Transport } from '../wire/outbox.js';
/** POSTs JSON to the site's own server (same-origin credentials), surviving a navigation that follows. */
export declare function postJson(url: string, body: unknown): Promise<boolean>;
/** The outbox's way to the wire: fetch (keepalive while small enough) and, at exit, sendBeacon. */
export declare const browserTransport: Transport;
