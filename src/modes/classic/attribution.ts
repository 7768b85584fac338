/**
 * The user-property capture amplitude-js 5.2.2 did inside `init` for Segment's classic integration
 * (trackUtmProperties, trackGclid, useAmplitudeReferral, saveParamsReferrerOncePerSession,
 * unsetParamsReferrerOnNewSession). Classic semantics, not the v2 SDK's attribution plugin: no "EMPTY"
 * placeholders, no campaign-change sessions, no extra events. Pure.
 */
import type { AmplitudeOperation, Dict } from '../../core/types.js';
import type { AmplitudeSettings } from './settings.js';
import { firstAndLatestIdentify, identifyOperation, referrerValues } from '../operations.js';
import { isSafeUrlValue, MAX_URL_VALUE_LENGTH } from '../../core/url-values.js';

const UTM_KEYS = ['utm_source', 'utm_medium', 'utm_campaign', 'utm_term', 'utm_content'] as const;
/** Google Analytics' legacy __utmz cookie fields, in UTM_KEYS order. */
const UTMZ_KEYS = ['utmcsr', 'utmcmd', 'utmccn', 'utmctr', 'utmcct'];
const UNSET_ON_NEW_SESSION = ['referrer', 'referring_domain', ...UTM_KEYS];

export interface AttributionInput {
  settings: Pick<
    AmplitudeSettings,
    | 'trackUtmProperties'
    | 'trackGclid'
    | 'useAmplitudeReferral'
    | 'saveParamsReferrerOncePerSession'
    | 'unsetParamsReferrerOnNewSession'
  >;
  query: Record<string, string>;
  /** The raw `__utmz` cookie, if any. */
  utmz?: string;
  referrer: string;
  /** Whether this page load starts an Amplitude session (none stored, or 30 minutes idle). */
  isNewSession: boolean;
}

/** The `$identify` operations sent at load, before any queued call, in amplitude-js's order. */
export function attribution(input: AttributionInput): { operations: AmplitudeOperation[]; warnings: string[] } {
  const { settings, isNewSession } = input;
  const warnings: string[] = [];
  const operations: AmplitudeOperation[] = [];
  const setOnceAndSet = (values: Dict) =>
    firstAndLatestIdentify(values, (key, value) => {
      // Campaign values come from URLs anyone can craft.
      if (isSafeUrlValue(value)) return true;
      warnings.push(
        `${key} was ignored: longer than ${MAX_URL_VALUE_LENGTH} characters, or markup or control characters`,
      );
      return false;
    });
  if (settings.unsetParamsReferrerOnNewSession && isNewSession) {
    const unset: Dict = {};
    for (const key of UNSET_ON_NEW_SESSION) unset[key] = '-';
    operations.push(identifyOperation({ $unset: unset }));
  }
  if (isNewSession || !settings.saveParamsReferrerOncePerSession) {
    if (settings.trackUtmProperties) operations.push(...setOnceAndSet(utmValues(input.query, input.utmz)));
    if (settings.useAmplitudeReferral) operations.push(...setOnceAndSet(referrerValues(input.referrer)));
    if (settings.trackGclid) operations.push(...setOnceAndSet({ gclid: input.query.gclid }));
  }
  return { operations, warnings };
}

/** URL values first, then the __utmz cookie, key by key. */
export function utmValues(query: Record<string, string>, utmz: string | undefined): Dict {
  const fromCookie = parseUtmz(utmz);
  const out: Dict = {};
  UTM_KEYS.forEach((key, i) => {
    out[key] = query[key] || fromCookie[UTMZ_KEYS[i]];
  });
  return out;
}

function parseUtmz(raw: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (!raw) return out;
  for (const part of raw.split('|')) {
    const match = /(utm[a-z]{2,3})=(.*)$/.exec(part);
    if (match) out[match[1]] = match[2];
  }
  return out;
}
