/**
 * When this instance last marked each tag stale, so that an event's settling mark (see
 * settleDelayMs in ./request.ts) is only made where no later mark has done its work already.
 * A mark settles an earlier event's tag when it came after every render that began before that
 * event must have ended (its WordPress requests answer within the timeout; a second more for the
 * render to store). Under a stream of edits to one post, each edit's marks settle the edits of
 * ten seconds before, and each page re-renders once per edit instead of twice.
 */
export class SettleLedger {
  private readonly markedAt = new Map<string, number>();

  constructor(private readonly maxTags = 20_000) {}

  /** The tags were marked stale at `at`. */
  marked(tags: readonly string[], at: number): void {
    for (const tag of tags) {
      const previous = this.markedAt.get(tag) ?? -Infinity;
      // Re-inserted, so the map stays in order of last mark and the oldest go first.
      this.markedAt.delete(tag);
      this.markedAt.set(tag, Math.max(previous, at));
    }
    for (const tag of this.markedAt.keys()) {
      if (this.markedAt.size <= this.maxTags) break;
      this.markedAt.delete(tag);
    }
  }

  /**
   * The tags of an event marked at `eventAt` that still need their settling mark: those not
   * marked again since every render begun before the event had to have stored its result.
   */
  unsettled(tags: readonly string[], eventAt: number, wordpressTimeoutMs: number): string[] {
    const settledFrom = eventAt + wordpressTimeoutMs + RENDER_MARGIN_MS;
    return tags.filter((tag) => (this.markedAt.get(tag) ?? -Infinity) < settledFrom);
  }
}

/** After its last WordPress answer, the time a render may still take to store its page. */
export const RENDER_MARGIN_MS = 1_000;
