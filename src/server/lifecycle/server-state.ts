/** Where the process is in its life: serving, or draining after SIGTERM. Read by /readyz and the push route. */

/** The one state object of a server process (buildApp makes one when not given). */
export class ServerState {
  private drainingSince: Date | null = null;

  /** True once shutdown began: /readyz answers 503 and pushes are refused with a retry hint. */
  get draining(): boolean {
    return this.drainingSince !== null;
  }

  /** Marks the start of a graceful shutdown (idempotent). */
  startDraining(now = new Date()): void {
    this.drainingSince ??= now;
  }
}
