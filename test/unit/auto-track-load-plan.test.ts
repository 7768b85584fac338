// trackLink/trackClick and trackForm/trackSubmit with a fake clock (analytics-next-api.md vectors 83
// and 84), and the load plan as a table: environment in, decisions out.
import { beforeEach, describe, expect, it } from 'vitest';
import { trackForm, trackLink } from '../../src/runtime/auto-track';
import { planLoad, type LoadEnvironment } from '../../src/core/load-plan';
import { FakeClock, microtasks } from './fake-clock';
import { SessionClock, type SessionState } from '../../src/runtime/session';

function deps(trackResult: () => Promise<unknown> = () => Promise.resolve()) {
  const clock = new FakeClock();
  const tracked: unknown[][] = [];
  const navigations: string[] = [];
  const warnings: string[] = [];
  return {
    clock,
    tracked,
    navigations,
    warnings,
    d: {
      track: (event: unknown, properties: unknown, options: unknown) => {
        tracked.push([event, properties, options]);
        return trackResult();
      },
      timeout: () => 300,
      clock,
      navigate: (href: string) => navigations.push(href),
      warn: (call: string, message: string) => warnings.push(`${call}: ${message}`),
    },
  };
}

beforeEach(() => {
  document.body.innerHTML = `<a id="l" href="/next">go</a><a id="blank" href="/new" target="_blank">new</a><form id="f" action="/sent"><button id="b">send</button></form>`;
});

describe('trackLink / trackClick', () => {
  it('tracks with the resolved name and properties, then navigates once the track is handed over', async () => {
    const t = deps();
    const link = document.getElementById('l')!;
    trackLink(t.d, 'analytics.trackLink()', link, (el: Element) => `Clicked ${el.id}`, { property: true });
    link.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true }));
    expect(t.tracked).toEqual([['Clicked l', { property: true }, {}]]);
    await microtasks();
    expect(t.navigations).toEqual(['/next']);
  });

  it('a track that never settles still navigates after the timeout; target=_blank never navigates', async () => {
    const t = deps(() => new Promise(() => undefined));
    const link = document.getElementById('l')!;
    trackLink(t.d, 'analytics.trackClick()', [link, document.getElementById('blank')!], 'Clicked');
    // The browser would open a tab; happy-dom would try to fetch it.
    document.getElementById('blank')!.addEventListener('click', (e) => e.preventDefault());
    link.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true }));
    document.getElementById('blank')!.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true }));
    t.clock.advance(299);
    await microtasks();
    expect(t.navigations).toEqual([]);
    t.clock.advance(1);
    await microtasks();
    expect(t.navigations).toEqual(['/next']);
    expect(t.tracked).toHaveLength(2);
  });

  it('a resolver that throws or rejects is reported, and the click still works', async () => {
    const t = deps();
    const link = document.getElementById('l')!;
    trackLink(t.d, 'analytics.trackLink()', link, 'Clicked', async () => {
      throw new Error('resolver bug');
    });
    link.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true }));
    await microtasks();
    expect(t.navigations).toEqual(['/next']);
    expect(t.warnings).toEqual(['analytics.trackLink(): a function given to it failed: Error: resolver bug']);
  });

  it('something that is not an element binds nothing and says so', () => {
    const t = deps();
    trackLink(t.d, 'analytics.trackLink()', 'a.selector', 'Clicked');
    expect(t.warnings[0]).toMatch(/expects an element/);
  });
});

describe('trackForm / trackSubmit', () => {
  it('tracks on submit, then submits the form once the track is handed over', async () => {
    const t = deps();
    const form = document.getElementById('f') as HTMLFormElement;
    let submitted = 0;
    form.submit = () => void submitted++;
    trackForm(t.d, 'analytics.trackForm()', form, 'Signed Up', (el: Element) => ({ form: el.id }));
    form.dispatchEvent(new Event('submit', { cancelable: true }));
    expect(t.tracked).toEqual([['Signed Up', { form: 'f' }, {}]]);
    await microtasks();
    expect(submitted).toBe(1);
  });

  it('a track that never settles still submits after the timeout; a non-form binds nothing', async () => {
    const t = deps(() => new Promise(() => undefined));
    const form = document.getElementById('f') as HTMLFormElement;
    let submitted = 0;
    form.submit = () => void submitted++;
    trackForm(t.d, 'analytics.trackSubmit()', [form, document.getElementById('l')!], 'Submitted');
    form.dispatchEvent(new Event('submit', { cancelable: true }));
    t.clock.advance(300);
    await microtasks();
    expect(submitted).toBe(1);
    trackForm(t.d, 'analytics.trackSubmit()', document.getElementById('l'), 'Submitted');
    expect(t.warnings).toEqual(['analytics.trackSubmit(): expects a form element or an array of forms; nothing was bound']);
  });
});

describe('load plan', () => {
  const env = (over: Partial<LoadEnvironment> = {}): LoadEnvironment => ({
    writeKey: 'key',
    options: {},
    search: '',
    hash: '',
    referrer: '',
    utmz: undefined,
    storedDeviceIds: {},
    storedSession: {},
    anonymousId: 'anon-00001',
    now: 1_700_000_000_000,
    newId: () => 'fresh-device-id',
    ...over,
  });
  const NOW = 1_700_000_000_000;

  it.each([
    ['no stored session: new session', {}, true],
    ['10 minutes idle: same session', { sessionId: NOW - 3600e3, lastEventTime: NOW - 600e3 }, false],
    ['31 minutes idle: new session', { sessionId: NOW - 3600e3, lastEventTime: NOW - 31 * 60e3 }, true],
  ])('%s', (_, storedSession, isNew) => {
    expect(planLoad(env({ storedSession })).isNewSession).toBe(isNew);
  });

  it('device ID: the stored one, else the anonymousId when preferred (ajs_aid applied first), else a new one', () => {
    expect(planLoad(env({ storedDeviceIds: { v2: 'stored-device-1' } }))).toMatchObject({ deviceId: 'stored-device-1', deviceIdSource: 'stored' });
    const preferred = planLoad(env({ options: { integrations: { Amplitude: { preferAnonymousIdForDeviceId: true } } }, search: '?ajs_aid=from-link-77' }));
    expect(preferred).toMatchObject({ anonymousId: 'from-link-77', deviceId: 'from-link-77', deviceIdSource: 'anonymousId' });
    expect(planLoad(env())).toMatchObject({ deviceId: 'fresh-device-id', deviceIdSource: 'new' });
  });

  it('routing, persistence and settings come from the load options', () => {
    const plan = planLoad(
      env({ options: { integrations: { All: false, Amplitude: false, Other: 'yes' }, disableClientPersistence: true, amplitude: { serverZone: 'EU' } } }),
    );
    expect(plan.loadIntegrations).toEqual({ All: false, Other: true, Amplitude: false });
    expect(plan.persist).toBe(false);
    expect(plan.sdkOptions).toEqual({ serverZone: 'EU' });
    expect(planLoad(env({ options: { user: { persist: false } } })).persist).toBe(false);
    expect(planLoad(env()).persist).toBe(true);
  });

  it('attribution at the start of a session only, with the querystring calls and their warnings', () => {
    const search = '?utm_source=news&ajs_event=Opened&ajs_prop_from=mail';
    const fresh = planLoad(env({ search }));
    expect(fresh.attribution).toHaveLength(1);
    expect(fresh.query.track).toEqual({ event: 'Opened', properties: { from: 'mail' } });
    const ongoing = planLoad(
      env({
        search,
        storedSession: { sessionId: NOW - 1000, lastEventTime: NOW - 1000 },
        options: { integrations: { Amplitude: { saveParamsReferrerOncePerSession: true } } },
      }),
    );
    expect(ongoing.attribution).toEqual([]);
    const hostile = planLoad(env({ search: `?utm_source=${'x'.repeat(600)}` }));
    expect(hostile.warnings.map((w) => w.call)).toContain('attribution');
  });
});

describe('session (the SDK rules, kept by the shim)', () => {
  it('continues within the timeout, starts anew after it; event ids count on; one persist per hand-over', () => {
    const persisted: SessionState[] = [];
    const clock = new SessionClock({ sessionId: 1000, lastEventTime: 1000, lastEventId: 7 }, 30 * 60e3, (s) => persisted.push(s));
    const first = clock.open(1000 + 29 * 60e3);
    expect([first.sessionId, first.nextEventId(), first.nextEventId()]).toEqual([1000, 8, 9]);
    first.close();
    const later = 1000 + 29 * 60e3 + 31 * 60e3;
    const second = clock.open(later);
    expect([second.sessionId, second.nextEventId()]).toEqual([later, 10]);
    second.close();
    expect(persisted).toEqual([
      { sessionId: 1000, lastEventTime: 1000 + 29 * 60e3, lastEventId: 9 },
      { sessionId: later, lastEventTime: later, lastEventId: 10 },
    ]);
    clock.restart(later + 5);
    expect(clock.sessionId).toBe(later + 5);
  });

  it('the load plan continues the stored session and its event ids, or honours ?ampSessionId until ?ampTimestamp', () => {
    const NOW = 1_700_000_000_000;
    const base: LoadEnvironment = {
      writeKey: 'key',
      options: {},
      search: '',
      hash: '',
      referrer: '',
      utmz: undefined,
      storedDeviceIds: {},
      storedSession: { sessionId: NOW - 60e3, lastEventTime: NOW - 1000, lastEventId: 41 },
      anonymousId: 'anon-00001',
      now: NOW,
      newId: () => 'x',
    };
    expect(planLoad(base).session).toEqual({ sessionId: NOW - 60e3, lastEventTime: NOW - 1000, lastEventId: 41 });
    expect(planLoad({ ...base, search: '?ampSessionId=1699999999000' }).session.sessionId).toBe(1699999999000);
    expect(planLoad({ ...base, search: `?ampSessionId=1699999999000&ampTimestamp=${NOW - 1}` }).session.sessionId).toBe(NOW - 60e3);
    expect(planLoad({ ...base, storedSession: {} }).session).toEqual({ sessionId: NOW, lastEventTime: NOW, lastEventId: -1 });
  });
});
