/**
 * The one policy for values taken from a URL (querystring calls, UTM, gclid): anyone can craft a link,
 * so values longer than this, or with markup or control characters (DEL included), are refused. Pure.
 */
export const MAX_URL_VALUE_LENGTH = 512;
// eslint-disable-next-line no-control-regex -- control characters are exactly what this refuses
const UNSAFE_URL_VALUE = /[\u0000-\u001f\u007f<>]/;

export function isSafeUrlValue(value: string): boolean {
  return value.length <= MAX_URL_VALUE_LENGTH && !UNSAFE_URL_VALUE.test(value);
}
