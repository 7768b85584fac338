/**
 * Segment's Amplitude (Actions) destination with its default presets, as pure translation: a Segment
 * event (already enriched with the session id, as Segment's session plugin does) plus the mode's
 * settings give Amplitude operations. Each preset's defaults are written in Segment's mapping language
 * and evaluated by mapping-kit.ts, so a site's overrides are applied field by field exactly where the
 * preset's defaults would have been. Pure: no DOM, no SDK, no clock.
 */
import type { AmplitudeEvent, AmplitudeOperation, Dict, SegmentEvent } from '../../core/types.js';
import { resolveMapping } from './mapping-kit.js';
import { conformPayload } from './payload-schema.js';
import { ACTIONS_DESTINATION, DEFAULTS, presetFor, type PresetName } from './presets.js';
import type { ActionsSettings } from './settings.js';
import { isNonEmptyString, isPlainObject } from '../../core/values.js';
import { eventOperation, firstAndLatest } from '../operations.js';

/** The preset's payload for an event: its defaults with the site's overrides, evaluated. */
function presetPayload(preset: PresetName, event: SegmentEvent, settings: ActionsSettings): Dict {
  const mapping: Dict = Object.assign({}, DEFAULTS[preset], settings.mappings[preset]);
  if (preset === 'Order Completed Calls' && mapping.trackRevenuePerProduct === undefined)
    mapping.trackRevenuePerProduct = settings.trackRevenuePerProduct;
  return conformPayload(resolveMapping(mapping, eventData(event)) as Dict);
}

/** The event as Segment's servers see it: JSON, with the timestamp as an ISO string. */
function eventData(event: SegmentEvent): Dict {
  return { ...event, timestamp: event.timestamp instanceof Date ? event.timestamp.toISOString() : event.timestamp };
}

/** Segment's session plugin runs on these types; screen events carry no session. */
const SESSION_TYPES = ['track', 'identify', 'group', 'page', 'alias'];

/**
 * The session plugin's enrichment: `integrations['Actions Amplitude'].session_id`, unless the call routes
 * everything away from the destination.
 */
export function withSessionId(event: SegmentEvent, sessionId: number | undefined): SegmentEvent {
  const integrations = isPlainObject(event.integrations) ? event.integrations : {};
  const own = integrations[ACTIONS_DESTINATION];
  if (sessionId === undefined || !SESSION_TYPES.includes(event.type) || (integrations.All === false && !own))
    return event;
  return {
    ...event,
    integrations: {
      ...integrations,
      [ACTIONS_DESTINATION]: { ...(isPlainObject(own) ? own : {}), session_id: sessionId },
    },
  };
}

/** The action each preset runs. */
const ACTIONS: Record<PresetName, (payload: Dict) => AmplitudeOperation[]> = {
  'Track Calls': logEvent,
  'Order Completed Calls': logPurchase,
  'Page Calls': logEvent,
  'Screen Calls': logEvent,
  'Identify Calls': identifyUser,
  'Group Calls': groupIdentifyUser,
  'Alias Calls': mapUser,
};

export function translateActions(event: SegmentEvent, settings: ActionsSettings): AmplitudeOperation[] {
  const preset = presetFor(event, settings.mappings);
  if (!preset) return [];
  const payload = presetPayload(preset, event, settings);
  const action = ACTIONS[preset];
  // Segment's schema requires an event name on the event actions: without one it sends nothing.
  if ((action === logEvent || action === logPurchase) && typeof payload.event_type !== 'string') return [];
  return action(payload);
}

/** mapUser: the user mapping (through the server hand-off), when the mapping gives both ids. */
function mapUser(payload: Dict): AmplitudeOperation[] {
  const { user_id: previousId, global_user_id: userId } = payload;
  if (!isNonEmptyString(previousId) || !isNonEmptyString(userId)) return [];
  return [{ op: 'mapUser', userId, previousId }];
}

/**
 * The fields every event carries, as Actions sends them. The identify and group presets map no event type,
 * session or event properties (and a site can map only a preset's own fields), so theirs go out as the
 * action names them, out of session.
 */
function envelope(payload: Dict, eventType = payload.event_type): AmplitudeEvent {
  const event: AmplitudeEvent = { event_type: String(eventType ?? '') };
  event.user_id = typeof payload.user_id === 'string' ? payload.user_id : null;
  if (typeof payload.device_id === 'string') event.device_id = payload.device_id;
  const time = toMillis(payload.time);
  if (time !== undefined) event.time = time;
  event.session_id = sessionIdOf(payload.session_id);
  if (payload.event_properties !== undefined)
    event.event_properties = isPlainObject(payload.event_properties) ? payload.event_properties : {};
  if (isPlainObject(payload.user_properties)) event.user_properties = { ...payload.user_properties };
  if (isPlainObject(payload.groups)) event.groups = payload.groups;
  if (typeof payload.app_version === 'string' && payload.app_version) event.app_version = payload.app_version;
  return event;
}

/** A $set / $setOnce / $add object counts when one of its values is not an empty string (empty ones are then kept). */
function hasValue(obj: unknown): obj is Dict {
  return isPlainObject(obj) && Object.keys(obj).some((k) => obj[k] !== '');
}

function logEvent(payload: Dict): AmplitudeOperation[] {
  const event = envelope(payload);
  for (const [name, key] of [
    ['$setOnce', 'setOnce'],
    ['$set', 'setAlways'],
    ['$add', 'add'],
  ] as const) {
    const value = payload[key];
    if (hasValue(value)) event.user_properties = { ...event.user_properties, [name]: value };
  }
  return [eventOperation(event)];
}

/** utm_properties and referrer as user-property operations (merged over the payload's own). */
function withAttribution(base: Dict | undefined, payload: Dict): Dict | undefined {
  const values: Dict = { ...(isPlainObject(payload.utm_properties) ? payload.utm_properties : {}) };
  if (payload.referrer) values.referrer = payload.referrer;
  if (Object.keys(values).length === 0) return base;
  const added = firstAndLatest(values);
  const merged: Dict = { ...base };
  for (const key of ['$set', '$setOnce'] as const)
    merged[key] = { ...(isPlainObject(merged[key]) ? merged[key] : {}), ...added[key] };
  return merged;
}

/** Actions' revenue rule: price × quantity when both are numbers, else `revenue`; nothing when falsy. */
function revenueFields(source: Dict): Partial<AmplitudeEvent> {
  let revenue = source.revenue;
  if (typeof source.quantity === 'number' && typeof source.price === 'number') revenue = source.quantity * source.price;
  if (!revenue || typeof revenue !== 'number') return {};
  const out: Partial<AmplitudeEvent> = {
    revenue,
    revenueType: typeof source.revenueType === 'string' ? source.revenueType : 'Purchase',
  };
  if (typeof source.quantity === 'number') out.quantity = Math.round(source.quantity);
  if (typeof source.price === 'number') out.price = source.price;
  if (typeof source.productId === 'string') out.productId = source.productId;
  return out;
}

function logPurchase(payload: Dict): AmplitudeOperation[] {
  const order = envelope(payload);
  const userProperties = withAttribution(order.user_properties, payload);
  if (userProperties) order.user_properties = userProperties;
  const products = Array.isArray(payload.products) ? payload.products.filter(isPlainObject) : [];
  const perProduct = payload.trackRevenuePerProduct === true;
  // What each product event shares with the order: all but the order's revenue.
  const shared: AmplitudeEvent = { ...order };
  if (!products.length || !perProduct) Object.assign(order, revenueFields(payload));
  const ops = [eventOperation(order)];
  for (const product of products) {
    ops.push(
      eventOperation({
        ...shared,
        ...(perProduct ? revenueFields(product) : {}),
        event_properties: product,
        event_type: 'Product Purchased',
      }),
    );
  }
  return ops;
}

function identifyUser(payload: Dict): AmplitudeOperation[] {
  const traits = isPlainObject(payload.user_properties) ? payload.user_properties : {};
  const merged = withAttribution({ $set: { ...traits } }, payload) as Dict;
  const event = envelope(payload, '$identify');
  event.user_properties = merged;
  return [eventOperation(event)];
}

function groupIdentifyUser(payload: Dict): AmplitudeOperation[] {
  const type = payload.group_type;
  const value = payload.group_value;
  if (typeof type !== 'string' || !type || (typeof value !== 'string' && typeof value !== 'number')) return [];
  const association = { [type]: String(value) };
  const ops: AmplitudeOperation[] = [];
  if (payload.user_id || payload.device_id) {
    const identify = envelope(payload, '$identify');
    identify.groups = association;
    identify.user_properties = { $set: association };
    ops.push(eventOperation(identify));
  }
  const groupIdentify = envelope(payload, '$groupidentify');
  groupIdentify.groups = association;
  groupIdentify.group_properties = { $set: isPlainObject(payload.group_properties) ? payload.group_properties : {} };
  ops.push(eventOperation(groupIdentify));
  return ops;
}

function toMillis(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string') {
    const ms = Date.parse(value);
    return Number.isNaN(ms) ? undefined : ms;
  }
  return undefined;
}

/**
 * Actions' rule: a numeric string is the id itself; anything else is read as a date. Without a positive one
 * Actions sends none, which Amplitude stores as -1 (out of session).
 */
function sessionIdOf(value: unknown): number {
  if (typeof value === 'string' && /^\d+$/.test(value)) return Number(value);
  const ms = toMillis(value);
  return ms !== undefined && ms > 0 ? ms : -1;
}
