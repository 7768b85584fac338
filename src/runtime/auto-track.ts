/** trackLink / trackForm, with analytics-next's semantics (navigation waits for the track or the timeout). */
import type { Dict } from '../core/types.js';
import type { Clock } from './clock.js';
import { settledWithin } from './page-code.js';
import { callPageFunction, describe } from './page-code.js';

type TrackFn = (event: unknown, properties: unknown, options: Dict) => Promise<unknown>;

interface AutoTrackDeps {
  track: TrackFn;
  timeout: () => number;
  clock: Clock;
  navigate: (href: string) => void;
  warn: (call: string, message: string) => void;
}

function toElements(input: unknown): Element[] {
  if (!input) return [];
  try {
    if (typeof Element !== 'undefined' && input instanceof Element) return [input];
    const maybe = input as { toArray?: () => unknown[] };
    const list = Array.isArray(input) ? input : typeof maybe.toArray === 'function' ? maybe.toArray() : [];
    return Array.isArray(list)
      ? list.filter((el): el is Element => typeof Element !== 'undefined' && el instanceof Element)
      : [];
  } catch {
    // A Proxy whose traps throw, or a jQuery-like whose toArray throws: nothing we can bind to.
    return [];
  }
}

/** An event name or properties given as a function of the element; what it throws or rejects is reported. */
function resolve(value: unknown, el: Element, onError: (error: unknown) => void): unknown {
  return typeof value === 'function'
    ? callPageFunction(value as (e: Element) => unknown, undefined, [el], onError)
    : value;
}

function linkHref(el: Element): string | null {
  const direct =
    el.getAttribute('href') ??
    el.getAttributeNS('http://www.w3.org/1999/xlink', 'href') ??
    el.getAttribute('xlink:href');
  if (direct) return direct;
  const nested = el.getElementsByTagName('a')[0];
  return nested ? nested.getAttribute('href') : null;
}

export function trackLink(
  deps: AutoTrackDeps,
  call: string,
  links: unknown,
  event: unknown,
  properties?: unknown,
  options?: unknown,
): void {
  const elements = toElements(links);
  if (links && elements.length === 0)
    deps.warn(call, 'expects an element, an array of elements or a jQuery object; nothing was bound');
  for (const el of elements) {
    el.addEventListener('click', (e) => {
      try {
        const failed = (error: unknown) => deps.warn(call, `a function given to it failed: ${describe(error)}`);
        const ev = resolve(event, el, failed);
        const props = resolve(properties, el, failed);
        const href = linkHref(el);
        const mouse = e as MouseEvent;
        const newTab =
          (el.getAttribute('target') === '_blank' && Boolean(href)) ||
          mouse.metaKey ||
          mouse.ctrlKey ||
          mouse.shiftKey ||
          mouse.button === 1;
        const tracked = deps.track(ev, props, (options as Dict) ?? {});
        if (!newTab && href) {
          e.preventDefault();
          void settledWithin(tracked, deps.timeout(), deps.clock).then(() => deps.navigate(href));
        }
      } catch (error) {
        deps.warn(call, `click handler failed: ${describe(error)}`);
      }
    });
  }
}

export function trackForm(
  deps: AutoTrackDeps,
  call: string,
  forms: unknown,
  event: unknown,
  properties?: unknown,
  options?: unknown,
): void {
  const elements = toElements(forms).filter((el): el is HTMLFormElement => el.tagName === 'FORM');
  if (forms && elements.length === 0) deps.warn(call, 'expects a form element or an array of forms; nothing was bound');
  for (const form of elements) {
    form.addEventListener('submit', (e) => {
      try {
        e.preventDefault();
        const failed = (error: unknown) => deps.warn(call, `a function given to it failed: ${describe(error)}`);
        const tracked = deps.track(
          resolve(event, form, failed),
          resolve(properties, form, failed),
          (options as Dict) ?? {},
        );
        void settledWithin(tracked, deps.timeout(), deps.clock).then(() => form.submit());
      } catch (error) {
        deps.warn(call, `submit handler failed: ${describe(error)}`);
      }
    });
  }
}
