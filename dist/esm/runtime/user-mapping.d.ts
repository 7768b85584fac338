/**
 * alias(): Amplitude maps users only through its server API, whose keys must not reach the browser, so
 * the mapping goes to the site's own endpoint (load option `aliasUrl`; the server module answers it).
 */
export interface UserMappingDeps {
    aliasUrl(): unknown;
    post(url: string, body: unknown): Promise<boolean>;
    warn(message: string, dropped: boolean): void;
}
export declare function mapUser(mapping: {
    userId: string;
    previousId: string;
}, deps: UserMappingDeps): void;
