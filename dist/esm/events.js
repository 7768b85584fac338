import { eventPageContext } from './page-context.js';
import { isPlainObject } from './values.js';

const TOP_LEVEL_OPTIONS = ['integrations', 'userId', 'anonymousId', 'timestamp', 'messageId', 'context'];
function buildEvent(body, rawOptions, env) {
    var _a, _b, _c, _d, _e;
    const options = {};
    for (const key of Object.keys(rawOptions))
        if (rawOptions[key] !== undefined)
            options[key] = rawOptions[key];
    const context = isPlainObject(options.context) ? Object.assign({}, options.context) : {};
    for (const key of Object.keys(options)) {
        if (!TOP_LEVEL_OPTIONS.includes(key))
            setPath(context, key, options[key]);
    }
    let properties = body.properties;
    if (body.type === 'page') {
        properties = Object.assign(Object.assign({}, env.page), ((_a = body.properties) !== null && _a !== void 0 ? _a : {}));
        if (body.category !== null && body.category !== undefined)
            properties.category = body.category;
        if (body.name)
            properties.name = body.name;
    }
    else if (body.type === 'screen') {
        properties = Object.assign({}, ((_b = body.properties) !== null && _b !== void 0 ? _b : {}));
    }
    const explicitPage = (_c = (isPlainObject(options.context) ? options.context.page : undefined)) !== null && _c !== void 0 ? _c : options.page;
    context.page = eventPageContext(env.page, body.type === 'page', (_d = body.properties) !== null && _d !== void 0 ? _d : {}, explicitPage);
    const integrations = Object.assign({}, env.loadIntegrations);
    if (isPlainObject(options.integrations))
        Object.assign(integrations, options.integrations);
    const event = {
        type: body.type,
        messageId: typeof options.messageId === 'string' && options.messageId ? options.messageId : env.messageId,
        timestamp: (_e = parseTimestamp(options.timestamp)) !== null && _e !== void 0 ? _e : env.now,
        context: context,
        integrations,
    };
    if (body.event !== undefined)
        event.event = body.event;
    if (body.type === 'page' || body.type === 'screen') {
        if (body.category !== null && body.category !== undefined)
            event.category = body.category;
        if (body.name !== null && body.name !== undefined)
            event.name = body.name;
    }
    if (properties !== undefined)
        event.properties = properties;
    if (body.traits !== undefined)
        event.traits = body.traits;
    if (body.groupId !== undefined)
        event.groupId = body.groupId;
    if (body.previousId !== undefined && body.previousId !== null)
        event.previousId = body.previousId;
    event.userId = body.userId !== undefined ? body.userId : typeof options.userId === 'string' ? options.userId : null;
    if (env.userId)
        event.userId = env.userId;
    const anon = typeof options.anonymousId === 'string' && options.anonymousId ? options.anonymousId : env.anonymousId;
    if (anon)
        event.anonymousId = anon;
    return event;
}
/** Load options' integrations as analytics-next keeps them on events: every value coerced to a boolean. */
function coerceIntegrations(value) {
    const out = {};
    if (!isPlainObject(value))
        return out;
    for (const key of Object.keys(value))
        out[key] = Boolean(value[key]);
    return out;
}
/** Whether Segment's routing rules would hand this event to the Amplitude destination. */
function isAmplitudeEnabled(integrations) {
    const own = integrations.Amplitude;
    if (own === false)
        return false;
    if (own === undefined && integrations.All === false)
        return false;
    return true;
}
function parseTimestamp(value) {
    if (value instanceof Date && !Number.isNaN(value.getTime()))
        return value;
    if (typeof value === 'string' || typeof value === 'number') {
        const d = new Date(value);
        if (!Number.isNaN(d.getTime()))
            return d;
    }
    return undefined;
}
function setPath(target, path, value) {
    const parts = path.split('.');
    let node = target;
    for (let i = 0; i < parts.length - 1; i++) {
        const part = parts[i];
        if (part === '__proto__' || part === 'constructor' || part === 'prototype')
            return;
        if (!isPlainObject(node[part]))
            node[part] = {};
        node = node[part];
    }
    const last = parts[parts.length - 1];
    if (last === '__proto__' || last === 'constructor' || last === 'prototype')
        return;
    node[last] = value;
}

export { buildEvent, coerceIntegrations, isAmplitudeEnabled };
