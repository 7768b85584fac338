import { buildEvent, type EventBody } from '../../src/core/events';
import { normalizeSettings, type AmplitudeSettings } from '../../src/modes/classic/settings';
import type { Dict, PageContext, SegmentEvent } from '../../src/core/types';

/** The classic integration's test page. */
export const TEST_PAGE: PageContext = {
  path: '/context.html',
  referrer: '',
  search: '',
  title: '',
  url: 'http://localhost:9876/context.html',
};

export function settingsWith(overrides: Partial<AmplitudeSettings> = {}): AmplitudeSettings {
  return { ...normalizeSettings({}).settings, ...overrides };
}

export function segmentEvent(
  body: EventBody,
  options: Dict = {},
  env: Partial<{ userId: string | null; anonymousId: string; page: PageContext }> = {},
): SegmentEvent {
  return buildEvent(body, options, {
    page: env.page ?? TEST_PAGE,
    userId: env.userId ?? null,
    anonymousId: env.anonymousId ?? 'anon-1',
    now: new Date(1700000000000),
    messageId: 'ajs-next-1-test',
    loadIntegrations: {},
  });
}
