/**
 * Segment's Amplitude (Actions) destination with its default presets, as pure translation: a Segment
 * event (already enriched with the session id, as Segment's session plugin does) plus the mode's
 * settings give Amplitude operations. Each preset's defaults are written in Segment's mapping language
 * and evaluated by mapping-kit.ts, so a site's overrides are applied field by field exactly where the
 * preset's defaults would have been. Pure: no DOM, no SDK, no clock.
 */
import type { AmplitudeOperation, SegmentEvent } from '../../core/types.js';
import type { ActionsSettings } from './settings.js';
/**
 * The session plugin's enrichment: `integrations['Actions Amplitude'].session_id`, unless the call routes
 * everything away from the destination.
 */
export declare function withSessionId(event: SegmentEvent, sessionId: number | undefined): SegmentEvent;
export declare function translateActions(event: SegmentEvent, settings: ActionsSettings): AmplitudeOperation[];
