/**
 * Segment event + destination settings -> Amplitude operations, as Segment's Amplitude (Classic)
 * destination did in device mode. Pure: no DOM, no SDK, no clock. Deliberate departures from the
 * classic integration are marked "Difference:" and listed in the README.
 */
import type { AmplitudeEvent, AmplitudeOperation, Dict, SegmentEvent } from './types';
import type { AmplitudeSettings } from './settings';
import { isNonEmptyString, isPlainObject } from './values';

export interface TranslationInput {
  event: SegmentEvent;
  settings: AmplitudeSettings;
  /** document.referrer when the call was made; the classic referrer identify read the page, not the event. */
  referrer: string;
}

export function translate({ event, settings, referrer }: TranslationInput): AmplitudeOperation[] {
  let ops: AmplitudeOperation[];
  switch (event.type) {
    case 'identify':
      ops = translateIdentify(event, settings);
      break;
    case 'track':
      ops = trackPath(event.event ?? '', event.properties ?? {}, event, settings);
      break;
    case 'page':
      ops = translatePage(event, settings, referrer);
      break;
    case 'screen':
      ops = translateScreen(event, settings);
      break;
    case 'group':
      ops = translateGroup(event, settings);
      break;
    default:
      ops = [];
  }
  if (settings.versionName) {
    for (const op of ops) if (op.op === 'event') op.event.app_version = settings.versionName;
  }
  return ops;
}

/** `integrations.Amplitude` when it is an object (the facade's options('Amplitude')), else {}. */
export function amplitudeOptions(event: SegmentEvent): Dict {
  const own = event.integrations.Amplitude;
  if (isPlainObject(own)) return own;
  const fromContext = event.context.Amplitude;
  return isPlainObject(fromContext) ? fromContext : {};
}

// ---------------------------------------------------------------------------------------------- identify

function translateIdentify(event: SegmentEvent, settings: AmplitudeSettings): AmplitudeOperation[] {
  const ops: AmplitudeOperation[] = [];
  const userId = event.userId;
  if (isNonEmptyString(userId)) ops.push({ op: 'setUserId', userId });

  const traits: Dict = { ...(event.traits ?? {}) };
  if (isNonEmptyString(userId)) traits.id = userId;
  const search = pageSearch(event);
  // The classic integration copied the query string into traits for every mapQueryParams entry,
  // whichever side the entry named.
  for (const name of Object.keys(settings.mapQueryParams)) traits[name] = search;

  const userProperties = traitOperations(traits, settings);
  if (Object.keys(userProperties).length > 0) ops.push(identifyEvent(userProperties));

  ops.push(...groupOperations(amplitudeOptions(event).groups));
  return ops;
}

/** Builds `$set` / `$setOnce` / `$add`; one operation per trait, and increment beats set-once. */
export function traitOperations(traits: Dict, settings: Pick<AmplitudeSettings, 'traitsToIncrement' | 'traitsToSetOnce'>): Dict {
  const ops: Record<'$set' | '$setOnce' | '$add', Dict> = { $set: {}, $setOnce: {}, $add: {} };
  for (const key of Object.keys(traits)) {
    const value = traits[key];
    if (value === undefined) continue;
    if (settings.traitsToIncrement.includes(key)) {
      // Amplitude's $add takes numbers; amplitude-js also accepted numeric strings.
      if (typeof value === 'number' || typeof value === 'string') ops.$add[key] = value;
    } else if (settings.traitsToSetOnce.includes(key)) {
      ops.$setOnce[key] = value;
    } else {
      ops.$set[key] = value;
    }
  }
  const out: Dict = {};
  for (const k of ['$set', '$setOnce', '$add'] as const) if (Object.keys(ops[k]).length > 0) out[k] = ops[k];
  return out;
}

function identifyEvent(userProperties: Dict): AmplitudeOperation {
  return { op: 'event', event: { event_type: '$identify', user_properties: userProperties } };
}

/** `integrations.Amplitude.groups` -> one setGroup (`$identify` with groups) per group type. */
function groupOperations(groups: unknown): AmplitudeOperation[] {
  const normalized = normalizeGroups(groups);
  if (!normalized) return [];
  return Object.keys(normalized).map((type) => setGroup(type, normalized[type]));
}

function setGroup(type: string, value: string | string[]): AmplitudeOperation {
  return {
    op: 'event',
    event: { event_type: '$identify', user_properties: { $set: { [type]: value } }, groups: { [type]: value } },
  };
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
  return typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value)) || typeof value === 'boolean';
}

// ------------------------------------------------------------------------------------------------- track

/**
 * The classic `logEvent` path, shared by track and by every page-derived event: mapQueryParams,
 * appendFieldsToEventProps, then the event with or without per-event groups.
 */
function trackPath(eventType: string, properties: Dict, event: SegmentEvent, settings: AmplitudeSettings): AmplitudeOperation[] {
  const ops: AmplitudeOperation[] = [];
  const props: Dict = { ...properties };

  const search = pageSearch(event);
  const userSide: Dict = {};
  for (const name of Object.keys(settings.mapQueryParams)) {
    if (settings.mapQueryParams[name] === 'user_properties') userSide[name] = search;
    else props[name] = search;
  }
  // Difference: the classic integration sent the user side only when the *last* entry named
  // user_properties, silently dropping it in mixed configurations. It is always sent here.
  if (Object.keys(userSide).some((k) => userSide[k] !== undefined)) {
    ops.push(identifyEvent({ $set: userSide }));
  }

  for (const path of Object.keys(settings.appendFieldsToEventProps)) {
    const value = lookupField(event, path);
    if (value !== undefined) props[settings.appendFieldsToEventProps[path]] = value;
  }

  const amplitudeEvent: AmplitudeEvent = { event_type: eventType, event_properties: props };
  const groups = normalizeGroups(amplitudeOptions(event).groups);
  if (groups) amplitudeEvent.groups = groups;
  ops.push({ op: 'event', event: amplitudeEvent });
  return ops;
}

// -------------------------------------------------------------------------------------------------- page

function translatePage(event: SegmentEvent, settings: AmplitudeSettings, referrer: string): AmplitudeOperation[] {
  const ops: AmplitudeOperation[] = [];
  if (settings.trackReferrer && !settings.useAmplitudeReferral) ops.push(...referrerOperations(referrer));
  for (const eventType of pageEventNames(event.category, event.name, settings, 'Page')) {
    ops.push(...trackPath(eventType, event.properties ?? {}, event, settings));
  }
  return ops;
}

/**
 * Difference: the classic web integration had no screen method, so screen() sent nothing. Here it is
 * named the way Segment's mobile Amplitude integrations named screens ("Viewed X Screen"), governed
 * by the same page settings ("Loaded a Screen" for trackAllPages).
 */
function translateScreen(event: SegmentEvent, settings: AmplitudeSettings): AmplitudeOperation[] {
  const ops: AmplitudeOperation[] = [];
  for (const eventType of pageEventNames(event.category, event.name, settings, 'Screen')) {
    ops.push(...trackPath(eventType, event.properties ?? {}, event, settings));
  }
  return ops;
}

/** Loaded a Page, Viewed {category} Page, Viewed {full name} Page: in that order, each if enabled. */
export function pageEventNames(
  category: string | null | undefined,
  name: string | null | undefined,
  settings: Pick<AmplitudeSettings, 'trackAllPages' | 'trackCategorizedPages' | 'trackNamedPages'>,
  noun: 'Page' | 'Screen' = 'Page',
): string[] {
  const names: string[] = [];
  const fullName = category && name ? `${category} ${name}` : name;
  if (settings.trackAllPages) names.push(`Loaded a ${noun}`);
  if (category && settings.trackCategorizedPages) names.push(`Viewed ${category} ${noun}`);
  if (fullName && settings.trackNamedPages) names.push(`Viewed ${fullName} ${noun}`);
  return names;
}

/** The per-page referrer identify of `trackReferrer`. */
export function referrerOperations(referrer: string): AmplitudeOperation[] {
  if (!referrer) return [];
  const setOnce: Dict = { initial_referrer: referrer };
  const set: Dict = { referrer };
  const parts = referrer.split('/');
  if (parts.length >= 3 && parts[2]) {
    setOnce.initial_referring_domain = parts[2];
    set.referring_domain = parts[2];
  }
  return [identifyEvent({ $setOnce: setOnce, $set: set })];
}

// ------------------------------------------------------------------------------------------------- group

function translateGroup(event: SegmentEvent, settings: AmplitudeSettings): AmplitudeOperation[] {
  const traits: Dict = { ...(event.traits ?? {}) };
  if (isNonEmptyString(event.groupId)) traits.id = event.groupId;
  const type = settings.groupTypeTrait ? traits[settings.groupTypeTrait] : undefined;
  const value = settings.groupValueTrait ? traits[settings.groupValueTrait] : undefined;
  if (type && value && isScalar(type)) {
    const groups = normalizeGroups({ [String(type)]: value });
    if (groups) return groupOperations(groups);
  }
  if (isNonEmptyString(event.groupId)) return [setGroup('[Segment] Group', event.groupId)];
  return [];
}

// --------------------------------------------------------------------------------------------- lookups

function pageSearch(event: SegmentEvent): string | undefined {
  const search = event.context.page?.search;
  return typeof search === 'string' ? search : undefined;
}

/** obj-case comparison: keys match after dropping non-alphanumerics and lowercasing. */
export function objCaseKey(key: string): string {
  return key.replace(/[^a-zA-Z0-9]/g, '').toLowerCase();
}

export function objCaseGet(obj: unknown, key: string): unknown {
  if (!obj || typeof obj !== 'object') return undefined;
  const record = obj as Dict;
  if (Object.prototype.hasOwnProperty.call(record, key)) return record[key];
  const wanted = objCaseKey(key);
  for (const k of Object.keys(record)) if (objCaseKey(k) === wanted) return record[k];
  return undefined;
}

/**
 * The facade's `proxy(path)`: the first segment names a facade accessor (context, properties, traits,
 * or a top-level field), the rest is an obj-case path.
 */
export function lookupField(event: SegmentEvent, path: string): unknown {
  const [head, ...rest] = path.split('.');
  let node: unknown;
  switch (head) {
    case 'context':
    case 'options':
      node = event.context;
      break;
    case 'properties':
      node = event.properties;
      break;
    case 'traits':
      node = event.traits ?? event.context.traits;
      break;
    default:
      node = objCaseGet(event, head);
  }
  for (const part of rest) node = objCaseGet(node, part);
  return node;
}
