// Amplitude (Classic): generated call sequences through Segment's classic stack in Chromium and through the
// shim, compared payload by payload and by what Segment stores. Segment's side is the module
// classic/segment-classic.mjs (the contract is in docs/conformance.md). The run is opt-in
// (CONFORMANCE_CLASSIC=1) until the comparison reduces what is random on each side (amplitude-js's own
// device IDs, for one) and the differences it reports are fixed or declared; otherwise the parity table
// says "not run".
import { afterAll, afterEach, beforeAll, beforeEach, describe, it, vi } from 'vitest';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { canonicalRecords, diffRecords } from './canonical.mjs';
import { declaredFor } from './differences.mjs';
import { classicSettingsArb, sequenceArb } from './generators';
import { runOurs } from './ours-runtime';
import { RUNS, SEED, survey, type Comparison, type Diff } from './survey';
import type { Dict } from '../../src/core/types';
import type { Payload, Sequence } from './types';

const MODULE = join(dirname(fileURLToPath(import.meta.url)), 'classic', 'segment-classic.mjs');
const PRESENT = existsSync(MODULE) && process.env.CONFORMANCE_CLASSIC === '1';
const MAX_CALLS = 6;

interface ClassicRun {
  payloads: Payload[];
  storage: Dict;
}
interface ClassicModule {
  startSegmentClassic(): Promise<unknown>;
  runSegmentClassic(sequence: Sequence, session: unknown): Promise<ClassicRun>;
  runOursClassic?(sequence: Sequence, session: unknown): Promise<ClassicRun>;
  stopSegmentClassic(session: unknown): Promise<void>;
  /** Optional: the module's own reduction of its payloads (amplitude-js uploads) to canonical records. */
  canonicalClassic?(payloads: Payload[]): Dict[];
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

/** Payloads and storage compared as one list of records per sequence, the storage as the last one. */
async function compareClassic(sequence: Sequence): Promise<Comparison> {
  const segment = await classic.runSegmentClassic(sequence, session);
  const ours = classic.runOursClassic ? await classic.runOursClassic(sequence, session) : await runOurs(sequence);
  const canonical = (payloads: Payload[]) => (classic.canonicalClassic ? classic.canonicalClassic(payloads) : (canonicalRecords(payloads) as Dict[]));
  const segmentRecords = [...canonical(segment.payloads), { kind: 'storage', ...segment.storage }];
  const oursRecords = [...canonical(ours.payloads), { kind: 'storage', ...ours.storage }];
  const explained: Diff[] = (diffRecords(segmentRecords, oursRecords) as Array<Omit<Diff, 'call' | 'kind'>>).map((diff) => {
    const full: Diff = { call: 0, kind: String((segmentRecords[diff.index] ?? oursRecords[diff.index])?.kind), ...diff };
    return { ...full, declared: declaredFor('classic', full, { segment: segmentRecords, ours: oursRecords, sequence })?.id };
  });
  return { segment: [segmentRecords], ours: [oursRecords], calls: [0], explained, refusals: [] };
}

describe('Amplitude (Classic): Segment’s classic stack beside the shim, on generated calls', () => {
  it.skipIf(!PRESENT)(`${RUNS} generated sequences (seed ${SEED}) differ from Segment only where a difference is declared`, async () => {
    await survey('classic', sequenceArb('classic', classicSettingsArb, MAX_CALLS), compareClassic);
  });
});
