// Amplitude (Actions): generated call sequences through Segment's own destination code and through the
// shim, compared payload by payload. Quick and seeded by default (part of npm test); CONFORMANCE_RUNS and
// CONFORMANCE_SEED choose the size and seed of a run (npm run conformance -- --full).
import { afterAll, afterEach, beforeAll, beforeEach, describe, it, vi } from 'vitest';
import { actionsSettingsArb, sequenceArb } from './generators';
import { compareActions } from './actions/compare-actions';
import { startSegmentActions, type SegmentActions } from './actions/segment-actions-client';
import { RUNS, SEED, survey } from './survey';

const MAX_CALLS = 6;

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

describe('Amplitude (Actions): Segment’s destination code beside the shim, on generated calls', () => {
  it(`${RUNS} generated sequences (seed ${SEED}) differ from Segment only where a difference is declared`, async () => {
    await survey('actions', sequenceArb('actions', actionsSettingsArb, MAX_CALLS), (sequence) => compareActions(sequence, segment));
  });
});
