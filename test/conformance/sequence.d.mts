export function decodeValue(value: unknown): unknown;
export function encodeValue(value: unknown): unknown;
