// The script-tag file: within the size budget, and free of what a strict CSP or a privacy review forbids.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { gzipSync, brotliCompressSync } from 'node:zlib';
import { parse } from 'acorn';

/**
 * Today's size plus a little room: a change that grows the file by more has to say why (docs/performance.md).
 * From 39,359 bytes: the runtime's split into named collaborators costs about 1.2 KB; Actions mode's coercion
 * of each field to its type, as Segment's validator does, about 335 bytes; surviving outages (retry policy,
 * request sizes, exits during an outage, a tab taking over a closed tab's journal) about 1.6 KB; and
 * analytics-next's plugin contract with the SDK plugin stage (register(), Session Replay, Experiment) about
 * 4.1 KB; what the Classic conformance run found (revenue as amplitude-js booked it, Errors as text, the user
 * ID of the last identify that reached Amplitude) about 290 bytes. A pass over the shim's own code for work done
 * twice, state that could be derived and ES2017's long spellings of `??` and `?.` took back about 1.7 KB. This is
 * still over the 40,000 the project aims to stay under: see docs/performance.md for where it goes.
 */
const BUDGET_GZIP_BYTES = 45500;
const file = readFileSync(new URL('../../dist/segment-amplitude-shim.min.js', import.meta.url));
const text = file.toString('utf8');

describe('dist/segment-amplitude-shim.min.js', () => {
  it(`is at most ${BUDGET_GZIP_BYTES} bytes gzip`, () => {
    const gzip = gzipSync(file, { level: 9 }).length;
    console.log(`bundle: ${file.length} bytes raw, ${gzip} gzip, ${brotliCompressSync(file).length} brotli`);
    expect(gzip).toBeLessThanOrEqual(BUDGET_GZIP_BYTES);
  });
  // The file is built for ES2017 browsers (tsconfig.json's target): one newer construct (`?.`, `??`, object spread, a class
  // field) left by a build change would be a syntax error there, and nothing in the file would run.
  it.each([
    ['dist/segment-amplitude-shim.min.js', 'script'],
    ['dist/esm/index.js', 'module'],
    ['dist/esm/server/index.js', 'module'],
  ])('%s parses as ES2017', (path, sourceType) => {
    const code = readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');
    expect(() => parse(code, { ecmaVersion: 2017, sourceType })).not.toThrow();
  });
  it('contains no eval and no new Function (strict CSP: script-src without unsafe-eval)', () => {
    expect(text).not.toMatch(/\bnew Function\s*\(/);
    expect(text).not.toMatch(/[^.\w]eval\s*\(/);
  });
  it('never contacts remote config or diagnostics hosts', () => {
    expect(text).not.toContain('sr-client-cfg');
    expect(text).not.toContain('diagnostics.prod');
  });
  it("leaves out the SDK's own transports and destination (the outbox sends)", () => {
    expect(text).not.toContain('XMLHttpRequest');
    expect(text).not.toContain('Skipping flush because previous flush has not resolved');
  });
  it('leaves the autocapture plugins out', () => {
    expect(text).not.toContain('[Amplitude] Element Clicked');
    expect(text).not.toContain('[Amplitude] Page Viewed');
    expect(text).not.toContain('web-vitals');
  });
  it('carries the SDK at ES2017, built from its own TypeScript source: no tslib async state machines', () => {
    expect(text).not.toContain('Generator is already executing');
    expect(text).not.toContain('Class extends value');
  });
  it('leaves out what only default tracking and diagnostics use (the shim runs with neither)', () => {
    expect(text).not.toContain('This implicitly configures your Amplitude instance');
    expect(text).not.toContain('chrome_extension_service_worker');
  });
});
