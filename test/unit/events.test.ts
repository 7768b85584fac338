// Event construction and page context (analytics-next-api.md §10, vectors 21-47).
import { describe, expect, it } from 'vitest';
import { buildEvent, coerceIntegrations, isAmplitudeEnabled } from '../../src/core/events';
import { pageContextFromSnapshot, eventPageContext } from '../../src/core/page-context';
import type { PageSnapshot } from '../../src/core/types';
import { segmentEvent } from './helpers';

const LOCALHOST: PageSnapshot = { pathname: '/', href: 'http://localhost/', search: '', title: '', referrer: '' };
const page = pageContextFromSnapshot(LOCALHOST);

describe('page context from the page', () => {
  it.each<[string, PageSnapshot, Record<string, string>]>([
    ['35/36 defaults', LOCALHOST, { path: '/', referrer: '', search: '', title: '', url: 'http://localhost/' }],
    ['44 hash stripped', { ...LOCALHOST, href: 'http://www.segment.local#test' }, { url: 'http://www.segment.local' }],
    [
      '45 canonical wins',
      { ...LOCALHOST, pathname: '/nope', canonical: 'http://www.segment.local/test' },
      { url: 'http://www.segment.local/test', path: '/test' },
    ],
    ['46a invalid canonical', { ...LOCALHOST, canonical: 'foo.com/bar' }, { url: 'foo.com/bar', path: '/foo.com/bar' }],
    ['46b canonical "foo"', { ...LOCALHOST, canonical: 'foo' }, { path: '/foo' }],
    ['47a canonical + search', { ...LOCALHOST, search: '?foo=123', canonical: 'http://www.segment.local' }, { url: 'http://www.segment.local?foo=123' }],
    [
      '47b canonical with its own query',
      { ...LOCALHOST, search: '?foo=123', canonical: 'http://www.segment.local?test=true' },
      { url: 'http://www.segment.local?test=true' },
    ],
  ])('%s', (_label, snap, expected) => {
    expect(pageContextFromSnapshot(snap)).toMatchObject(expected);
  });

  it('37 page properties override context.page only for page events', () => {
    const props = { path: 'foo', referrer: 'bar', search: 'baz', title: 'qux', url: 'http://fake.com', should_not_show_up: 'hello' };
    expect(eventPageContext(page, true, props, undefined)).toEqual({ path: 'foo', referrer: 'bar', search: 'baz', title: 'qux', url: 'http://fake.com' });
    expect(eventPageContext(page, false, props, undefined)).toEqual(page); // 38
  });
  it('40 explicit undefined/null/empty page properties are kept', () => {
    expect(eventPageContext(page, true, { referrer: '', path: undefined, title: null }, undefined)).toMatchObject({
      referrer: '',
      path: undefined,
      title: null,
    });
  });
  it('41 options.page wins over properties', () => {
    expect(eventPageContext(page, true, { url: 'x' }, { url: 'not-localhost' }).url).toBe('not-localhost');
  });
});

describe('buildEvent', () => {
  const env = { page, userId: null, anonymousId: 'anon', now: new Date(5), messageId: 'ajs-next-5-x', loadIntegrations: {} };

  it('35 page properties: defaults plus name', () => {
    const e = buildEvent({ type: 'page', name: 'Checkout', properties: {} }, {}, env);
    expect(e.properties).toEqual({ name: 'Checkout', path: '/', referrer: '', search: '', title: '', url: 'http://localhost/' });
  });
  it('43 page name overrides a name property; track keeps it', () => {
    expect(buildEvent({ type: 'page', name: 'My Event', properties: { name: 'x' } }, {}, env).properties?.name).toBe('My Event');
    expect(buildEvent({ type: 'track', event: 'My Event', properties: { name: 'x' } }, {}, env).properties?.name).toBe('x');
  });
  it('24 page(null, null) has no category/name keys', () => {
    const e = buildEvent({ type: 'page', category: null, name: null, properties: {} }, {}, env);
    expect('category' in e).toBe(false);
    expect('name' in e).toBe(false);
  });
  it('27/28 options fold into context; top-level overrides', () => {
    const d = new Date(99);
    const e = buildEvent(
      { type: 'track', event: 'x', properties: {} },
      { opt1: true, opt2: '🥝', integrations: { amplitude: false }, anonymousId: 'anon-1', timestamp: d },
      env,
    );
    expect(e.context).toEqual({ page, opt1: true, opt2: '🥝' });
    expect(e.anonymousId).toBe('anon-1');
    expect(e.timestamp).toBe(d);
    expect(e.integrations).toEqual({ amplitude: false });
  });
  it('29 options.traits becomes context.traits', () => {
    const e = buildEvent({ type: 'track', event: 'x', properties: {} }, { traits: { cell: '📱' } }, env);
    expect(e.context.traits).toEqual({ cell: '📱' });
    expect(e.traits).toBeUndefined();
  });
  it('30 options.context is the base context', () => {
    const e = buildEvent({ type: 'track', event: 'x', properties: {} }, { foreignProp: '🇧🇷', context: { innerProp: '👻' } }, env);
    expect(e.context).toMatchObject({ foreignProp: '🇧🇷', innerProp: '👻' });
  });
  it('33 messageId override, undefined timestamp ignored', () => {
    const e = buildEvent({ type: 'track', event: 'x', properties: {} }, { messageId: 'business-id-123', timestamp: undefined }, env);
    expect(e.messageId).toBe('business-id-123');
    expect(e.timestamp).toEqual(new Date(5));
    expect(e.context.messageId).toBeUndefined();
  });
  it('26 a stored userId is stamped and overrides options.userId', () => {
    const e = buildEvent({ type: 'track', event: 'x', properties: {} }, { userId: 'other' }, { ...env, userId: '007' });
    expect(e.userId).toBe('007');
  });
  it('does not let dotted option keys reach Object.prototype', () => {
    buildEvent({ type: 'track', event: 'x', properties: {} }, { '__proto__.polluted': true, 'a.constructor.b': 1 }, env);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
  it('31/32 load-time integrations are coerced to booleans and event integrations spread over them', () => {
    const load = coerceIntegrations({ 'Segment.io': { apiHost: 'custom' }, GoogleAnalytics: false, 'Customer.io': {} });
    const e = buildEvent(
      { type: 'track', event: 'x', properties: {} },
      { integrations: { Amplitude: { sessionId: 's' } } },
      { ...env, loadIntegrations: load },
    );
    expect(e.integrations).toEqual({ 'Segment.io': true, GoogleAnalytics: false, 'Customer.io': true, Amplitude: { sessionId: 's' } });
  });
});

describe('routing to the Amplitude destination', () => {
  it.each([
    [{}, true],
    [{ Amplitude: false }, false],
    [{ All: false }, false],
    [{ All: false, Amplitude: true }, true],
    [{ All: false, Amplitude: { groups: {} } }, true],
    [{ 'Segment.io': false }, true],
  ])('%j -> %s', (integrations, expected) => {
    expect(isAmplitudeEnabled(integrations, 'Amplitude')).toBe(expected);
  });
  it('uses the helper event shape', () => {
    expect(segmentEvent({ type: 'track', event: 'x', properties: {} }).type).toBe('track');
  });
});
