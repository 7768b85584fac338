import { AnalyticsCore } from './analytics.js';
import { attachPublicApi } from './public-api.js';
import { Logger } from './log.js';

const INSTALLED = '__segmentAmplitudeShim';
const WRITE_KEY_PLACEHOLDER = '__WRITE_KEY__';
function install(win = window) {
    const globalKey = findGlobalKey();
    const existing = win[globalKey];
    if (existing && existing[INSTALLED]) {
        new Logger().once('the script was included twice; the second copy does nothing');
        return { analytics: existing, core: undefined };
    }
    // Keep the snippet's own object (usually an Array) so references taken before load stay valid.
    const target = existing && typeof existing === 'object' ? existing : [];
    const queued = Array.isArray(target) ? target.splice(0, target.length) : [];
    const writeKey = findWriteKey(target, win);
    const loadOptions = target._loadOptions;
    const core = new AnalyticsCore(() => target);
    attachPublicApi(core, target);
    Object.defineProperty(target, INSTALLED, { value: true });
    win[globalKey] = target;
    const replay = () => {
        const push = target.push;
        for (const entry of queued)
            push(entry);
    };
    if (writeKey)
        core.load(writeKey, loadOptions, replay);
    else
        replay(); // they wait in order for analytics.load(KEY)
    addPageExitListeners(win, core);
    installLegacyAmplitudeAccessor(win, core);
    return { analytics: target, core };
}
function findGlobalKey() {
    try {
        const el = document.querySelector('script[data-global-segment-analytics-key]');
        const key = el === null || el === void 0 ? void 0 : el.getAttribute('data-global-segment-analytics-key');
        if (key)
            return key;
    }
    catch (_a) {
        /* ignore */
    }
    return 'analytics';
}
/**
 * The Amplitude API key, in Segment's order: window.analyticsWriteKey, the snippet's `_writeKey`
 * (every snippet since 4.13.2), then a script URL: `…/analytics.js/v1/<KEY>/…` or `?apiKey=<KEY>`.
 */
function findWriteKey(target, win) {
    const fromGlobal = win.analyticsWriteKey;
    if (typeof fromGlobal === 'string' && fromGlobal && fromGlobal !== WRITE_KEY_PLACEHOLDER)
        return fromGlobal;
    if (typeof target._writeKey === 'string' && target._writeKey)
        return target._writeKey;
    const sources = [];
    try {
        const current = document.currentScript;
        if (current === null || current === void 0 ? void 0 : current.src)
            sources.push(current.src);
        for (const s of Array.from(document.getElementsByTagName('script')))
            if (s.src)
                sources.push(s.src);
    }
    catch (_a) {
        /* ignore */
    }
    for (const src of sources) {
        const key = writeKeyFromUrl(src);
        if (key)
            return key;
    }
    return undefined;
}
function writeKeyFromUrl(src) {
    const path = /\/analytics\.js\/v1\/([^/?#]+)\//.exec(src);
    if (path)
        return decodeURIComponent(path[1]);
    const query = /[?&](?:apiKey|writeKey|key)=([^&#]+)/.exec(src);
    return query && /segment-amplitude-shim/.test(src) ? decodeURIComponent(query[1]) : undefined;
}
function addPageExitListeners(win, core) {
    const w = win;
    try {
        w.addEventListener('pagehide', () => core.onPageExit());
        w.addEventListener('pageshow', (e) => {
            if (e.persisted)
                core.onPageShown();
        });
        document.addEventListener('visibilitychange', () => {
            if (document.visibilityState === 'hidden')
                core.onPageExit();
            else
                core.onPageShown();
        });
        w.addEventListener('online', () => core.onOnline());
        // Another tab changed Segment's IDs (its journal writes are not identity).
        w.addEventListener('storage', (e) => {
            const key = e.key;
            if (key === null || key.startsWith('ajs_'))
                core.onStorageChanged();
        });
    }
    catch (_a) {
        /* no DOM events: nothing to flush on exit */
    }
}
/**
 * Segment's docs tell sites to read `amplitude.getInstance().options.deviceId` inside analytics.ready.
 * Provided only when the page has no `window.amplitude` of its own.
 */
function installLegacyAmplitudeAccessor(win, core) {
    if (win.amplitude !== undefined)
        return;
    const instance = {
        options: {
            get deviceId() {
                var _a;
                return (_a = core.deviceId) !== null && _a !== void 0 ? _a : undefined;
            },
        },
        getDeviceId: () => { var _a; return (_a = core.deviceId) !== null && _a !== void 0 ? _a : undefined; },
        getSessionId: () => core.adapter.getSessionId(),
        getUserId: () => { var _a; return (_a = core.userStore.id()) !== null && _a !== void 0 ? _a : undefined; },
    };
    win.amplitude = { getInstance: () => instance };
}

export { findWriteKey, install, writeKeyFromUrl };
