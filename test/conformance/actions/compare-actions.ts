// One Actions-mode sequence through both sides: the shim's runtime, then Segment's destination on the
// Segment events those calls made; both payload lists reduced to canonical records and compared, and each
// difference checked against the declared ones.
import { canonicalRecords, diffRecords } from '../canonical.mjs';
import { declaredFor } from '../differences.mjs';
import { decodeValue } from '../sequence.mjs';
import { runOurs } from '../ours-runtime';
import type { SegmentActions } from './segment-actions-client';
import type { Dict } from '../../../src/core/types';
import type { Sequence } from '../types';
import type { Comparison, Diff } from '../survey';

const DESTINATION = 'Actions Amplitude';

/** Segment's servers hand an event to the destination unless the call's `integrations` routes it away. */
function routedToDestination(event: Dict): boolean {
  const integrations = (event.integrations && typeof event.integrations === 'object' ? event.integrations : {}) as Dict;
  if (integrations[DESTINATION] === false) return false;
  return !(integrations.All === false && !integrations[DESTINATION]);
}

export async function compareActions(sequence: Sequence, segmentSide: SegmentActions): Promise<Comparison> {
  const ours = await runOurs(sequence);
  const segmentEvents = ours.segmentEvents.filter(routedToDestination);
  const segmentRun = await segmentSide.run(segmentEvents, decodeValue(sequence.settings) as Dict);
  // Compared call by call, so one record missing on one side does not shift every later one.
  const perCall = (payloads: Array<{ messageId: string }>) =>
    ours.segmentEvents.map((event) => canonicalRecords(payloads.filter((p) => p.messageId === event.messageId)) as Dict[]);
  const segment = perCall(segmentRun.payloads);
  const oursRecords = perCall(ours.payloads);
  const diffs: Diff[] = [];
  segment.forEach((records, i) => {
    for (const diff of diffRecords(records, oursRecords[i]) as Array<Omit<Diff, 'call' | 'kind'>>) {
      diffs.push({ call: ours.callOf[i], kind: String((records[diff.index] ?? oursRecords[i][diff.index])?.kind), ...diff });
    }
  });
  const explained = diffs.map((diff) => {
    const i = ours.callOf.indexOf(diff.call);
    const event = ours.segmentEvents[i];
    const refusals = segmentRun.refusals.filter((r) => r.messageId === event.messageId).map((r) => r.message);
    return {
      ...diff,
      declared: declaredFor('actions', diff, { segment: segment[i], ours: oursRecords[i], event, refusals, call: sequence.calls[diff.call - 1] })?.id,
    };
  });
  for (const { call, warning } of ours.rejected) {
    const diff: Diff = { call, index: 0, kind: 'call', field: '(refused by the shim)', segment: undefined, ours: warning };
    explained.push({ ...diff, declared: declaredFor('actions', diff, { segment: [], ours: [], refusals: [], call: sequence.calls[call - 1] })?.id });
  }
  return { segment, ours: oursRecords, calls: ours.callOf, explained, refusals: segmentRun.refusals };
}
