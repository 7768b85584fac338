type Listener = (...args: unknown[]) => unknown;
export declare class Emitter {
    private readonly self;
    private readonly onListenerError;
    private listeners;
    constructor(self: () => unknown, onListenerError: (event: string, error: unknown) => void);
    on(event: string, fn: Listener): void;
    once(event: string, fn: Listener): void;
    off(event: string, fn: Listener): void;
    emit(event: string, ...args: unknown[]): void;
}
export {};
