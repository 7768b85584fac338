/**
 * The Amplitude (Actions) destination's default presets, written in Segment's mapping language: which
 * preset an event triggers, and the fields each preset maps by default. A site's overrides replace
 * these field by field (see settings.ts). Pure.
 */
import type { Dict, SegmentEvent } from '../../core/types.js';
import { firstAndLatest } from '../operations.js';

/** The destination's name in Segment's `integrations` object, and the key that selects this mode. */
export const ACTIONS_DESTINATION = 'Actions Amplitude';

/** The presets; DEFAULTS below lists them in the order warnings name them. */
export type PresetName =
  | 'Track Calls'
  | 'Order Completed Calls'
  | 'Page Calls'
  | 'Screen Calls'
  | 'Identify Calls'
  | 'Group Calls'
  | 'Alias Calls';

const path = (p: string) => ({ '@path': p });
const campaign = (field: string) => path(`$.context.campaign.${field}`);
const REFERRER = path('$.context.page.referrer');
const UTM_PROPERTIES: Dict = {
  utm_source: campaign('source'),
  utm_medium: campaign('medium'),
  utm_campaign: campaign('name'),
  utm_term: campaign('term'),
  utm_content: campaign('content'),
};

/** Who and when, on every action. */
const IDENTITY_FIELDS: Dict = {
  user_id: path('$.userId'),
  device_id: {
    '@if': { exists: path('$.context.device.id'), then: path('$.context.device.id'), else: path('$.anonymousId') },
  },
  time: path('$.timestamp'),
};

/** Fields every event action shares (Segment's event-schema defaults). */
const EVENT_FIELDS: Dict = {
  ...IDENTITY_FIELDS,
  event_type: path('$.event'),
  session_id: path(`$.integrations['${ACTIONS_DESTINATION}'].session_id`),
  event_properties: path('$.properties'),
  user_properties: path('$.traits'),
  app_version: path('$.context.app.version'),
};

/** logEventV2: referrer and UTM as $setOnce / $set on every event. */
const { $setOnce: setOnce, $set: setAlways } = firstAndLatest({ referrer: REFERRER, ...UTM_PROPERTIES });
const LOG_EVENT_FIELDS: Dict = { ...EVENT_FIELDS, setOnce, setAlways };
const VIEWED_FIELDS: Dict = { ...LOG_EVENT_FIELDS, event_type: { '@template': 'Viewed {{name}}' } };

/** utm_properties and referrer, as logPurchase and identifyUser take them. */
const ATTRIBUTION_FIELDS: Dict = { utm_properties: UTM_PROPERTIES, referrer: REFERRER };

/** A purchase's revenue fields, in the order a product lists them. */
const REVENUE_FIELDS = ['price', 'revenue', 'quantity', 'productId', 'revenueType'];
const revenueFieldsAt = (prefix: string) => Object.fromEntries(REVENUE_FIELDS.map((f) => [f, path(prefix + f)]));

const PURCHASE_FIELDS: Dict = {
  ...EVENT_FIELDS,
  ...ATTRIBUTION_FIELDS,
  ...revenueFieldsAt('$.properties.'),
  products: { '@arrayPath': ['$.properties.products', revenueFieldsAt('')] },
};

export const DEFAULTS: Record<PresetName, Dict> = {
  'Track Calls': LOG_EVENT_FIELDS,
  'Order Completed Calls': PURCHASE_FIELDS,
  'Page Calls': VIEWED_FIELDS,
  'Screen Calls': VIEWED_FIELDS,
  'Identify Calls': {
    ...IDENTITY_FIELDS,
    user_properties: EVENT_FIELDS.user_properties,
    app_version: EVENT_FIELDS.app_version,
    ...ATTRIBUTION_FIELDS,
  },
  'Group Calls': { ...IDENTITY_FIELDS, group_properties: path('$.traits') },
  'Alias Calls': { user_id: path('$.previousId'), global_user_id: path('$.userId') },
};

/** Fields a site may map for each preset: the preset's own, plus those Segment's UI offers without a default. */
const EVENT_EXTRAS = ['groups', 'add'];
export const EXTRA_FIELDS: Partial<Record<PresetName, string[]>> = {
  'Track Calls': EVENT_EXTRAS,
  'Page Calls': EVENT_EXTRAS,
  'Screen Calls': EVENT_EXTRAS,
  'Order Completed Calls': ['groups', 'trackRevenuePerProduct'],
  'Group Calls': ['group_type', 'group_value'],
};

/** Which preset a Segment event triggers (Group and Alias only when the site mapped them). */
export function presetFor(event: SegmentEvent, mapped: Partial<Record<PresetName, Dict>>): PresetName | undefined {
  switch (event.type) {
    case 'track':
      return event.event === 'Order Completed' ? 'Order Completed Calls' : 'Track Calls';
    case 'page':
      return 'Page Calls';
    case 'screen':
      return 'Screen Calls';
    case 'identify':
      return 'Identify Calls';
    case 'group':
      return mapped['Group Calls'] ? 'Group Calls' : undefined;
    case 'alias':
      return mapped['Alias Calls'] ? 'Alias Calls' : undefined;
    default:
      return undefined;
  }
}
