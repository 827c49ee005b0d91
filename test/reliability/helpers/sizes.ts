/**
 * How big each reliability run is: small under `npm test`, bigger under `npm run test:soak` (SOAK=1).
 * Every run is bounded in count and time and talks only to 127.0.0.1.
 */
export const SOAK = process.env.SOAK === '1';

/** Picks the quick or the soak figure. */
export function size(quick: number, soak: number): number {
  return SOAK ? soak : quick;
}

/** Per-test time limit: generous, since a soak run restarts servers many times. */
export const RELIABILITY_TIMEOUT_MS = SOAK ? 600_000 : 60_000;

/** A seeded pseudo-random generator (mulberry32), so a failing run can be replayed from its printed seed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The run's seed: RELIABILITY_SEED replays one, else a fresh one (printed by each suite). */
export function runSeed(): number {
  const given = Number(process.env.RELIABILITY_SEED);
  return Number.isFinite(given) && given > 0 ? given : Math.floor(Math.random() * 2 ** 31);
}

/** Figures a suite reports (runs, events, faults injected, losses found) — printed, and asserted on. */
export function report(name: string, figures: Record<string, number | string>): void {
  process.stdout.write(`[reliability] ${name}: ${Object.entries(figures).map(([k, v]) => `${k}=${v}`).join(' ')}\n`);
}
