/**
 * Segment event + destination settings -> Amplitude operations, as Segment's Amplitude (Classic)
 * destination did in device mode. Pure: no DOM, no SDK, no clock. Deliberate departures from the
 * classic integration are marked "Difference:" and listed in the README's Differences.
 */
import type { AmplitudeEvent, AmplitudeOperation, Dict, SegmentEvent } from '../../core/types.js';
import type { AmplitudeSettings } from './settings.js';
import { isNonEmptyString, isPlainObject, truncateStrings, withErrorTexts } from '../../core/values.js';
import { lookupField } from '../../core/facade.js';
import { withFacadeDates } from '../../core/facade-dates.js';
import { eventOperation, identifyOperation } from '../operations.js';
import { groupOperations, normalizeGroups, translateGroup } from './groups.js';
import { pageEventNames, referrerOperations } from './pages.js';
import { traitOperations } from './traits.js';
import {
  explicitRevenueType,
  extractRevenue,
  isOrderCompleted,
  productsOf,
  reduceProduct,
  revenueAttributes,
  revenueEvent,
} from './revenue.js';

export interface TranslationInput {
  event: SegmentEvent;
  settings: AmplitudeSettings;
  /** document.referrer when the call was made; the classic referrer identify read the page, not the event. */
  referrer: string;
  /** The page's Date#getTimezoneOffset(), for date strings with a space before the time (see facade-dates). */
  timezoneOffsetMinutes?: number;
}

export function translate({
  event: raw,
  settings,
  referrer,
  timezoneOffsetMinutes = 0,
}: TranslationInput): AmplitudeOperation[] {
  // As the classic stack's facade did before the destination saw the message. amplitude-js was handed the page's
  // own property values, so an Error went out as its text; traits it read back from Segment's JSON storage.
  const event: SegmentEvent = {
    ...raw,
    properties: withFacadeDates(withErrorTexts(raw.properties) as Dict, timezoneOffsetMinutes),
    traits: withFacadeDates(raw.traits, timezoneOffsetMinutes),
    context: withFacadeDates(raw.context, timezoneOffsetMinutes),
  };
  if (!raw.properties) delete event.properties;
  if (!raw.traits) delete event.traits;
  return stampVersion(operationsFor(event, settings, referrer), settings.versionName).map(cutLongStrings);
}

function operationsFor(event: SegmentEvent, settings: AmplitudeSettings, referrer: string): AmplitudeOperation[] {
  switch (event.type) {
    case 'identify':
      return translateIdentify(event, settings);
    case 'track': {
      const name = event.event || '';
      return isOrderCompleted(name)
        ? translateOrderCompleted(name, event, settings)
        : trackPath(name, event.properties || {}, event, settings);
    }
    case 'page':
    case 'screen':
      return translatePageOrScreen(event, settings, referrer);
    case 'group':
      return translateGroup(event, settings);
    case 'alias':
      return translateAlias(event);
    default:
      return [];
  }
}

/** amplitude-js cut every string value to 4096 characters as it uploaded it; what Segment stored stays whole. */
function cutLongStrings(op: AmplitudeOperation): AmplitudeOperation {
  if (op.op !== 'event') return op;
  const event: AmplitudeEvent = { ...op.event };
  for (const key of ['event_properties', 'user_properties', 'groups', 'group_properties'] as const) {
    const value = event[key];
    if (value !== undefined) event[key] = truncateStrings(value) as Dict;
  }
  return eventOperation(event);
}

/** alias(to, from): a user mapping, when both sides are known (no event is sent). */
function translateAlias(event: SegmentEvent): AmplitudeOperation[] {
  const { userId, previousId } = event;
  if (!isNonEmptyString(userId) || !isNonEmptyString(previousId)) return [];
  return [{ op: 'mapUser', userId, previousId }];
}

/** versionName: amplitude-js's setVersionName, which put the version on every event. */
export function stampVersion(ops: AmplitudeOperation[], versionName: string): AmplitudeOperation[] {
  if (versionName) for (const op of ops) if (op.op === 'event') op.event.app_version = versionName;
  return ops;
}

/** `integrations.Amplitude` when it is an object (the facade's options('Amplitude')), else {}. */
function amplitudeOptions(event: SegmentEvent): Dict {
  const own = event.integrations.Amplitude;
  if (isPlainObject(own)) return own;
  const fromContext = event.context.Amplitude;
  return isPlainObject(fromContext) ? fromContext : {};
}

// ---------------------------------------------------------------------------------------------- identify

function translateIdentify(event: SegmentEvent, settings: AmplitudeSettings): AmplitudeOperation[] {
  const ops: AmplitudeOperation[] = [];
  const userId = event.userId;

  const traits: Dict = { ...event.traits };
  if (isNonEmptyString(userId)) traits.id = userId;
  const search = pageSearch(event);
  // The classic integration copied the query string into traits for every mapQueryParams entry,
  // whichever side the entry named.
  for (const name of Object.keys(settings.mapQueryParams)) traits[name] = search;

  const userProperties = traitOperations(traits, settings);
  if (Object.keys(userProperties).length > 0) ops.push(identifyOperation(userProperties));

  ops.push(...groupOperations(amplitudeOptions(event).groups));
  return ops;
}

// ------------------------------------------------------------------------------------------------- track

/**
 * The classic `logEvent` path, shared by track and by every page-derived event: mapQueryParams,
 * appendFieldsToEventProps, the event with or without per-event groups, then a revenue event when the
 * properties carry revenue (any event, not only purchases) and `skipRevenue` is false.
 */
function trackPath(
  eventType: string,
  properties: Dict,
  event: SegmentEvent,
  settings: AmplitudeSettings,
  skipRevenue = false,
): AmplitudeOperation[] {
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
  if (search !== undefined && Object.keys(userSide).length > 0) ops.push(identifyOperation({ $set: userSide }));

  for (const path of Object.keys(settings.appendFieldsToEventProps)) {
    const value = lookupField(event, path);
    if (value !== undefined) props[settings.appendFieldsToEventProps[path]] = value;
  }

  const amplitudeEvent: AmplitudeEvent = { event_type: eventType, event_properties: props };
  const groups = normalizeGroups(amplitudeOptions(event).groups);
  if (groups) amplitudeEvent.groups = groups;
  ops.push(eventOperation(amplitudeEvent));

  // The revenue event's properties are the caller's, without the mapQueryParams/appendFields additions.
  if (!skipRevenue && extractRevenue(eventType, properties) !== undefined) {
    ops.push(...revenueOperation(revenueEvent(revenueAttributes(eventType, properties), settings.useLogRevenueV2)));
  }
  return ops;
}

function revenueOperation(event: AmplitudeEvent | undefined): AmplitudeOperation[] {
  return event ? [eventOperation(event)] : [];
}

// --------------------------------------------------------------------------------------- Order Completed

/**
 * The classic orderCompleted: the order event, then (unless trackProductsOnce) one "Product Purchased"
 * per product. The order's revenue is booked for the order, or per product with trackRevenuePerProduct;
 * without it, a product's own `revenue` property is booked as well.
 */
function translateOrderCompleted(name: string, event: SegmentEvent, settings: AmplitudeSettings): AmplitudeOperation[] {
  const properties = event.properties || {};
  const products = productsOf(properties);
  const perProduct = settings.trackRevenuePerProduct;

  if (settings.trackProductsOnce) {
    const reduced = products.map(reduceProduct);
    // The facade's products() is [] when there is no list, and the classic integration sent that.
    const orderProps: Dict = { ...properties, products: reduced };
    const ops = trackPath(name, orderProps, event, settings, perProduct);
    // Difference: with both settings on, the classic integration booked no revenue at all.
    if (perProduct) for (const product of reduced) ops.push(...productRevenue(product, properties, settings, false));
    return ops;
  }

  const orderProps: Dict = { ...properties };
  delete orderProps.products;
  const ops = trackPath(name, orderProps, event, settings, perProduct);
  const orderRevenue = extractRevenue(name, properties);
  const orderRevenueType = explicitRevenueType(properties);
  for (const product of products) {
    const productProps: Dict = { ...product };
    if (perProduct && product.price !== null && product.price !== undefined && product.quantity) {
      // As the classic integration did, the product event carries the order's revenueType and revenue.
      if (orderRevenueType) productProps.revenueType = orderRevenueType;
      if (orderRevenue !== undefined) productProps.revenue = orderRevenue;
      ops.push(...productRevenue(productProps, properties, settings, orderRevenue === undefined));
    }
    // Each product is logged as a track of its own: with trackRevenuePerProduct off, a product that carries a
    // `revenue` property books it after its event, as the classic integration did (its figures are the page's).
    ops.push(...trackPath('Product Purchased', productProps, event, settings, perProduct));
  }
  return ops;
}

/**
 * A product's own revenue: its price x quantity, or in V1 the product's own `revenue` as its total when the
 * order has none (V1's logRevenue took `revenue || price * quantity`).
 * Difference: the classic integration booked the *order's* revenue for each product in V1 mode, and the
 * order's revenue in place of a zero price in V2 mode; both counted the order more than once.
 */
function productRevenue(
  product: Dict,
  order: Dict,
  settings: AmplitudeSettings,
  ownRevenueCounts: boolean,
): AmplitudeOperation[] {
  const attrs = revenueAttributes('Product Purchased', product);
  attrs.revenueType = explicitRevenueType(order) || attrs.revenueType;
  if (settings.useLogRevenueV2 || !ownRevenueCounts) attrs.revenue = undefined;
  return revenueOperation(revenueEvent(attrs, settings.useLogRevenueV2));
}

// -------------------------------------------------------------------------------------------------- page

/**
 * Difference: the classic web integration had no screen method, so screen() sent nothing. Here it is
 * named the way Segment's mobile Amplitude integrations named screens ("Viewed X Screen"), governed
 * by the same page settings ("Loaded a Screen" for trackAllPages), without the page's referrer identify.
 */
function translatePageOrScreen(
  event: SegmentEvent,
  settings: AmplitudeSettings,
  referrer: string,
): AmplitudeOperation[] {
  const isPage = event.type === 'page';
  const ops = isPage && settings.trackReferrer && !settings.useAmplitudeReferral ? referrerOperations(referrer) : [];
  for (const eventType of pageEventNames(event.category, event.name, settings, isPage ? 'Page' : 'Screen'))
    ops.push(...trackPath(eventType, event.properties || {}, event, settings));
  return ops;
}

// --------------------------------------------------------------------------------------------- lookups

function pageSearch(event: SegmentEvent): string | undefined {
  const search = event.context.page?.search;
  return typeof search === 'string' ? search : undefined;
}
