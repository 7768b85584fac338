import { isPlainObject, isNonEmptyString } from './values.js';
import { lookupField, objCaseGet } from './facade.js';
import { isOrderCompleted, productsOf, reduceProduct, extractRevenue, revenueEvent, revenueAttributes } from './revenue.js';

function translate({ event, settings, referrer }) {
    var _a, _b;
    let ops;
    switch (event.type) {
        case 'identify':
            ops = translateIdentify(event, settings);
            break;
        case 'track': {
            const name = (_a = event.event) !== null && _a !== void 0 ? _a : '';
            ops = isOrderCompleted(name) ? translateOrderCompleted(name, event, settings) : trackPath(name, (_b = event.properties) !== null && _b !== void 0 ? _b : {}, event, settings, false);
            break;
        }
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
    return stampVersion(ops, settings.versionName);
}
/** versionName: amplitude-js's setVersionName, which put the version on every event. */
function stampVersion(ops, versionName) {
    if (versionName)
        for (const op of ops)
            if (op.op === 'event')
                op.event.app_version = versionName;
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
 * appendFieldsToEventProps, the event with or without per-event groups, then a revenue event when the
 * properties carry revenue (any event, not only purchases) and `skipRevenue` is false.
 */
function trackPath(eventType, properties, event, settings, skipRevenue) {
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
    // The revenue event's properties are the caller's, without the mapQueryParams/appendFields additions.
    if (!skipRevenue && extractRevenue(eventType, properties) !== undefined) {
        ops.push(...revenueOperation(revenueEvent(revenueAttributes(eventType, properties), settings.useLogRevenueV2)));
    }
    return ops;
}
function explicitRevenueType(properties) {
    const value = objCaseGet(properties, 'revenueType');
    return typeof value === 'string' && value ? value : undefined;
}
function revenueOperation(event) {
    return event ? [{ op: 'event', event }] : [];
}
// --------------------------------------------------------------------------------------- Order Completed
/**
 * The classic orderCompleted: the order event, then (unless trackProductsOnce) one "Product Purchased"
 * per product. The order's revenue is booked once: for the order, or per product with
 * trackRevenuePerProduct.
 */
function translateOrderCompleted(name, event, settings) {
    var _a;
    const properties = (_a = event.properties) !== null && _a !== void 0 ? _a : {};
    const products = productsOf(properties);
    const perProduct = settings.trackRevenuePerProduct;
    if (settings.trackProductsOnce) {
        const reduced = products.map(reduceProduct);
        const orderProps = Array.isArray(properties.products) ? Object.assign(Object.assign({}, properties), { products: reduced }) : Object.assign({}, properties);
        const ops = trackPath(name, orderProps, event, settings, perProduct);
        // Difference: with both settings on, the classic integration booked no revenue at all.
        if (perProduct)
            for (const product of reduced)
                ops.push(...productRevenue(product, properties, settings));
        return ops;
    }
    const orderProps = Object.assign({}, properties);
    delete orderProps.products;
    const ops = trackPath(name, orderProps, event, settings, perProduct);
    const orderRevenue = extractRevenue(name, properties);
    const orderRevenueType = explicitRevenueType(properties);
    for (const product of products) {
        const productProps = Object.assign({}, product);
        if (perProduct && product.price !== null && product.price !== undefined && product.quantity) {
            // As the classic integration did, the product event carries the order's revenueType and revenue.
            if (orderRevenueType)
                productProps.revenueType = orderRevenueType;
            if (orderRevenue !== undefined)
                productProps.revenue = orderRevenue;
            ops.push(...productRevenue(productProps, properties, settings));
        }
        // Difference: with trackRevenuePerProduct off, a product with its own `revenue` property also
        // booked revenue in the classic integration, on top of the order's. Products never book it here.
        ops.push(...trackPath('Product Purchased', productProps, event, settings, true));
    }
    return ops;
}
/**
 * A product's own revenue: its price x quantity.
 * Difference: the classic integration booked the *order's* revenue for each product in V1 mode, and the
 * order's revenue in place of a zero price in V2 mode; both counted the order more than once.
 */
function productRevenue(product, order, settings) {
    var _a;
    const attrs = revenueAttributes('Product Purchased', product);
    attrs.revenueType = (_a = explicitRevenueType(order)) !== null && _a !== void 0 ? _a : attrs.revenueType;
    attrs.revenue = undefined;
    return revenueOperation(revenueEvent(attrs, settings.useLogRevenueV2));
}
// -------------------------------------------------------------------------------------------------- page
function translatePage(event, settings, referrer) {
    var _a;
    const ops = [];
    if (settings.trackReferrer && !settings.useAmplitudeReferral)
        ops.push(...referrerOperations(referrer));
    for (const eventType of pageEventNames(event.category, event.name, settings, 'Page')) {
        ops.push(...trackPath(eventType, (_a = event.properties) !== null && _a !== void 0 ? _a : {}, event, settings, false));
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
        ops.push(...trackPath(eventType, (_a = event.properties) !== null && _a !== void 0 ? _a : {}, event, settings, false));
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

export { amplitudeOptions, normalizeGroups, pageEventNames, referrerOperations, stampVersion, traitOperations, translate };
