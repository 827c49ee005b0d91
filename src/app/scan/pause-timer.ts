/**
 * The timer that ends a suffix-less scan when its keys pause. A busy main thread runs an overdue timer
 * and the key events queued behind it in no promised order, and a scan ended before its queued keys
 * have run is split in two. So when the timer fires it first lets the page handle every key event
 * already waiting (one task later, and for as long as the browser says input is pending), then checks;
 * a key handled in between re-arms the timer and the stale check never runs.
 */

/** Whether a key or click waits to be handled. */
type InputPending = () => boolean;

interface Scheduling {
  isInputPending?: (options?: { includeContinuous?: boolean }) => boolean;
}

/** Chromium's own answer (navigator.scheduling, feature-detected); elsewhere only the one-task hop protects. */
export function browserInputPending(): boolean {
  const scheduling = (globalThis.navigator as { scheduling?: Scheduling } | undefined)?.scheduling;
  return scheduling?.isInputPending?.({ includeContinuous: false }) ?? false;
}

/** Stops waiting on pending input after this long: a browser that keeps reporting input must not hold a scan forever. */
const MAX_INPUT_WAIT_MS = 100;

/** One pause timer per scan input. */
export class PauseTimer {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private armed = 0;

  constructor(
    private readonly inputPending: InputPending = browserInputPending,
    private readonly maxInputWaitMs = MAX_INPUT_WAIT_MS,
  ) {}

  /** Calls `check` no sooner than `ms` from now and after the key events already waiting; replaces any armed check. */
  arm(ms: number, check: () => void): void {
    this.cancel();
    const id = this.armed;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.afterWaitingInput(id, check, performance.now() + this.maxInputWaitMs);
    }, ms);
  }

  /** Drops the armed check (a key arrived, the input went away). */
  cancel(): void {
    this.armed++;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  private afterWaitingInput(id: number, check: () => void, giveUpAt: number): void {
    // A message is a fresh task: key events queued before it (behind a busy thread) run first.
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      if (id !== this.armed) return;
      if (performance.now() < giveUpAt && this.inputPending()) this.afterWaitingInput(id, check, giveUpAt);
      else check();
    };
    channel.port2.postMessage(null);
  }
}
