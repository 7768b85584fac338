/**
 * What a destination mode is: everything that differs between reproducing Segment's Amplitude (Classic)
 * destination and Amplitude (Actions). The runtime asks the mode and never compares mode names, so a third
 * mode is one more folder beside classic/ and actions/ that implements this. Pure.
 */
import type { AmplitudeOperation, SegmentEvent } from '../core/types.js';
import type { AmplitudeSettings } from './classic/settings.js';

export type ModeKind = 'classic' | 'actions';

/** One event's translation, with what it needs from the moment it is handed over. */
interface TranslationInput {
  event: SegmentEvent;
  /** The page's referrer when the call was made. */
  referrer: string;
  /** The Amplitude session in force at hand-over. */
  sessionId: number | undefined;
  /** Hand-over time (ms), for the timezone rules of date values. */
  now: number;
}

export interface DestinationMode {
  readonly kind: ModeKind;
  /** The destination's name in `integrations`: routing, consent and destination middleware use it. */
  readonly name: string;
  /** The shared rules the runtime runs on (device ID, attribution, consent, GPC). */
  readonly settings: AmplitudeSettings;
  /** Whose session rules apply, and where the session is kept besides Amplitude's cookie. */
  readonly session: {
    /** 'sdk': stale once the timeout has passed; 'segment-plugin': stale once it has been reached. */
    rules: 'sdk' | 'segment-plugin';
    /** Segment's session plugin keys are read at load and kept current, so a switch back continues the session. */
    keptInSegmentStorage: boolean;
    /** reset() starts a new session (Amplitude's SDK does; Segment's session plugin does not). */
    restartsOnReset: boolean;
  };
  /**
   * Whose user ID an event goes out with. 'event': the Segment event's (Actions). 'last-identify': the ID of the last
   * identify that reached Amplitude, starting from the one stored at load and cleared by reset() (Classic: the
   * integration called amplitude-js's setUserId only on an identify routed to it, and amplitude-js stamped that ID).
   */
  readonly userId: 'event' | 'last-identify';
  /**
   * What the destination's Segment-side plugins add to an event before the page's own plugins see it
   * (Actions: the session plugin's `integrations['Actions Amplitude'].session_id`); absent: nothing.
   */
  beforePlugins?(event: SegmentEvent, sessionId: number): SegmentEvent;
  /** A Segment event to Amplitude operations; `debug` explains an event that produces nothing. */
  translate(input: TranslationInput, debug: (message: string) => void): AmplitudeOperation[];
}
