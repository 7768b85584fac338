// Classic mode's page lookups: the per-page referrer identify, and mapQueryParams reading the page's search.
import { describe, expect, it } from 'vitest';
import { translate } from '../../src/modes/classic/translate';
import { referrerOperations } from '../../src/modes/classic/pages';
import type { Dict, SegmentEvent } from '../../src/core/types';
import { segmentEvent, settingsWith } from './helpers';

const identify = (user_properties: Dict) => ({ op: 'event', event: { event_type: '$identify', user_properties } });

describe('referrerOperations (trackReferrer)', () => {
  it.each<[string, string, unknown[]]>([
    [
      'a URL: referrer and its domain',
      'https://www.google.com/search?q=x',
      [
        identify({
          $setOnce: { initial_referrer: 'https://www.google.com/search?q=x', initial_referring_domain: 'www.google.com' },
          $set: { referrer: 'https://www.google.com/search?q=x', referring_domain: 'www.google.com' },
        }),
      ],
    ],
    [
      'no domain in it: the referrer alone, no domain fields',
      'android-app',
      [identify({ $setOnce: { initial_referrer: 'android-app' }, $set: { referrer: 'android-app' } })],
    ],
    ['no referrer: nothing', '', []],
  ])('%s', (_label, referrer, expected) => {
    expect(referrerOperations(referrer)).toStrictEqual(expected);
  });
});

describe('mapQueryParams reads context.page.search', () => {
  const settings = settingsWith({ mapQueryParams: { qp: 'event_properties' } });
  const trackWith = (context: Dict): SegmentEvent => ({ ...segmentEvent({ type: 'track', event: 'E', properties: {} }), context }) as SegmentEvent;
  const qpOf = (event: SegmentEvent) => {
    const op = translate({ event, settings, referrer: '' }).find((o) => o.op === 'event' && o.event.event_type === 'E');
    return op?.op === 'event' ? op.event.event_properties?.qp : 'no event';
  };
  it('the search string', () => {
    expect(qpOf(trackWith({ page: { path: '/', referrer: '', search: '?a=1', title: '', url: 'https://x/?a=1' } }))).toBe('?a=1');
  });
  it('a search that is not a string is not sent', () => {
    expect(qpOf(trackWith({ page: { path: '/', referrer: '', search: 42, title: '', url: 'https://x/' } }))).toBeUndefined();
  });
  it('an event without context.page (from a plugin) is still translated', () => {
    expect(qpOf(trackWith({}))).toBeUndefined();
  });
});
