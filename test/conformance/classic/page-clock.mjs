// A clock the harness sets: when the page defines window.__conformanceClockStart before the bundle runs,
// Date reads that instant until the harness moves it, so Segment's and Amplitude's timestamps and
// session ids are the sequence's, not the machine's. Timers keep running in real time.
const start = window.__conformanceClockStart;

export const clock = { installed: false, advance: () => undefined, now: () => Date.now() };

if (typeof start === 'number') {
  const RealDate = Date;
  let now = start;
  const FakeDate = function (...args) {
    // Called without `new`, Date returns the current time as a string.
    if (!new.target) return new RealDate(now).toString();
    return args.length === 0 ? new RealDate(now) : new RealDate(...args);
  };
  FakeDate.prototype = RealDate.prototype;
  FakeDate.now = () => now;
  FakeDate.parse = RealDate.parse;
  FakeDate.UTC = RealDate.UTC;
  window.Date = FakeDate;
  clock.installed = true;
  clock.advance = (ms) => {
    now += ms;
  };
  clock.now = () => now;
}
