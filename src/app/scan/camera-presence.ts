/**
 * One scan per presentation: a camera sees the same code in many consecutive frames, so a code is
 * handed on when it appears, and again only after it has been out of view for `leaveMs` (the worker
 * took the item away and shows the next one), or, when `repeatMs` > 0, after it has been held in view
 * that long. Frames where the decoder misses a code that is still there (blur, glare) are why
 * "out of view" needs a time and not a single empty frame. Pure: time comes in.
 */

/** Tracks which codes are in view. */
export class CameraPresence {
  private seen = new Map<string, { lastSeen: number; countedAt: number }>();

  constructor(private readonly rule: { leaveMs: number; repeatMs: number }) {}

  /** Call with the codes decoded in one frame; returns the ones that count as new scans. */
  frame(codes: readonly string[], now: number): string[] {
    const out: string[] = [];
    for (const code of new Set(codes)) {
      const entry = this.seen.get(code);
      const gone = !entry || now - entry.lastSeen >= this.rule.leaveMs;
      const repeat = entry && this.rule.repeatMs > 0 && now - entry.countedAt >= this.rule.repeatMs;
      if (gone || repeat) {
        out.push(code);
        this.seen.set(code, { lastSeen: now, countedAt: now });
      } else {
        entry.lastSeen = now;
      }
    }
    // Forget codes long gone so the map stays small over a shift.
    for (const [code, entry] of this.seen) if (now - entry.lastSeen > this.rule.leaveMs * 4) this.seen.delete(code);
    return out;
  }
}
