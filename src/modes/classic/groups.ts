/**
 * Amplitude groups the way the classic integration set them through amplitude-js's setGroup: per-call
 * `integrations.Amplitude.groups`, and group() calls through the groupTypeTrait / groupValueTrait settings.
 */
import type { AmplitudeOperation, Dict, SegmentEvent } from '../../core/types.js';
import type { AmplitudeSettings } from './settings.js';
import { isNonEmptyString, isPlainObject } from '../../core/values.js';
import { eventOperation } from '../operations.js';

/** `integrations.Amplitude.groups` -> one setGroup (`$identify` with groups) per group type. */
export function groupOperations(groups: unknown): AmplitudeOperation[] {
  const normalized = normalizeGroups(groups);
  if (!normalized) return [];
  const given = groups as Dict;
  return Object.keys(normalized).map((type) => setGroup(type, normalized[type], userPropertyValue(given[type])));
}

/**
 * amplitude-js's setGroup made the name a string for `groups` only; the user property it set alongside kept
 * the value as given, so a chart on that property sees the number the page sent.
 */
function setGroup(type: string, value: string | string[] | undefined, property: unknown = value): AmplitudeOperation {
  return eventOperation({
    event_type: '$identify',
    user_properties: { $set: { [type]: property } },
    groups: value === undefined ? {} : { [type]: value },
  });
}

function userPropertyValue(value: unknown): unknown {
  return Array.isArray(value) ? value.filter(isScalar) : value;
}

/** Group values as amplitude-js accepted them: strings or arrays of strings; scalars become strings. */
export function normalizeGroups(groups: unknown): Record<string, string | string[]> | undefined {
  if (!isPlainObject(groups)) return undefined;
  const out: Record<string, string | string[]> = {};
  for (const type of Object.keys(groups)) {
    const name = groupName(groups[type]);
    // A list without one usable name names no group.
    if (type && name !== undefined && (typeof name === 'string' || name.length > 0)) out[type] = name;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

function isScalar(value: unknown): value is string | number | boolean {
  return (
    typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value)) || typeof value === 'boolean'
  );
}

/**
 * group(): the classic code read the traits named by groupTypeTrait / groupValueTrait exactly as set, so an
 * empty setting (the catalog's default) reads a trait named "". When both were truthy it called setGroup with
 * them and nothing else, and amplitude-js refused a type that is not text; only otherwise did it fall back to
 * `[Segment] Group` = groupId.
 */
export function translateGroup(event: SegmentEvent, settings: AmplitudeSettings): AmplitudeOperation[] {
  const traits: Dict = { ...event.traits };
  if (isNonEmptyString(event.groupId)) traits.id = event.groupId;
  const type = traits[settings.groupTypeTrait];
  const value = traits[settings.groupValueTrait];
  if (type && value)
    return typeof type === 'string' ? [setGroup(type, groupName(value), userPropertyValue(value))] : [];
  if (isNonEmptyString(event.groupId)) return [setGroup('[Segment] Group', event.groupId)];
  return [];
}

/** amplitude-js's check of one group name: text kept, scalars as text, arrays of them; anything else none. */
function groupName(value: unknown): string | string[] | undefined {
  if (Array.isArray(value)) return value.filter(isScalar).map(String);
  return isScalar(value) ? String(value) : undefined;
}
