/** trackLink / trackForm, with analytics-next's semantics (navigation waits for the track or the timeout). */
import type { Dict } from '../core/types.js';
import type { Clock } from './clock.js';
import { callPageFunction, describe, settledWithin } from './page-code.js';
import { linkHref, onElementEvent, opensElsewhere, toElements, toForms } from '../browser/elements.js';

type TrackFn = (event: unknown, properties: unknown, options: Dict) => Promise<unknown>;

interface AutoTrackDeps {
  track: TrackFn;
  timeout: () => number;
  clock: Clock;
  navigate: (href: string) => void;
  warn: (call: string, message: string) => void;
}

/** An event name or properties given as a function of the element; what it throws or rejects is reported. */
function resolve(value: unknown, el: Element, onError: (error: unknown) => void): unknown {
  return typeof value === 'function'
    ? callPageFunction(value as (e: Element) => unknown, undefined, [el], onError)
    : value;
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
    onElementEvent(el, 'click', (e) => {
      try {
        const failed = (error: unknown) => deps.warn(call, `a function given to it failed: ${describe(error)}`);
        const ev = resolve(event, el, failed);
        const props = resolve(properties, el, failed);
        const href = linkHref(el);
        const newTab = opensElsewhere(el, href, e);
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
  const elements = toForms(forms);
  if (forms && elements.length === 0) deps.warn(call, 'expects a form element or an array of forms; nothing was bound');
  for (const form of elements) {
    onElementEvent(form, 'submit', (e) => {
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
