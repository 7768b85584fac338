/**
 * What a site may put in `integrations['Actions Amplitude']`: the per-product revenue switch, consent
 * categories, GPC, and its own field mappings per preset, each checked against the preset. A bad part
 * warns and keeps the default. Pure.
 */
import type { Dict } from '../../core/types.js';
import { isPlainObject } from '../../core/values.js';
import { mappingProblems } from './mapping-kit.js';
import { readSettingsEntry } from '../settings-entry.js';
import { ACTIONS_DESTINATION, DEFAULTS, EXTRA_FIELDS, type PresetName } from './presets.js';

export interface ActionsSettings {
  trackRevenuePerProduct: boolean;
  /** The site's field overrides per preset, each already checked (an unsupported one is left out). */
  mappings: Partial<Record<PresetName, Dict>>;
  consentCategories: string[];
  honorGlobalPrivacyControl: boolean;
}

export interface NormalizedActionsSettings {
  settings: ActionsSettings;
  warnings: string[];
}

/** Accepts whatever a page put in `integrations['Actions Amplitude']`; a bad part warns and keeps the default. */
export function normalizeActionsSettings(input: unknown): NormalizedActionsSettings {
  const settings: ActionsSettings = {
    trackRevenuePerProduct: false,
    mappings: {},
    consentCategories: [],
    honorGlobalPrivacyControl: false,
  };
  const warnings = readSettingsEntry(input, settings, {
    name: `integrations['${ACTIONS_DESTINATION}']`,
    ignored: ['apiKey', 'secretKey', 'endpoint'],
    badConsentNote: '',
    read(key, value, warnings) {
      if (key === 'trackRevenuePerProduct' || key === 'honorGlobalPrivacyControl') {
        if (typeof value === 'boolean') settings[key] = value;
        else warnings.push(`setting "${key}" must be a boolean; using the default`);
      } else if (key === 'mappings') normalizeMappings(value, settings, warnings);
      else return false;
      return true;
    },
  });
  return { settings, warnings };
}

function normalizeMappings(value: unknown, settings: ActionsSettings, warnings: string[]): void {
  if (!isPlainObject(value)) {
    warnings.push(
      'setting "mappings" must be {"<preset name>": {<field>: <mapping>}}; the presets keep their defaults',
    );
    return;
  }
  for (const preset of Object.keys(value)) {
    const fields = value[preset];
    const presets = Object.keys(DEFAULTS);
    if (!presets.includes(preset)) {
      warnings.push(`mappings: there is no preset "${preset}" (presets: ${presets.join(', ')}); it was ignored`);
      continue;
    }
    if (!isPlainObject(fields)) {
      warnings.push(`mappings["${preset}"] must be an object of field mappings; it was ignored`);
      continue;
    }
    const name = preset as PresetName;
    const known = [...Object.keys(DEFAULTS[name]), ...(EXTRA_FIELDS[name] || [])];
    const kept: Dict = {};
    for (const field of Object.keys(fields)) {
      if (!known.includes(field)) {
        warnings.push(`mappings["${preset}"]: the field "${field}" does not exist in this preset; it was ignored`);
        continue;
      }
      const problems = mappingProblems(fields[field]);
      if (problems.length)
        warnings.push(`mappings["${preset}"].${field}: ${problems.join('; ')}; the preset's default stays in force`);
      else kept[field] = fields[field];
    }
    settings.mappings[name] = kept;
  }
}
