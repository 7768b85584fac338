/** Building blocks of Amplitude operations shared by the translation and the attribution capture. Pure. */
import type { AmplitudeOperation, Dict } from '../core/types.js';

export function identifyOperation(userProperties: Dict): AmplitudeOperation {
  return { op: 'event', event: { event_type: '$identify', user_properties: userProperties } };
}

/** The host part of a referrer URL, as amplitude-js took it (the third `/`-separated part). */
export function referringDomain(referrer: string): string | undefined {
  const parts = referrer.split('/');
  return parts.length >= 3 && parts[2] ? parts[2] : undefined;
}
