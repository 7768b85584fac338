import { p as parseCookieHeader, v as v2CookieName, d as decodeV2Identity, h as segmentIdFromCookie } from '../stored-value.js';

/**
 * segment-amplitude-shim/server: the server half of the device-ID hand-off, for Node (18+), no framework.
 * - readIdentity(cookieHeader, apiKey): the visitor's Amplitude device, user and session IDs, and their
 *   Segment IDs, from the cookies the browser sends with every request after its first page view.
 * - createAmplitudeServer(...).track(identity, …): server-side events under that same device and session.
 * - createAmplitudeServer(...).aliasHandler(): the endpoint the browser's analytics.alias() posts to; it
 *   calls Amplitude's user-mapping API with keys that never leave the server.
 */
function readIdentity(cookieHeader, apiKey) {
    var _a, _b;
    const cookies = parseCookieHeader(cookieHeader);
    const ampCookie = cookies[v2CookieName(apiKey)];
    const amp = ampCookie ? decodeV2Identity(ampCookie) : undefined;
    const identity = {
        anonymousId: segmentIdFromCookie(cookies.ajs_anonymous_id),
        segmentUserId: segmentIdFromCookie(cookies.ajs_user_id),
        groupId: segmentIdFromCookie(cookies.ajs_group_id),
    };
    identity.deviceId = (_a = amp === null || amp === void 0 ? void 0 : amp.deviceId) !== null && _a !== void 0 ? _a : identity.anonymousId;
    identity.userId = (_b = amp === null || amp === void 0 ? void 0 : amp.userId) !== null && _b !== void 0 ? _b : identity.segmentUserId;
    if (amp === null || amp === void 0 ? void 0 : amp.sessionId)
        identity.sessionId = amp.sessionId;
    for (const key of Object.keys(identity))
        if (identity[key] === undefined)
            delete identity[key];
    return identity;
}
const MAX_ID_LENGTH = 1024;
/** Two IDs of MAX_ID_LENGTH fit many times over; anything bigger is not an alias request. */
const MAX_BODY_CHARS = 16384;
function createAmplitudeServer(options) {
    var _a, _b, _c;
    const eu = options.serverZone === 'EU';
    const serverUrl = (_a = options.serverUrl) !== null && _a !== void 0 ? _a : (eu ? 'https://api.eu.amplitude.com/2/httpapi' : 'https://api2.amplitude.com/2/httpapi');
    const usermapUrl = (_b = options.usermapUrl) !== null && _b !== void 0 ? _b : (eu ? 'https://api.eu.amplitude.com/usermap' : 'https://api.amplitude.com/usermap');
    const doFetch = (_c = options.fetch) !== null && _c !== void 0 ? _c : fetch;
    async function post(url, init) {
        const response = await doFetch(url, init);
        const text = await response.text();
        let body = text;
        try {
            body = JSON.parse(text);
        }
        catch (_a) {
            /* plain text answer */
        }
        return { status: response.status, body };
    }
    /** Sends raw HTTP V2 events. */
    function sendEvents(events) {
        return post(serverUrl, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json', Accept: '*/*' },
            body: JSON.stringify({ api_key: options.apiKey, events, options: { min_id_length: 1 } }),
        });
    }
    /** One event under the visitor's device, user and session, as the browser would have sent it. */
    function track(identity, eventType, eventProperties = {}, extra = {}) {
        var _a, _b;
        if (!identity.deviceId && !identity.userId) {
            return Promise.reject(new Error('segment-amplitude-shim/server: the identity has neither a device ID nor a user ID'));
        }
        const event = {
            event_type: eventType,
            event_properties: eventProperties,
            time: (_a = extra.time) !== null && _a !== void 0 ? _a : Date.now(),
            insert_id: (_b = extra.insertId) !== null && _b !== void 0 ? _b : globalThis.crypto.randomUUID(),
            platform: 'Web',
            library: 'segment-amplitude-shim/server',
        };
        if (identity.deviceId)
            event.device_id = identity.deviceId;
        if (identity.userId)
            event.user_id = identity.userId;
        if (identity.sessionId)
            event.session_id = identity.sessionId;
        if (extra.userProperties)
            event.user_properties = extra.userProperties;
        if (extra.groups)
            event.groups = extra.groups;
        return sendEvents([event]);
    }
    /** Amplitude's user mapping: events of `previousId` count as `userId` from now on. */
    function alias(userId, previousId) {
        const form = new URLSearchParams({
            api_key: options.apiKey,
            mapping: JSON.stringify([{ user_id: previousId, global_user_id: userId }]),
        });
        const headers = { 'Content-Type': 'application/x-www-form-urlencoded' };
        if (options.secretKey)
            headers.Authorization = `Basic ${btoa(`${options.apiKey}:${options.secretKey}`)}`;
        return post(usermapUrl, { method: 'POST', headers, body: form.toString() });
    }
    /**
     * An HTTP handler for POST {userId, previousId} (what the shim's alias() sends to `aliasUrl`).
     * Answers only {ok} or {ok:false, error}: nothing from Amplitude's answer, and never a key.
     */
    function aliasHandler(handlerOptions = {}) {
        return (req, res) => {
            const reply = (status, body) => {
                res.statusCode = status;
                res.setHeader('Content-Type', 'application/json');
                res.setHeader('Cache-Control', 'no-store');
                res.end(JSON.stringify(body));
            };
            if (req.method !== 'POST')
                return reply(405, { ok: false, error: 'POST only' });
            let raw = '';
            let tooLarge = false;
            req.on('data', (chunk) => {
                if (tooLarge)
                    return;
                raw += typeof chunk === 'string' ? chunk : new TextDecoder().decode(chunk);
                if (raw.length > MAX_BODY_CHARS) {
                    tooLarge = true;
                    raw = '';
                }
            });
            req.on('error', () => reply(400, { ok: false, error: 'unreadable body' }));
            req.on('end', () => {
                if (tooLarge)
                    return reply(413, { ok: false, error: 'body too large' });
                void (async () => {
                    let request;
                    try {
                        const parsed = JSON.parse(raw);
                        const valid = (v) => typeof v === 'string' && v.length > 0 && v.length <= MAX_ID_LENGTH;
                        if (!valid(parsed.userId) || !valid(parsed.previousId) || parsed.userId === parsed.previousId)
                            throw new Error('bad ids');
                        request = { userId: parsed.userId, previousId: parsed.previousId };
                    }
                    catch (_a) {
                        return reply(400, {
                            ok: false,
                            error: 'expected JSON {userId, previousId}, two different non-empty strings',
                        });
                    }
                    try {
                        if (handlerOptions.authorize && !(await handlerOptions.authorize(req, request)))
                            return reply(403, { ok: false, error: 'not allowed' });
                        const upstream = await alias(request.userId, request.previousId);
                        return upstream.status >= 200 && upstream.status < 300
                            ? reply(200, { ok: true })
                            : reply(502, { ok: false, error: `Amplitude answered ${upstream.status}` });
                    }
                    catch (_b) {
                        return reply(502, { ok: false, error: 'Amplitude could not be reached' });
                    }
                })();
            });
        };
    }
    return { track, sendEvents, alias, aliasHandler, serverUrl, usermapUrl };
}

export { createAmplitudeServer, readIdentity };
