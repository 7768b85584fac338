import { settledWithin } from './clock.js';
import { describe, callPageFunction } from './page-code.js';

function toElements(input) {
    if (!input)
        return [];
    try {
        if (typeof Element !== 'undefined' && input instanceof Element)
            return [input];
        const maybe = input;
        const list = Array.isArray(input) ? input : typeof maybe.toArray === 'function' ? maybe.toArray() : [];
        return Array.isArray(list) ? list.filter((el) => typeof Element !== 'undefined' && el instanceof Element) : [];
    }
    catch (_a) {
        // A Proxy whose traps throw, or a jQuery-like whose toArray throws: nothing we can bind to.
        return [];
    }
}
/** An event name or properties given as a function of the element; what it throws or rejects is reported. */
function resolve(value, el, onError) {
    return typeof value === 'function' ? callPageFunction(value, undefined, [el], onError) : value;
}
function linkHref(el) {
    var _a, _b;
    const direct = (_b = (_a = el.getAttribute('href')) !== null && _a !== void 0 ? _a : el.getAttributeNS('http://www.w3.org/1999/xlink', 'href')) !== null && _b !== void 0 ? _b : el.getAttribute('xlink:href');
    if (direct)
        return direct;
    const nested = el.getElementsByTagName('a')[0];
    return nested ? nested.getAttribute('href') : null;
}
function trackLink(deps, call, links, event, properties, options) {
    const elements = toElements(links);
    if (links && elements.length === 0)
        deps.warn(call, 'expects an element, an array of elements or a jQuery object; nothing was bound');
    for (const el of elements) {
        el.addEventListener('click', (e) => {
            var _a;
            try {
                const failed = (error) => deps.warn(call, `a function given to it failed: ${describe(error)}`);
                const ev = resolve(event, el, failed);
                const props = resolve(properties, el, failed);
                const href = linkHref(el);
                const mouse = e;
                const newTab = (el.getAttribute('target') === '_blank' && Boolean(href)) || mouse.metaKey || mouse.ctrlKey || mouse.shiftKey || mouse.button === 1;
                const tracked = deps.track(ev, props, (_a = options) !== null && _a !== void 0 ? _a : {});
                if (!newTab && href) {
                    e.preventDefault();
                    void settledWithin(tracked, deps.timeout(), deps.clock).then(() => deps.navigate(href));
                }
            }
            catch (error) {
                deps.warn(call, `click handler failed: ${describe(error)}`);
            }
        });
    }
}
function trackForm(deps, call, forms, event, properties, options) {
    const elements = toElements(forms).filter((el) => el.tagName === 'FORM');
    if (forms && elements.length === 0)
        deps.warn(call, 'expects a form element or an array of forms; nothing was bound');
    for (const form of elements) {
        form.addEventListener('submit', (e) => {
            var _a;
            try {
                e.preventDefault();
                const failed = (error) => deps.warn(call, `a function given to it failed: ${describe(error)}`);
                const tracked = deps.track(resolve(event, form, failed), resolve(properties, form, failed), (_a = options) !== null && _a !== void 0 ? _a : {});
                void settledWithin(tracked, deps.timeout(), deps.clock).then(() => form.submit());
            }
            catch (error) {
                deps.warn(call, `submit handler failed: ${describe(error)}`);
            }
        });
    }
}

export { trackForm, trackLink };
