/**
 * Amplitude groups the way the classic integration set them through amplitude-js's setGroup: per-call
 * `integrations.Amplitude.groups`, and group() calls through the groupTypeTrait / groupValueTrait settings.
 */
import type { AmplitudeOperation, Dict, SegmentEvent } from '../../core/types.js';
import type { AmplitudeSettings } from './settings.js';
import { isNonEmptyString, isPlainObject } from '../../core/values.js';

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
function setGroup(type: string, value: string | string[], property: unknown = value): AmplitudeOperation {
  return {
    op: 'event',
    event: { event_type: '$identify', user_properties: { $set: { [type]: property } }, groups: { [type]: value } },
  };
}

function userPropertyValue(value: unknown): unknown {
  return Array.isArray(value) ? value.filter(isScalar) : value;
}

/** Group values as amplitude-js accepted them: strings or arrays of strings; scalars become strings. */
export function normalizeGroups(groups: unknown): Record<string, string | string[]> | undefined {
  if (!isPlainObject(groups)) return undefined;
  const out: Record<string, string | string[]> = {};
  for (const type of Object.keys(groups)) {
    if (!type) continue;
    const value = groups[type];
    if (Array.isArray(value)) {
      const items = value.filter(isScalar).map(String);
      if (items.length > 0) out[type] = items;
    } else if (isScalar(value)) {
      out[type] = String(value);
    }
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

function isScalar(value: unknown): value is string | number | boolean {
  return (
    typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value)) || typeof value === 'boolean'
  );
}

/** group(): the group type and value traits named by the settings, else `[Segment] Group` = groupId. */
export function translateGroup(event: SegmentEvent, settings: AmplitudeSettings): AmplitudeOperation[] {
  const traits: Dict = { ...(event.traits ?? {}) };
  if (isNonEmptyString(event.groupId)) traits.id = event.groupId;
  const type = settings.groupTypeTrait ? traits[settings.groupTypeTrait] : undefined;
  const value = settings.groupValueTrait ? traits[settings.groupValueTrait] : undefined;
  if (type && value && isScalar(type)) {
    const ops = groupOperations({ [String(type)]: value });
    if (ops.length > 0) return ops;
  }
  if (isNonEmptyString(event.groupId)) return [setGroup('[Segment] Group', event.groupId)];
  return [];
}
