/**
 * Identify traits as Amplitude user-property operations, the way the classic integration's setTraits built its
 * amplitude-js Identify from the traitsToIncrement and traitsToSetOnce settings. Pure.
 */
import type { Dict } from '../../core/types.js';
import { wasFacadeDate } from '../../core/facade-dates.js';
import type { AmplitudeSettings } from './settings.js';

/**
 * Builds `$set` / `$setOnce` / `$add` as the classic setTraits did: a trait to increment and set once is added
 * when it can be, and set once only when it cannot; any other trait is set.
 */
export function traitOperations(
  traits: Dict,
  settings: Pick<AmplitudeSettings, 'traitsToIncrement' | 'traitsToSetOnce'>,
): Dict {
  const ops: Record<'$set' | '$setOnce' | '$add', Dict> = { $set: {}, $setOnce: {}, $add: {} };
  for (const key of Object.keys(traits)) {
    const value = traits[key];
    if (value === undefined) continue;
    const increment = settings.traitsToIncrement.includes(key);
    const setOnce = settings.traitsToSetOnce.includes(key);
    if (increment && canAdd(value)) ops.$add[key] = value;
    else if (setOnce) ops.$setOnce[key] = value;
    else if (!increment) ops.$set[key] = value;
  }
  for (const k of Object.keys(ops) as Array<keyof typeof ops>) if (Object.keys(ops[k]).length === 0) delete ops[k];
  return ops;
}

/**
 * amplitude-js's Identify.add took a number or a text and refused anything else, NaN and Dates included; the
 * facade had made every date string a Date.
 */
function canAdd(value: unknown): boolean {
  if (typeof value === 'number') return !Number.isNaN(value);
  return typeof value === 'string' && !wasFacadeDate(value);
}
