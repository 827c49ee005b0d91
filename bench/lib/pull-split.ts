/**
 * Where a device pull's time goes, from what the page recorded: Resource Timing and the server's
 * Server-Timing header per request (report, query, serialise), the app's User Timing measures per
 * page (body + JSON.parse, validation, puts issued, whole write), and a CDP CPU profile of the
 * page's main thread over the same window.
 */

/** One pull request as Resource Timing saw it (ms since the page's time origin). */
export interface PullRequestTiming {
  start: number;
  requestStart: number;
  responseStart: number;
  responseEnd: number;
  bytes: number;
  /** Server-Timing entries by name (ms). */
  server: Record<string, number>;
}

/** One User Timing measure. */
export interface Measure {
  name: string;
  start: number;
  duration: number;
}

/** What the page hands back after the pull. */
export interface PullRecording {
  requests: PullRequestTiming[];
  measures: Measure[];
  /** When the app wrote lastSyncAt (ms since the time origin). */
  end: number;
}

/** A CDP Profiler.Profile, the parts used here. */
export interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string } }[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const ms = (x: number) => `${x.toFixed(0)} ms`;

/** The split as lines for stderr. `profileOffset` maps profile µs to page ms: pageMs = µs / 1000 + offset. */
export function describePullSplit(rec: PullRecording, profile?: CpuProfile, profileOffset = 0): string[] {
  const { requests, measures } = rec;
  const start = requests[0].start;
  const wall = rec.end - start;
  const of = (suffix: string) => measures.filter((m) => m.name.endsWith(suffix));
  const total = (suffix: string) => sum(of(suffix).map((m) => m.duration));
  const server = (name: string) => sum(requests.map((r) => r.server[name] ?? 0));
  const serverAll = server('report') + server('query') + server('serialise');
  const serverOf = (r: PullRequestTiming) => (r.server.report ?? 0) + (r.server.query ?? 0) + (r.server.serialise ?? 0);
  const firstWait = requests[0].responseEnd - start;
  const writes = of('-write');
  // The client waits for the server when a page's body only starts after the previous page's write ended.
  const jsons = of('-json');
  let waitedLater = 0;
  for (let i = 1; i < jsons.length && i < writes.length + 1; i++) {
    const prevEnd = writes[i - 1].start + writes[i - 1].duration;
    waitedLater += Math.max(0, requests[i].responseEnd - prevEnd);
  }
  const lastWriteEnd = writes.length ? writes[writes.length - 1].start + writes[writes.length - 1].duration : start;
  const lines = [
    `pull split: wall ${ms(wall)}, ${requests.length} requests, ${(sum(requests.map((r) => r.bytes)) / 1024).toFixed(0)} kB`,
    `  server (summed): outbox report ${ms(server('report'))}, query ${ms(server('query'))} (of it on a CPU ${ms(server('query-cpu'))}: the rest waited for one), ` +
      `serialise (JSON) ${ms(server('serialise'))}; ` +
      `network + queueing ${ms(sum(requests.map((r) => r.responseEnd - r.requestStart)) - serverAll)}`,
    `  device (summed): body + JSON.parse ${ms(total('-json'))}, validate ${ms(total('-validate'))}, ` +
      `IDB write ${ms(total('-write'))} (puts issued ${ms(total('-put'))}, the rest reading pending events, awaiting requests and the strict commit)`,
    `  critical path: first page ${ms(firstWait)} (server ${ms(serverOf(requests[0]))}), waiting for later pages ${ms(waitedLater)}, ` +
      `last write → lastSyncAt ${ms(rec.end - lastWriteEnd)}`,
  ];
  if (profile) lines.push(...describeProfile(profile, profileOffset, start, rec.end));
  return lines;
}

/** Main-thread self time in [from, to] by category: idle, GC, validation chunk, and the busiest functions. */
function describeProfile(profile: CpuProfile, offset: number, from: number, to: number): string[] {
  const frames = new Map(profile.nodes.map((n) => [n.id, n.callFrame]));
  const self = new Map<string, number>();
  let t = profile.startTime;
  let inWindow = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    t += profile.timeDeltas[i];
    const at = t / 1000 + offset;
    const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    if (at < from || at > to) continue;
    inWindow += dt;
    const f = frames.get(profile.samples[i])!;
    const file = f.url.split('/').pop() ?? '';
    const key = f.functionName.startsWith('(') ? f.functionName : /^validate-/.test(file) ? 'validation chunk (zod)' : `${f.functionName || '(anonymous)'} ${file}`;
    self.set(key, (self.get(key) ?? 0) + dt);
  }
  const idle = self.get('(idle)') ?? 0;
  const top = [...self.entries()].filter(([k]) => k !== '(idle)').sort((a, b) => b[1] - a[1]).slice(0, 6);
  return [
    `  CPU profile of the page (same window): main thread busy ${ms(inWindow - idle)} of ${ms(inWindow)}; ` + top.map(([k, v]) => `${k} ${ms(v)}`).join(', '),
  ];
}
