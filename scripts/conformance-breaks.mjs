// Can the conformance suite fail? Breaks each mode's translation in deliberate ways, one at a time, runs
// that mode's quick seeded conformance run on each, and reports whether it caught the break (the run must
// fail). The sources are restored after each break, also when the run is interrupted.
//   node scripts/conformance-breaks.mjs            every break
//   node scripts/conformance-breaks.mjs classic    one mode's breaks
//   node scripts/conformance-breaks.mjs classic group   those of its breaks whose name says "group"
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';

const RUNS = {
  actions: 'test/conformance/actions.conformance.test.ts',
  classic: 'test/conformance/classic.conformance.test.ts',
};

const BREAKS = [
  {
    mode: 'actions',
    name: 'Actions preset field: utm_campaign read from context.campaign.campaign instead of .name',
    file: 'src/modes/actions/presets.ts',
    from: "['utm_campaign', 'name'],",
    to: "['utm_campaign', 'campaign'],",
  },
  {
    mode: 'actions',
    name: 'Settings default: trackRevenuePerProduct on unless the site says otherwise',
    file: 'src/modes/actions/settings.ts',
    from: '    trackRevenuePerProduct: false,',
    to: '    trackRevenuePerProduct: true,',
  },
  {
    mode: 'actions',
    name: 'Revenue: a negative quantity books a sale (price × |quantity|)',
    file: 'src/modes/actions/translate.ts',
    from: 'revenue = source.quantity * source.price;',
    to: 'revenue = Math.abs(source.quantity) * source.price;',
  },
  {
    mode: 'actions',
    name: "Revenue: numeric strings not coerced (revenue '25.00' books nothing again)",
    file: 'src/modes/actions/payload-schema.ts',
    from: "(typeof v === 'string' && v !== '')",
    to: 'false',
  },
  {
    mode: 'actions',
    name: 'Identify preset field: user_properties from context.traits instead of traits',
    file: 'src/modes/actions/presets.ts',
    from: "  user_properties: path('$.traits'),\n  app_version: EVENT_FIELDS.app_version,",
    to: "  user_properties: path('$.context.traits'),\n  app_version: EVENT_FIELDS.app_version,",
  },
  {
    mode: 'classic',
    name: 'Classic revenue: a negative quantity books a sale (the refund of one unit counted as +1)',
    file: 'src/modes/classic/revenue.ts',
    from: 'raw !== 0 ? Math.trunc(raw) : 1;',
    to: 'raw !== 0 ? Math.abs(Math.trunc(raw)) : 1;',
  },
  {
    mode: 'classic',
    name: 'Classic settings default: trackReferrer off unless the site turns it on',
    file: 'src/modes/classic/settings.ts',
    from: '  trackReferrer: true,',
    to: '  trackReferrer: false,',
  },
  {
    mode: 'classic',
    name: 'Classic group: the user property set beside a group is its name as text (a numeric value becomes a string)',
    file: 'src/modes/classic/groups.ts',
    from: 'setGroup(type, normalized[type], userPropertyValue(given[type]))',
    to: 'setGroup(type, normalized[type])',
  },
  {
    mode: 'classic',
    name: 'Classic settings default: useLogRevenueV2 off (revenue booked the V1 way)',
    file: 'src/modes/classic/settings.ts',
    from: '  useLogRevenueV2: true,',
    to: '  useLogRevenueV2: false,',
  },
];
const only = process.argv[2];
// A third word picks the breaks whose name contains it: node scripts/conformance-breaks.mjs classic group
const named = process.argv[3]?.toLowerCase();

const results = [];
for (const brk of BREAKS.filter((b) => (!only || b.mode === only) && (!named || b.name.toLowerCase().includes(named)))) {
  const original = readFileSync(brk.file, 'utf8');
  if (!original.includes(brk.from)) {
    results.push({ name: `${brk.mode}: ${brk.name}`, outcome: 'NOT APPLIED (the code it breaks has changed)' });
    continue;
  }
  const restore = () => writeFileSync(brk.file, original);
  process.once('SIGINT', () => {
    restore();
    process.exit(130);
  });
  try {
    writeFileSync(brk.file, original.replace(brk.from, brk.to));
    const started = Date.now();
    const run = spawnSync(process.execPath, ['node_modules/vitest/vitest.mjs', 'run', '--project', 'conformance', RUNS[brk.mode]], { encoding: 'utf8' });
    const output = `${run.stdout}${run.stderr}`;
    const kinds = output.match(/(\d+) undeclared kind\(s\) of difference/)?.[1];
    const example = output.match(/undeclared kind\(s\) of difference:\n\s+([^\n]+)/)?.[1]?.slice(0, 160);
    results.push({
      name: `${brk.mode}: ${brk.name}`,
      outcome: run.status === 0 ? 'MISSED (the quick run passed)' : `caught: ${kinds ?? '?'} kind(s) of difference, e.g. ${example ?? '(see the run)'}`,
      seconds: Math.round((Date.now() - started) / 1000),
    });
  } finally {
    restore();
  }
}
for (const r of results) console.log(`- ${r.name}\n    ${r.outcome}${r.seconds ? ` (${r.seconds} s)` : ''}`);
process.exit(results.every((r) => r.outcome.startsWith('caught')) ? 0 : 1);
