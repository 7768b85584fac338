// Amplitude (Classic): generated call sequences through Segment's classic stack in Chromium and through the
// shim, compared payload by payload and by what Segment stores. Segment's side is the module
// classic/segment-classic.mjs (the contract is in docs/conformance.md); classic/canonical-classic.mjs brings
// both sides to what Amplitude stores and names what is random on each side. Part of the seeded quick run:
// each sequence is a page load in Chromium (about 0.6 s), so a quick run takes 100 sequences, not 150
// (CONFORMANCE_CLASSIC_RUNS or CONFORMANCE_RUNS choose; CONFORMANCE_CLASSIC=0 leaves it out of a run, and
// the parity table then says "not run").
import { afterAll, afterEach, beforeAll, beforeEach, describe, it, vi } from 'vitest';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { diffRecords } from './canonical.mjs';
import { classicRecords, knownAnonymousIds, placeholdRandomIds, withoutEmptyIds } from './classic/canonical-classic.mjs';
import { decodeValue } from './sequence.mjs';
import { declaredFor } from './differences.mjs';
import { classicSettingsArb, sequenceArb } from './generators';
import { runOurs } from './ours-runtime';
import { SEED, survey, type Comparison, type Diff } from './survey';
import type { Dict } from '../../src/core/types';
import type { Payload, Sequence } from './types';

const MODULE = join(dirname(fileURLToPath(import.meta.url)), 'classic', 'segment-classic.mjs');
const PRESENT = existsSync(MODULE) && process.env.CONFORMANCE_CLASSIC !== '0';
const MAX_CALLS = 6;
const CLASSIC_RUNS = Number(process.env.CONFORMANCE_CLASSIC_RUNS ?? process.env.CONFORMANCE_RUNS ?? 100);

interface ClassicRun {
  /** Each with the 0-based index of the call that sent it (-1: at load, before any call). */
  payloads: Array<Payload & { call?: number }>;
  storage: Dict;
}
interface ClassicModule {
  startSegmentClassic(): Promise<unknown>;
  runSegmentClassic(sequence: Sequence, session: unknown): Promise<ClassicRun>;
  runOursClassic?(sequence: Sequence, session: unknown): Promise<ClassicRun>;
  stopSegmentClassic(session: unknown): Promise<void>;
}

let classic: ClassicModule;
let session: unknown;
beforeAll(async () => {
  if (!PRESENT) return;
  classic = (await import(/* @vite-ignore */ MODULE)) as ClassicModule;
  session = await classic.startSegmentClassic();
});
afterAll(async () => {
  if (PRESENT) await classic.stopSegmentClassic(session);
});
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
});

/**
 * Payloads compared call by call (an event missing on one side does not shift the later calls), then the
 * storage after the last call as one more group, numbered after the calls. amplitude-js's init-time events
 * (UTM and referrer capture) count with the first call, where the shim sends them.
 */
async function compareClassic(sequence: Sequence): Promise<Comparison> {
  const segment = await classic.runSegmentClassic(sequence, session);
  const ours = classic.runOursClassic ? await classic.runOursClassic(sequence, session) : await runOurs(sequence);
  const known = knownAnonymousIds(sequence, decodeValue as (v: unknown) => unknown[]);
  const calls = [...sequence.calls.map((_, i) => i + 1), sequence.calls.length + 1];
  const grouped = (run: ClassicRun) => {
    const byCall = (call: number) => run.payloads.filter((p) => Math.max(0, p.call ?? 0) === call - 1);
    const groups = calls.slice(0, -1).map((call) => classicRecords(byCall(call)) as Dict[]);
    return placeholdRandomIds([...groups, [withoutEmptyIds({ kind: 'storage', ...run.storage })]], known) as Dict[][];
  };
  const segmentRecords = grouped(segment);
  const oursRecords = grouped(ours);
  const explained: Diff[] = calls.flatMap((call, i) =>
    (diffRecords(segmentRecords[i], oursRecords[i]) as Array<Omit<Diff, 'call' | 'kind'>>).map((diff) => {
      const full: Diff = { call, kind: String((segmentRecords[i][diff.index] ?? oursRecords[i][diff.index])?.kind), ...diff };
      const ctx = { segment: segmentRecords[i], ours: oursRecords[i], sequence, call: sequence.calls[i], callIndex: i };
      return { ...full, declared: declaredFor('classic', full, ctx)?.id };
    }),
  );
  return { segment: segmentRecords, ours: oursRecords, calls, explained, refusals: [] };
}

describe('Amplitude (Classic): Segment’s classic stack beside the shim, on generated calls', () => {
  it.skipIf(!PRESENT)(
    `${CLASSIC_RUNS} generated sequences (seed ${SEED}) differ from Segment only where a difference is declared`,
    async () => {
      await survey('classic', sequenceArb('classic', classicSettingsArb, MAX_CALLS), compareClassic, CLASSIC_RUNS);
    },
    // A page load per sequence: a deadline that grows with the run (the full run takes thousands).
    Math.max(600_000, CLASSIC_RUNS * 3_000),
  );
});
