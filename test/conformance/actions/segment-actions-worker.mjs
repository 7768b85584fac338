// Segment's destination in a worker thread: plain Node globals (fetch classes, AbortSignal, URL), whatever
// environment the test that starts it runs in. One message in (events and settings), one out.
import { parentPort } from 'node:worker_threads';
import { runSegmentActions } from './segment-actions.mjs';

parentPort.on('message', async ({ id, events, settings }) => {
  try {
    parentPort.postMessage({ id, result: await runSegmentActions(events, settings) });
  } catch (error) {
    parentPort.postMessage({ id, error: String(error?.stack ?? error) });
  }
});
