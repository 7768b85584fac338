/**
 * How Segment's stored values read back, in the browser and on the server: JSON when it parses
 * (localStorage, and cookies classic analytics.js JSON-quoted), else the raw text (analytics-next writes
 * ids raw in cookies). Pure.
 */
import { attempt } from './values.js';
export function parseStoredValue(raw: string): unknown {
  return attempt(() => JSON.parse(raw) as unknown, raw);
}

/** An id from an `ajs_*` cookie as it arrives in a `Cookie:` header: URL-encoded or not, quoted or not. */
export function segmentIdFromCookie(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  // Not URL-encoded: the raw text.
  const text = attempt(() => decodeURIComponent(raw), raw);
  const parsed = parseStoredValue(text);
  const value = typeof parsed === 'string' || typeof parsed === 'number' ? String(parsed) : text;
  return value && value !== 'null' ? value : undefined;
}
