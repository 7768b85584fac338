/**
 * The page's elements that trackLink and trackForm are given: what they are, where a link goes, and their
 * events. auto-track.ts keeps analytics-next's rules (what is tracked, when navigation goes on); this file
 * is their only contact with the DOM. Reads are defensive: a page may hand over anything.
 */

/** An element, an array of them or a jQuery-like object, as elements; anything else as none. */
export function toElements(input: unknown): Element[] {
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

export function toForms(input: unknown): HTMLFormElement[] {
  return toElements(input).filter((el): el is HTMLFormElement => el.tagName === 'FORM');
}

/** Where a link goes: its own href (or SVG xlink:href), else that of the first link inside it. */
export function linkHref(el: Element): string | null {
  const direct =
    el.getAttribute('href') ??
    el.getAttributeNS('http://www.w3.org/1999/xlink', 'href') ??
    el.getAttribute('xlink:href');
  if (direct) return direct;
  const nested = el.getElementsByTagName('a')[0];
  return nested ? nested.getAttribute('href') : null;
}

/** The click opens its link elsewhere (a new tab or window), so this page is not left and need not wait. */
export function opensElsewhere(el: Element, href: string | null, click: Event): boolean {
  const mouse = click as MouseEvent;
  return (
    (el.getAttribute('target') === '_blank' && Boolean(href)) ||
    mouse.metaKey ||
    mouse.ctrlKey ||
    mouse.shiftKey ||
    mouse.button === 1
  );
}

export function onElementEvent(el: Element, type: 'click' | 'submit', listener: (e: Event) => void): void {
  el.addEventListener(type, listener);
}
