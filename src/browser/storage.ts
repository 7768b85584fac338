/** localStorage, when the page may use it, and a memory store with the same shape. */
import type { KeyValueStore } from '../wire/exit-journal.js';
import { attempt } from '../core/values.js';
import { hasWindow } from './page.js';

function storage(): Storage | undefined {
  if (!hasWindow) return undefined;
  return attempt(() => window.localStorage || undefined, undefined);
}

export function localGet(key: string): string | null {
  const s = storage();
  return s ? attempt(() => s.getItem(key), null) : null;
}

/** Returns false when storage is unavailable or full. */
export function localSet(key: string, value: string): boolean {
  const s = storage();
  if (!s) return false;
  return attempt(() => {
    s.setItem(key, value);
    return true;
  }, false);
}

export function localRemove(key: string): void {
  const s = storage();
  if (s) attempt(() => s.removeItem(key), undefined);
}

function localKeys(): string[] {
  const s = storage();
  if (!s) return [];
  return attempt(() => {
    const keys: string[] = [];
    for (let i = 0; i < s.length; i++) {
      const key = s.key(i);
      if (key !== null) keys.push(key);
    }
    return keys;
  }, []);
}

export const localStore: KeyValueStore = { get: localGet, set: localSet, remove: localRemove, keys: localKeys };

/** A store that forgets with the page (disableClientPersistence, tests). */
export function memoryStore(): KeyValueStore {
  const data = new Map<string, string>();
  return {
    get: (key) => data.get(key) ?? null,
    set: (key, value) => {
      data.set(key, value);
      return true;
    },
    remove: (key) => {
      data.delete(key);
    },
    keys: () => [...data.keys()],
  };
}
