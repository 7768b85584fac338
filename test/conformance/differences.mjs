// The deliberate differences from Segment's own code, as data. The conformance suite accepts a difference
// only when one row here matches it exactly (its `matches` checks both values, not just the field); the
// README's Differences sections name every row by its id (test/conformance/readme-differences.test.ts).
//
// Row: { id, mode, what, why, test, matches(diff, { segment, ours }) }, where diff is one field-level
// difference { index, field, segment, ours } between the canonical records (canonical.mjs).

export const DIFFERENCES = [];

/** The declared difference a found difference is, or undefined when it is not declared. */
export function declaredFor(mode, diff, records) {
  return DIFFERENCES.find((row) => row.mode === mode && row.matches(diff, records));
}
