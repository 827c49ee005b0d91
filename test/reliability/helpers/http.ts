/** Plain HTTP calls a device makes, over fetch on 127.0.0.1. */
import { request, type Agent } from 'node:http';
import type { SyncEvent } from '../../../src/shared/protocol/events.js';
import { pushResponseSchema, type EventResult } from '../../../src/shared/protocol/sync.js';
import { enrolmentCode } from '../../helpers/server-process.js';

/** Enrols a device on the demo warehouse through the admin API; returns its token and id. */
export async function enrolOver(url: string, deviceName: string, warehouseId = 'WH1'): Promise<{ token: string; deviceId: string }> {
  const code = await enrolmentCode(url, warehouseId);
  const res = await fetch(`${url}/api/enrol`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code, deviceName }) });
  if (!res.ok) throw new Error(`enrol: ${res.status} ${await res.text()}`);
  const body = (await res.json()) as { token: string; deviceId: string };
  return { token: body.token, deviceId: body.deviceId };
}

/** Pushes events; returns the per-event results, or throws on a network error or non-200 answer. */
export async function pushOver(url: string, token: string, events: SyncEvent[], signal?: AbortSignal): Promise<EventResult[]> {
  const res = await fetch(`${url}/api/sync/push`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ events }),
    signal,
  });
  if (res.status !== 200) throw new Error(`push: HTTP ${res.status} ${await res.text()}`);
  return pushResponseSchema.parse(await res.json()).results;
}

/** POSTs JSON through a given node:http Agent (one Agent = one session's connection pool). */
export function postThrough(agent: Agent, url: string, token: string, body: unknown): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const data = JSON.stringify(body);
    const req = request(url, { method: 'POST', agent, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'content-length': Buffer.byteLength(data) } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(data);
  });
}
