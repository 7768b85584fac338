// Session-start attribution as amplitude-js 5.2.2 did it for the classic integration.
import { describe, expect, it } from 'vitest';
import { attribution, utmValues, type AttributionInput } from '../../src/modes/classic/attribution';
import { settingsWith } from './helpers';

const identify = (user_properties: Record<string, unknown>) => ({ op: 'event', event: { event_type: '$identify', user_properties } });
const UTM = { utm_source: 'newsletter', utm_medium: 'email', utm_campaign: 'spring' };
const utmIdentify = identify({
  $setOnce: { initial_utm_source: 'newsletter', initial_utm_medium: 'email', initial_utm_campaign: 'spring' },
  $set: UTM,
});

function input(overrides: Partial<AttributionInput> & { settings?: Partial<AttributionInput['settings']> }): AttributionInput {
  return {
    query: {},
    referrer: '',
    isNewSession: true,
    ...overrides,
    settings: { ...settingsWith(), ...(overrides.settings ?? {}) },
  };
}

describe('attribution operations', () => {
  it.each<[string, Partial<AttributionInput> & { settings?: Partial<AttributionInput['settings']> }, unknown[]]>([
    ['UTM on a new session (catalog defaults)', { query: UTM }, [utmIdentify]],
    ['no UTM in a continuing session (saveParamsReferrerOncePerSession)', { query: UTM, isNewSession: false }, []],
    [
      'UTM on every load when once-per-session is off',
      { query: UTM, isNewSession: false, settings: { saveParamsReferrerOncePerSession: false } },
      [utmIdentify],
    ],
    ['trackUtmProperties off', { query: UTM, settings: { trackUtmProperties: false } }, []],
    [
      'only non-empty values, never "EMPTY" placeholders',
      { query: { utm_source: 'x', utm_medium: '' } },
      [identify({ $setOnce: { initial_utm_source: 'x' }, $set: { utm_source: 'x' } })],
    ],
    ['nothing at all without parameters', {}, []],
    [
      'gclid',
      { query: { gclid: 'abc' }, settings: { trackGclid: true, trackUtmProperties: false } },
      [identify({ $setOnce: { initial_gclid: 'abc' }, $set: { gclid: 'abc' } })],
    ],
    ['gclid off by default', { query: { gclid: 'abc' } }, []],
    [
      'useAmplitudeReferral: referrer once per session',
      { referrer: 'https://www.google.com/search?q=x', settings: { useAmplitudeReferral: true } },
      [
        identify({
          $setOnce: { initial_referrer: 'https://www.google.com/search?q=x', initial_referring_domain: 'www.google.com' },
          $set: { referrer: 'https://www.google.com/search?q=x', referring_domain: 'www.google.com' },
        }),
      ],
    ],
    ['useAmplitudeReferral in a continuing session', { referrer: 'https://a.com/', isNewSession: false, settings: { useAmplitudeReferral: true } }, []],
    [
      'unsetParamsReferrerOnNewSession first, then capture; in amplitude-js order (UTM, referrer, gclid)',
      {
        query: { ...UTM, gclid: 'g' },
        referrer: 'https://r.com/',
        settings: { unsetParamsReferrerOnNewSession: true, useAmplitudeReferral: true, trackGclid: true },
      },
      [
        identify({ $unset: { referrer: '-', referring_domain: '-', utm_source: '-', utm_medium: '-', utm_campaign: '-', utm_term: '-', utm_content: '-' } }),
        utmIdentify,
        identify({
          $setOnce: { initial_referrer: 'https://r.com/', initial_referring_domain: 'r.com' },
          $set: { referrer: 'https://r.com/', referring_domain: 'r.com' },
        }),
        identify({ $setOnce: { initial_gclid: 'g' }, $set: { gclid: 'g' } }),
      ],
    ],
    ['no unset in a continuing session', { isNewSession: false, settings: { unsetParamsReferrerOnNewSession: true } }, []],
  ])('%s', (_label, overrides, expected) => {
    expect(attribution(input(overrides)).operations).toEqual(expected);
  });
});

describe('utmValues', () => {
  it('reads the URL first and falls back to the __utmz cookie key by key', () => {
    const utmz = '12345.1600000000.1.1.utmcsr=google|utmccn=(organic)|utmcmd=organic|utmctr=shoes';
    expect(utmValues({ utm_source: 'from-url' }, utmz)).toEqual({
      utm_source: 'from-url',
      utm_medium: 'organic',
      utm_campaign: '(organic)',
      utm_term: 'shoes',
      utm_content: undefined,
    });
  });
});

describe('hostile campaign values', () => {
  it.each([
    ['markup', '<script>alert(1)</script>'],
    ['10 KB', 'x'.repeat(10240)],
    ['control characters', 'news\u0000letter'],
    ['a newline', 'a\nb'],
  ])('%s is refused with a warning; the other values are kept', (_label, value) => {
    const { operations, warnings } = attribution(input({ query: { utm_source: value, utm_medium: 'email', gclid: value }, settings: { trackGclid: true } }));
    expect(operations).toEqual([identify({ $setOnce: { initial_utm_medium: 'email' }, $set: { utm_medium: 'email' } })]);
    expect(warnings).toHaveLength(2);
  });
});
