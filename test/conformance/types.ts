// The sequence format and a run's result, as docs/conformance.md describes them.
import type { Dict } from '../../src/core/types';

export type CallMethod = 'identify' | 'track' | 'page' | 'group' | 'alias' | 'reset';

export interface Call {
  method: CallMethod;
  /** Encoded arguments (see sequence.mjs). */
  args: unknown[];
}

export interface Sequence {
  id: string;
  mode: 'classic' | 'actions';
  settings: Dict;
  page: { url: string; referrer: string; title: string };
  startTime: number;
  anonymousId: string;
  calls: Call[];
}

/** One event Amplitude received, and the URL path it was posted to. */
export interface Payload {
  endpoint: string;
  event: Dict;
}
