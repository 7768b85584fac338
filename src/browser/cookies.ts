/** The page's cookies, read and written the way analytics-next does (domain detection included). */
import { parseCookieHeader } from '../core/cookie-header.js';
import { attempt } from '../core/values.js';
import { hasWindow, isHttps } from './page.js';

export function readCookies(): Record<string, string> {
  return parseCookieHeader(hasWindow ? attempt(() => document.cookie, '') : '');
}

export function getCookie(name: string): string | undefined {
  const value = readCookies()[name];
  return value === undefined ? undefined : attempt(() => decodeURIComponent(value), value);
}

export interface CookieOptions {
  /** Days. */
  maxage?: number;
  domain?: string;
  path?: string;
  sameSite?: string;
  secure?: boolean;
}

let detectedDomain: string | null | undefined;

/**
 * The registrable domain, found the way analytics-next does: the broadest `.domain` a test cookie
 * sticks on. localhost, single-label hosts and IPs get host-only cookies.
 */
function topLevelCookieDomain(): string | undefined {
  if (detectedDomain !== undefined) return detectedDomain || undefined;
  detectedDomain = null;
  if (!hasWindow) return undefined;
  const host = attempt(() => location.hostname, '');
  if (!host || !host.includes('.') || /^[\d.]+$/.test(host) || host.includes(':')) return undefined;
  const labels = host.split('.');
  for (let i = labels.length - 2; i >= 0; i--) {
    const candidate = labels.slice(i).join('.');
    const probe = `__tld__=1; domain=.${candidate}; path=/`;
    attempt(() => {
      document.cookie = probe;
    }, undefined);
    if (readCookies().__tld__ !== undefined) {
      attempt(() => {
        document.cookie = `__tld__=; domain=.${candidate}; path=/; expires=Thu, 01 Jan 1970 00:00:00 GMT`;
      }, undefined);
      detectedDomain = candidate;
      return candidate;
    }
  }
  return undefined;
}

export function setCookie(name: string, value: string, options: CookieOptions = {}): void {
  if (!hasWindow) return;
  const days = options.maxage ?? 365;
  const parts = [`${name}=${encodeURIComponent(value)}`, `path=${options.path ?? '/'}`];
  parts.push(`expires=${new Date(Date.now() + days * 864e5).toUTCString()}`);
  const domain = options.domain ?? topLevelCookieDomain();
  if (domain) parts.push(`domain=.${domain.replace(/^\./, '')}`);
  parts.push(`SameSite=${options.sameSite ?? 'Lax'}`);
  if (options.secure ?? isHttps()) parts.push('Secure');
  attempt(() => {
    document.cookie = parts.join('; ');
  }, undefined);
}

export function removeCookie(name: string, options: CookieOptions = {}): void {
  if (!hasWindow) return;
  const domain = options.domain ?? topLevelCookieDomain();
  const base = `${name}=; path=${options.path ?? '/'}; expires=Thu, 01 Jan 1970 00:00:00 GMT`;
  attempt(() => {
    document.cookie = domain ? `${base}; domain=.${domain.replace(/^\./, '')}` : base;
    document.cookie = base;
  }, undefined);
}
