// The shim's side of a sequence, in either mode: the calls go through the public API into AnalyticsCore, with
// the unit tests' recording driver and transport in place of the SDK and the network, so what comes out is
// exactly what the outbox would post. It also gives the Segment events those calls made, as Segment's API
// would receive them (for Segment's Actions destination to run on), and Segment's storage after the calls.
import { vi } from 'vitest';
import { decodeValue } from './sequence.mjs';
import { KEY, clearBrowserStorage, make, run, type Api } from '../unit/runtime-harness';
import type { Dict } from '../../src/core/types';
import type { Payload, Sequence } from './types';

const ALIAS_URL = '/conformance/alias';
const DESTINATION = 'Actions Amplitude';
const SESSION_TYPES = ['track', 'identify', 'group', 'page', 'alias'];

export interface OursRun {
  /** What Amplitude received, in order, each with the messageId of the call that sent it. */
  payloads: Array<Payload & { messageId: string; call?: number }>;
  /** What Segment's API would have received for each call, in call order, after the browser session plugin. */
  segmentEvents: Dict[];
  /** The 1-based call number each Segment event came from. */
  callOf: number[];
  /** Calls the shim refused at its API (with the warning it gave), which made no Segment event. */
  rejected: Array<{ call: number; warning: string }>;
  warnings: string[];
  /** Segment's own storage after the last call (docs/conformance.md). */
  storage: Dict;
}

/** Segment's browser session plugin, written from its documented rule (not the shim's copy of it). */
function withSegmentSession(event: Dict, sessionId: number | null): Dict {
  const integrations = (event.integrations && typeof event.integrations === 'object' ? event.integrations : {}) as Dict;
  if (sessionId === null || !SESSION_TYPES.includes(event.type as string)) return event;
  // The plugin is the destination's: a call that routes the destination away does not run it.
  if (integrations[DESTINATION] === false || (integrations.All === false && !integrations[DESTINATION])) return event;
  const own = integrations[DESTINATION] && typeof integrations[DESTINATION] === 'object' ? (integrations[DESTINATION] as Dict) : {};
  return { ...event, integrations: { ...integrations, [DESTINATION]: { ...own, session_id: sessionId } } };
}

function storedSessionId(): number | null {
  const raw = localStorage.getItem('analytics_session_id');
  return raw && Number(raw) > 0 ? Number(raw) : null;
}

/** Needs fake timers (setTimeout, clearTimeout, Date) installed by the caller. */
export async function runOurs(sequence: Sequence): Promise<OursRun> {
  clearBrowserStorage();
  // The page is the sequence's own URL (its host included: page calls send it), as it is on Segment's side.
  (globalThis as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(sequence.page.url);
  document.title = sequence.page.title;
  // Where the visitor came from, as the page's document.referrer (what trackReferrer and page() read).
  Object.defineProperty(document, 'referrer', { value: sequence.page.referrer ?? '', configurable: true });
  vi.setSystemTime(sequence.startTime);
  const mappings: Dict[] = [];
  const fetchSpy = vi.spyOn(globalThis, 'fetch').mockImplementation((url, init) => {
    if (String(url).endsWith(ALIAS_URL)) mappings.push(JSON.parse(String(init?.body)) as Dict);
    return Promise.resolve(new Response('{}', { status: 200 }));
  });
  const warnings: string[] = [];
  const warnSpy = vi.spyOn(console, 'warn').mockImplementation((...args: unknown[]) => void warnings.push(args.map(String).join(' ')));
  try {
    const { analytics, core, transport } = make();
    analytics.setAnonymousId(sequence.anonymousId);
    const destination = sequence.mode === 'actions' ? DESTINATION : 'Amplitude';
    // Classic sites have no aliasUrl (an option of the shim's own): alias() then sends nothing, as in Segment's Classic.
    const aliasUrl = sequence.mode === 'actions' ? { aliasUrl: ALIAS_URL } : {};
    core.load(KEY, { ...aliasUrl, integrations: { [destination]: decodeValue(sequence.settings) } });
    await run(10);
    const segmentEvents: Dict[] = [];
    const callOf: number[] = [];
    const rejected: OursRun['rejected'] = [];
    const payloads: OursRun['payloads'] = [];
    let posted = 0;
    for (const [n, call] of sequence.calls.entries()) {
      // Segment's side moves its clock 1000 ms before each call and holds it still in between.
      vi.setSystemTime(sequence.startTime + (n + 1) * 1000);
      const args = decodeValue(call.args) as unknown[];
      const warned = warnings.length;
      const result: unknown = analytics[call.method](...args);
      await run(1000);
      const ctx = (await result) as { event?: Dict } | undefined;
      const messageId = typeof ctx?.event?.messageId === 'string' ? ctx.event.messageId : '';
      // A call the shim refused made no event: there is nothing to give Segment's destination for it.
      // A problem is told once per page: a call refused again for it says nothing new, so the earlier warning
      // that names the same method is the reason.
      const reason = warnings.slice(warned).at(-1) ?? [...warnings].reverse().find((w) => w.includes(`analytics.${call.method}()`));
      if (call.method !== 'reset' && !messageId) rejected.push({ call: n + 1, warning: reason ?? '' });
      else if (ctx?.event && call.method !== 'reset') {
        segmentEvents.push(withSegmentSession(JSON.parse(JSON.stringify(ctx.event)) as Dict, storedSessionId()));
        callOf.push(n + 1);
      }
      // Wire events and user mappings interleave in call order: take both after each call.
      for (const event of transport.wire.slice(posted)) payloads.push({ endpoint: '/2/httpapi', event, messageId, call: n });
      posted = transport.wire.length;
      for (const mapping of mappings.splice(0))
        payloads.push({ endpoint: '/usermap', event: { user_id: mapping.previousId, global_user_id: mapping.userId }, messageId, call: n });
    }
    return { payloads, segmentEvents, callOf, rejected, warnings, storage: segmentStorage(analytics) };
  } finally {
    fetchSpy.mockRestore();
    warnSpy.mockRestore();
  }
}

const STORAGE_KEYS = ['ajs_user_id', 'ajs_anonymous_id', 'ajs_group_id', 'ajs_user_traits', 'ajs_group_properties'];

function segmentStorage(analytics: Api): Dict {
  const user = analytics.user() as Record<string, () => unknown>;
  const group = analytics.group() as Record<string, () => unknown>;
  const cookies = Object.fromEntries(
    document.cookie
      .split(';')
      .map((c) => c.trim().split('='))
      .filter(([name]) => ['ajs_user_id', 'ajs_anonymous_id', 'ajs_group_id'].includes(name))
      .map(([name, ...value]) => [name, decodeURIComponent(value.join('='))]),
  );
  const local = Object.fromEntries(STORAGE_KEYS.map((key) => [key, localStorage.getItem(key) ?? undefined]));
  return {
    user: { id: user.id(), anonymousId: user.anonymousId(), traits: user.traits() },
    group: { id: group.id(), traits: group.traits() },
    cookies,
    localStorage: local,
  };
}
