/**
 * The fields the SDK's context plugin would add, added here at hand-over so an event is complete (and
 * can be beaconed) the moment the shim hands it over, with no timeline tick in between. Pure.
 */
import type { AmplitudeEvent } from '../core/types.js';
import type { WireEvent } from './wire-types.js';

export interface EventStamp {
  userId: string | null | undefined;
  deviceId: string;
  /** The Segment call's time, not the hand-over time. */
  time: number;
  insertId: string;
}

export interface SessionStamp {
  sessionId: number | undefined;
  eventId: number;
}

export interface EnvelopeFacts {
  library: string;
  userAgent?: string;
  language?: string;
  appVersion?: string;
  /** The SDK's trackingOptions: platform, language and IP can each be turned off. */
  platform: boolean;
  ipAddress: boolean;
  sourceName: string;
  sourceVersion: string;
}

/** The envelope's constant fields, from the page's raw SDK options (as the SDK would read them). */
export function envelopeFacts(
  sdkOptions: Record<string, unknown>,
  nav: { userAgent?: string; language?: string } | undefined,
  library: string,
  source: { name: string; version: string },
): EnvelopeFacts {
  const tracking = (
    sdkOptions.trackingOptions && typeof sdkOptions.trackingOptions === 'object' ? sdkOptions.trackingOptions : {}
  ) as Record<string, unknown>;
  return {
    library,
    userAgent: nav?.userAgent,
    language: tracking.language === false ? undefined : nav?.language,
    appVersion: typeof sdkOptions.appVersion === 'string' && sdkOptions.appVersion ? sdkOptions.appVersion : undefined,
    platform: tracking.platform !== false,
    ipAddress: tracking.ipAddress !== false,
    sourceName: source.name,
    sourceVersion: source.version,
  };
}

export function wireEvent(
  event: AmplitudeEvent,
  stamp: EventStamp,
  session: SessionStamp,
  facts: EnvelopeFacts,
): WireEvent {
  const wire: WireEvent = {
    device_id: stamp.deviceId,
    session_id: session.sessionId,
    time: stamp.time,
    insert_id: stamp.insertId,
    ingestion_metadata: { source_name: facts.sourceName, source_version: facts.sourceVersion },
    ...event,
    event_id: session.eventId,
    library: facts.library,
  };
  if (stamp.userId && wire.user_id === undefined) wire.user_id = stamp.userId;
  if (facts.appVersion && wire.app_version === undefined) wire.app_version = facts.appVersion;
  if (facts.platform) wire.platform = 'Web';
  if (facts.language) wire.language = facts.language;
  if (facts.ipAddress) wire.ip = '$remote';
  if (facts.userAgent) wire.user_agent = facts.userAgent;
  return wire;
}
