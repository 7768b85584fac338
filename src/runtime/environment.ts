/** The runtime's outside world, passed in; every piece can be replaced in tests. */
import type { AmplitudeDriver } from '../amplitude/adapter.js';
import type { BrowserPort } from '../browser/port.js';
import type { Transport } from '../wire/wire-types.js';
import type { KeyValueStore } from '../wire/exit-journal.js';
import type { Clock } from './clock.js';

export interface RuntimeEnvironment {
  adapter: AmplitudeDriver;
  clock: Clock;
  newId: () => string;
  transport: Transport;
  /** Where the exit journal lives (localStorage in the browser). */
  store: KeyValueStore;
  browser: BrowserPort;
}
