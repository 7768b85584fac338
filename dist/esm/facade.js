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

export { lookupField, objCaseGet, objCaseKey };
