/**
 * The Amplitude device ID in force, and where it came from. Load decides it (core/device-id.ts); with
 * preferAnonymousIdForDeviceId it follows Segment's anonymousId; reset() gives the visitor a new one.
 */
import type { DeviceIdSource } from '../core/device-id.js';

export class DeviceIdentity {
  id: string | null = null;
  source: DeviceIdSource | null = null;

  constructor(private readonly prefersAnonymousId: () => boolean) {}

  settle(id: string, source: DeviceIdSource): void {
    this.id = id;
    this.source = source;
  }

  /** The anonymousId took a new value: true when the device ID follows it. */
  follow(anonymousId: string | null): boolean {
    if (!anonymousId || !this.prefersAnonymousId()) return false;
    this.settle(anonymousId, 'anonymousId');
    return true;
  }

  /** The device ID an event made now belongs to (null: the one in force at hand-over). */
  forCall(anonymousId: string | null): string | null {
    if (this.prefersAnonymousId() && anonymousId) return anonymousId;
    return this.id;
  }

  /** reset(): the new anonymousId, or a new device. */
  renew(anonymousId: string, newId: () => string): string {
    if (this.prefersAnonymousId()) this.settle(anonymousId, 'anonymousId');
    else this.settle(newId(), 'new');
    return this.id as string;
  }
}
