/**
 * Takes over Segment's snippet: finds the key and load options it recorded, upgrades the stub array in
 * place, replays the calls queued before load in true call order, and wires page-exit delivery.
 */
import type { Dict } from '../core/types.js';
import { AnalyticsCore } from '../runtime/analytics.js';
export interface InstallResult {
    analytics: Dict;
    core: AnalyticsCore | undefined;
}
export declare function install(win?: Dict): InstallResult;
/**
 * The Amplitude API key, in Segment's order: window.analyticsWriteKey, the snippet's `_writeKey`
 * (every snippet since 4.13.2), then a script URL: `…/analytics.js/v1/<KEY>/…` or `?apiKey=<KEY>`.
 */
export declare function findWriteKey(target: Dict, win: Dict): string | undefined;
export declare function writeKeyFromUrl(src: string): string | undefined;
