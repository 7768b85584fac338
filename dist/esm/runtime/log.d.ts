export declare class Logger {
    debugEnabled: boolean;
    private readonly seen;
    private muted;
    /** `call` names the public method, e.g. "analytics.track()". */
    problem(call: string, message: string, dataDropped: boolean): void;
    debug(message: string, ...details: unknown[]): void;
    once(message: string, level?: 'warn' | 'error'): void;
    private print;
}
