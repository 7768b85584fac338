/**
 * Amplitude's v2 identity cookie, `AMP_<first 10 characters of the API key>`: base64 of URL-encoded JSON
 * ({deviceId, userId, sessionId, lastEventTime, …}). Shared by the browser and the server module. Pure.
 */
function v2CookieName(apiKey) {
    return `AMP_${apiKey.slice(0, 10)}`;
}
function decodeV2Identity(raw) {
    let value = raw;
    for (let i = 0; i < 3; i++) {
        const parsed = attempt(() => JSON.parse(decodeURIComponent(atob(value))), undefined);
        if (parsed && typeof parsed === 'object') {
            const out = {
                deviceId: stringField(parsed, 'deviceId'),
                userId: stringField(parsed, 'userId'),
                sessionId: typeof parsed.sessionId === 'number' ? parsed.sessionId : undefined,
                lastEventTime: typeof parsed.lastEventTime === 'number' ? parsed.lastEventTime : undefined,
                lastEventId: typeof parsed.lastEventId === 'number' ? parsed.lastEventId : undefined,
            };
            for (const key of Object.keys(out))
                if (out[key] === undefined)
                    delete out[key];
            return out;
        }
        const decoded = attempt(() => decodeURIComponent(value), value);
        if (decoded === value)
            break;
        value = decoded;
    }
    return undefined;
}
/** A non-empty string field of a parsed object, else undefined. */
function stringField(obj, key) {
    if (!obj || typeof obj !== 'object')
        return undefined;
    const v = obj[key];
    return typeof v === 'string' && v ? v : undefined;
}
function attempt(fn, fallback) {
    try {
        return fn();
    }
    catch (_a) {
        return fallback;
    }
}

export { decodeV2Identity as d, stringField as s, v2CookieName as v };
