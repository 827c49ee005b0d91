/**
 * How big each reliability run is: small under `npm test`, bigger under `npm run test:soak` (SOAK=1).
 * Every run is bounded in count and time and talks only to 127.0.0.1.
 */
import { seededRandom } from '../../helpers/random.js';

/** SOAK=1: the bigger runs of `npm run test:soak`. */
export const SOAK = process.env.SOAK === '1';

/** Picks the quick or the soak figure. */
export function size(quick: number, soak: number): number {
  return SOAK ? soak : quick;
}

/** Per-test time limit: generous, since a soak run restarts servers many times. */
export const RELIABILITY_TIMEOUT_MS = SOAK ? 600_000 : 60_000;

/** The run's seed (RELIABILITY_SEED replays one, else a fresh one; each suite prints it) and a generator seeded with it. */
export function seededRun(): { seed: number; random: () => number } {
  const given = Number(process.env.RELIABILITY_SEED);
  const seed = Number.isFinite(given) && given > 0 ? given : Math.floor(Math.random() * 2 ** 31);
  return { seed, random: seededRandom(seed) };
}

/** Figures a suite reports (runs, events, faults injected, losses found) — printed, and asserted on. */
export function report(name: string, figures: Record<string, number | string>): void {
  process.stdout.write(`[reliability] ${name}: ${Object.entries(figures).map(([k, v]) => `${k}=${v}`).join(' ')}\n`);
}
