// Talks to Segment's destination in its worker thread (segment-actions-worker.mjs).
import { Worker } from 'node:worker_threads';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Dict } from '../../../src/core/types';
import type { Payload } from '../types';

// A path string, not `new URL(…)`: under happy-dom, URL is the DOM's.
const HERE = dirname(fileURLToPath(import.meta.url));
const WORKER = join(HERE, 'segment-actions-worker.mjs');
const INSTALLED = join(HERE, 'node_modules/@segment/action-destinations/package.json');

export interface SegmentActionsRun {
  payloads: Payload[];
  refusals: Array<{ messageId: string; message: string }>;
}

export interface SegmentActions {
  run(events: Dict[], settings: Dict): Promise<SegmentActionsRun>;
  stop(): Promise<void>;
}

export function startSegmentActions(): SegmentActions {
  if (!existsSync(INSTALLED))
    throw new Error("Segment's Actions destination is not installed: run `npm ci --no-audit --no-fund --prefix test/conformance/actions`");
  const worker = new Worker(WORKER);
  const pending = new Map<number, { resolve: (r: SegmentActionsRun) => void; reject: (e: Error) => void }>();
  let next = 0;
  worker.on('message', ({ id, result, error }: { id: number; result?: SegmentActionsRun; error?: string }) => {
    const waiter = pending.get(id);
    pending.delete(id);
    if (error !== undefined) waiter?.reject(new Error(error));
    else waiter?.resolve(result as SegmentActionsRun);
  });
  worker.on('error', (error) => {
    for (const waiter of pending.values()) waiter.reject(error);
    pending.clear();
  });
  return {
    run(events, settings) {
      const id = next++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        worker.postMessage({ id, events, settings });
      });
    },
    stop: () => worker.terminate().then(() => undefined),
  };
}
