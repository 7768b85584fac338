/** The wire's shapes: an event as Amplitude's HTTP API takes it, the answer, the transport, the outbox's settings. */
import type { Dict } from '../core/types.js';

export type WireEvent = Dict & { event_type: string; insert_id: string };

export interface WireResponse {
  status: number;
  body: Dict;
}

export interface Transport {
  /** Resolves null when the request failed below HTTP (offline, DNS, blocked, aborted). */
  post(url: string, body: string, keepalive: boolean): Promise<WireResponse | null>;
  /** true when the browser accepted the payload for delivery after the page is gone. */
  beacon(url: string, body: string): boolean;
  online(): boolean;
}

export interface OutboxConfig {
  apiKey: string;
  serverUrl: string;
  /** Most events in one request (halved after a 413; never over Amplitude's 2,000). */
  batchSize: number;
  /** How long a new event waits for others to share its request (and what is left after a request waits). */
  flushIntervalMs: number;
  /**
   * batchEvents off, as amplitude-js sent: a new event leaves in the next task, with whatever the same
   * hand-over brought, instead of waiting the interval (which still paces what is left after a request).
   */
  sendNewEventsAtOnce?: boolean;
  /** With batching: this many waiting events leave at once (amplitude-js's eventUploadThreshold). */
  uploadThreshold: number;
  minIdLength?: number;
  /** How long the events Amplitude names as throttled (429) wait. */
  throttleMs: number;
}

export interface DeliveryOutcome {
  code: number;
  message: string;
}

/** Browsers cap keepalive bodies at 64 KiB in flight; larger requests go without keepalive. */
export const KEEPALIVE_BODY_LIMIT = 60000;
