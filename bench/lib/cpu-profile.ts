/**
 * A sampling CPU profile of a page (CDP Profiler), summarised as self time per function: the scan
 * benchmark prints it per scan when BENCH_PROFILE names a file. Function names are readable only in
 * an unminified build (`npx vite build --minify false`).
 */
import type { CDPSession } from '@playwright/test';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

/** What Profiler.stop returns (the fields used here). */
export interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Starts sampling every `intervalUs`; returns a function that stops and resolves to the profile. */
export async function startCpuProfile(cdp: CDPSession, intervalUs = 200): Promise<() => Promise<CpuProfile>> {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: intervalUs });
  await cdp.send('Profiler.start');
  return async () => (await cdp.send('Profiler.stop')).profile as CpuProfile;
}

/** Self time (ms) per function ("name file:line"), largest first; idle and program time are left out. */
export function selfTimeByFunction(profile: CpuProfile): [string, number][] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const frame = byId.get(id)?.callFrame;
    if (!frame || frame.functionName === '(idle)' || frame.functionName === '(program)') return;
    const file = frame.url.slice(frame.url.lastIndexOf('/') + 1);
    const key = `${frame.functionName || '(anonymous)'} ${file}:${frame.lineNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  return [...self].sort((a, b) => b[1] - a[1]);
}
