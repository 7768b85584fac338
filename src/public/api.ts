/**
 * Puts analytics-next's members onto a target object (the snippet's stub array, upgraded in place, so
 * references taken before load keep working). Every member is guarded (member-guard.ts): nothing throws
 * into the page. What user(), group() and analytics.amplitude hand out is identity-api.ts's.
 */
import type { Dict } from '../core/types.js';
import type { AnalyticsCore } from '../runtime/analytics.js';
import { failedContext } from '../runtime/context.js';
import { SegmentContext } from '../plugins/segment-context.js';
import { VERSION } from '../core/version.js';
import { callPageFunction, describe } from '../runtime/page-code.js';
import { attempt } from '../core/values.js';
import { callName as call, guardWith, idArgument } from './member-guard.js';
import { amplitudeAccess, groupApi, userApi } from './identity-api.js';

/** Members the snippet stubs, in the order analytics-next's snippet lists them (plus the rest of the API). */
const DEPRECATED_WARN_ONLY = [
  'log',
  'addIntegrationMiddleware',
  'listeners',
  'addEventListener',
  'removeAllListeners',
  'removeListener',
  'removeEventListener',
  'hasListeners',
  'add',
  'addIntegration',
];

export function attachPublicApi(core: AnalyticsCore, target: Dict): Dict {
  const guard = guardWith(core);
  const failedCtx = (type: string) => () => failedContext(type, 'internal error');
  const self = () => target;
  const resolvedTarget = () => Promise.resolve(target);
  const nothing = () => undefined;
  const noResults = () => Promise.resolve([]);
  const systemContext = (): Promise<unknown> => Promise.resolve(SegmentContext.system());
  /** The calls that make an event: an internal failure resolves with a failed Context, as a dropped call does. */
  const eventCall = (name: 'track' | 'page' | 'screen' | 'identify' | 'alias') =>
    guard(name, failedCtx(name), (...a: unknown[]) => core[name](...a));
  /** once() and off() take what on() takes, and ignore anything else without a word, as analytics-next's emitter. */
  const quietListenerMember = (name: 'once' | 'off') =>
    guard(name, self, (event: unknown, fn: unknown) => {
      if (typeof event === 'string' && typeof fn === 'function') core.emitter[name](event, fn as never);
      return target;
    });

  const user = userApi(core, guard);
  const group = groupApi(core, guard);

  const members: Dict = {
    track: eventCall('track'),
    page: eventCall('page'),
    screen: eventCall('screen'),
    identify: eventCall('identify'),
    group: guard('group', failedCtx('group'), (...a: unknown[]) => {
      const result = core.group(...a);
      return result instanceof Promise ? result : group;
    }),
    alias: eventCall('alias'),
    reset: guard('reset', nothing, () => core.reset()),
    ready: guard('ready', noResults, (cb?: unknown) => core.ready(cb)),
    user: guard(
      'user',
      () => user,
      () => user,
    ),
    setAnonymousId: guard(
      'setAnonymousId',
      () => null,
      (id?: unknown) => core.userStore.anonymousId(idArgument(core, 'setAnonymousId', id)),
    ),
    on: guard('on', self, (event: unknown, fn: unknown) => {
      if (typeof event === 'string' && typeof fn === 'function') core.emitter.on(event, fn as never);
      else core.logger.problem(call('on'), 'expects (eventName, function)', false);
      return target;
    }),
    once: quietListenerMember('once'),
    off: quietListenerMember('off'),
    debug: guard('debug', self, (on?: unknown) => {
      core.logger.debugEnabled = on !== false;
      return target;
    }),
    timeout: guard('timeout', nothing, (ms: unknown) => {
      if (typeof ms === 'number' && Number.isFinite(ms) && ms >= 0) core.timeout = ms;
      else core.logger.problem(call('timeout'), 'expects a number of milliseconds', false);
    }),
    addSourceMiddleware: guard('addSourceMiddleware', resolvedTarget, (fn: unknown) => {
      core.stages.addSourceMiddleware(fn);
      return resolvedTarget();
    }),
    addDestinationMiddleware: guard('addDestinationMiddleware', resolvedTarget, (name: unknown, ...fns: unknown[]) => {
      core.stages.addDestinationMiddleware(name, fns);
      return resolvedTarget();
    }),
    pageview: guard('pageview', resolvedTarget, (url: unknown) => {
      core.logger.problem(call('pageview'), 'is deprecated; use analytics.page()', false);
      void core.page({ path: typeof url === 'string' ? url : undefined });
      return resolvedTarget();
    }),
    push: guard('push', nothing, (entry: unknown) => {
      // A revoked Proxy, or one whose traps throw, reads as no method at all.
      const [method, rest] = attempt(
        (): [unknown, unknown[]] => (Array.isArray(entry) ? [entry[0], entry.slice(1)] : [undefined, []]),
        [undefined, []],
      );
      if (typeof method !== 'string') {
        core.logger.problem(call('push'), 'expects an array whose first item is a method name', false);
        return;
      }
      const member = members[method];
      if (typeof member === 'function' && method !== 'push') (member as (...x: unknown[]) => unknown)(...rest);
      else core.logger.problem(call('push'), `unknown method "${method}" was ignored`, false);
    }),
    load: guard('load', nothing, (key: unknown, options?: unknown) => core.load(key, options)),
    initialize: guard('initialize', resolvedTarget, () => {
      core.logger.problem(call('initialize'), 'is deprecated and does nothing', false);
      return resolvedTarget();
    }),
    register: guard('register', systemContext, (...plugins: unknown[]): Promise<unknown> =>
      core.stages.plugins.register(...plugins),
    ),
    deregister: guard('deregister', systemContext, (...names: unknown[]): Promise<unknown> =>
      core.stages.plugins.deregister(...names),
    ),
    use: guard('use', self, (fn: unknown) => {
      if (typeof fn === 'function')
        callPageFunction(fn as () => unknown, undefined, [target], (error) =>
          core.logger.problem(call('use'), `the function failed: ${describe(error)}`, false),
        );
      return target;
    }),
    noConflict: guard('noConflict', self, () => {
      core.logger.problem(call('noConflict'), 'is deprecated and does nothing', false);
      return target;
    }),
    normalize: guard(
      'normalize',
      () => ({}),
      (msg: unknown) => msg,
    ),
    queryString: guard('queryString', noResults, noResults),
  };
  members.init = members.initialize;
  // trackClick and trackSubmit are analytics.js's older names for trackLink and trackForm.
  for (const [name, kind] of [
    ['trackLink', 'link'],
    ['trackClick', 'link'],
    ['trackForm', 'form'],
    ['trackSubmit', 'form'],
  ] as const) {
    members[name] = guard(name, resolvedTarget, (...a: unknown[]) => {
      core.autoTrack(kind, call(name), a);
      return resolvedTarget();
    });
  }
  for (const name of DEPRECATED_WARN_ONLY) {
    members[name] = guard(name, nothing, () =>
      core.logger.problem(call(name), 'is deprecated in analytics.js 2.0 and does nothing', false),
    );
  }

  for (const name of Object.keys(members)) {
    defineValue(target, name, members[name]);
  }
  defineValue(target, 'VERSION', VERSION);
  defineValue(target, 'amplitude', amplitudeAccess(core, guard));
  Object.defineProperty(target, 'initialized', { get: () => core.initialized, configurable: true, enumerable: true });
  Object.defineProperty(target, 'settings', {
    get: () => ({ writeKey: core.state.writeKey, timeout: core.timeout, amplitude: core.settings }),
    configurable: true,
    enumerable: true,
  });
  Object.defineProperty(target, 'integrations', {
    get: () => core.state.options.integrations ?? {},
    configurable: true,
  });
  return target;
}

function defineValue(target: Dict, name: string, value: unknown): void {
  Object.defineProperty(target, name, { value, writable: true, configurable: true, enumerable: true });
}
