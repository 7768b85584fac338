/**
 * The Amplitude session, kept by the shim so an event is complete the moment it is handed over, before
 * the SDK has even started. The SDK's own rules: a new session once the previous event is older than
 * the timeout, its id the start time in ms, event ids counting up; the SDK is told the result so its
 * cookie (read by servers and by the next page) stays the same. In Actions mode the rules are Segment's
 * session plugin's: the same, except that a session is stale once exactly the timeout has passed.
 */

/** The session in force for a hand-over, and the event ids it hands out. */
export interface SessionTicket {
  sessionId: number | undefined;
  nextEventId(): number;
  /** Persists the last event id once, rather than once per event. */
  close(): void;
}

export interface SessionState {
  sessionId: number;
  lastEventTime: number;
  lastEventId: number;
}

export class SessionClock {
  constructor(
    private readonly state: SessionState,
    private readonly timeoutMs: number,
    /** Called once per hand-over with the state to persist (the SDK's cookie). */
    private readonly persist: (state: SessionState) => void,
    private readonly rules: 'sdk' | 'segment-plugin' = 'sdk',
  ) {}

  get sessionId(): number {
    return this.state.sessionId;
  }

  snapshot(): SessionState {
    return { ...this.state };
  }

  /** The session a hand-over at `now` would be in, without extending it. */
  peek(now: number): number {
    const idle = now - this.state.lastEventTime;
    return idle > this.timeoutMs || (this.rules === 'segment-plugin' && idle === this.timeoutMs)
      ? now
      : this.state.sessionId;
  }

  /** A hand-over at `now`: starts a new session if the last one expired, and extends it. */
  open(now: number): SessionTicket {
    this.state.sessionId = this.peek(now);
    this.state.lastEventTime = Math.max(this.state.lastEventTime, now);
    let eventId = this.state.lastEventId;
    return {
      sessionId: this.state.sessionId,
      nextEventId: () => ++eventId,
      close: () => {
        this.state.lastEventId = eventId;
        this.persist(this.snapshot());
      },
    };
  }

  /** reset(): a new session from now. */
  restart(now: number): void {
    this.state.sessionId = now;
    this.state.lastEventTime = now;
    this.persist(this.snapshot());
  }
}
