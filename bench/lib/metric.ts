/** The benchmark's vocabulary: a metric line, its budget and direction, and small statistics. */

/** One line of `npm run bench` output: the wire shape, one JSON object per metric. */
export interface MetricLine {
  metric: string;
  value: number | null;
  unit: string;
  budget: number;
  ok: boolean;
}

/** Whether a smaller or a larger value meets the budget. */
export type Better = 'lower' | 'higher';

/** What a benchmark module needs from the runner. */
export interface BenchContext {
  /** Smaller sizes and fewer repeats (`npm run bench -- --quick`). */
  quick: boolean;
  /** Progress and findings for people: stderr, so stdout stays one JSON object per line. */
  log: (message: string) => void;
}

/** One benchmark module: a family of metrics measured on one fixture. */
export interface Bench {
  name: string;
  /** The metrics it reports, with unit, budget and direction, so a failed run can still print them as null. */
  metrics: Record<string, { unit: string; budget: number; better: Better }>;
  /** Longest the module may run (ms) in full mode; quick mode uses a third of it. */
  timeoutMs: number;
  /** Measures; returns a value (or null when it could not be measured) per metric name. */
  run(ctx: BenchContext, signal: AbortSignal): Promise<Record<string, number | null>>;
}

/** Builds the output line: null values never meet their budget. */
export function metricLine(name: string, value: number | null, spec: { unit: string; budget: number; better: Better }): MetricLine {
  const ok = value !== null && Number.isFinite(value) && (spec.better === 'lower' ? value <= spec.budget : value >= spec.budget);
  return { metric: name, value: value === null ? null : round(value), unit: spec.unit, budget: spec.budget, ok };
}

/** Rounds to 3 significant decimals (figures from a noisy machine do not deserve more). */
export function round(value: number): number {
  return Math.abs(value) >= 100 ? Math.round(value * 10) / 10 : Math.round(value * 1000) / 1000;
}

/** The p-th percentile (0–100) by nearest rank. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

/** The median. */
export function median(values: number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Least-squares slope of log(time) against log(n): the k in time ∝ n^k. */
export function scalingExponent(points: { n: number; ms: number }[]): number {
  const xs = points.map((p) => Math.log(p.n));
  const ys = points.map((p) => Math.log(p.ms));
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
  const my = ys.reduce((a, b) => a + b, 0) / ys.length;
  let num = 0;
  let den = 0;
  for (let i = 0; i < xs.length; i++) {
    num += (xs[i] - mx) * (ys[i] - my);
    den += (xs[i] - mx) ** 2;
  }
  return num / den;
}
