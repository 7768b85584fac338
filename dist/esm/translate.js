import { isPlainObject, isNonEmptyString } from './values.js';

function translate({ event, settings, referrer }) {
    var _a, _b;
    let ops;
    switch (event.type) {
        case 'identify':
            ops = translateIdentify(event, settings);
            break;
        case 'track':
            ops = trackPath((_a = event.event) !== null && _a !== void 0 ? _a : '', (_b = event.properties) !== null && _b !== void 0 ? _b : {}, event, settings);
            break;
        case 'page':
            ops = translatePage(event, settings, referrer);
            break;
        case 'screen':
            ops = translateScreen(event, settings);
            break;
        case 'group':
            ops = translateGroup(event, settings);
            break;
        default:
            ops = [];
    }
    if (settings.versionName) {
        for (const op of ops)
            if (op.op === 'event')
                op.event.app_version = settings.versionName;
    }
    return ops;
}
/** `integrations.Amplitude` when it is an object (the facade's options('Amplitude')), else {}. */
function amplitudeOptions(event) {
    const own = event.integrations.Amplitude;
    if (isPlainObject(own))
        return own;
    const fromContext = event.context.Amplitude;
    return isPlainObject(fromContext) ? fromContext : {};
}
// ---------------------------------------------------------------------------------------------- identify
function translateIdentify(event, settings) {
    var _a;
    const ops = [];
    const userId = event.userId;
    if (isNonEmptyString(userId))
        ops.push({ op: 'setUserId', userId });
    const traits = Object.assign({}, ((_a = event.traits) !== null && _a !== void 0 ? _a : {}));
    if (isNonEmptyString(userId))
        traits.id = userId;
    const search = pageSearch(event);
    // The classic integration copied the query string into traits for every mapQueryParams entry,
    // whichever side the entry named.
    for (const name of Object.keys(settings.mapQueryParams))
        traits[name] = search;
    const userProperties = traitOperations(traits, settings);
    if (Object.keys(userProperties).length > 0)
        ops.push(identifyEvent(userProperties));
    ops.push(...groupOperations(amplitudeOptions(event).groups));
    return ops;
}
/** Builds `$set` / `$setOnce` / `$add`; one operation per trait, and increment beats set-once. */
function traitOperations(traits, settings) {
    const ops = { $set: {}, $setOnce: {}, $add: {} };
    for (const key of Object.keys(traits)) {
        const value = traits[key];
        if (value === undefined)
            continue;
        if (settings.traitsToIncrement.includes(key)) {
            // Amplitude's $add takes numbers; amplitude-js also accepted numeric strings.
            if (typeof value === 'number' || typeof value === 'string')
                ops.$add[key] = value;
        }
        else if (settings.traitsToSetOnce.includes(key)) {
            ops.$setOnce[key] = value;
        }
        else {
            ops.$set[key] = value;
        }
    }
    const out = {};
    for (const k of ['$set', '$setOnce', '$add'])
        if (Object.keys(ops[k]).length > 0)
            out[k] = ops[k];
    return out;
}
function identifyEvent(userProperties) {
    return { op: 'event', event: { event_type: '$identify', user_properties: userProperties } };
}
/** `integrations.Amplitude.groups` -> one setGroup (`$identify` with groups) per group type. */
function groupOperations(groups) {
    const normalized = normalizeGroups(groups);
    if (!normalized)
        return [];
    return Object.keys(normalized).map((type) => setGroup(type, normalized[type]));
}
function setGroup(type, value) {
    return {
        op: 'event',
        event: { event_type: '$identify', user_properties: { $set: { [type]: value } }, groups: { [type]: value } },
    };
}
/** Group values as amplitude-js accepted them: strings or arrays of strings; scalars become strings. */
function normalizeGroups(groups) {
    if (!isPlainObject(groups))
        return undefined;
    const out = {};
    for (const type of Object.keys(groups)) {
        if (!type)
            continue;
        const value = groups[type];
        if (Array.isArray(value)) {
            const items = value.filter(isScalar).map(String);
            if (items.length > 0)
                out[type] = items;
        }
        else if (isScalar(value)) {
            out[type] = String(value);
        }
    }
    return Object.keys(out).length > 0 ? out : undefined;
}
function isScalar(value) {
    return typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value)) || typeof value === 'boolean';
}
// ------------------------------------------------------------------------------------------------- track
/**
 * The classic `logEvent` path, shared by track and by every page-derived event: mapQueryParams,
 * appendFieldsToEventProps, then the event with or without per-event groups.
 */
function trackPath(eventType, properties, event, settings) {
    const ops = [];
    const props = Object.assign({}, properties);
    const search = pageSearch(event);
    const userSide = {};
    for (const name of Object.keys(settings.mapQueryParams)) {
        if (settings.mapQueryParams[name] === 'user_properties')
            userSide[name] = search;
        else
            props[name] = search;
    }
    // Difference: the classic integration sent the user side only when the *last* entry named
    // user_properties, silently dropping it in mixed configurations. It is always sent here.
    if (Object.keys(userSide).some((k) => userSide[k] !== undefined)) {
        ops.push(identifyEvent({ $set: userSide }));
    }
    for (const path of Object.keys(settings.appendFieldsToEventProps)) {
        const value = lookupField(event, path);
        if (value !== undefined)
            props[settings.appendFieldsToEventProps[path]] = value;
    }
    const amplitudeEvent = { event_type: eventType, event_properties: props };
    const groups = normalizeGroups(amplitudeOptions(event).groups);
    if (groups)
        amplitudeEvent.groups = groups;
    ops.push({ op: 'event', event: amplitudeEvent });
    return ops;
}
// -------------------------------------------------------------------------------------------------- page
function translatePage(event, settings, referrer) {
    var _a;
    const ops = [];
    if (settings.trackReferrer && !settings.useAmplitudeReferral)
        ops.push(...referrerOperations(referrer));
    for (const eventType of pageEventNames(event.category, event.name, settings, 'Page')) {
        ops.push(...trackPath(eventType, (_a = event.properties) !== null && _a !== void 0 ? _a : {}, event, settings));
    }
    return ops;
}
/**
 * Difference: the classic web integration had no screen method, so screen() sent nothing. Here it is
 * named the way Segment's mobile Amplitude integrations named screens ("Viewed X Screen"), governed
 * by the same page settings ("Loaded a Screen" for trackAllPages).
 */
function translateScreen(event, settings) {
    var _a;
    const ops = [];
    for (const eventType of pageEventNames(event.category, event.name, settings, 'Screen')) {
        ops.push(...trackPath(eventType, (_a = event.properties) !== null && _a !== void 0 ? _a : {}, event, settings));
    }
    return ops;
}
/** Loaded a Page, Viewed {category} Page, Viewed {full name} Page: in that order, each if enabled. */
function pageEventNames(category, name, settings, noun = 'Page') {
    const names = [];
    const fullName = category && name ? `${category} ${name}` : name;
    if (settings.trackAllPages)
        names.push(`Loaded a ${noun}`);
    if (category && settings.trackCategorizedPages)
        names.push(`Viewed ${category} ${noun}`);
    if (fullName && settings.trackNamedPages)
        names.push(`Viewed ${fullName} ${noun}`);
    return names;
}
/** The per-page referrer identify of `trackReferrer`. */
function referrerOperations(referrer) {
    if (!referrer)
        return [];
    const setOnce = { initial_referrer: referrer };
    const set = { referrer };
    const parts = referrer.split('/');
    if (parts.length >= 3 && parts[2]) {
        setOnce.initial_referring_domain = parts[2];
        set.referring_domain = parts[2];
    }
    return [identifyEvent({ $setOnce: setOnce, $set: set })];
}
// ------------------------------------------------------------------------------------------------- group
function translateGroup(event, settings) {
    var _a;
    const traits = Object.assign({}, ((_a = event.traits) !== null && _a !== void 0 ? _a : {}));
    if (isNonEmptyString(event.groupId))
        traits.id = event.groupId;
    const type = settings.groupTypeTrait ? traits[settings.groupTypeTrait] : undefined;
    const value = settings.groupValueTrait ? traits[settings.groupValueTrait] : undefined;
    if (type && value && isScalar(type)) {
        const groups = normalizeGroups({ [String(type)]: value });
        if (groups)
            return groupOperations(groups);
    }
    if (isNonEmptyString(event.groupId))
        return [setGroup('[Segment] Group', event.groupId)];
    return [];
}
// --------------------------------------------------------------------------------------------- lookups
function pageSearch(event) {
    var _a;
    const search = (_a = event.context.page) === null || _a === void 0 ? void 0 : _a.search;
    return typeof search === 'string' ? search : undefined;
}
/** obj-case comparison: keys match after dropping non-alphanumerics and lowercasing. */
function objCaseKey(key) {
    return key.replace(/[^a-zA-Z0-9]/g, '').toLowerCase();
}
function objCaseGet(obj, key) {
    if (!obj || typeof obj !== 'object')
        return undefined;
    const record = obj;
    if (Object.prototype.hasOwnProperty.call(record, key))
        return record[key];
    const wanted = objCaseKey(key);
    for (const k of Object.keys(record))
        if (objCaseKey(k) === wanted)
            return record[k];
    return undefined;
}
/**
 * The facade's `proxy(path)`: the first segment names a facade accessor (context, properties, traits,
 * or a top-level field), the rest is an obj-case path.
 */
function lookupField(event, path) {
    var _a;
    const [head, ...rest] = path.split('.');
    let node;
    switch (head) {
        case 'context':
        case 'options':
            node = event.context;
            break;
        case 'properties':
            node = event.properties;
            break;
        case 'traits':
            node = (_a = event.traits) !== null && _a !== void 0 ? _a : event.context.traits;
            break;
        default:
            node = objCaseGet(event, head);
    }
    for (const part of rest)
        node = objCaseGet(node, part);
    return node;
}

export { amplitudeOptions, lookupField, normalizeGroups, objCaseGet, objCaseKey, pageEventNames, referrerOperations, traitOperations, translate };
