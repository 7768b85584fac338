/** The site-wide lock that pages of one site take turns through (Web Locks), for the journal's takeover. */
import { attempt } from '../core/values.js';

/** false when the browser has no Web Locks: records then wait for the next page load. */
export const webLock = (name: string, work: () => void): boolean =>
  attempt(() => {
    const locks = typeof navigator === 'undefined' ? undefined : (navigator as { locks?: { request?: unknown } }).locks;
    if (!locks || typeof locks.request !== 'function') return false;
    const held = (locks as { request(name: string, work: () => void): Promise<unknown> }).request(name, work);
    held.then(undefined, () => undefined);
    return true;
  }, false);
