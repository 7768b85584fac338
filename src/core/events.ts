/**
 * Builds Segment events the way analytics-next's EventFactory does: options folded into context and
 * integrations, page context attached, identity stamped last. Pure: the clock and ids come in as inputs.
 */
import type { Dict, PageContext, SegmentEvent, SegmentEventType } from './types.js';
import { eventPageContext } from './page-context.js';
import { isPlainObject, isUnsafeKey } from './values.js';

export interface EventBody {
  type: SegmentEventType;
  event?: string;
  name?: string | null;
  category?: string | null;
  properties?: Dict;
  traits?: Dict;
  groupId?: string | null;
  previousId?: string | null;
  userId?: string | null;
}

export interface EventEnvironment {
  page: PageContext;
  userId: string | null;
  anonymousId: string | null;
  now: Date;
  messageId: string;
  /** Load-time `integrations`, already coerced to booleans (analytics-next does the same). */
  loadIntegrations: Dict;
  /** What analytics.js adds to every context (campaign, userAgent, locale, library); the call's own context wins. */
  context?: Dict;
}

const TOP_LEVEL_OPTIONS = ['integrations', 'userId', 'anonymousId', 'timestamp', 'messageId', 'context'];

export function buildEvent(body: EventBody, options: Dict, env: EventEnvironment): SegmentEvent {
  const callContext: Dict = isPlainObject(options.context) ? options.context : {};
  const context: Dict = { ...env.context, ...callContext };
  // Any other option (undefined ones aside) lands in the context, at its dotted path.
  for (const key of Object.keys(options)) {
    if (options[key] !== undefined && !TOP_LEVEL_OPTIONS.includes(key)) setPath(context, key, options[key]);
  }

  let properties = body.properties;
  if (body.type === 'page') {
    properties = { ...env.page, ...body.properties };
    if (body.category != null) properties.category = body.category;
    if (body.name) properties.name = body.name;
  } else if (body.type === 'screen') {
    properties = { ...body.properties };
  }

  const explicitPage = callContext.page ?? options.page;
  context.page = eventPageContext(env.page, body.type === 'page', body.properties, explicitPage);

  const integrations: Dict = { ...env.loadIntegrations };
  if (isPlainObject(options.integrations)) Object.assign(integrations, options.integrations);

  const event: SegmentEvent = {
    type: body.type,
    messageId: typeof options.messageId === 'string' && options.messageId ? options.messageId : env.messageId,
    timestamp: parseTimestamp(options.timestamp) || env.now,
    context: context as SegmentEvent['context'],
    integrations,
  };
  if (body.event !== undefined) event.event = body.event;
  if (body.type === 'page' || body.type === 'screen') {
    if (body.category != null) event.category = body.category;
    if (body.name != null) event.name = body.name;
  }
  if (properties !== undefined) event.properties = properties;
  if (body.traits !== undefined) event.traits = body.traits;
  if (body.groupId !== undefined) event.groupId = body.groupId;
  if (body.previousId != null) event.previousId = body.previousId;

  event.userId = body.userId !== undefined ? body.userId : typeof options.userId === 'string' ? options.userId : null;
  // The current user wins, as in analytics-next, except over the new ID an alias names (Segment's spec;
  // the user mapping is made from it).
  if (env.userId && (body.type !== 'alias' || !body.userId)) event.userId = env.userId;
  const anon = typeof options.anonymousId === 'string' && options.anonymousId ? options.anonymousId : env.anonymousId;
  if (anon) event.anonymousId = anon;
  return event;
}

/** Load options' integrations as analytics-next keeps them on events: every value coerced to a boolean. */
export function coerceIntegrations(value: unknown): Dict {
  const out: Dict = {};
  if (!isPlainObject(value)) return out;
  for (const key of Object.keys(value)) out[key] = Boolean(value[key]);
  return out;
}

/** Whether Segment's routing rules would hand this event to the Amplitude destination. */
export function isAmplitudeEnabled(integrations: Dict, name: string): boolean {
  const own = integrations[name];
  if (own === false) return false;
  if (own === undefined && integrations.All === false) return false;
  return true;
}

function parseTimestamp(value: unknown): Date | undefined {
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value;
  if (typeof value === 'string' || typeof value === 'number') {
    const d = new Date(value);
    if (!Number.isNaN(d.getTime())) return d;
  }
  return undefined;
}

function setPath(target: Dict, path: string, value: unknown): void {
  const parts = path.split('.');
  let node = target;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    if (isUnsafeKey(part)) return;
    if (i === parts.length - 1) node[part] = value;
    else {
      if (!isPlainObject(node[part])) node[part] = {};
      node = node[part] as Dict;
    }
  }
}
