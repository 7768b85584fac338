export declare class ReadySignal {
    private readonly warn;
    private waiting;
    private fired;
    constructor(warn: (call: string, message: string) => void);
    fire(): void;
    ready(callback?: unknown): Promise<unknown[]>;
}
