/**
 * Carries out `load` once the gate has answered. Identity is settled first (the visitor's stored IDs,
 * read only now, replace what calls made before load were stamped with), then, for a page that sends,
 * the pipeline is built and what earlier pages left is sent ahead of every call; the SDK starts later,
 * as deferred work, since events are complete without it.
 */
import type { Dict } from '../core/types.js';
import type { GateOutcome } from '../core/consent.js';
import { type LoadPlan } from '../core/load-plan.js';
import type { RuntimeEnvironment } from './environment.js';
import type { CallQueue } from './call-queue.js';
import type { CallItem, Delivery, Prepared } from './delivery.js';
import type { DeviceIdentity } from './device-identity.js';
import type { GroupStore, UserStore } from './identity.js';
import { Pipeline } from './pipeline.js';
import type { SdkLink } from './sdk-link.js';
import type { DeferredWork } from './deferred-work.js';
import type { ReadySignal } from './ready.js';
import type { Logger } from './log.js';
/** What the facade and start-up share: what load decided, once it has. */
export interface LoadState {
    writeKey: string;
    options: Dict;
    plan: LoadPlan | null;
    /** Set by the gate: whether (and why not) this page sends to Amplitude. */
    outcome: GateOutcome | null;
    pipeline: Pipeline | null;
}
export interface StartupDeps {
    env: RuntimeEnvironment;
    state: LoadState;
    user: UserStore;
    group: GroupStore;
    queue: CallQueue<CallItem, Prepared>;
    delivery: Delivery;
    device: DeviceIdentity;
    sdk: SdkLink;
    deferred: DeferredWork;
    ready: ReadySignal;
    /** The calls load makes itself: the initial pageview and the querystring API. */
    calls: {
        page(): void;
        identify(userId: string, traits: Dict): void;
        track(event: string, properties: Dict): void;
    };
    /** Load has decided: `initialized`, the `initialize` event, and the page listeners install.ts adds. */
    announce(sending: boolean, storing: boolean): void;
    logger: Logger;
}
export declare function startUp(outcome: GateOutcome, deps: StartupDeps): void;
