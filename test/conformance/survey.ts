// The run shared by every mode: compare every generated sequence (so the parity table counts each distinct
// difference, not only the first), write the mode's figures for the table, then, if anything undeclared
// turned up, let fast-check shrink it to the smallest sequence and fail with it printed readably.
import { expect } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import fc from 'fast-check';
import { AMPLITUDE_OPERATIONS } from './canonical.mjs';
import { DIFFERENCES } from './differences.mjs';
import { formatSequence, sideBySide } from './report.mjs';
import type { Dict } from '../../src/core/types';
import type { Sequence } from './types';

export const RUNS = Number(process.env.CONFORMANCE_RUNS ?? 150);
export const SEED = Number(process.env.CONFORMANCE_SEED ?? 20261204);
/** CONFORMANCE_SHOW=3,17 prints those sequences of the run with both sides' records. */
const SHOW = (process.env.CONFORMANCE_SHOW ?? '').split(',').filter(Boolean).map(Number);
/** CONFORMANCE_ONLY=246,400 compares (and prints) just those sequences of the run: a found difference, again. */
const ONLY = (process.env.CONFORMANCE_ONLY ?? '').split(',').filter(Boolean).map(Number);

export interface Diff {
  /** The call (1-based, as the printed sequence numbers them) and the record within what it sent. */
  call: number;
  index: number;
  /** The kind of record (event, identify, …, storage) on whichever side has it. */
  kind: string;
  field: string;
  segment: unknown;
  ours: unknown;
  /** The id of the declared difference this is, if it is one. */
  declared?: string;
}

export interface Comparison {
  /** Canonical records per call, in call order, and the call number of each entry. */
  segment: Dict[][];
  ours: Dict[][];
  calls: number[];
  explained: Diff[];
  refusals: Array<{ messageId: string; message: string }>;
}

const FIXED_KEYS = /^(initial_)?(utm_\w+|referrer)$/;
/** A difference's kind, for counting distinct ones: the record kind and the field, without free keys. */
const signature = (d: Diff) =>
  `${d.kind} ${d.field
    .split('.')
    .map((part, i) => (i > 0 && !AMPLITUDE_OPERATIONS.includes(part) && !FIXED_KEYS.test(part) ? '*' : part))
    .join('.')}`;

export function explain(sequence: Sequence, c: Comparison): string {
  const undeclared = c.explained.filter((d) => !d.declared);
  return [
    formatSequence(sequence),
    '',
    'Undeclared differences:',
    ...undeclared.map((d) => `  call ${d.call}, record #${d.index}, ${d.field}: Segment ${JSON.stringify(d.segment)} | ours ${JSON.stringify(d.ours)}`),
    ...(c.refusals.length ? ['', "Segment's destination refused:", ...c.refusals.map((r) => `  ${r.message}`)] : []),
    '',
    ...c.segment.flatMap((records, i) => (records.length || c.ours[i].length ? [`call ${c.calls[i]}:`, sideBySide(records, c.ours[i])] : [])),
  ].join('\n');
}

export async function survey(
  mode: Sequence['mode'],
  arb: fc.Arbitrary<Sequence>,
  compare: (s: Sequence) => Promise<Comparison>,
  runs: number = RUNS,
): Promise<void> {
  const stats = {
    mode,
    ran: true,
    calls: 0,
    sequences: 0,
    declared: DIFFERENCES.filter((d: { mode: string }) => d.mode === mode).length,
    declaredSeen: 0,
    undeclared: 0,
  };
  const seen = new Set<string>();
  const undeclared = new Map<string, string>();
  for (const [i, sequence] of fc.sample(arb, { seed: SEED, numRuns: runs }).entries()) {
    sequence.id = `seed ${SEED} #${i}`;
    if (ONLY.length && !ONLY.includes(i)) continue;
    const c = await compare(sequence);
    if (SHOW.includes(i) || ONLY.includes(i)) console.log(`${sequence.id}\n${explain(sequence, c)}`);
    stats.sequences++;
    stats.calls += sequence.calls.length;
    for (const d of c.explained) {
      if (d.declared) seen.add(d.declared);
      else if (!undeclared.has(signature(d))) {
        undeclared.set(
          signature(d),
          `${sequence.id} call ${d.call}: Segment ${JSON.stringify(d.segment)?.slice(0, 300)} | ours ${JSON.stringify(d.ours)?.slice(0, 300)}`,
        );
      }
    }
  }
  stats.declaredSeen = seen.size;
  stats.undeclared = undeclared.size;
  mkdirSync('test-results', { recursive: true });
  writeFileSync(`test-results/conformance-${mode}.json`, JSON.stringify({ ...stats, seed: SEED, differences: Object.fromEntries(undeclared) }, null, 2));
  if (undeclared.size === 0) return;
  if (ONLY.length) expect.fail(`${undeclared.size} undeclared kind(s) of difference in sequences ${ONLY.join(', ')}`);

  const result = await fc.check(
    fc.asyncProperty(arb, async (sequence) => (await compare(sequence)).explained.every((d) => d.declared)),
    { seed: SEED, numRuns: runs },
  );
  const sequence = result.counterexample?.[0];
  const message = sequence ? explain(sequence, await compare(sequence)) : 'no counterexample (the survey and the shrinking run disagree)';
  const kinds = [...undeclared].map(([kind, example]) => `  ${kind}  (first: ${example})`);
  expect.fail(`${undeclared.size} undeclared kind(s) of difference:\n${kinds.join('\n')}\n\nSmallest counterexample:\n${message}`);
}
