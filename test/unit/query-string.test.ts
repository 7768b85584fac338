// Segment's querystring API (analytics-next-api.md §6.3 and vector 85) at its edges: parameters without a
// leading "?", empty keys and prefixes, the hash's own query, and warnings that name the refused parameter.
import { describe, expect, it } from 'vitest';
import { parseQuery, queryStringCalls } from '../../src/core/query-string';

describe('parseQuery', () => {
  it.each([
    ['no leading "?"', 'a=1&b=2', { a: '1', b: '2' }],
    ['a leading "?"', '?a=1&b=2', { a: '1', b: '2' }],
    ['an empty key is dropped', '?=x&a=1', { a: '1' }],
    ['a space is a key, an empty key is not', '?%20=&=&a=', { ' ': '', a: '' }],
    ['empty parts are skipped', '?&&a=1&', { a: '1' }],
    ['the last repeated key wins', '?ajs_aid=imbatman&ajs_aid=bruce', { ajs_aid: 'bruce' }],
    ['nothing', '', {}],
    ['just "?"', '?', {}],
  ])('%s', (_label, search, expected) => {
    expect(parseQuery(search)).toStrictEqual(expected);
  });
});

describe('queryStringCalls', () => {
  it('vector 85: only the prefixed parameters become traits and properties, with the prefix removed', () => {
    const search = '?ajs_uid=1234&ajs_trait_address=123%20St&ajs_event=Button%20Clicked&ajs_prop_location=Home%20Page&utm_source=x&ajs_aid=a1';
    expect(queryStringCalls(search, '').calls).toStrictEqual({
      anonymousId: 'a1',
      identify: { userId: '1234', traits: { address: '123 St' } },
      track: { event: 'Button Clicked', properties: { location: 'Home Page' } },
    });
  });
  it('a bare prefix with nothing after it is not an empty-named trait or property', () => {
    expect(queryStringCalls('?ajs_uid=1&ajs_trait_=x&ajs_event=E&ajs_prop_=y', '').calls).toStrictEqual({
      identify: { userId: '1', traits: {} },
      track: { event: 'E', properties: {} },
    });
  });
  it('reads a hash that starts with its query', () => {
    expect(queryStringCalls('', '#?ajs_aid=from-hash').calls).toStrictEqual({ anonymousId: 'from-hash' });
  });
  it('a hash without a query adds nothing', () => {
    expect(queryStringCalls('?ajs_aid=a1', '#ajs_uid=u1')).toStrictEqual({ calls: { anonymousId: 'a1' }, warnings: [] });
  });
  it.each([
    ['ajs_aid', '?ajs_aid=%3Cb%3E'],
    ['ajs_uid', '?ajs_uid=%3Cb%3E'],
    ['ajs_event', '?ajs_event=%3Cb%3E'],
    ['ajs_trait_x', '?ajs_uid=u&ajs_trait_x=%3Cb%3E'],
    ['ajs_prop_y', '?ajs_event=E&ajs_prop_y=%3Cb%3E'],
  ])('the warning for a refused value names %s and the rule', (name, search) => {
    expect(queryStringCalls(search, '').warnings).toEqual([
      `the URL parameter ${name} was ignored: it is longer than 512 characters or contains markup or control characters`,
    ]);
  });
});
