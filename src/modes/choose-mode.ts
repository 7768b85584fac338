/**
 * Which of Segment's two Amplitude destinations the page reproduces, chosen the way the site names it
 * in `integrations`: `Amplitude` (Classic) or `Actions Amplitude` (Actions). Pure.
 */
import type { Dict } from '../core/types.js';
import { isPlainObject } from '../core/values.js';
import { normalizeSettings, type AmplitudeSettings } from './classic/settings.js';
import { ACTIONS_DESTINATION } from './actions/presets.js';
import { normalizeActionsSettings, type ActionsSettings } from './actions/settings.js';
import { actionsMode } from './actions/mode.js';
import { CLASSIC_DESTINATION, classicMode } from './classic/mode.js';
import type { DestinationMode, ModeKind } from './mode.js';

export interface ModeChoice {
  mode: ModeKind;
  /** The destination's name in `integrations` (routing, consent, destination middleware). */
  name: string;
  /** Classic settings the runtime runs on (in Actions mode: the rules Actions shares with it). */
  settings: AmplitudeSettings;
  /** Actions mode only. */
  actions?: ActionsSettings;
  warnings: string[];
}

export function chooseMode(rawIntegrations: unknown): ModeChoice {
  const integrations: Dict = isPlainObject(rawIntegrations) ? rawIntegrations : {};
  const warnings: string[] = [];
  if (!Object.prototype.hasOwnProperty.call(integrations, ACTIONS_DESTINATION)) {
    return { mode: 'classic', name: CLASSIC_DESTINATION, ...normalizeSettings(integrations[CLASSIC_DESTINATION]) };
  }
  const classic = integrations[CLASSIC_DESTINATION];
  if (classic !== undefined && classic !== false) {
    warnings.push(
      `both integrations.Amplitude (Classic) and integrations['${ACTIONS_DESTINATION}'] were given; ` +
        'Actions mode is used',
    );
  }
  const normalized = normalizeActionsSettings(integrations[ACTIONS_DESTINATION]);
  warnings.push(...normalized.warnings);
  return {
    mode: 'actions',
    name: ACTIONS_DESTINATION,
    settings: classicRulesForActions(normalized.settings),
    actions: normalized.settings,
    warnings,
  };
}

/**
 * Actions sends the anonymousId as the device ID and puts referrer and UTM on every event, so none of
 * Classic's separate attribution identifies apply; the consent settings are the Actions entry's.
 */
function classicRulesForActions(actions: ActionsSettings): AmplitudeSettings {
  return Object.assign(normalizeSettings(undefined).settings, {
    preferAnonymousIdForDeviceId: true,
    trackUtmProperties: false,
    trackReferrer: false,
    trackRevenuePerProduct: actions.trackRevenuePerProduct,
    consentCategories: actions.consentCategories,
    honorGlobalPrivacyControl: actions.honorGlobalPrivacyControl,
  });
}

/** The mode the runtime runs, for a choice. */
export function destinationMode(choice: ModeChoice): DestinationMode {
  return choice.actions ? actionsMode(choice.actions, choice.settings) : classicMode(choice.settings);
}
