/** localStorage, when the page may use it, and a memory store with the same shape. */
import type { KeyValueStore } from '../wire/exit-journal.js';
export declare function localGet(key: string): string | null;
/** Returns false when storage is unavailable or full. */
export declare function localSet(key: string, value: string): boolean;
export declare function localRemove(key: string): void;
export declare const localStore: KeyValueStore;
/** A store that forgets with the page (disableClientPersistence, tests). */
export declare function memoryStore(): KeyValueStore;
