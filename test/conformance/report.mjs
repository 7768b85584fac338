// Printing for people: a sequence as the calls a site would write, two payload lists side by side, and the
// parity table.
import { decodeValue } from './sequence.mjs';

const show = (value) => {
  if (value === undefined) return 'undefined';
  if (value instanceof Date) return `new Date(${JSON.stringify(value.toISOString())})`;
  if (value instanceof Error) return `new Error(${JSON.stringify(value.message)})`;
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  if (Object.is(value, -0)) return '-0';
  if (Array.isArray(value)) return `[${value.map(show).join(', ')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).map(([k, v]) => `${/^[A-Za-z_$][\w$]*$/.test(k) ? k : JSON.stringify(k)}: ${show(v)}`);
    return entries.length > 12 ? `{${entries.slice(0, 12).join(', ')}, … ${entries.length - 12} more}` : `{${entries.join(', ')}}`;
  }
  if (typeof value === 'string' && value.length > 60) return `${JSON.stringify(value.slice(0, 20))} + "…" (${value.length} chars)`;
  return JSON.stringify(value);
};

/** The sequence as code: its settings and page, then one line per call. */
export function formatSequence(sequence) {
  const lines = [
    `// ${sequence.mode} mode, page ${sequence.page.url}${sequence.page.referrer ? `, arriving from ${sequence.page.referrer}` : ', no referrer'}`,
    `analytics.load(KEY, { integrations: { ${JSON.stringify(sequence.mode === 'actions' ? 'Actions Amplitude' : 'Amplitude')}: ${show(decodeValue(sequence.settings))} } })`,
  ];
  sequence.calls.forEach((call, i) => {
    const args = decodeValue(call.args);
    lines.push(`${String(i + 1).padStart(2)}. analytics.${call.method}(${args.map(show).join(', ')})`);
  });
  return lines.join('\n');
}

function column(records) {
  return records.flatMap((record, i) => [
    `#${i}`,
    ...JSON.stringify(record, (k, v) => (typeof v === 'string' && v.length > 40 ? `${v.slice(0, 20)}…(${v.length})` : v), 2).split('\n'),
  ]);
}

/** Two record lists in two columns, Segment's on the left; lines that differ are marked with `|`. */
export function sideBySide(segment, ours, width = 58) {
  const left = column(segment);
  const right = column(ours);
  const rows = [`${"Segment's code".padEnd(width)}   ours`, `${'-'.repeat(width)}   ${'-'.repeat(width)}`];
  for (let i = 0; i < Math.max(left.length, right.length); i++) {
    const a = left[i] ?? '';
    const b = right[i] ?? '';
    rows.push(`${a.slice(0, width).padEnd(width)} ${a === b ? ' ' : '|'} ${b.slice(0, width)}`);
  }
  return rows.join('\n');
}

/** The parity table: one row per mode. */
export function parityTable(rows) {
  const head = ['mode', 'calls generated', 'sequences compared', 'differences declared', 'declared seen', 'differences found (undeclared)'];
  const body = rows.map((r) => [
    r.mode,
    r.ran ? String(r.calls) : '-',
    r.ran ? String(r.sequences) : 'not run',
    String(r.declared),
    r.ran ? String(r.declaredSeen) : '-',
    r.ran ? String(r.undeclared) : '-',
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (cells) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  return [line(head), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...body.map(line)].join('\n');
}
