/**
 * What `load` builds for a page that sends to Amplitude, as one object: the destination mode, the
 * session, the envelope facts, the SDK plugin stage, the outbox and the exit journal. It exists only once
 * the gate has let the page send, so nothing here is half-built: a page that sends nothing has no pipeline.
 */
import type { Dict, SegmentEvent } from '../core/types.js';
import type { LoadPlan } from '../core/load-plan.js';
import type { DestinationMode } from '../modes/mode.js';
import { outboxConfig } from '../amplitude/sdk-options.js';
import { LIBRARY, SHIM_NAME, VERSION } from '../core/version.js';
import { envelopeFacts, type EnvelopeFacts } from '../wire/envelope.js';
import { createOutbox, type Outbox } from '../wire/outbox.js';
import type { DeliveryOutcome, WireEvent } from '../wire/wire-types.js';
import { ExitJournal, type JournalContents, type JournaledCall } from '../wire/exit-journal.js';
import { Takeover } from '../wire/takeover.js';
import { memoryStore } from '../browser/storage.js';
import type { RuntimeEnvironment } from './environment.js';
import { SessionClock, type SessionState } from './session.js';
import { SdkPluginStage } from './sdk-plugin-stage.js';

export interface PipelineDeps {
  writeKey: string;
  /**
   * The outside world: the clock, the transport, where the journal lives when the page may persist, the
   * browser's facts and Segment's session keys, how pages of the site take turns at each other's journal
   * records (Web Locks in the browser), and the plugins the page added to the SDK.
   */
  env: RuntimeEnvironment;
  /** Calls not handed over yet, for the journal. */
  pendingCalls(): JournaledCall[];
  /** The session changed at a hand-over: the SDK's cookie follows. */
  persistSession(state: SessionState): void;
  /** Sends what a page of the site left behind: its stamped events, then its calls. */
  restore(left: JournalContents): void;
  warn(message: string): void;
}

export class Pipeline {
  readonly mode: DestinationMode;
  readonly outbox: Outbox;
  readonly journal: ExitJournal;
  readonly takeover: Takeover;
  readonly session: SessionClock;
  readonly facts: EnvelopeFacts;
  private readonly sdkStage: SdkPluginStage;
  /** The user ID Amplitude was last given, for a mode whose events carry it (mode.userId 'last-identify'). */
  amplitudeUserId: string | null = null;

  constructor(plan: LoadPlan, deps: PipelineDeps) {
    const { env } = deps;
    const { clock } = env;
    this.mode = plan.mode;
    const persisted = plan.persist && plan.clientPersistence;
    const outbox = createOutbox(outboxConfig(deps.writeKey, plan.settings, plan.sdkOptions), {
      clock,
      transport: env.transport,
      onChange: () => this.journal.changed(),
      reconcile: () => this.journal.takenOver(),
      onHealth: (healthy) => this.takeover.endpointAnswered(healthy),
      warn: deps.warn,
    });
    this.outbox = outbox;
    this.sdkStage = new SdkPluginStage({
      plugins: env.adapter.pagePlugins,
      clock,
      send: (event, settled) => outbox.add(event, settled),
      changed: () => this.journal.changed(),
      warn: deps.warn,
    });
    // Events still in the SDK plugin stage are the journal's too: they follow the outbox's, in order.
    this.journal = new ExitJournal(persisted ? env.store : memoryStore(), clock, deps.writeKey, env.newId(), () => ({
      calls: deps.pendingCalls(),
      events: [...outbox.unsent(), ...this.sdkStage.pending()],
    }));
    // A page still open sends what gone pages of the site left (their records), once the endpoint answers.
    this.takeover = new Takeover(clock, this.journal, outbox, deps.restore, env.browser.siteLock);
    this.facts = envelopeFacts(plan.sdkOptions as Dict, env.browser.navigatorFacts(), LIBRARY, {
      name: SHIM_NAME,
      version: VERSION,
    });
    const keepSegmentSession = plan.mode.session.keptInSegmentStorage && persisted;
    this.session = new SessionClock(
      plan.session,
      plan.sessionTimeoutMs,
      (state) => {
        deps.persistSession(state);
        // Segment's session plugin keys, so the visitor's session also survives a switch back.
        if (keepSegmentSession) env.browser.keepSegmentSession(state.sessionId, state.lastEventTime, plan.cookie);
      },
      plan.mode.session.rules,
    );
  }

  /**
   * What the mode's Segment plugins add before the page's plugins see an event, with the session a hand-over
   * now would have.
   */
  beforePlugins(event: SegmentEvent, now: number): SegmentEvent {
    return this.mode.beforePlugins ? this.mode.beforePlugins(event, this.session.peek(now)) : event;
  }

  /** A stamped event: through the page's SDK plugins into the outbox (at once when there is none). */
  accept(event: WireEvent, settled?: (outcome: DeliveryOutcome) => void): void {
    this.sdkStage.accept(event, settled);
  }

  /** The page is being left (`gone`) or hidden: the browser takes what it can, the journal keeps the rest. */
  exit(gone: boolean): void {
    this.sdkStage.release();
    this.outbox.exit();
    this.journal.pageLeft(gone);
  }
}
