import { addressKey } from './client-address';

/**
 * A fixed-window counter per key, in this process's memory. A key that is an IPv6 address
 * counts for its whole /64 network (addressKey), so one subscriber cannot step around the limit
 * by changing addresses within its own network. With several instances each counts
 * on its own, so the effective limit is per instance: good enough to stop a single client
 * hammering a form, not a global quota.
 */
export class RateLimiter {
  private readonly windows = new Map<string, { startedAt: number; count: number }>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly maxKeys = 10_000,
  ) {}

  /** Counts one attempt; says whether it is allowed and, if not, when to try again. */
  attempt(
    reader: string,
    now = Date.now(),
  ): { allowed: true } | { allowed: false; retryAfterSeconds: number } {
    const key = addressKey(reader);
    let window = this.windows.get(key);
    if (!window || now - window.startedAt >= this.windowMs) {
      this.forgetExpired(now);
      window = { startedAt: now, count: 0 };
      this.windows.delete(key);
      this.windows.set(key, window);
    }
    if (window.count >= this.limit) {
      return {
        allowed: false,
        retryAfterSeconds: Math.ceil((window.startedAt + this.windowMs - now) / 1000),
      };
    }
    window.count++;
    return { allowed: true };
  }

  /** Windows are kept in start order, so expired ones are at the front; memory stays bounded. */
  private forgetExpired(now: number) {
    for (const [key, window] of this.windows) {
      if (now - window.startedAt < this.windowMs && this.windows.size < this.maxKeys) break;
      this.windows.delete(key);
    }
  }
}
