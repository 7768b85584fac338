/**
 * Amplitude's limits on one request (HTTP V2 API: under 1 MB and fewer than 2,000 events), and how an
 * event too large for any request is reduced. Sizes are UTF-8 bytes of the JSON, as sent on the wire.
 */
import type { Dict } from '../core/types.js';

/** What the events of one request may weigh in all: 1 MiB less a tenth, for the envelope and margin. */
export const MAX_REQUEST_BYTES = 900 * 1024;
export const MAX_EVENTS_PER_REQUEST = 2000;
/** Values of an oversized event are cut to this many characters, the largest first, until it fits. */
export const REDUCED_STRING_LENGTH = 1024;

/** UTF-8 length of a string, without encoding it. */
export function utf8Length(text: string): number {
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) continue;
    if (code < 0x800) bytes += 1;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 2; // a surrogate pair: 4 bytes for 2 code units
      i++;
    } else bytes += 2;
  }
  return bytes;
}

export interface Sized<T> {
  value: T;
  json: string;
  bytes: number;
}

export function sized<T>(value: T): Sized<T> {
  const json = JSON.stringify(value);
  return { value, json, bytes: utf8Length(json) };
}

/**
 * The event reduced to at most `limit` bytes by cutting its largest string values (in properties,
 * not its identity or type) to REDUCED_STRING_LENGTH characters, largest first; undefined when even
 * that is not enough. The event given is not changed.
 */
export function reduceToFit<T extends Dict>(event: T, limit: number): Sized<T> | undefined {
  const copy = JSON.parse(JSON.stringify(event)) as T;
  const leaves: Array<{ holder: Dict; key: string; length: number }> = [];
  for (const value of Object.values(copy))
    if (value && typeof value === 'object') collectStrings(value as Dict, leaves);
  leaves.sort((a, b) => b.length - a.length);
  let bytes = sized(copy).bytes;
  for (const leaf of leaves) {
    if (bytes <= limit || leaf.length <= REDUCED_STRING_LENGTH) break;
    const value = leaf.holder[leaf.key] as string;
    const cut = value.slice(0, REDUCED_STRING_LENGTH);
    leaf.holder[leaf.key] = cut;
    // JSON escapes aside, the request shrinks by what was cut; measured exactly at the end.
    bytes -= utf8Length(value) - utf8Length(cut);
  }
  const reduced = sized(copy);
  return reduced.bytes <= limit ? reduced : undefined;
}

function collectStrings(node: Dict, into: Array<{ holder: Dict; key: string; length: number }>): void {
  for (const key of Object.keys(node)) {
    const value = node[key];
    if (typeof value === 'string') into.push({ holder: node, key, length: value.length });
    else if (value && typeof value === 'object') collectStrings(value as Dict, into);
  }
}
