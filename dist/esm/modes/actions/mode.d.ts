/**
 * Amplitude (Actions): Segment's presets on Segment's servers, fed by its session plugin. The plugin's
 * enrichment (`integrations['Actions Amplitude'].session_id`) is applied at hand-over, with the session
 * in force then, exactly where the plugin would have added it.
 */
import type { DestinationMode } from '../mode.js';
import type { AmplitudeSettings } from '../classic/settings.js';
import type { ActionsSettings } from './settings.js';
export declare function actionsMode(actions: ActionsSettings, settings: AmplitudeSettings): DestinationMode;
