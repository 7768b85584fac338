/**
 * The plugins a page adds to the SDK with `analytics.amplitude.instance.add(plugin)`, in the order it
 * added them. The shim's events never enter the SDK's timeline (the shim sends them itself), so the
 * runtime runs these plugins on every event it sends; this list is what it runs. A plugin counts from
 * the moment it is added, even before the SDK has started: events then wait until the SDK has set it
 * up (its `setup` resolved), so a plugin added before `ready` sees every event sent after it was added.
 */
import type { Dict } from '../core/types.js';

/** An @amplitude/analytics-browser plugin as a page passes it to `add()`. */
interface SdkPlugin {
  name?: string;
  type?: string;
  setup?: (config: unknown, client: unknown) => unknown;
  execute?: (event: Dict) => unknown;
}

export interface PagePlugin {
  plugin: SdkPlugin;
  name: string;
  /** 'before' or 'enrichment' (the SDK's default type). */
  type: 'before' | 'enrichment';
  /** When it was added (ms), for bounding how long events wait for its setup. */
  addedAt: number;
  /** Settles once the SDK has set it up: true, or false when its setup threw or rejected. */
  setUp: Promise<boolean>;
  /** true once set up; false while setting up, or once its setup failed or was given up on. */
  ready: boolean;
  /** Its setup failed or took too long: events no longer wait for it and it is skipped. */
  abandoned: boolean;
}

/** Names of the plugins the SDK adds to itself at init; the shim does their work itself. */
const SDK_OWN = new Set(['amplitude', 'identity', '@amplitude/plugin-context-browser']);

export class PagePlugins {
  private list: PagePlugin[] = [];

  constructor(private readonly now: () => number = Date.now) {}

  /** Before plugins, then enrichment plugins, each in the order added (the SDK's own order). */
  inOrder(): PagePlugin[] {
    return [...this.list.filter((p) => p.type === 'before'), ...this.list.filter((p) => p.type === 'enrichment')];
  }

  get size(): number {
    return this.list.length;
  }

  /**
   * `client.add(plugin)` was called: a page plugin of a type that sees events (before, enrichment) is
   * recorded, and its setup is wrapped so the runtime knows when the SDK has set it up.
   */
  added(value: unknown): void {
    if (!value || typeof value !== 'object') return;
    const plugin = value as SdkPlugin;
    let name: string;
    let type: unknown;
    try {
      name = typeof plugin.name === 'string' ? plugin.name : '';
      type = plugin.type ?? 'enrichment';
    } catch {
      return;
    }
    if (SDK_OWN.has(name) || name.startsWith('segment-amplitude-shim/')) return;
    if (type !== 'before' && type !== 'enrichment') return;
    // The SDK skips a second plugin of the same name; so do we.
    if (name && this.list.some((p) => p.name === name)) return;
    let settle: (ok: boolean) => void = () => undefined;
    const entry: PagePlugin = {
      plugin,
      name,
      type,
      addedAt: this.now(),
      setUp: new Promise<boolean>((resolve) => (settle = resolve)),
      ready: false,
      abandoned: false,
    };
    entry.setUp.then((ok) => {
      entry.ready = ok && !entry.abandoned;
      if (!ok) entry.abandoned = true;
    }, undefined);
    const setup = plugin.setup;
    try {
      plugin.setup = function wrappedSetup(this: unknown, config: unknown, client: unknown) {
        let returned: unknown;
        try {
          returned = typeof setup === 'function' ? setup.call(plugin, config, client) : undefined;
        } catch (error) {
          settle(false);
          throw error;
        }
        return Promise.resolve(returned).then(
          (result) => {
            settle(true);
            return result;
          },
          (error: unknown) => {
            settle(false);
            throw error;
          },
        );
      };
    } catch {
      return; // a frozen plugin: the SDK runs it on its own events only
    }
    this.list.push(entry);
  }

  /** `client.remove(name)`: it no longer sees events. */
  removed(name: unknown): void {
    this.list = this.list.filter((p) => p.name !== name);
  }
}
