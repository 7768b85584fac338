/** Random v4 UUIDs for anonymousIds, device IDs and message IDs. */
import { attempt } from '../core/values.js';
import { hasWindow } from './page.js';

const webCrypto: Crypto | undefined = hasWindow ? attempt(() => window.crypto, undefined) : undefined;
const HEX = Array.from({ length: 256 }, (_, i) => (i + 0x100).toString(16).slice(1));
/** Random bytes fetched 4 KiB at a time: one call into the browser's generator per 256 ids, not one per id. */
const pool = new Uint8Array(4096);
let poolOffset = pool.length;

function randomBytes16(): number {
  if (poolOffset + 16 > pool.length) {
    if (!webCrypto || !attempt(() => (webCrypto.getRandomValues(pool), true), false)) {
      for (let i = 0; i < pool.length; i++) pool[i] = Math.floor(Math.random() * 256);
    }
    poolOffset = 0;
  }
  const at = poolOffset;
  poolOffset += 16;
  return at;
}

/** A v4 UUID from cryptographic randomness (per call it costs a fraction of crypto.randomUUID). */
export function randomUUID(): string {
  const at = randomBytes16();
  let id = '';
  for (let i = 0; i < 16; i++) {
    // The version (4) and the variant (10xx) bits.
    const byte = i === 6 ? (pool[at + i] & 0x0f) | 0x40 : i === 8 ? (pool[at + i] & 0x3f) | 0x80 : pool[at + i];
    id += (i === 4 || i === 6 || i === 8 || i === 10 ? '-' : '') + HEX[byte];
  }
  return id;
}
