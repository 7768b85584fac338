// Waiting on what the page returns: whichever of value, rejection and timeout comes first decides, once,
// whatever a hostile thenable does afterwards.
import { describe, expect, it, vi } from 'vitest';
import { raceTimeout, settledWithin } from '../../src/runtime/page-code';
import { FakeClock } from './fake-clock';

interface Answers {
  value: ReturnType<typeof vi.fn>;
  error: ReturnType<typeof vi.fn>;
  timeout: ReturnType<typeof vi.fn>;
}

function race(thenable: { then: unknown }, clock: FakeClock): { result: Promise<string>; answers: Answers } {
  const answers: Answers = {
    value: vi.fn((v: unknown) => `value ${String(v)}`),
    error: vi.fn((e: unknown) => `error ${String(e)}`),
    timeout: vi.fn(() => 'timeout'),
  };
  const result = raceTimeout(
    thenable,
    100,
    clock,
    answers.value as (v: unknown) => string,
    answers.error as (e: unknown) => string,
    answers.timeout as () => string,
  );
  return { result, answers };
}

const calls = (answers: Answers) => [answers.value.mock.calls.length, answers.error.mock.calls.length, answers.timeout.mock.calls.length];

describe('raceTimeout', () => {
  it('answers with the value when it comes first, and cancels the timer', async () => {
    const clock = new FakeClock();
    const { result, answers } = race(Promise.resolve(7), clock);
    await expect(result).resolves.toBe('value 7');
    expect(clock.pending).toBe(0);
    clock.advance(1000);
    expect(calls(answers)).toEqual([1, 0, 0]);
  });

  it('answers with the rejection, and a then() that throws counts as one', async () => {
    const clock = new FakeClock();
    const rejected = race(Promise.reject(new Error('no')), clock);
    await expect(rejected.result).resolves.toBe('error Error: no');
    const throwing = race(
      {
        then() {
          throw new Error('hostile');
        },
      },
      clock,
    );
    await expect(throwing.result).resolves.toBe('error Error: hostile');
    expect(calls(throwing.answers)).toEqual([0, 1, 0]);
  });

  it('answers timeout when nothing settles in time, and a late value is ignored', async () => {
    const clock = new FakeClock();
    let settle: (v: unknown) => void = () => undefined;
    const { result, answers } = race({ then: (ok: (v: unknown) => void) => (settle = ok) }, clock);
    clock.advance(99);
    expect(calls(answers)).toEqual([0, 0, 0]);
    clock.advance(1);
    await expect(result).resolves.toBe('timeout');
    settle('late');
    expect(calls(answers)).toEqual([0, 0, 1]);
  });

  it('counts only the first answer of a thenable that settles twice, synchronously', async () => {
    const clock = new FakeClock();
    const twice = {
      then(ok: (v: unknown) => void, fail: (e: unknown) => void) {
        ok('first');
        fail('second');
        ok('third');
      },
    };
    const { result, answers } = race(twice, clock);
    await expect(result).resolves.toBe('value first');
    clock.advance(1000);
    expect(calls(answers)).toEqual([1, 0, 0]);
    expect(clock.pending).toBe(0);
  });
});

describe('settledWithin', () => {
  it('resolves on settling or on time, never rejecting', async () => {
    const clock = new FakeClock();
    await expect(settledWithin(Promise.reject(new Error('x')), 50, clock)).resolves.toBeUndefined();
    const never = settledWithin(new Promise(() => undefined), 50, clock);
    clock.advance(50);
    await expect(never).resolves.toBeUndefined();
  });
});
