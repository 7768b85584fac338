/** Building blocks of Amplitude operations shared by the translations and the attribution capture. Pure. */
import type { AmplitudeEvent, AmplitudeOperation, Dict } from '../core/types.js';

export function eventOperation(event: AmplitudeEvent): AmplitudeOperation {
  return { op: 'event', event };
}

export function identifyOperation(userProperties: Dict): AmplitudeOperation {
  return eventOperation({ event_type: '$identify', user_properties: userProperties });
}

/** Referrer and campaign values as both destinations record them: `$setOnce initial_<key>` and `$set <key>`. */
export function firstAndLatest(values: Dict): { $setOnce: Dict; $set: Dict } {
  const setOnce: Dict = {};
  const set: Dict = {};
  for (const key of Object.keys(values)) {
    setOnce[`initial_${key}`] = values[key];
    set[key] = values[key];
  }
  return { $setOnce: setOnce, $set: set };
}

/**
 * The classic identify of referrer or campaign values: every non-empty text that `accept` takes, first and latest;
 * nothing when none is left.
 */
export function firstAndLatestIdentify(
  values: Dict,
  accept: (key: string, value: string) => boolean = () => true,
): AmplitudeOperation[] {
  const kept: Dict = {};
  for (const key of Object.keys(values)) {
    const value = values[key];
    if (typeof value === 'string' && value !== '' && accept(key, value)) kept[key] = value;
  }
  return Object.keys(kept).length > 0 ? [identifyOperation(firstAndLatest(kept))] : [];
}

/** A referrer and its host, as amplitude-js took it (the third `/`-separated part), when it has one. */
export function referrerValues(referrer: string): Dict {
  return { referrer, referring_domain: referrer.split('/')[2] || undefined };
}
