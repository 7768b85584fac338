export declare function readCookies(): Record<string, string>;
export declare function getCookie(name: string): string | undefined;
export interface CookieOptions {
    /** Days. */
    maxage?: number;
    domain?: string;
    path?: string;
    sameSite?: string;
    secure?: boolean;
}
export declare function setCookie(name: string, value: string, options?: CookieOptions): void;
export declare function removeCookie(name: string, options?: CookieOptions): void;
