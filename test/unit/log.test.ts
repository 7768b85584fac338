// The console is the page's too: each warning once, and a bounded number of them.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Logger } from '../../src/runtime/log';

afterEach(() => vi.restoreAllMocks());

describe('Logger', () => {
  it('prints a repeated problem once, and hides problems that drop nothing unless debug is on', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const logger = new Logger();
    for (let i = 0; i < 3; i++) logger.problem('analytics.track()', 'the event name is missing', true);
    logger.problem('analytics.on()', 'expects (eventName, function)', false);
    expect(warn.mock.calls.map((c) => c[0])).toEqual(['[segment-amplitude-shim] analytics.track(): the event name is missing']);
    logger.debugEnabled = true;
    logger.problem('analytics.on()', 'expects (eventName, function)', false);
    expect(warn).toHaveBeenCalledTimes(2);
  });

  it('stops after 500 distinct messages with one notice, so a loop over bad input cannot flood the console', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const logger = new Logger();
    for (let i = 0; i < 2000; i++) logger.problem('analytics.track()', `property p${i} is a symbol and was dropped`, true);
    expect(warn).toHaveBeenCalledTimes(501);
    expect(warn.mock.calls[499][0]).toContain('p499');
    expect(warn.mock.calls[500][0]).toBe('[segment-amplitude-shim] 500 distinct warnings so far; further ones are not shown');
  });

  it('survives a page that replaced console with something that throws', () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {
      throw new Error('hostile console');
    });
    expect(() => new Logger().once('anything')).not.toThrow();
  });
});
