import { normalizeSettings } from './settings.js';
import { coerceIntegrations } from './events.js';
import { queryStringCalls, parseQuery } from './query-string.js';
import { resolveDeviceId } from './device-id.js';
import { attribution } from './attribution.js';
import { stampVersion } from './translate.js';
import { isPlainObject } from './values.js';

/** The SDK's (and amplitude-js's) session timeout. */
const DEFAULT_SESSION_TIMEOUT_MS = 30 * 60 * 1000;
function planLoad(env) {
    var _a;
    const warnings = [];
    const options = isPlainObject(env.options) ? env.options : {};
    const persist = !(options.disableClientPersistence === true || (isPlainObject(options.user) && options.user.persist === false));
    const cookie = isPlainObject(options.cookie) ? options.cookie : {};
    const integrations = isPlainObject(options.integrations) ? options.integrations : {};
    // integrations.Amplitude carries our settings, not a routing decision: only an explicit false routes.
    const amplitudeEntry = integrations.Amplitude;
    const loadIntegrations = coerceIntegrations(integrations);
    delete loadIntegrations.Amplitude;
    if (amplitudeEntry === false)
        loadIntegrations.Amplitude = false;
    const normalized = normalizeSettings(amplitudeEntry);
    const settings = normalized.settings;
    for (const message of normalized.warnings)
        warnings.push({ call: 'analytics.load()', message, dropped: false });
    const sdkOptions = isPlainObject(options.amplitude) ? options.amplitude : {};
    // The querystring API runs before buffered calls, as in analytics-next.
    const query = options.useQueryString === false ? { calls: {}, warnings: [] } : queryStringCalls(env.search, env.hash);
    for (const message of query.warnings)
        warnings.push({ call: 'querystring', message, dropped: true });
    const anonymousId = (_a = query.calls.anonymousId) !== null && _a !== void 0 ? _a : env.anonymousId;
    const urlParams = parseQuery(env.search);
    const decision = resolveDeviceId({
        preferAnonymousId: settings.preferAnonymousIdForDeviceId,
        anonymousId: settings.preferAnonymousIdForDeviceId ? anonymousId : null,
        deviceIdFromUrlParam: settings.deviceIdFromUrlParam,
        query: urlParams,
        stored: env.storedDeviceIds,
        now: env.now,
        generate: env.newId,
    });
    for (const message of decision.warnings)
        warnings.push({ call: 'device ID', message, dropped: true });
    const timeout = typeof sdkOptions.sessionTimeout === 'number' ? sdkOptions.sessionTimeout : DEFAULT_SESSION_TIMEOUT_MS;
    const stored = env.storedSession;
    const isNewSession = !stored.sessionId || !stored.lastEventTime || env.now - stored.lastEventTime > timeout;
    const session = {
        sessionId: isNewSession ? env.now : stored.sessionId,
        lastEventTime: isNewSession ? env.now : stored.lastEventTime,
        lastEventId: typeof stored.lastEventId === 'number' ? stored.lastEventId : -1,
    };
    // Amplitude's cross-domain session hand-off (?ampSessionId, valid until ?ampTimestamp), as the SDK honours it.
    const handedSession = Number(urlParams.ampSessionId);
    const handOffValid = urlParams.ampTimestamp === undefined || env.now < Number(urlParams.ampTimestamp);
    if (urlParams.ampSessionId !== undefined && Number.isFinite(handedSession) && handedSession > 0 && handOffValid) {
        session.sessionId = handedSession;
        session.lastEventTime = env.now;
    }
    const captured = attribution({ settings, query: urlParams, utmz: env.utmz, referrer: env.referrer, isNewSession });
    for (const message of captured.warnings)
        warnings.push({ call: 'attribution', message, dropped: true });
    return {
        settings,
        sdkOptions,
        loadIntegrations,
        persist,
        cookie,
        query: query.calls,
        anonymousId,
        deviceId: decision.deviceId,
        deviceIdSource: decision.source,
        isNewSession,
        session,
        sessionTimeoutMs: timeout,
        attribution: stampVersion(captured.operations, settings.versionName),
        warnings,
    };
}

export { DEFAULT_SESSION_TIMEOUT_MS, planLoad };
