/** Amplitude (Classic): Segment's device-mode integration on amplitude-js, with the SDK's session rules. */
import type { DestinationMode } from '../mode.js';
import type { AmplitudeSettings } from './settings.js';
import { translate } from './translate.js';

export const CLASSIC_DESTINATION = 'Amplitude';

export function classicMode(settings: AmplitudeSettings): DestinationMode {
  return {
    kind: 'classic',
    name: CLASSIC_DESTINATION,
    settings,
    session: { rules: 'sdk', keptInSegmentStorage: false, restartsOnReset: true },
    userId: 'last-identify',
    translate: ({ event, referrer, now }) =>
      translate({ event, settings, referrer, timezoneOffsetMinutes: new Date(now).getTimezoneOffset() }),
  };
}
