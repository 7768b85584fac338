// Measures how many call sequences per second the classic harness runs:
//   node test/conformance/classic/throughput.mjs [sequences=100] [concurrency=1] [isolation=tab] [amplitudeJs=8.21.10]
// Each sequence has six calls (page, identify, track, revenue track, group, track) and its own settings.
// The machine's load average is printed beside the figure: other work on the two cores moves it a lot.
import { loadavg } from 'node:os';
import { startClassicHarness } from './segment-classic.mjs';

const [count = 100, concurrency = 1] = process.argv.slice(2, 4).map(Number);
const isolation = process.argv[4] ?? 'tab';
const amplitudeJs = process.argv[5] ?? '8.21.10';

function sequence(n) {
  return {
    sequence: [
      { method: 'page', args: ['Docs', `Page ${n}`] },
      { method: 'identify', args: [`user-${n}`, { plan: n % 2 ? 'pro' : 'free', logins: n }] },
      { method: 'track', args: ['Signed Up', { n, tags: ['a', 'b'], nested: { ok: true } }] },
      {
        method: 'track',
        args: ['Order Completed', { revenue: 10 + n, quantity: n % 3 === 0 ? -1 : 2, products: [{ product_id: `p${n}`, price: 5, quantity: 1 }] }],
      },
      { method: 'group', args: [`org-${n}`, { name: 'Acme', employees: n }] },
      { method: 'track', args: ['Viewed', {}] },
    ],
    settings: { trackAllPages: n % 2 === 0, traitsToIncrement: n % 4 === 0 ? ['logins'] : [], trackRevenuePerProduct: n % 5 === 0 },
  };
}

const harness = await startClassicHarness({ concurrency, isolation, amplitudeJs });
try {
  // One warm-up run: the bundle's first compile is not what a long run pays per sequence.
  await harness.run(sequence(0).sequence);
  const items = Array.from({ length: count }, (_, i) => sequence(i + 1));
  const started = performance.now();
  const results = await harness.runMany(items);
  const seconds = (performance.now() - started) / 1000;
  const events = results.reduce((sum, r) => sum + r.events.length, 0);
  const unclean = results.filter((r) => !r.ready || !r.settled || r.pageErrors.length).length;
  console.log(
    `${count} sequences (${count * 6} calls, ${events} Amplitude events) in ${seconds.toFixed(1)} s: ` +
      `${(count / seconds).toFixed(2)} sequences/s; concurrency ${concurrency}, isolation ${isolation}, amplitude-js ${amplitudeJs}; ` +
      `runs not clean: ${unclean}; load average ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}`,
  );
} finally {
  await harness.close();
}
