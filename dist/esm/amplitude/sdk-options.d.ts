/**
 * The options the shim initializes @amplitude/analytics-browser with. Pure, so the mapping from
 * Segment's settings (and the page's raw SDK options) is tested without the SDK.
 */
import type { Dict } from '../core/types.js';
import type { AmplitudeSettings } from '../modes/classic/settings.js';
import type { OutboxConfig } from '../wire/outbox.js';
export interface AdapterInit {
    apiKey: string;
    deviceId: string;
    userId: string | null;
    /** The session the shim decided for this page (the SDK adopts it rather than deciding again). */
    sessionId?: number;
    settings: AmplitudeSettings;
    /** Raw SDK options from the load options' `amplitude` key. */
    sdkOptions: Dict;
    /** The page is served over https: Amplitude's identity cookie is then written Secure. */
    https: boolean;
    /** false: the SDK keeps identity in memory (no AMP_ cookie) and leaves legacy cookies alone. */
    clientPersistence?: boolean;
    warn: (message: string) => void;
}
export declare function sdkInitOptions(options: Omit<AdapterInit, 'apiKey'>): Dict;
/**
 * How the outbox sends, from the destination settings and the page's raw SDK options, with the
 * SDK's own defaults and rules (serverUrl wins over serverZone; useBatch picks the batch endpoint).
 */
export declare function outboxConfig(apiKey: string, settings: AmplitudeSettings, sdkOptions: Dict): OutboxConfig;
