// The deliberate differences from Segment's own code, as data. The conformance suite accepts a difference
// only when one row here matches it exactly (`matches` checks both sides' values, not just the field); the
// README's Differences sections name every row by its id (readme-differences.test.ts checks that).
//
// Row: { id, mode, what, why, test, matches(diff, ctx) }. `diff` is one field-level difference
// { field, segment, ours } between canonical records (canonical.mjs); `ctx` is what the call gave:
// `segment` and `ours` (its records on each side), `event` (the Segment event), `refusals` (the messages
// with which Segment's destination refused it) and `call` (the call as generated: { method, args }).
import { ACTIONS_DIFFERENCES } from './differences-actions.mjs';
import { CLASSIC_DIFFERENCES } from './differences-classic.mjs';

export const DIFFERENCES = [...ACTIONS_DIFFERENCES, ...CLASSIC_DIFFERENCES];

/** The declared difference a found difference is, or undefined when it is not declared. */
export function declaredFor(mode, diff, call) {
  return DIFFERENCES.find((row) => row.mode === mode && row.matches(diff, call));
}
