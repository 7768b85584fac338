/**
 * The timestamp the classic stack sent for `value`, or undefined when it left the value alone. A space
 * before the time meant local time (the zone written after it was ignored); otherwise UTC unless a zone
 * is given. Out-of-range fields roll over, as Date.UTC does.
 */
export declare function facadeTimestamp(value: string, localOffsetMinutes: number): string | undefined;
/** A copy of `value` with every facade date string replaced by its timestamp, at any depth. */
export declare function withFacadeDates<T>(value: T, localOffsetMinutes: number): T;
