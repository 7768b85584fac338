// Amplitude (Actions): generated call sequences through Segment's own destination code and through the
// shim, compared payload by payload. Quick and seeded by default (part of npm test); CONFORMANCE_RUNS and
// CONFORMANCE_SEED choose the size and seed of a run (npm run conformance -- --full).
import { afterAll, beforeAll, beforeEach, afterEach, describe, expect, it, vi } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import fc from 'fast-check';
import { actionsSettingsArb, sequenceArb } from './generators';
import { ACTIONS_DIFFERENCES, compareActions, type Comparison } from './actions/compare-actions';
import { startSegmentActions, type SegmentActions } from './actions/segment-actions-client';
import { formatSequence, sideBySide } from './report.mjs';
import type { Sequence } from './types';

const RUNS = Number(process.env.CONFORMANCE_RUNS ?? 150);
const SEED = Number(process.env.CONFORMANCE_SEED ?? 20261204);
const MAX_CALLS = 6;
/** CONFORMANCE_SHOW=3,17 prints those sequences of the run with both sides' records. */
const SHOW = (process.env.CONFORMANCE_SHOW ?? '').split(',').filter(Boolean).map(Number);

let segment: SegmentActions;
beforeAll(() => {
  segment = startSegmentActions();
});
afterAll(() => segment.stop());
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
});

/** A difference's kind, for counting distinct ones: the record kind and the field, without indices. */
const FIXED_KEYS = /^(initial_)?(utm_\w+|referrer)$/;
const signature = (d: { kind: string; field: string }) =>
  `${d.kind} ${d.field
    .split('.')
    .map((part, i) => (i > 0 && !part.startsWith('$') && !FIXED_KEYS.test(part) ? '*' : part))
    .join('.')}`;

function explain(sequence: Sequence, c: Comparison): string {
  return [
    formatSequence(sequence),
    '',
    'Undeclared differences:',
    ...c.undeclared.map((d) => `  call ${d.call}, record #${d.index}, ${d.field}: Segment ${JSON.stringify(d.segment)} | ours ${JSON.stringify(d.ours)}`),
    ...(c.refusals.length ? ['', "Segment's destination refused:", ...c.refusals.map((r) => `  ${r.message}`)] : []),
    '',
    ...c.segment.flatMap((records, i) => (records.length || c.ours[i].length ? [`call ${c.calls[i]}:`, sideBySide(records, c.ours[i])] : [])),
  ].join('\n');
}

describe('Amplitude (Actions): Segment’s destination code beside the shim, on generated calls', () => {
  it(`${RUNS} generated sequences (seed ${SEED}) differ from Segment only where a difference is declared`, async () => {
    const arb = sequenceArb('actions', actionsSettingsArb, MAX_CALLS);
    const stats = { mode: 'actions', ran: true, calls: 0, sequences: 0, declared: ACTIONS_DIFFERENCES.length, declaredSeen: 0, undeclared: 0 };
    const seen = new Set<string>();
    const undeclared = new Map<string, string>();
    // Survey: every sequence, so the table counts each distinct difference, not only the first.
    for (const [i, sequence] of fc.sample(arb, { seed: SEED, numRuns: RUNS }).entries()) {
      sequence.id = `seed ${SEED} #${i}`;
      const c = await compareActions(sequence, segment);
      if (SHOW.includes(i)) console.log(`${sequence.id}\n${explain(sequence, c)}`);
      stats.sequences++;
      stats.calls += sequence.calls.length;
      for (const d of c.explained) if (d.declared) seen.add(d.declared);
      for (const d of c.undeclared) {
        if (!undeclared.has(signature(d)))
          undeclared.set(
            signature(d),
            `${sequence.id} call ${d.call}: Segment ${JSON.stringify(d.segment)?.slice(0, 300)} | ours ${JSON.stringify(d.ours)?.slice(0, 300)}`,
          );
      }
    }
    stats.declaredSeen = seen.size;
    stats.undeclared = undeclared.size;
    mkdirSync('test-results', { recursive: true });
    writeFileSync('test-results/conformance-actions.json', JSON.stringify({ ...stats, seed: SEED, differences: Object.fromEntries(undeclared) }, null, 2));

    if (undeclared.size === 0) return;
    // Shrink to the smallest sequence that still differs, and print it with both payload lists.
    const result = await fc.check(
      fc.asyncProperty(arb, async (sequence) => (await compareActions(sequence, segment)).undeclared.length === 0),
      { seed: SEED, numRuns: RUNS },
    );
    const sequence = result.counterexample?.[0];
    const message = sequence ? explain(sequence, await compareActions(sequence, segment)) : 'no counterexample (the survey and the shrinking run disagree)';
    const kinds = [...undeclared].map(([kind, example]) => `  ${kind}  (first: ${example})`);
    expect.fail(`${undeclared.size} undeclared kind(s) of difference:\n${kinds.join('\n')}\n\nSmallest counterexample:\n${message}`);
  });
});
