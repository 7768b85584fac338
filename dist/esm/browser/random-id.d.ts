/** A v4 UUID from cryptographic randomness (per call it costs a fraction of crypto.randomUUID). */
export declare function randomUUID(): string;
