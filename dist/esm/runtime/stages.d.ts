import type { Clock } from './clock.js';
import type { CallItem, Prepared } from './delivery.js';
export interface StageDeps {
    clock: Clock;
    /** Where events go now: null while nothing is sent to Amplitude, else the destination's name in `integrations`. */
    destination(): string | null;
    warn(call: string, message: string, dropped: boolean): void;
}
export declare class Stages {
    private readonly deps;
    private readonly source;
    private readonly destination;
    constructor(deps: StageDeps);
    addSourceMiddleware(fn: unknown): void;
    addDestinationMiddleware(name: unknown, fns: unknown[]): void;
    /** Runs a call through the stages: a value now, or a promise when a stage answers later. */
    prepare(item: CallItem): Prepared | Promise<Prepared>;
    private toDestination;
    private chainDeps;
}
