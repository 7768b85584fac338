/**
 * What in a mapping cannot be evaluated here: each unsupported directive by name, or a malformed one.
 * An empty list means `resolveMapping` understands all of it.
 */
export declare function mappingProblems(mapping: unknown): string[];
/**
 * Evaluates a mapping against `data` (the Segment event, or one array item inside `@arrayPath`). Keys
 * whose value resolves to undefined are left out, as Segment's mapping kit leaves them out of a payload.
 */
export declare function resolveMapping(mapping: unknown, data: unknown): unknown;
/** `{{path}}` placeholders (and `{{{path}}}`) filled from `data`; a missing value renders as "". */
export declare function renderTemplate(template: string, data: unknown): string;
/** `$.a.b`, `a.b`, `a['b c'].d`: the value at that path, or undefined. */
export declare function lookupPath(data: unknown, path: string): unknown;
