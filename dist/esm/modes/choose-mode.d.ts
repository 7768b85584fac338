import { type AmplitudeSettings } from './classic/settings.js';
import { type ActionsSettings } from './actions/translate.js';
export declare const CLASSIC_DESTINATION = "Amplitude";
export type DestinationMode = 'classic' | 'actions';
export interface ModeChoice {
    mode: DestinationMode;
    /** The destination's name in `integrations` (routing, consent, destination middleware). */
    name: string;
    /** Classic settings the runtime runs on (in Actions mode: the rules Actions shares with it). */
    settings: AmplitudeSettings;
    /** Actions mode only. */
    actions?: ActionsSettings;
    warnings: string[];
}
export declare function chooseMode(rawIntegrations: unknown): ModeChoice;
