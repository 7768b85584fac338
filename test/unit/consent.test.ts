// The consent gate: the pure decisions (consent.ts) in tables, then the runtime carrying them out.
// Every runtime test checks storage key by key: before load and before consent nothing is written.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cdnSettingsFor, gateOutcome, gpcTurnsOff, isRoutedOff, keepsAmplitude } from '../../src/core/consent';
import { normalizeSettings } from '../../src/modes/classic/settings';
import { CLASSIC_DESTINATION } from '../../src/modes/classic/mode';
import { sdkInitOptions } from '../../src/amplitude/sdk-options';
import { KEY, clearBrowserStorage, make, run } from './runtime-harness';

const settingsWith = (entry: unknown) => normalizeSettings(entry).settings;

function storedKeys(): string[] {
  const keys: string[] = [];
  for (let i = 0; i < localStorage.length; i++) keys.push(`local:${localStorage.key(i)}`);
  for (let i = 0; i < sessionStorage.length; i++) keys.push(`session:${sessionStorage.key(i)}`);
  for (const c of document.cookie.split(';')) if (c.trim()) keys.push(`cookie:${c.split('=')[0].trim()}`);
  return keys.sort();
}

describe('consent.ts: the gate as pure decisions', () => {
  it('CDN settings are shaped like Segment’s, with the destination’s categories', () => {
    const cdn = cdnSettingsFor(
      { trackAllPages: true, consentSettings: { categories: ['C0002'] } },
      settingsWith({ consentSettings: { categories: ['C0002'] } }),
      CLASSIC_DESTINATION,
    );
    expect(cdn).toEqual({
      integrations: { Amplitude: { trackAllPages: true, consentSettings: { categories: ['C0002'] } } },
      remotePlugins: [],
      consentSettings: { allCategories: ['C0002'], hasUnmappedDestinations: false },
    });
  });

  it('a destination mapped to no category is reported as unmapped (consent tools then keep it on)', () => {
    const cdn = cdnSettingsFor(undefined, settingsWith(undefined), CLASSIC_DESTINATION);
    expect(cdn.consentSettings).toEqual({ allCategories: [], hasUnmappedDestinations: true });
    expect(cdn.integrations).toEqual({ Amplitude: { consentSettings: { categories: [] } } });
  });

  it.each([
    [{ integrations: { Amplitude: {} } }, true],
    [{ integrations: { Amplitude: { consentSettings: {} } } }, true],
    [{ integrations: {} }, false],
    [{ integrations: { Amplitude: false } }, false],
    [{ integrations: { Amplitude: null } }, false],
    [{}, false],
    [null, false],
    ['settings', false],
  ])('keepsAmplitude(%j) is %s', (updated, kept) => {
    expect(keepsAmplitude(updated, CLASSIC_DESTINATION)).toBe(kept);
  });

  it.each([
    [{ Amplitude: false }, true],
    [{ All: false }, true],
    [{ All: false, Amplitude: true }, false],
    [{ All: false, Amplitude: {} }, false],
    [{ All: true, Amplitude: false }, true],
    [{ 'Google Analytics': false }, false],
    [{}, false],
    [undefined, false],
  ])('load-level integrations %j route Amplitude off: %s', (integrations, off) => {
    expect(isRoutedOff(integrations, CLASSIC_DESTINATION)).toBe(off);
  });

  it.each([
    [true, true, true],
    [true, false, false],
    [false, true, false],
    ['1', true, false],
    [undefined, true, false],
  ])('GPC %j with honorGlobalPrivacyControl %s turns Amplitude off: %s', (signal, honor, off) => {
    expect(gpcTurnsOff(settingsWith({ honorGlobalPrivacyControl: honor }), signal)).toBe(off);
  });

  const base = { disabled: false, routedOff: false, consentKept: true, gpc: false, persist: true };
  it.each([
    [{}, 'on', true],
    [{ persist: false }, 'on', false],
    [{ disabled: true }, 'disabled', false],
    [{ disabled: true, routedOff: true }, 'disabled', false],
    [{ consentKept: false }, 'consent-off', false],
    [{ consentKept: false, routedOff: true }, 'consent-off', false],
    [{ gpc: true }, 'gpc-off', false],
    [{ routedOff: true }, 'routed-off', true],
    [{ routedOff: true, persist: false }, 'routed-off', false],
  ])('gate %j: Amplitude %s, identity stored: %s', (change, amplitude, storeIdentity) => {
    expect(gateOutcome({ ...base, ...change })).toEqual({ amplitude, storeIdentity });
  });

  it('disableClientPersistence gives the SDK memory identity and leaves legacy cookies alone', () => {
    const init = {
      deviceId: 'd',
      userId: null,
      settings: settingsWith(undefined),
      sdkOptions: { identityStorage: 'cookie' },
      https: true,
      warn: () => undefined,
    };
    expect(sdkInitOptions({ ...init, clientPersistence: false })).toMatchObject({ identityStorage: 'none', cookieOptions: { upgrade: false } });
    expect(sdkInitOptions({ ...init, clientPersistence: true }).identityStorage).toBe('cookie');
  });
});

describe('the runtime behind the gate', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    clearBrowserStorage();
  });
  afterEach(() => {
    vi.useRealTimers();
    clearBrowserStorage();
    delete (navigator as { globalPrivacyControl?: unknown }).globalPrivacyControl;
  });

  it('before load, identity lives in memory: nothing is read or written', async () => {
    localStorage.setItem('ajs_user_id', '"stored-user"');
    const { analytics } = make();
    const anon = analytics.user().anonymousId();
    analytics.setAnonymousId('set-before-load');
    analytics.identify('early-user', { plan: 'pro' });
    analytics.group('g1', { name: 'G' });
    analytics.track('Early');
    await run(2000);
    expect(anon).toHaveLength(36);
    expect(analytics.user().id()).toBe('early-user');
    expect(storedKeys()).toEqual(['local:ajs_user_id']);
    expect(localStorage.getItem('ajs_user_id')).toBe('"stored-user"');
  });

  it('at load, what the page set before load is stored; what was only made up gives way to the stored identity', async () => {
    localStorage.setItem('ajs_anonymous_id', '"returning-anon"');
    localStorage.setItem('ajs_user_id', '"returning-user"');
    const { analytics, transport, load } = make({ preferAnonymousIdForDeviceId: true, trackAllPages: true });
    analytics.page(); // made before load, with an anonymousId made up in memory
    load();
    await run();
    expect(analytics.user().anonymousId()).toBe('returning-anon');
    expect(transport.wire.map((e) => [e.event_type, e.device_id, e.user_id])).toEqual([['Loaded a Page', 'returning-anon', 'returning-user']]);

    clearBrowserStorage();
    const second = make();
    second.analytics.identify('explicit-user');
    second.load();
    await run();
    expect(localStorage.getItem('ajs_user_id')).toBe('"explicit-user"');
    expect(document.cookie).toContain('ajs_user_id=explicit-user');
  });

  it('disable: true: ready fires, calls resolve, callbacks run; nothing is stored, sent or started', async () => {
    const { analytics, core, driver, transport } = make();
    const ready = vi.fn();
    analytics.ready(ready);
    core.load(KEY, { disable: true });
    const callback = vi.fn();
    const tracked = analytics.track('Nope', {}, {}, callback);
    analytics.reset();
    analytics.identify('someone');
    await run(2000);
    await expect(tracked).resolves.toBeDefined();
    expect(callback).toHaveBeenCalledTimes(1);
    expect(ready).toHaveBeenCalledTimes(1);
    expect(analytics.initialized).toBe(true);
    expect(analytics.user().id()).toBe('someone');
    expect(driver.calls).toEqual([]);
    expect(transport.wire).toEqual([]);
    expect(storedKeys()).toEqual([]);
  });

  it('disable as an async function: calls wait for its answer; true sends and stores nothing', async () => {
    const { analytics, core, driver, transport } = make();
    let answer: (v: boolean) => void = () => undefined;
    const disable = vi.fn(() => new Promise<boolean>((r) => (answer = r)));
    core.load(KEY, { disable });
    analytics.track('While deciding');
    await run(500);
    expect(disable).toHaveBeenCalledTimes(1);
    expect(disable.mock.calls[0][0]).toMatchObject({ integrations: { Amplitude: {} }, remotePlugins: [] });
    expect(storedKeys()).toEqual([]);
    answer(true);
    await run(2000);
    expect(driver.calls).toEqual([]);
    expect(transport.wire).toEqual([]);
    expect(storedKeys()).toEqual([]);
  });

  it('disable as an async function answering false: the calls made meanwhile arrive, in order, after the initial page', async () => {
    const { analytics, core, transport } = make();
    core.load(KEY, { disable: () => Promise.resolve(false), initialPageview: true, integrations: { Amplitude: { trackAllPages: true } } });
    analytics.track('First');
    analytics.track('Second');
    await run(2000);
    expect(transport.types()).toEqual(['Loaded a Page', 'First', 'Second']);
    expect(storedKeys()).toContain('cookie:ajs_anonymous_id');
  });

  it('a disable function that throws or rejects keeps everything off, with one warning', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    for (const disable of [
      () => {
        throw new Error('cmp broke');
      },
      () => Promise.reject(new Error('cmp broke')),
    ]) {
      const { analytics, core, transport } = make();
      core.load(KEY, { disable });
      analytics.track('x');
      await run(2000);
      expect(transport.wire).toEqual([]);
    }
    expect(storedKeys()).toEqual([]);
    expect(warn.mock.calls.filter((c) => String(c.join(' ')).includes('disable option failed'))).toHaveLength(2);
    warn.mockRestore();
  });

  it('updateCDNSettings is called once; removing Amplitude means no SDK, nothing sent, nothing stored, and ready fires', async () => {
    const { analytics, core, driver, transport } = make();
    const update = vi.fn((cdn: { integrations: Record<string, unknown> }) => {
      const copy = { ...cdn, integrations: { ...cdn.integrations } };
      delete copy.integrations.Amplitude;
      return copy;
    });
    const ready = vi.fn();
    analytics.ready(ready);
    core.load(KEY, { updateCDNSettings: update, integrations: { Amplitude: { consentSettings: { categories: ['C0002'] } } } });
    analytics.track('Refused');
    await run(2000);
    expect(update).toHaveBeenCalledTimes(1);
    expect(update.mock.calls[0][0]).toMatchObject({ consentSettings: { allCategories: ['C0002'], hasUnmappedDestinations: false } });
    expect(ready).toHaveBeenCalledTimes(1);
    expect(driver.calls).toEqual([]);
    expect(transport.wire).toEqual([]);
    expect(storedKeys()).toEqual([]);
  });

  it('updateCDNSettings that keeps Amplitude changes nothing', async () => {
    const { analytics, core, transport } = make();
    core.load(KEY, { updateCDNSettings: (cdn: unknown) => cdn });
    analytics.track('Kept');
    await run();
    expect(transport.types()).toEqual(['Kept']);
  });

  it.each([[{ All: false }], [{ Amplitude: false }]])(
    'load-level %j: the SDK never starts; user() still persists as analytics.js did',
    async (integrations) => {
      const { analytics, core, driver, transport } = make();
      core.load(KEY, { integrations });
      analytics.identify('kept-user');
      analytics.track('Routed off');
      await run(2000);
      expect(driver.calls).toEqual([]);
      expect(transport.wire).toEqual([]);
      expect(storedKeys().filter((k) => k.includes('AMP_') || k.includes('unsent'))).toEqual([]);
      expect(localStorage.getItem('ajs_user_id')).toBe('"kept-user"');
    },
  );

  it('GPC with honorGlobalPrivacyControl: Amplitude off and nothing stored, one debug message; setting off: unchanged', async () => {
    Object.defineProperty(navigator, 'globalPrivacyControl', { value: true, configurable: true });
    const debug = vi.spyOn(console, 'debug').mockImplementation(() => undefined);
    const on = make({ honorGlobalPrivacyControl: true });
    on.analytics.debug(true);
    on.load();
    on.analytics.track('Under GPC');
    await run(2000);
    expect(on.driver.calls).toEqual([]);
    expect(on.transport.wire).toEqual([]);
    expect(storedKeys()).toEqual([]);
    expect(debug.mock.calls.filter((c) => String(c.join(' ')).includes('gpc-off'))).toHaveLength(1);
    debug.mockRestore();

    const off = make({ honorGlobalPrivacyControl: false });
    off.load();
    off.analytics.track('GPC not honoured');
    await run();
    expect(off.transport.types()).toEqual(['GPC not honoured']);
  });

  it('disableClientPersistence: the SDK is told to keep identity in memory', async () => {
    const { core, driver } = make();
    core.load(KEY, { disableClientPersistence: true });
    await run();
    expect(driver.initOptions?.clientPersistence).toBe(false);
    expect(storedKeys()).toEqual([]);
  });
});
