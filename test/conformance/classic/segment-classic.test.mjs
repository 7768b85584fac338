// The classic harness sees what Segment's own classic stack really does: each expectation below is
// derived from the call that was made, and read from the decoded amplitude-js uploads and from
// Segment's storage after the run.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_API_KEY, startClassicHarness } from './segment-classic.mjs';

const eventsOfType = (events, type) => events.filter((e) => e.event_type === type);

function expectCleanRun(result) {
  expect(result.pageErrors, 'uncaught page errors').toEqual([]);
  expect(result.ready, 'the Amplitude classic integration became ready').toBe(true);
  expect(result.settled, 'amplitude-js had nothing left unsent').toBe(true);
  for (const call of result.calls) expect(call.error, `${call.method} threw`).toBeUndefined();
  for (const upload of result.payloads) {
    expect(upload.client).toBe(DEFAULT_API_KEY);
    expect(upload.checksumValid, 'the upload checksum matches its events').toBe(true);
  }
}

describe.each(['8.21.10', '5.2.2'])('Segment classic stack with amplitude-js %s', (amplitudeJs) => {
  let harness;
  beforeAll(async () => {
    harness = await startClassicHarness({ amplitudeJs });
  });
  afterAll(() => harness?.close());

  it('uploads a track with its properties, and Segment built the event it was given', async () => {
    const properties = { plan: 'pro', seats: 3, trial: false };
    const result = await harness.run([{ method: 'track', args: ['Signed Up', properties, { context: { ip: '203.0.113.9' } }] }]);
    expectCleanRun(result);
    expect(result.amplitudeJs).toBe(amplitudeJs);
    const [call] = result.calls;
    expect(call.event).toMatchObject({ type: 'track', event: 'Signed Up', properties, context: { ip: '203.0.113.9' } });
    expect(call.amplitudeEvents.map((e) => e.event_type)).toEqual(['Signed Up']);
    const [event] = call.amplitudeEvents;
    expect(event.event_properties).toEqual(properties);
    expect(event.library).toEqual({ name: 'amplitude-js', version: amplitudeJs });
    expect(event.platform).toBe('Web');
    expect(event.user_id).toBeNull();
    expect(event.device_id).toBe(result.storage.amplitude.deviceId);
    // Segment.io received the same event from analytics-next, as Segment's servers would have.
    expect(result.segment.map((body) => body.event)).toEqual(['Signed Up']);
    expect(result.segment[0].messageId).toBe(call.event.messageId);
  });

  it("sends an identify's traits as $set with the id, and Segment stores user and traits", async () => {
    const traits = { email: 'ada@example.com', plan: 'pro' };
    const result = await harness.run([{ method: 'identify', args: ['user-42', traits] }]);
    expectCleanRun(result);
    const identifies = eventsOfType(result.events, '$identify');
    expect(identifies).toHaveLength(1);
    expect(identifies[0].user_id).toBe('user-42');
    // The facade adds the userId as the `id` trait.
    expect(identifies[0].user_properties).toEqual({ $set: { ...traits, id: 'user-42' } });
    expect(result.storage.user).toMatchObject({ id: 'user-42', traits });
    // analytics-next keeps the id as a plain cookie, and JSON in localStorage beside the traits.
    expect(result.storage.cookies.ajs_user_id).toBe('user-42');
    expect(JSON.parse(result.storage.localStorage.ajs_user_id)).toBe('user-42');
    expect(JSON.parse(result.storage.localStorage.ajs_user_traits)).toEqual(traits);
  });

  it('books a revenue event with quantity -1 as -1 unit', async () => {
    const properties = { price: 25, quantity: -1, revenue: 25 };
    const result = await harness.run([{ method: 'track', args: ['Order Refunded', properties] }]);
    expectCleanRun(result);
    expect(result.events.map((e) => e.event_type)).toEqual(['Order Refunded', 'revenue_amount']);
    const [revenue] = eventsOfType(result.events, 'revenue_amount');
    expect(revenue.event_properties.$quantity).toBe(properties.quantity);
    expect(revenue.event_properties.$price).toBe(properties.price);
    expect(revenue.event_properties).toMatchObject(properties);
  });

  it('reset clears Segment storage, sends nothing, and leaves the Amplitude user id on later events', async () => {
    const result = await harness.run([
      { method: 'identify', args: ['user-7', { plan: 'team' }] },
      { method: 'group', args: ['org-1', { name: 'Acme' }] },
      { method: 'reset', args: [] },
      { method: 'track', args: ['After Reset'] },
    ]);
    expectCleanRun(result);
    const [identify, group, reset, track] = result.calls;
    expect(reset.amplitudeEvents).toEqual([]);
    expect(group.amplitudeEvents[0].groups).toEqual({ '[Segment] Group': 'org-1' });
    // Segment forgot the user, the group and the anonymousId the identify was sent with...
    expect(result.storage.user.id).toBeNull();
    expect(result.storage.user.traits).toEqual({});
    expect(result.storage.group).toEqual({ id: null, traits: {} });
    expect(result.storage.user.anonymousId).not.toBe(identify.event.anonymousId);
    expect(track.event.anonymousId).toBe(result.storage.user.anonymousId);
    expect(result.storage.cookies.ajs_user_id).toBeUndefined();
    expect(result.storage.cookies.ajs_group_id).toBeUndefined();
    // ...but nothing reached amplitude-js, which still stamps the old user id.
    expect(track.amplitudeEvents.map((e) => [e.event_type, e.user_id])).toEqual([['After Reset', 'user-7']]);
  });

  // The harness reuses one tab across runs (isolation 'tab'): nothing may carry over.
  it('starts every run as a new visitor', async () => {
    const first = await harness.run([{ method: 'identify', args: ['user-1', { plan: 'pro' }] }]);
    const second = await harness.run([{ method: 'track', args: ['Second Run'] }]);
    expectCleanRun(first);
    expectCleanRun(second);
    expect(second.storage.user).toMatchObject({ id: null, traits: {} });
    expect(second.storage.user.anonymousId).not.toBe(first.storage.user.anonymousId);
    expect(second.storage.amplitude.deviceId).not.toBe(first.storage.amplitude.deviceId);
    expect(second.events.map((e) => [e.event_type, e.user_id])).toEqual([['Second Run', null]]);
    // Each run owns only its own uploads.
    expect(first.events.map((e) => e.event_type)).toEqual(['$identify']);
  });

  // The page clock can be months from the machine's, which judges cookie expiry: a deleted cookie must still be gone
  // and a written one still live, or analytics-next reads an empty ajs_user_id as a previous user at the first identify.
  it.each([
    ['a month ahead of', 30],
    ['two years behind', -730],
  ])('keeps cookies as a real site does with the page clock %s the machine', async (_, days) => {
    const startTime = Date.now() + days * 24 * 3600 * 1000;
    const result = await harness.run([{ method: 'identify', args: ['user-2', {}] }], {}, { url: 'https://shop.example/', startTime, anonymousId: 'anon-0002' });
    expectCleanRun(result);
    expect(result.calls[0].event.anonymousId).toBe('anon-0002');
    expect(result.storage.user).toMatchObject({ id: 'user-2', anonymousId: 'anon-0002' });
    expect(result.storage.cookies).toEqual({ ajs_anonymous_id: 'anon-0002', ajs_user_id: 'user-2' });
  });

  it("runs on the sequence's page, clock and anonymousId", async () => {
    const url = 'https://shop.example/landing?utm_source=news';
    const options = { url, referrer: 'https://www.example.org/post', title: 'Spring Sale', startTime: Date.now() - 3600000, anonymousId: 'anon-0001-abcdef' };
    const result = await harness.run(
      [
        { method: 'page', args: ['Sale'] },
        { method: 'track', args: ['Clicked', { when: new Date(options.startTime) }] },
      ],
      { trackReferrer: false },
      options,
    );
    expectCleanRun(result);
    expect(result.calls.map((call) => call.time)).toEqual([options.startTime + 1000, options.startTime + 2000]);
    for (const call of result.calls) {
      expect(call.event.anonymousId).toBe(options.anonymousId);
      expect(call.event.timestamp).toBe(new Date(call.time).toISOString());
      for (const event of call.amplitudeEvents) expect(event.timestamp).toBe(call.time);
    }
    for (const event of result.events) expect(event.session_id).toBe(options.startTime);
    // amplitude-js read the campaign from the page's URL at init, before any call.
    expect(result.loadEvents.map((e) => e.user_properties.$set)).toEqual([{ utm_source: 'news' }]);
    const [viewed] = result.calls[0].amplitudeEvents;
    expect(viewed.event_type).toBe('Viewed Sale Page');
    expect(viewed.event_properties).toMatchObject({ url, path: '/landing', search: '?utm_source=news', referrer: options.referrer, title: options.title });
    // A Date property reaches amplitude-js as JSON does.
    expect(result.calls[1].amplitudeEvents[0].event_properties.when).toBe(new Date(options.startTime).toISOString());
    expect(result.storage.user.anonymousId).toBe(options.anonymousId);
    expect(result.storage.cookies.ajs_anonymous_id).toBe(options.anonymousId);
  });
});
