/**
 * The runtime behind `window.analytics`, as a thin facade. A call resolves its arguments, builds its
 * Segment event and joins the call queue (calls.ts); the queue runs the stages (stages.ts) and hands
 * calls over in order (delivery.ts): translation by the destination mode, the envelope, the outbox. Load
 * asks the gate (load-gate.ts), then start-up (startup.ts) builds the pipeline (pipeline.ts).
 */
import type { Dict } from '../core/types.js';
import type { ShimLoadOptions } from '../public/types.js';
import type { DeviceIdSource } from '../core/device-id.js';
import { type AmplitudeSettings } from '../modes/classic/settings.js';
import { type AmplitudeDriver } from '../amplitude/adapter.js';
import { GroupStore, UserStore } from './identity.js';
import type { Context } from './context.js';
import { Emitter } from './emitter.js';
import { Logger } from './log.js';
import { PageLifecycle } from './page-lifecycle.js';
import { Stages } from './stages.js';
import { DeferredWork } from './deferred-work.js';
import { SdkLink } from './sdk-link.js';
import type { RuntimeEnvironment } from './environment.js';
/** The load options as the page gave them (the public ShimLoadOptions, plus anything else a page passes). */
export type LoadOptions = ShimLoadOptions & Dict;
export declare class AnalyticsCore {
    readonly logger: Logger;
    readonly emitter: Emitter;
    readonly userStore: UserStore;
    readonly groupStore: GroupStore;
    readonly stages: Stages;
    readonly deferred: DeferredWork;
    readonly sdk: SdkLink;
    readonly lifecycle: PageLifecycle;
    private readonly env;
    private readonly state;
    private readonly device;
    private readonly readySignal;
    private readonly queue;
    private readonly delivery;
    private readonly calls;
    private readonly loader;
    private initializedFlag;
    private timeoutMs;
    /** Told once load has decided what this page does: install.ts then adds its page listeners. */
    onStarted: (what: {
        sending: boolean;
        storing: boolean;
    }) => void;
    constructor(self: () => unknown, env?: Partial<RuntimeEnvironment>);
    get settings(): AmplitudeSettings;
    get writeKey(): string;
    get loadOptions(): LoadOptions;
    get initialized(): boolean;
    get timeout(): number;
    setTimeout(ms: number): void;
    get adapter(): AmplitudeDriver;
    get deviceId(): string | null;
    get deviceIdSource(): DeviceIdSource | null;
    private get sending();
    /** Initializes once: the gate answers before any storage is touched; then start-up carries load out. */
    load(writeKey: unknown, options: unknown, replay?: () => void): void;
    ready(callback?: unknown): Promise<unknown[]>;
    private onAnonymousIdChanged;
    reset(): void;
    track(...rawArgs: unknown[]): Promise<Context>;
    page(...rawArgs: unknown[]): Promise<Context>;
    screen(...rawArgs: unknown[]): Promise<Context>;
    identify(...rawArgs: unknown[]): Promise<Context>;
    group(...rawArgs: unknown[]): Promise<Context> | GroupStore;
    alias(...rawArgs: unknown[]): Promise<Context>;
    /** Values a page hands to user()/group() setters, made safe with the calls' own rule. */
    clean(call: string, value: Dict): Dict;
    /** trackLink/trackClick and trackForm/trackSubmit (auto-track.ts), on this runtime's track and timeout. */
    autoTrack(kind: 'link' | 'form', call: string, args: unknown[]): void;
}
