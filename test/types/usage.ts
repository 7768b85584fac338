// Compiled in CI against the published declarations (dist/esm). Lines marked @ts-expect-error must fail
// to compile; if one ever compiles, tsc reports the unused directive and the type test fails.
import 'segment-amplitude-shim';
import { install, type SegmentAnalytics, type ShimLoadOptions } from 'segment-amplitude-shim';
import { readIdentity, createAmplitudeServer } from 'segment-amplitude-shim/server';

const analytics: SegmentAnalytics = window.analytics;
const installed: SegmentAnalytics = install().analytics;
void installed;

// Every call form Segment accepts.
analytics.track('Signed Up');
analytics.track('Signed Up', { plan: 'pro' });
analytics.track('Signed Up', { plan: 'pro' }, { integrations: { Amplitude: { groups: { org: 'acme' } } } });
analytics.track('Signed Up', { plan: 'pro' }, (ctx) => ctx.event.event);
analytics.track('Signed Up', (ctx) => ctx.id);
analytics.track({ event: 'Signed Up', properties: { plan: 'pro' } });
analytics.page();
analytics.page('Docs', 'Index', { section: 'api' });
analytics.page('Home');
analytics.page({ path: '/x' });
analytics.screen('Settings');
analytics.identify('user-1', { email: 'a@b.c' });
analytics.identify(42);
analytics.identify({ email: 'a@b.c' });
analytics.identify('user-1', () => undefined);
analytics.group('org-1', { name: 'Acme' });
const groupId: string | null = analytics.group().id();
analytics.alias('new-id');
analytics.alias('new-id', 'old-id');
analytics.reset();
analytics.ready(() => {
  const deviceId: string | undefined = analytics.amplitude.getDeviceId();
  const sessionId: number | undefined = analytics.amplitude.getSessionId();
  void deviceId;
  void sessionId;
});
const anonymousId: string | null = analytics.user().anonymousId();
analytics.on('track', (event: string) => event).debug(true);
analytics.push(['track', 'Pushed']);
const load: ShimLoadOptions = { integrations: { Amplitude: { trackAllPages: true, traitsToIncrement: ['logins'] } }, amplitude: { serverZone: 'EU' } };
analytics.load('key', load);
const consented: ShimLoadOptions = {
  integrations: { Amplitude: { consentSettings: { categories: ['C0002'] }, honorGlobalPrivacyControl: true } },
  disable: (cdn) => Promise.resolve(!cdn.integrations.Amplitude),
  updateCDNSettings: (cdn) => cdn,
};
void consented;
void groupId;
void anonymousId;

// Server module.
const identity = readIdentity('AMP_abc=x; ajs_anonymous_id=a', 'abc');
const server = createAmplitudeServer({ apiKey: 'key', serverUrl: 'http://127.0.0.1:1/2/httpapi' });
void server.track(identity, 'Server Event', { a: 1 });

// Lines that must not compile.
// @ts-expect-error the runtime's internals are not part of the package
type _NotExportedCore = typeof import('segment-amplitude-shim').AnalyticsCore;
// @ts-expect-error neither is the server module's cookie parser
type _NotExportedCookieParser = typeof import('segment-amplitude-shim/server').parseCookieHeader;
// @ts-expect-error an event name is a string
analytics.track(42);
// @ts-expect-error properties are an object
analytics.track('Signed Up', 'pro');
// @ts-expect-error settings are typed
analytics.load('key', { integrations: { Amplitude: { trackAllPages: 'yes' } } });
// @ts-expect-error the device ID is a string
const wrong: number = analytics.amplitude.getDeviceId();
// @ts-expect-error reset takes no callback result
const nothing: string = analytics.reset();
// @ts-expect-error server events need an event type
void server.track(identity);
void wrong;
void nothing;
