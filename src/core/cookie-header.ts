/** Cookie text (`document.cookie`, or a request's `Cookie:` header) as name/value pairs. Pure. */

/** A string, or the array some server frameworks give; the first value of a name wins. */
export function parseCookieHeader(header: string | string[] | undefined | null): Record<string, string> {
  const out: Record<string, string> = {};
  const text = Array.isArray(header) ? header.join('; ') : header || '';
  for (const part of text.split(';')) {
    const eq = part.indexOf('=');
    if (eq === -1) continue;
    const name = part.slice(0, eq).trim();
    if (name && !(name in out)) out[name] = part.slice(eq + 1).trim();
  }
  return out;
}
