/**
 * analytics-next's argument resolution, rule for rule (its arguments-resolver), so every call form a site
 * already uses means the same thing here. Pure.
 */
import type { Dict, PageSnapshot } from './types.js';
import { isPlainObject, readKey } from './values.js';

export type Callback = (...args: unknown[]) => unknown;

const isFunction = (v: unknown): v is Callback => typeof v === 'function';
const isString = (v: unknown): v is string => typeof v === 'string';
const isNil = (v: unknown): v is null | undefined => v === null || v === undefined;

const BPC_KEYS = ['__t', 'c', 'p', 'u', 's', 't', 'r'];

/** The 5.x snippet's buffered page context: `{__t:'bpc', ...}` with no other keys. */
export function isBufferedPageContext(value: unknown): boolean {
  try {
    if (!isPlainObject(value) || value.__t !== 'bpc') return false;
    return Object.keys(value).every((k) => BPC_KEYS.includes(k));
  } catch {
    return false;
  }
}

function pageSnapshotFromBpc(bpc: Dict): PageSnapshot {
  const str = (v: unknown) => (typeof v === 'string' ? v : '');
  return {
    canonical: typeof bpc.c === 'string' ? bpc.c : undefined,
    pathname: str(bpc.p),
    href: str(bpc.u),
    search: str(bpc.s),
    title: str(bpc.t),
    referrer: str(bpc.r),
  };
}

/** Removes a trailing buffered page context, returning it separately. */
export function splitPageContext(args: unknown[]): { args: unknown[]; snapshot?: PageSnapshot } {
  if (args.length > 0 && isBufferedPageContext(args[args.length - 1])) {
    return { args: args.slice(0, -1), snapshot: pageSnapshotFromBpc(args[args.length - 1] as Dict) };
  }
  return { args };
}

export interface ResolvedTrack {
  name: unknown;
  properties: Dict;
  options: Dict;
  callback?: Callback;
}

export function resolveTrackArguments(args: unknown[]): ResolvedTrack {
  const [eventName, properties, options, callback] = args;
  const objectForm = isPlainObject(eventName);
  const name = objectForm ? readKey(eventName, 'event') : eventName;
  let props: Dict = {};
  if (objectForm) {
    const p = readKey(eventName, 'properties');
    props = isPlainObject(p) ? p : {};
  } else if (isPlainObject(properties)) props = properties;

  let opts: Dict = {};
  if (!isFunction(options) && isPlainObject(options)) opts = options;
  if (objectForm && !isFunction(properties) && isPlainObject(properties)) opts = properties;

  const cb = [eventName, properties, options, callback].find(isFunction);
  return { name, properties: props, options: opts, callback: cb };
}

export interface ResolvedPage {
  category: string | null;
  name: string | null;
  properties: Dict;
  options: Dict;
  callback?: Callback;
}

export function resolvePageArguments(input: unknown[]): ResolvedPage {
  const args = input.slice(0, 5);
  let category: string | null = null;
  let name: string | null = null;

  const strings = args.filter(isString);
  if (strings.length === 1) {
    name = strings[0];
  } else if (strings.length === 2) {
    if (isString(args[0])) category = args[0];
    if (isString(args[1])) name = args[1];
  }

  const objects = args.filter(isPlainObject) as Dict[];
  let properties: Dict = {};
  let options: Dict = {};
  if (objects.length === 1) {
    // The only object is the options when it comes fourth, else the properties.
    if (isPlainObject(args[3])) options = objects[0];
    else properties = objects[0];
  } else if (objects.length === 2) {
    properties = objects[0];
    options = objects[1];
  }

  return { category, name, properties, options, callback: args.find(isFunction) };
}

export interface ResolvedEntity {
  /** undefined: keep the stored id. null: explicitly none given (still keeps the stored id, as analytics-next). */
  id: string | null | undefined;
  traits: Dict | undefined;
  options: Dict;
  callback?: Callback;
}

/** identify([id], [traits], [options], [cb]) and group([id], [traits], [options], [cb]). */
export function resolveEntityArguments(args: unknown[]): ResolvedEntity {
  let id: string | null | undefined;
  let traits: Dict | null | undefined;
  let options: Dict | null | undefined;
  let callback: Callback | undefined;
  // The slot the next argument may fill: 0 the id, 1 the traits, 2 the options.
  let slot = 0;
  for (const arg of args) {
    if (isFunction(arg)) {
      callback = arg;
      break;
    }
    if (slot === 0) {
      slot = 1;
      if (isString(arg) || (typeof arg === 'number' && Number.isFinite(arg))) {
        id = String(arg);
        continue;
      }
      if (isNil(arg)) {
        id = null;
        continue;
      }
      // the id was omitted: the same argument is considered for traits
    }
    if (slot > 2) break;
    if (isNil(arg) || isPlainObject(arg)) {
      if (slot === 1) traits = arg;
      else options = arg;
    }
    slot++;
  }
  return { id, traits: traits || undefined, options: options || {}, callback };
}

export interface ResolvedAlias {
  to: string | undefined;
  from: string | null;
  options: Dict;
  callback?: Callback;
}

export function resolveAliasArguments(input: unknown[]): ResolvedAlias {
  const args = input.map((a) => (typeof a === 'number' && Number.isFinite(a) ? String(a) : a));
  const [to, from = null] = args.filter(isString);
  return {
    to,
    from,
    options: args.find(isPlainObject) || {},
    callback: args.find(isFunction),
  };
}
