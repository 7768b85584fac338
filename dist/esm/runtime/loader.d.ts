import { type StartupDeps } from './startup.js';
export declare class Loader {
    private readonly deps;
    private called;
    constructor(deps: StartupDeps);
    get loadCalled(): boolean;
    load(writeKey: unknown, options: unknown, replay: () => void): void;
    private start;
}
