// The page as a call reads it: a burst of calls on one page reuses one snapshot, and any change of what the
// snapshot holds (URL, title, referrer) is read afresh.
import { afterEach, describe, expect, it } from 'vitest';
import { readPageSnapshot } from '../../src/browser/page';

const setReferrer = (value: string) => Object.defineProperty(document, 'referrer', { value, configurable: true });

afterEach(() => setReferrer(''));

describe('readPageSnapshot', () => {
  it('reads the referrer again when only the referrer changed', () => {
    document.title = 'Same';
    setReferrer('https://first.example/');
    expect(readPageSnapshot().referrer).toBe('https://first.example/');
    setReferrer('https://second.example/');
    expect(readPageSnapshot().referrer).toBe('https://second.example/');
  });

  it('hands out copies: changing one snapshot does not change the next', () => {
    const first = readPageSnapshot();
    first.title = 'changed by a caller';
    expect(readPageSnapshot().title).toBe(document.title);
  });
});
