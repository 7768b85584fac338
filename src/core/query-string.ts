/** Segment's querystring API (ajs_aid, ajs_uid + ajs_trait_*, ajs_event + ajs_prop_*). Pure. */
import { isSafeUrlValue, MAX_URL_VALUE_LENGTH } from './url-values.js';
import { attempt } from './values.js';

export interface QueryStringCalls {
  anonymousId?: string;
  identify?: { userId: string; traits: Record<string, string> };
  track?: { event: string; properties: Record<string, string> };
}

/** Parses `?a=1&b=2` (or the `?…` part of a hash) leniently; for repeated keys the last value wins. */
export function parseQuery(search: string): Record<string, string> {
  const out: Record<string, string> = {};
  const q = search.charAt(0) === '?' ? search.slice(1) : search;
  if (!q) return out;
  for (const part of q.split('&')) {
    if (!part) continue;
    const eq = part.indexOf('=');
    const key = safeDecode(eq === -1 ? part : part.slice(0, eq));
    const value = eq === -1 ? '' : safeDecode(part.slice(eq + 1));
    if (key) out[key] = value;
  }
  return out;
}

function safeDecode(s: string): string {
  return attempt(() => decodeURIComponent(s.replace(/\+/g, ' ')), s);
}

export function queryStringCalls(search: string, hash: string): { calls: QueryStringCalls; warnings: string[] } {
  const warnings: string[] = [];
  const hashQuery = hash.indexOf('?');
  // The hash's parameters win over the search's.
  const params = Object.assign(parseQuery(search), hashQuery === -1 ? {} : parseQuery(hash.slice(hashQuery)));
  const calls: QueryStringCalls = {};
  const valid = (name: string, value: string | undefined): value is string => {
    if (value === undefined || value === '') return false;
    if (!isSafeUrlValue(value)) {
      warnings.push(
        `the URL parameter ${name} was ignored: it is longer than ${MAX_URL_VALUE_LENGTH} characters ` +
          'or contains markup or control characters',
      );
      return false;
    }
    return true;
  };
  const prefixed = (prefix: string) => {
    const out: Record<string, string> = {};
    for (const key of Object.keys(params)) {
      if (key.indexOf(prefix) === 0 && key.length > prefix.length && valid(key, params[key]))
        out[key.slice(prefix.length)] = params[key];
    }
    return out;
  };
  if (valid('ajs_aid', params.ajs_aid)) calls.anonymousId = params.ajs_aid;
  if (valid('ajs_uid', params.ajs_uid)) calls.identify = { userId: params.ajs_uid, traits: prefixed('ajs_trait_') };
  if (valid('ajs_event', params.ajs_event))
    calls.track = { event: params.ajs_event, properties: prefixed('ajs_prop_') };
  return { calls, warnings };
}
