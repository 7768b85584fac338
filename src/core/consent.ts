/**
 * The consent gate, as pure decisions. A site behind Segment's consent wrapper (or a CMP of its own)
 * speaks through three load options: `updateCDNSettings` sees settings shaped like Segment's CDN
 * settings and may remove the Amplitude destination; `disable` may turn everything off; and the
 * load-level `integrations` may route Amplitude off. The runtime asks these questions before it reads
 * or writes any storage, so a visitor who has not consented leaves no trace.
 */
import type { Dict } from './types.js';
import type { AmplitudeSettings } from '../modes/classic/settings.js';
import { isPlainObject } from './values.js';
import { coerceIntegrations, isAmplitudeEnabled } from './events.js';

/** The Classic destination's name in Segment's CDN settings (and in `integrations`); Actions mode passes its own. */

/** The part of Segment's CDN settings that consent tools read and rewrite. */
export interface CdnSettings {
  integrations: Dict;
  remotePlugins: unknown[];
  consentSettings: { allCategories: string[]; hasUnmappedDestinations: boolean };
  [key: string]: unknown;
}

/** Why Amplitude receives nothing on this page (or `on` when it does). */
type AmplitudeState = 'on' | 'routed-off' | 'consent-off' | 'gpc-off' | 'disabled';

/**
 * What Segment's CDN would have delivered for a source whose only destination is Amplitude. A
 * destination mapped to no category counts as unmapped, as Segment's CDN reports it: consent tools
 * then leave it on instead of disabling everything for want of a category.
 */
export function cdnSettingsFor(amplitudeEntry: unknown, settings: AmplitudeSettings, name: string): CdnSettings {
  const categories = settings.consentCategories.slice();
  const destination: Dict = isPlainObject(amplitudeEntry) ? { ...amplitudeEntry } : {};
  destination.consentSettings = { categories };
  return {
    integrations: { [name]: destination },
    remotePlugins: [],
    consentSettings: { allCategories: categories.slice(), hasUnmappedDestinations: categories.length === 0 },
  };
}

/** Whether settings returned by `updateCDNSettings` still carry the Amplitude destination. */
export function keepsAmplitude(updated: unknown, name: string): boolean {
  if (!isPlainObject(updated) || !isPlainObject(updated.integrations)) return false;
  const entry = updated.integrations[name];
  return entry !== undefined && entry !== null && entry !== false;
}

/**
 * Load-level routing that means the destination is never loaded: `{Amplitude: false}`, or `{All: false}`
 * without `Amplitude` turned back on. (Per-event routing is applied to each event instead.)
 */
export function isRoutedOff(integrations: unknown, name: string): boolean {
  // The per-event rule, on the load-level values coerced to booleans as analytics-next keeps them.
  return !isAmplitudeEnabled(coerceIntegrations(integrations), name);
}

/** Global Privacy Control, honoured only where the site opted in. */
export function gpcTurnsOff(settings: AmplitudeSettings, globalPrivacyControl: unknown): boolean {
  return settings.honorGlobalPrivacyControl && globalPrivacyControl === true;
}

export interface GateOutcome {
  amplitude: AmplitudeState;
  /** Segment's identity (ajs_*) may be kept in cookies and localStorage. */
  storeIdentity: boolean;
}

/**
 * The page's state once every gate has answered. Identity is stored only for a visitor who may be
 * tracked: a disabled page, a consent refusal or GPC keep it in memory; load-level routing does not,
 * because a site that merely routes Amplitude off still relies on analytics.js keeping `user()`.
 */
export function gateOutcome(input: {
  disabled: boolean;
  routedOff: boolean;
  consentKept: boolean;
  gpc: boolean;
  persist: boolean;
}): GateOutcome {
  const amplitude: AmplitudeState = input.disabled
    ? 'disabled'
    : !input.consentKept
      ? 'consent-off'
      : input.gpc
        ? 'gpc-off'
        : input.routedOff
          ? 'routed-off'
          : 'on';
  const storeIdentity = input.persist && (amplitude === 'on' || amplitude === 'routed-off');
  return { amplitude, storeIdentity };
}
