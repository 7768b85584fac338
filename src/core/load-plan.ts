/**
 * Everything `load()` decides, as one pure function: a snapshot of the environment in, the decisions
 * out (settings, routing, persistence, the querystring calls, the device ID and the attribution sent at
 * the start of a session). The runtime then only carries them out, in order.
 */
import type { AmplitudeOperation, Dict } from './types.js';
import type { CookieOptions } from '../browser/cookies.js';
import type { AmplitudeSettings } from '../modes/classic/settings.js';
import { chooseMode, destinationMode } from '../modes/choose-mode.js';
import { CLASSIC_DESTINATION } from '../modes/classic/mode.js';
import type { DestinationMode } from '../modes/mode.js';
import { ACTIONS_DESTINATION } from '../modes/actions/presets.js';
import { coerceIntegrations } from './events.js';
import { queryStringCalls, parseQuery, type QueryStringCalls } from './query-string.js';
import { resolveDeviceId, type DeviceIdSource, type StoredDeviceIds } from './device-id.js';
import { attribution } from '../modes/classic/attribution.js';
import { stampVersion } from '../modes/classic/translate.js';
import type { StoredAmplitudeIdentity } from './amplitude-cookie.js';
import { isPlainObject } from './values.js';
import type { SessionState } from '../runtime/session.js';

/** The SDK's (and amplitude-js's) session timeout. */
const DEFAULT_SESSION_TIMEOUT_MS = 30 * 60 * 1000;

export interface LoadEnvironment {
  writeKey: string;
  options: unknown;
  search: string;
  hash: string;
  referrer: string;
  /** Google Analytics' legacy `__utmz` cookie. */
  utmz: string | undefined;
  storedDeviceIds: StoredDeviceIds;
  storedSession: StoredAmplitudeIdentity;
  /** Segment's session plugin keys (`analytics_session_id`, `.last_access`), read for Actions mode. */
  storedActionsSession?: { id: number | null; lastAccess: number | null };
  /** Segment's anonymousId as stored (or just made) before the querystring is applied. */
  anonymousId: string;
  now: number;
  newId: () => string;
}

interface PlanWarning {
  call: string;
  message: string;
  dropped: boolean;
}

export interface LoadPlan {
  /** The destination this page reproduces (Classic or Actions). */
  mode: DestinationMode;
  /** The mode's shared rules (device ID, attribution, consent, GPC). */
  settings: AmplitudeSettings;
  /** Raw SDK options (load option `amplitude`). */
  sdkOptions: Dict;
  /** Load-level routing, coerced to booleans as analytics-next keeps it on events. */
  loadIntegrations: Dict;
  persist: boolean;
  /** false with `disableClientPersistence`: no cookie and no storage key at all, ours or the SDK's. */
  clientPersistence: boolean;
  cookie: CookieOptions;
  query: QueryStringCalls;
  /** The anonymousId once `ajs_aid` is applied. */
  anonymousId: string;
  deviceId: string;
  deviceIdSource: DeviceIdSource;
  isNewSession: boolean;
  /** The session this page starts in (continued from the cookie, from ?ampSessionId, or new). */
  session: SessionState;
  sessionTimeoutMs: number;
  /** `$identify` operations for UTM, gclid and referrer, sent before any call. */
  attribution: AmplitudeOperation[];
  warnings: PlanWarning[];
}

/** Whether identity may be stored, and with which cookie attributes (needed before the plan: it reads identity). */
export function storageOptions(rawOptions: unknown): { persist: boolean; cookie: CookieOptions } {
  const options: Dict = isPlainObject(rawOptions) ? rawOptions : {};
  return {
    persist: !(
      options.disableClientPersistence === true ||
      (isPlainObject(options.user) && options.user.persist === false)
    ),
    cookie: isPlainObject(options.cookie) ? (options.cookie as CookieOptions) : {},
  };
}

export function planLoad(env: LoadEnvironment): LoadPlan {
  const warnings: PlanWarning[] = [];
  const warn = (call: string, messages: string[], dropped = true) => {
    for (const message of messages) warnings.push({ call, message, dropped });
  };
  const options: Dict = isPlainObject(env.options) ? env.options : {};
  const { persist, cookie } = storageOptions(options);
  const integrations = isPlainObject(options.integrations) ? options.integrations : {};
  const choice = chooseMode(integrations);
  const mode = destinationMode(choice);
  // The destination entries carry settings, not routing decisions: only an explicit false routes.
  const loadIntegrations = coerceIntegrations(integrations);
  for (const name of [CLASSIC_DESTINATION, ACTIONS_DESTINATION]) {
    delete loadIntegrations[name];
    if (integrations[name] === false) loadIntegrations[name] = false;
  }
  const settings = choice.settings;
  warn('analytics.load()', choice.warnings, false);
  const sdkOptions = isPlainObject(options.amplitude) ? options.amplitude : {};

  // The querystring API runs before buffered calls, as in analytics-next.
  const query = options.useQueryString === false ? { calls: {}, warnings: [] } : queryStringCalls(env.search, env.hash);
  warn('querystring', query.warnings);
  const anonymousId = query.calls.anonymousId || env.anonymousId;

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
  warn('device ID', decision.warnings);

  const timeout =
    typeof sdkOptions.sessionTimeout === 'number' ? sdkOptions.sessionTimeout : DEFAULT_SESSION_TIMEOUT_MS;
  // Actions mode continues the session Segment's plugin kept; Classic the one in Amplitude's cookie.
  const actionsSession = env.storedActionsSession;
  const stored: StoredAmplitudeIdentity = mode.session.keptInSegmentStorage
    ? { sessionId: actionsSession?.id || undefined, lastEventTime: actionsSession?.lastAccess || undefined }
    : env.storedSession;
  const isNewSession = !stored.sessionId || !stored.lastEventTime || env.now - stored.lastEventTime > timeout;
  const session: SessionState = {
    sessionId: isNewSession ? env.now : (stored.sessionId as number),
    lastEventTime: isNewSession ? env.now : (stored.lastEventTime as number),
    lastEventId: typeof stored.lastEventId === 'number' ? stored.lastEventId : -1,
  };
  // Amplitude's cross-domain session hand-off (?ampSessionId, valid until ?ampTimestamp), as the SDK honours it.
  // Without the parameter, Number() gives NaN, which is no session.
  const handedSession = Number(urlParams.ampSessionId);
  const handOffValid = urlParams.ampTimestamp === undefined || env.now < Number(urlParams.ampTimestamp);
  if (Number.isFinite(handedSession) && handedSession > 0 && handOffValid) {
    session.sessionId = handedSession;
    session.lastEventTime = env.now;
  }
  const captured = attribution({ settings, query: urlParams, utmz: env.utmz, referrer: env.referrer, isNewSession });
  warn('attribution', captured.warnings);

  return {
    mode,
    settings,
    sdkOptions,
    loadIntegrations,
    persist,
    clientPersistence: options.disableClientPersistence !== true,
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
