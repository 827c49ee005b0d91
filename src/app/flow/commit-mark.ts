/**
 * A User Timing mark set when a pack commit's strict transaction has completed: the benchmark
 * (bench/scan-latency.ts) observes it to measure scan → durable commit. Cheap, and harmless in
 * production. A module of its own, so the benchmark can name it without loading the app.
 */
export const PACK_COMMIT_MARK = 'floorpack:pack-commit';
