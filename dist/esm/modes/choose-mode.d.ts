import { type AmplitudeSettings } from './classic/settings.js';
import { type ActionsSettings } from './actions/settings.js';
import type { DestinationMode, ModeKind } from './mode.js';
export interface ModeChoice {
    mode: ModeKind;
    /** The destination's name in `integrations` (routing, consent, destination middleware). */
    name: string;
    /** Classic settings the runtime runs on (in Actions mode: the rules Actions shares with it). */
    settings: AmplitudeSettings;
    /** Actions mode only. */
    actions?: ActionsSettings;
    warnings: string[];
}
export declare function chooseMode(rawIntegrations: unknown): ModeChoice;
/** The mode the runtime runs, for a choice. */
export declare function destinationMode(choice: ModeChoice): DestinationMode;
