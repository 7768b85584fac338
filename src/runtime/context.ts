/** The Context object analytics-next resolves every call with (the subset pages actually read). */
import type { SegmentEvent } from '../core/types.js';

export interface DeliveryFailure {
  reason: string;
}

export class Context {
  attempts = 1;
  readonly stats = { metrics: [] as unknown[] };
  private failure: DeliveryFailure | undefined;
  private readonly logLines: { level: string; message: string }[] = [];

  constructor(readonly event: SegmentEvent | { type: string; messageId?: string }) {}

  get id(): string {
    return (this.event as SegmentEvent).messageId ?? '';
  }

  setFailedDelivery(failure: DeliveryFailure): void {
    this.failure = failure;
  }

  failedDelivery(): DeliveryFailure | undefined {
    return this.failure;
  }

  log(level: string, message: string): void {
    this.logLines.push({ level, message });
  }

  logs(): { level: string; message: string }[] {
    return this.logLines.slice();
  }

  isSame(other: Context): boolean {
    return other.id === this.id;
  }

  toJSON(): { id: string; event: unknown } {
    return { id: this.id, event: this.event };
  }
}

/** What a call that could not be carried out resolves with (analytics-next calls no callback either). */
export function failedContext(type: string, reason: string): Promise<Context> {
  const ctx = new Context({ type });
  ctx.setFailedDelivery({ reason });
  return Promise.resolve(ctx);
}
