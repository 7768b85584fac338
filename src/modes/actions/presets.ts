/**
 * The Amplitude (Actions) destination's default presets, written in Segment's mapping language: which
 * preset an event triggers, and the fields each preset maps by default. A site's overrides replace
 * these field by field (see settings.ts). Pure.
 */
import type { Dict, SegmentEvent } from '../../core/types.js';

/** The destination's name in Segment's `integrations` object, and the key that selects this mode. */
export const ACTIONS_DESTINATION = 'Actions Amplitude';

export const PRESETS = [
  'Track Calls',
  'Order Completed Calls',
  'Page Calls',
  'Screen Calls',
  'Identify Calls',
  'Group Calls',
  'Alias Calls',
] as const;
export type PresetName = (typeof PRESETS)[number];

const path = (p: string) => ({ '@path': p });
const campaign = (field: string) => path(`$.context.campaign.${field}`);
const UTM: Array<[string, string]> = [
  ['utm_source', 'source'],
  ['utm_medium', 'medium'],
  ['utm_campaign', 'name'],
  ['utm_term', 'term'],
  ['utm_content', 'content'],
];

/** Fields every event action shares (Segment's event-schema defaults). */
const EVENT_FIELDS: Dict = {
  user_id: path('$.userId'),
  device_id: {
    '@if': { exists: path('$.context.device.id'), then: path('$.context.device.id'), else: path('$.anonymousId') },
  },
  event_type: path('$.event'),
  session_id: path(`$.integrations['${ACTIONS_DESTINATION}'].session_id`),
  time: path('$.timestamp'),
  event_properties: path('$.properties'),
  user_properties: path('$.traits'),
  app_version: path('$.context.app.version'),
};

/** logEventV2: referrer and UTM as $setOnce / $set on every event. */
const LOG_EVENT_FIELDS: Dict = {
  ...EVENT_FIELDS,
  setOnce: {
    initial_referrer: path('$.context.page.referrer'),
    ...Object.fromEntries(UTM.map(([k, c]) => [`initial_${k}`, campaign(c)])),
  },
  setAlways: {
    referrer: path('$.context.page.referrer'),
    ...Object.fromEntries(UTM.map(([k, c]) => [k, campaign(c)])),
  },
};

/** utm_properties and referrer, as logPurchase and identifyUser take them. */
const ATTRIBUTION_FIELDS: Dict = {
  utm_properties: Object.fromEntries(UTM.map(([k, c]) => [k, campaign(c)])),
  referrer: path('$.context.page.referrer'),
};

const PURCHASE_FIELDS: Dict = {
  ...EVENT_FIELDS,
  ...ATTRIBUTION_FIELDS,
  revenue: path('$.properties.revenue'),
  price: path('$.properties.price'),
  quantity: path('$.properties.quantity'),
  productId: path('$.properties.productId'),
  revenueType: path('$.properties.revenueType'),
  products: {
    '@arrayPath': [
      '$.properties.products',
      {
        price: path('price'),
        revenue: path('revenue'),
        quantity: path('quantity'),
        productId: path('productId'),
        revenueType: path('revenueType'),
      },
    ],
  },
};

const IDENTIFY_FIELDS: Dict = {
  user_id: EVENT_FIELDS.user_id,
  device_id: EVENT_FIELDS.device_id,
  time: EVENT_FIELDS.time,
  user_properties: path('$.traits'),
  app_version: EVENT_FIELDS.app_version,
  ...ATTRIBUTION_FIELDS,
};

const GROUP_FIELDS: Dict = {
  user_id: EVENT_FIELDS.user_id,
  device_id: EVENT_FIELDS.device_id,
  time: EVENT_FIELDS.time,
  group_properties: path('$.traits'),
};

const ALIAS_FIELDS: Dict = { user_id: path('$.previousId'), global_user_id: path('$.userId') };

export const DEFAULTS: Record<PresetName, Dict> = {
  'Track Calls': LOG_EVENT_FIELDS,
  'Order Completed Calls': PURCHASE_FIELDS,
  'Page Calls': { ...LOG_EVENT_FIELDS, event_type: { '@template': 'Viewed {{name}}' } },
  'Screen Calls': { ...LOG_EVENT_FIELDS, event_type: { '@template': 'Viewed {{name}}' } },
  'Identify Calls': IDENTIFY_FIELDS,
  'Group Calls': GROUP_FIELDS,
  'Alias Calls': ALIAS_FIELDS,
};

/** Fields a site may map for each preset: the preset's own, plus those Segment's UI offers without a default. */
export const EXTRA_FIELDS: Partial<Record<PresetName, string[]>> = {
  'Track Calls': ['groups', 'add'],
  'Page Calls': ['groups', 'add'],
  'Screen Calls': ['groups', 'add'],
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
