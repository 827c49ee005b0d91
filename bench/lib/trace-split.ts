/**
 * Where a page's main thread spends its time, from a Chrome trace (CDP Tracing): self time per trace
 * event name on the renderer's main thread, between two timestamps. The scan benchmark prints it per
 * scan when BENCH_TRACE names a file (tracing slows the page, so the metrics of such a run are not reported
 * as comparable).
 */
import type { CDPSession } from '@playwright/test';

/** The categories DevTools' Performance panel records (timeline, user timing, V8 execution). */
const TRACE_CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'disabled-by-default-devtools.timeline.frame',
  'blink.user_timing',
  'v8.execute',
  'toplevel',
].join(',');

/** One event of a Chrome trace (the fields used here). */
export interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: { type?: string } };
}

/** Starts recording; returns a function that stops and resolves to the recorded events. */
export async function startTrace(cdp: CDPSession): Promise<() => Promise<TraceEvent[]>> {
  await cdp.send('Tracing.start', { categories: TRACE_CATEGORIES + (process.env.BENCH_TRACE_EXTRA ?? ''), transferMode: 'ReturnAsStream' });
  return async () => {
    const done = new Promise<string>((resolve) => cdp.once('Tracing.tracingComplete', (e) => resolve(e.stream ?? '')));
    await cdp.send('Tracing.end');
    const stream = await done;
    let text = '';
    for (;;) {
      const chunk = await cdp.send('IO.read', { handle: stream });
      text += chunk.base64Encoded ? Buffer.from(chunk.data, 'base64').toString('utf8') : chunk.data;
      if (chunk.eof) break;
    }
    await cdp.send('IO.close', { handle: stream });
    const parsed = JSON.parse(text) as { traceEvents?: TraceEvent[] } | TraceEvent[];
    return Array.isArray(parsed) ? parsed : (parsed.traceEvents ?? []);
  };
}

/**
 * Self time (ms) per event name on the busiest renderer main thread, between `fromUs` and `toUs`
 * (trace clock, µs), and how often each ran. Nested events are subtracted from their parent, so the figures add up.
 */
export function selfTimeByName(events: TraceEvent[], fromUs: number, toUs: number): Map<string, { ms: number; count: number }> {
  const mainThreads = new Set(
    events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`),
  );
  const byThread = new Map<string, TraceEvent[]>();
  for (const e of events) {
    const key = `${e.pid}:${e.tid}`;
    if (e.ph !== 'X' || e.dur === undefined || !mainThreads.has(key) || e.ts < fromUs || e.ts > toUs) continue;
    const list = byThread.get(key) ?? [];
    list.push(e);
    byThread.set(key, list);
  }
  // The page under test is the renderer main thread that did the most.
  let busiest: TraceEvent[] = [];
  for (const list of byThread.values()) if (list.length > busiest.length) busiest = list;
  busiest.sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const self = new Map<string, { ms: number; count: number }>();
  const add = (name: string, ms: number, count: number) => {
    const entry = self.get(name) ?? { ms: 0, count: 0 };
    entry.ms += ms;
    entry.count += count;
    self.set(name, entry);
  };
  const stack: { end: number; name: string }[] = [];
  for (const e of busiest) {
    const end = e.ts + (e.dur ?? 0);
    while (stack.length > 0 && stack[stack.length - 1].end <= e.ts) stack.pop();
    const name = e.name === 'EventDispatch' && e.args?.data?.type ? `EventDispatch(${e.args.data.type})` : e.name;
    add(name, (e.dur ?? 0) / 1000, 1);
    const parent = stack[stack.length - 1];
    if (parent) add(parent.name, -(e.dur ?? 0) / 1000, 0);
    stack.push({ end, name });
  }
  return self;
}
