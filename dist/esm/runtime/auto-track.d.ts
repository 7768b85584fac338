/** trackLink / trackForm, with analytics-next's semantics (navigation waits for the track or the timeout). */
import type { Dict } from '../core/types.js';
import { type Clock } from './clock.js';
type TrackFn = (event: unknown, properties: unknown, options: Dict) => Promise<unknown>;
interface AutoTrackDeps {
    track: TrackFn;
    timeout: () => number;
    clock: Clock;
    navigate: (href: string) => void;
    warn: (call: string, message: string) => void;
}
export declare function trackLink(deps: AutoTrackDeps, call: string, links: unknown, event: unknown, properties?: unknown, options?: unknown): void;
export declare function trackForm(deps: AutoTrackDeps, call: string, forms: unknown, event: unknown, properties?: unknown, options?: unknown): void;
export {};
