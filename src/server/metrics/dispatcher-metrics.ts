/** Dispatcher attempts and failures by channel (mail, webhook): a channel failing shows before customers ask. */
import { Counter, type Registry } from 'prom-client';

/** What the dispatcher reports after each send of one channel. */
export type SendObserver = (channel: string, outcome: 'sent' | 'failed') => void;

/** Registers the counters and returns the observer the dispatcher calls. */
export function observeDispatcher(registry: Registry): SendObserver {
  const attempts = new Counter({
    name: 'floorpack_notify_attempts_total',
    help: 'Notification sends attempted, by channel and outcome (sent, failed)',
    labelNames: ['channel', 'outcome'],
    registers: [registry],
  });
  return (channel, outcome) => attempts.inc({ channel, outcome });
}
