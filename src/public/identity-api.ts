/**
 * The identity a page reads back: `analytics.user()` and `analytics.group()` (analytics-next hands out the
 * stores themselves; these are the same methods, guarded) and `analytics.amplitude`'s device and session.
 */
import type { Dict } from '../core/types.js';
import type { AnalyticsCore } from '../runtime/analytics.js';
import type { EntityStoreApi } from '../runtime/identity.js';
import type { AmplitudeAccess } from './types.js';
import { idArgument, traitsArgument, type Guard } from './member-guard.js';

function entity(core: AnalyticsCore, guard: Guard, prefix: string, store: EntityStoreApi, extra: Dict): Dict {
  return {
    id: guard(
      `${prefix}.id`,
      () => null,
      (id?: unknown) => store.id(idArgument(core, `${prefix}.id`, id)),
    ),
    traits: guard(
      `${prefix}.traits`,
      () => ({}),
      (traits?: unknown) => store.traits(traitsArgument(core, `${prefix}.traits`, traits)),
    ),
    load: () => undefined,
    save: () => true,
    ...extra,
  };
}

/** What `analytics.user()` returns: one object for the page's life, as analytics-next's. */
export function userApi(core: AnalyticsCore, guard: Guard): Dict {
  return entity(core, guard, 'user()', core.userStore, {
    anonymousId: guard(
      'user().anonymousId',
      () => null,
      (id?: unknown) => core.userStore.anonymousId(idArgument(core, 'user().anonymousId', id)),
    ),
    logout: guard(
      'user().logout',
      () => undefined,
      () => core.userStore.logout(),
    ),
    reset: guard(
      'user().reset',
      () => undefined,
      () => core.userStore.reset(),
    ),
  });
}

/** What `analytics.group()` returns when called without arguments. */
export function groupApi(core: AnalyticsCore, guard: Guard): Dict {
  return entity(core, guard, 'group()', core.groupStore, {
    anonymousId: () => undefined,
  });
}

/** `analytics.amplitude`: the SDK client, and the device and session in force. */
export function amplitudeAccess(core: AnalyticsCore, guard: Guard): AmplitudeAccess {
  return {
    get instance() {
      return core.env.adapter.client;
    },
    getDeviceId: guard(
      'amplitude.getDeviceId',
      () => undefined,
      () => core.device.id ?? undefined,
    ),
    getSessionId: guard(
      'amplitude.getSessionId',
      () => undefined,
      () => core.env.adapter.getSessionId(),
    ),
    getDeviceIdSource: guard(
      'amplitude.getDeviceIdSource',
      () => undefined,
      () => core.deviceIdSource ?? undefined,
    ),
  };
}
