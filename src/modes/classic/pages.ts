/** The events a page() or screen() call names, and the referrer identify of `trackReferrer`: pure rules. */
import type { AmplitudeOperation } from '../../core/types.js';
import type { AmplitudeSettings } from './settings.js';
import { firstAndLatestIdentify, referrerValues } from '../operations.js';

/** Loaded a Page, Viewed {category} Page, Viewed {full name} Page: in that order, each if enabled. */
export function pageEventNames(
  category: string | null | undefined,
  name: string | null | undefined,
  settings: Pick<AmplitudeSettings, 'trackAllPages' | 'trackCategorizedPages' | 'trackNamedPages'>,
  noun: 'Page' | 'Screen' = 'Page',
): string[] {
  const names: string[] = [];
  const fullName = category && name ? `${category} ${name}` : name;
  if (settings.trackAllPages) names.push(`Loaded a ${noun}`);
  if (category && settings.trackCategorizedPages) names.push(`Viewed ${category} ${noun}`);
  if (fullName && settings.trackNamedPages) names.push(`Viewed ${fullName} ${noun}`);
  return names;
}

/** The per-page referrer identify of `trackReferrer`. */
export function referrerOperations(referrer: string): AmplitudeOperation[] {
  return firstAndLatestIdentify(referrerValues(referrer));
}
