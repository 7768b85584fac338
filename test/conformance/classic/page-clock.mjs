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

  // Chromium judges a cookie's `expires` by the machine's clock, not the page's. On a real site the two agree;
  // here they can be months apart, and then js-cookie's way of deleting a cookie (writing it empty, expiring a day
  // ago by the page's clock) writes a live empty cookie instead: analytics-next read that empty ajs_user_id as a
  // previous user and gave the visitor a new anonymousId at the first identify. Each written expiry is therefore
  // moved by the gap between the two clocks, so a cookie lives exactly as long as on a site whose clock is the page's.
  const cookie = Object.getOwnPropertyDescriptor(window.Document.prototype, 'cookie');
  Object.defineProperty(document, 'cookie', {
    configurable: true,
    get: () => cookie.get.call(document),
    set: (text) => {
      const written = String(text).replace(/(;\s*expires=)([^;]*)/i, (whole, attribute, date) => {
        const at = RealDate.parse(date);
        return Number.isNaN(at) ? whole : attribute + new RealDate(at + (RealDate.now() - now)).toUTCString();
      });
      cookie.set.call(document, written);
    },
  });
}
