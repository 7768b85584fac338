/**
 * How both destinations read their entry in `integrations`: absent, null, true or false (the destination turned
 * off, which leaves its settings as they are) is the defaults; anything but an object warns and is the defaults;
 * each key is read on its own, so one bad setting never disables the shim. Pure.
 */
import { isPlainObject } from '../core/values.js';

export interface SettingsEntry {
  /** The entry as warnings name it: `integrations.Amplitude`. */
  name: string;
  /** Segment's own keys that change nothing here, accepted without a warning. */
  ignored: string[];
  /** Appended to the warning for a bad `consentSettings`: what that leaves the destination with. */
  badConsentNote: string;
  /** Reads one setting, warning about a bad value; false when the key is no setting of the destination. */
  read(key: string, value: unknown, warnings: string[]): boolean;
}

/** Reads `input` key by key into `settings` (whose defaults it already holds); returns the warnings. */
export function readSettingsEntry(
  input: unknown,
  settings: { consentCategories: string[] },
  entry: SettingsEntry,
): string[] {
  const warnings: string[] = [];
  if (input === undefined || input === null || typeof input === 'boolean') return warnings;
  if (!isPlainObject(input)) {
    warnings.push(`${entry.name} must be an object of settings; using the defaults`);
    return warnings;
  }
  for (const key of Object.keys(input)) {
    const value = input[key];
    if (key === 'consentSettings') {
      const categories = isPlainObject(value) ? value.categories : undefined;
      if (Array.isArray(categories) && categories.every((c) => typeof c === 'string'))
        settings.consentCategories = categories.slice();
      else warnings.push(`setting "consentSettings" must be {categories: string[]}${entry.badConsentNote}`);
    } else if (!entry.read(key, value, warnings) && !entry.ignored.includes(key)) {
      warnings.push(`unknown setting "${key}" is ignored`);
    }
  }
  return warnings;
}
