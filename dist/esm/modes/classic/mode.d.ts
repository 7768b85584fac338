/** Amplitude (Classic): Segment's device-mode integration on amplitude-js, with the SDK's session rules. */
import type { DestinationMode } from '../mode.js';
import type { AmplitudeSettings } from './settings.js';
export declare const CLASSIC_DESTINATION = "Amplitude";
export declare function classicMode(settings: AmplitudeSettings): DestinationMode;
