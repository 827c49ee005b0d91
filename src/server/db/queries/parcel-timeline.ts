/**
 * A parcel's history for the console: every event a device pushed about it (with the answer it got,
 * refusals and their reasons included), the supervisor flags raised about it and its return receipt,
 * each with who, on which device and when, oldest first.
 */
import { eq, inArray } from 'drizzle-orm';
import type { TimelineEntry } from '../../../shared/protocol/admin-parcel.js';
import type { Tx } from '../client.js';
import * as t from '../schema.js';

/** The timeline of `shipmentId`, oldest first (ties keep events before flags before the receipt). */
export async function readParcelTimeline(tx: Tx, shipmentId: string): Promise<TimelineEntry[]> {
  const events = await tx.select().from(t.events).where(eq(t.events.shipmentId, shipmentId));
  const flags = await tx.select().from(t.supervisorFlags).where(eq(t.supervisorFlags.shipmentId, shipmentId));
  const receipts = await tx.select().from(t.returnReceipts).where(eq(t.returnReceipts.shipmentId, shipmentId));
  const staffIds = [...new Set([...events.map((e) => e.staffId), ...flags.flatMap((f) => (f.staffId ? [f.staffId] : [])), ...receipts.map((r) => r.staffId)])];
  const deviceIds = [...new Set([...events.map((e) => e.deviceId), ...flags.flatMap((f) => (f.deviceId ? [f.deviceId] : [])), ...receipts.map((r) => r.deviceId)])];
  const staffNames = new Map((staffIds.length ? await tx.select({ id: t.staff.id, name: t.staff.name }).from(t.staff).where(inArray(t.staff.id, staffIds)) : []).map((s) => [s.id, s.name]));
  const deviceNames = new Map((deviceIds.length ? await tx.select({ id: t.devices.id, name: t.devices.name }).from(t.devices).where(inArray(t.devices.id, deviceIds)) : []).map((d) => [d.id, d.name]));
  const who = (staffId: string | null, deviceId: string | null) => ({
    staffId,
    staffName: staffId ? (staffNames.get(staffId) ?? null) : null,
    deviceId,
    deviceName: deviceId ? (deviceNames.get(deviceId) ?? null) : null,
  });

  const eventIds = new Set(events.map((e) => e.id));
  const entries: (TimelineEntry & { order: number })[] = [
    ...events.map((e) => {
      const refused = e.result.status === 'rejected' ? e.result : null;
      return {
        order: 0,
        at: deviceTimeOf(e.body) ?? e.receivedAt.toISOString(),
        kind: 'event' as const,
        type: e.type,
        outcome: e.status,
        ...who(e.staffId, e.deviceId),
        code: refused?.code ?? null,
        message: refused?.message ?? null,
      };
    }),
    ...flags.map((f) => ({
      order: 1,
      at: f.createdAt.toISOString(),
      kind: 'flag' as const,
      type: f.kind,
      outcome: f.resolvedAt ? 'resolved' : 'open',
      ...who(f.staffId, f.deviceId),
      code: null,
      message: f.message,
    })),
    // A receipt is also its return.received event; it is listed on its own only when that event is not here.
    ...receipts
      .filter((r) => !eventIds.has(r.id))
      .map((r) => ({ order: 2, at: r.receivedAt.toISOString(), kind: 'receipt' as const, type: 'return.received', outcome: 'recorded', ...who(r.staffId, r.deviceId), code: null, message: r.note })),
  ];
  entries.sort((a, b) => Date.parse(a.at) - Date.parse(b.at) || a.order - b.order);
  return entries.map(({ order: _order, ...entry }) => entry);
}

/** The device's clock reading in a stored event body, when it carries a readable one. */
function deviceTimeOf(body: unknown): string | null {
  const at = (body as { at?: unknown } | null)?.at;
  return typeof at === 'string' && Number.isFinite(Date.parse(at)) ? at : null;
}
