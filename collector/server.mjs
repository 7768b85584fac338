// npm run collector: the local Amplitude collector on its own (PORT, default 8787).
import { startCollector } from './collector.mjs';

const collector = await startCollector({ port: Number(process.env.PORT ?? 8787) });
console.log(`Amplitude collector listening on ${collector.url}`);
console.log(`  ingest:  POST ${collector.url}/2/httpapi  (and /batch, /usermap)`);
console.log(
  `  inspect: GET ${collector.url}/_collector/events, GET /_collector/stream, POST /_collector/reset, POST /_collector/faults, POST /_collector/outage`,
);
process.on('SIGINT', () => collector.close().then(() => process.exit(0)));
