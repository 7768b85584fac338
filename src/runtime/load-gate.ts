/**
 * The load gate: before any storage is read or written, the page's consent hooks answer whether this
 * page may send and store. `updateCDNSettings`, then `disable(cdnSettings)`, run as analytics-next runs
 * them; load-level routing and the browser's Global Privacy Control are weighed beside them. A hook that
 * fails cannot grant consent. The decisions themselves are pure (core/consent.ts).
 */
import type { Dict } from '../core/types.js';
import { isPlainObject } from '../core/values.js';
import { chooseMode } from '../modes/choose-mode.js';
import { storageOptions } from '../core/load-plan.js';
import {
  cdnSettingsFor,
  gateOutcome,
  gpcTurnsOff,
  isRoutedOff,
  keepsAmplitude,
  type CdnSettings,
  type GateOutcome,
} from '../core/consent.js';
import { describe, isThenable, safeThen } from './page-code.js';

type Warn = (message: string, dropped: boolean) => void;

/** The page's answer now, or a promise of it when its `disable` hook answers later. */
export function askLoadGate(options: Dict, gpcSignal: unknown, warn: Warn): GateOutcome | Promise<GateOutcome> {
  const integrations = isPlainObject(options.integrations) ? options.integrations : {};
  const { name, settings } = chooseMode(integrations);
  let cdn = cdnSettingsFor(integrations[name], settings, name);
  let consentKept = true;
  const update = options.updateCDNSettings;
  if (typeof update === 'function') {
    try {
      const updated: unknown = update(cdn);
      consentKept = keepsAmplitude(updated, name);
      if (isPlainObject(updated)) cdn = updated as CdnSettings;
    } catch (error) {
      warn(`updateCDNSettings threw (${describe(error)}); Amplitude is off for this page`, true);
      consentKept = false;
    }
  } else if (update !== undefined) {
    warn('the option updateCDNSettings must be a function; it was ignored', false);
  }
  const decide = (disabled: boolean): GateOutcome =>
    gateOutcome({
      disabled,
      routedOff: isRoutedOff(integrations, name),
      consentKept,
      gpc: gpcTurnsOff(settings, gpcSignal),
      persist: storageOptions(options).persist,
    });
  const disable = options.disable;
  if (disable === undefined || disable === false || disable === true) return decide(disable === true);
  if (typeof disable !== 'function') {
    warn('the option disable must be a boolean or a function; it was ignored', false);
    return decide(false);
  }
  const refused = (error: unknown) => {
    warn(`the disable option failed (${describe(error)}); analytics stays disabled`, true);
    return decide(true);
  };
  let answer: unknown;
  try {
    answer = (disable as (cdn: CdnSettings) => unknown)(cdn);
  } catch (error) {
    return refused(error);
  }
  if (!isThenable(answer)) return decide(Boolean(answer));
  return new Promise<GateOutcome>((resolve) =>
    safeThen(
      answer,
      (value) => resolve(decide(Boolean(value))),
      (error) => resolve(refused(error)),
    ),
  );
}
