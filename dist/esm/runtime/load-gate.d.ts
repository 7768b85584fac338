/**
 * The load gate: before any storage is read or written, the page's consent hooks answer whether this
 * page may send and store. `updateCDNSettings`, then `disable(cdnSettings)`, run as analytics-next runs
 * them; load-level routing and the browser's Global Privacy Control are weighed beside them. A hook that
 * fails cannot grant consent. The decisions themselves are pure (core/consent.ts).
 */
import type { Dict } from '../core/types.js';
import { type GateOutcome } from '../core/consent.js';
type Warn = (message: string, dropped: boolean) => void;
/** The page's answer now, or a promise of it when its `disable` hook answers later. */
export declare function askLoadGate(options: Dict, gpcSignal: unknown, warn: Warn): GateOutcome | Promise<GateOutcome>;
export {};
