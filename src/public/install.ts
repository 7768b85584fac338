/**
 * Takes over Segment's snippet: finds the key and load options it recorded, upgrades the stub array in
 * place, replays the calls queued before load in true call order, and wires page-exit delivery.
 */
import type { Dict } from '../core/types.js';
import { AnalyticsCore } from '../runtime/analytics.js';
import { attachPublicApi } from './api.js';
import { Logger } from '../runtime/log.js';
import { JOURNAL_PREFIX } from '../wire/exit-journal.js';
import {
  onOtherTabStorage,
  onPageLifecycle,
  pageGlobal,
  scriptSources,
  scriptTagAttribute,
} from '../browser/host-page.js';

const INSTALLED = '__segmentAmplitudeShim';
const WRITE_KEY_PLACEHOLDER = '__WRITE_KEY__';

export interface InstallResult {
  analytics: Dict;
  core: AnalyticsCore | undefined;
}

export function install(win: Dict = pageGlobal()): InstallResult {
  const globalKey = scriptTagAttribute('data-global-segment-analytics-key') || 'analytics';
  const existing = win[globalKey] as Dict | undefined;
  if (existing && (existing as Dict)[INSTALLED]) {
    new Logger().once('the script was included twice; the second copy does nothing');
    return { analytics: existing, core: undefined };
  }

  // Keep the snippet's own object (usually an Array) so references taken before load stay valid.
  const target: Dict = existing && typeof existing === 'object' ? existing : ([] as unknown as Dict);
  const queued: unknown[] = Array.isArray(target) ? (target as unknown[]).splice(0, (target as unknown[]).length) : [];
  const writeKey = findWriteKey(target, win);
  const loadOptions = target._loadOptions;

  const core = new AnalyticsCore(() => target);
  // Listeners only once load has decided the page may send or store anything.
  core.onStarted = ({ sending, storing }) => addPageListeners(win, core, sending, storing);
  attachPublicApi(core, target);
  Object.defineProperty(target, INSTALLED, { value: true });
  win[globalKey] = target;

  const replay = () => {
    const push = target.push as (entry: unknown) => void;
    for (const entry of queued) push(entry);
  };
  if (writeKey) core.load(writeKey, loadOptions, replay);
  else replay(); // they wait in order for analytics.load(KEY)

  installLegacyAmplitudeAccessor(win, core);
  return { analytics: target, core };
}

/**
 * The Amplitude API key, in Segment's order: window.analyticsWriteKey, the snippet's `_writeKey`
 * (every snippet since 4.13.2), then a script URL: `…/analytics.js/v1/<KEY>/…` or `?apiKey=<KEY>`.
 */
export function findWriteKey(target: Dict, win: Dict): string | undefined {
  const fromGlobal = win.analyticsWriteKey;
  if (typeof fromGlobal === 'string' && fromGlobal && fromGlobal !== WRITE_KEY_PLACEHOLDER) return fromGlobal;
  if (typeof target._writeKey === 'string' && target._writeKey) return target._writeKey;
  for (const src of scriptSources()) {
    const key = writeKeyFromUrl(src);
    if (key) return key;
  }
  return undefined;
}

export function writeKeyFromUrl(src: string): string | undefined {
  const path = /\/analytics\.js\/v1\/([^/?#]+)\//.exec(src);
  if (path) return decodeURIComponent(path[1]);
  const query = /[?&](?:apiKey|writeKey|key)=([^&#]+)/.exec(src);
  return query && /segment-amplitude-shim/.test(src) ? decodeURIComponent(query[1]) : undefined;
}

function addPageListeners(win: Dict, core: AnalyticsCore, sending: boolean, storing: boolean): void {
  try {
    if (sending) onPageLifecycle(win, core.lifecycle);
    // Another tab changed Segment's IDs (its journal writes are not identity).
    if (storing)
      core.deferred.add(() =>
        onOtherTabStorage(win, (key) => {
          if (key === null || key.startsWith('ajs_')) core.lifecycle.storageChanged();
          else if (key.startsWith(JOURNAL_PREFIX)) core.lifecycle.otherPageJournal();
        }),
      );
  } catch {
    /* no DOM events: nothing to flush on exit */
  }
}

/**
 * Segment's docs tell sites to read `amplitude.getInstance().options.deviceId` inside analytics.ready.
 * Provided only when the page has no `window.amplitude` of its own.
 */
function installLegacyAmplitudeAccessor(win: Dict, core: AnalyticsCore): void {
  if (win.amplitude !== undefined) return;
  const getDeviceId = () => core.device.id ?? undefined;
  const instance = {
    options: {
      get deviceId() {
        return getDeviceId();
      },
    },
    getDeviceId,
    getSessionId: () => core.env.adapter.getSessionId(),
    getUserId: () => core.userStore.id() ?? undefined,
  };
  win.amplitude = { getInstance: () => instance };
}
