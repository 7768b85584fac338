import { parseCookieHeader } from '../core/cookie-header.js';
export interface VisitorIdentity {
    /** Amplitude's device ID (from `AMP_<key>`), falling back to Segment's anonymousId. */
    deviceId?: string;
    /** Amplitude's user ID, falling back to Segment's user ID. */
    userId?: string;
    /** Amplitude's session ID (ms epoch); server events with it join the browser session. */
    sessionId?: number;
    /** Segment's `ajs_anonymous_id`. */
    anonymousId?: string;
    /** Segment's `ajs_user_id`. */
    segmentUserId?: string;
    /** Segment's `ajs_group_id`. */
    groupId?: string;
}
/** `Cookie:` header (string, or the array some frameworks give) -> name/value pairs, first value wins. */
export { parseCookieHeader };
export declare function readIdentity(cookieHeader: string | string[] | undefined | null, apiKey: string): VisitorIdentity;
export interface AmplitudeServerOptions {
    apiKey: string;
    /** Needed only for Amplitude's user-mapping reads; sent as basic auth with alias calls. Never leaves the server. */
    secretKey?: string;
    /** 'EU' for Amplitude's EU data center. */
    serverZone?: 'US' | 'EU';
    /** Override the HTTP V2 endpoint (tests and the demo use the local collector). */
    serverUrl?: string;
    /** Override the user-mapping endpoint. */
    usermapUrl?: string;
    fetch?: typeof fetch;
}
export interface ServerEventOptions {
    /** ms epoch; defaults to now. */
    time?: number;
    /** For idempotent retries; defaults to a random UUID. */
    insertId?: string;
    userProperties?: Record<string, unknown>;
    groups?: Record<string, string | string[]>;
}
export interface AmplitudeResponse {
    status: number;
    body: unknown;
}
/** Minimal shapes of Node's IncomingMessage / ServerResponse, so this module needs no Node typings. */
export interface RequestLike {
    method?: string;
    headers: Record<string, string | string[] | undefined>;
    on(event: 'data', listener: (chunk: Uint8Array | string) => void): unknown;
    on(event: 'end', listener: () => void): unknown;
    on(event: 'error', listener: (error: unknown) => void): unknown;
}
export interface ResponseLike {
    statusCode: number;
    setHeader(name: string, value: string): unknown;
    end(body?: string): unknown;
}
export interface AliasRequest {
    /** The new user ID (Segment's `alias(to)`). */
    userId: string;
    /** The previous ID (Segment's `from`, or the previous user). */
    previousId: string;
}
export interface AliasHandlerOptions {
    /**
     * Decide whether this request may merge these IDs (for example: the previous ID belongs to the signed-in
     * session). Without it every well-formed request is forwarded; mapping users cannot be undone.
     */
    authorize?: (request: RequestLike, alias: AliasRequest) => boolean | Promise<boolean>;
}
export declare function createAmplitudeServer(options: AmplitudeServerOptions): {
    track: (identity: VisitorIdentity, eventType: string, eventProperties?: Record<string, unknown>, extra?: ServerEventOptions) => Promise<AmplitudeResponse>;
    sendEvents: (events: Record<string, unknown>[]) => Promise<AmplitudeResponse>;
    alias: (userId: string, previousId: string) => Promise<AmplitudeResponse>;
    aliasHandler: (handlerOptions?: AliasHandlerOptions) => (req: RequestLike, res: ResponseLike) => void;
    serverUrl: string;
    usermapUrl: string;
};
