/** Plans an import of holds and cancellations (停止指示): hold a parcel with a reason, or release it to where the floor left it. */
import { asc, inArray } from 'drizzle-orm';
import type { Tx } from '../db/client.js';
import * as t from '../db/schema.js';
import { setParcelStatus } from '../db/write-master-data.js';
import { importMessage, type ImportLang } from './messages.js';
import { splitChecked, type Plan } from './plan.js';
import type { CheckedRow } from './validate-rows.js';

/** Plans the hold and release rows against the stored parcels; a dry run locks nothing. */
export async function planHolds(tx: Tx, rows: CheckedRow<'holds'>[], lang: ImportLang, options: { dryRun?: boolean }): Promise<Plan> {
  const { good, errors, warnings, bad } = splitChecked(rows);
  const ids = [...new Set(good.map((r) => r.value.shipmentId))];
  // Same lock order as every parcel writer: parcel rows first (sorted), then the change counter.
  const parcels = ids.length
    ? options.dryRun
      ? await tx.select().from(t.parcels).where(inArray(t.parcels.shipmentId, ids))
      : await tx.select().from(t.parcels).where(inArray(t.parcels.shipmentId, ids)).orderBy(asc(t.parcels.shipmentId)).for('update')
    : [];
  const state = new Map(parcels.map((p) => [p.shipmentId, { status: p.status, holdReason: p.holdReason, packed: p.packedAt !== null }]));
  const idColumn = '出荷ID';
  let held = 0;
  let released = 0;
  let unchanged = 0;
  let rejected = bad;
  const writes: { shipmentId: string; status: 'held' | 'released' | 'packed'; reason: string | null }[] = [];
  for (const { row, value } of good) {
    const p = state.get(value.shipmentId);
    if (!p) {
      errors.push({ row, column: idColumn, message: importMessage(lang, 'unknownHoldShipment', { shipmentId: value.shipmentId }) });
      rejected++;
      continue;
    }
    if (value.action === 'hold') {
      if (p.status === 'shipped') {
        errors.push({ row, column: idColumn, message: importMessage(lang, 'holdShipped', { shipmentId: value.shipmentId }) });
        rejected++;
        continue;
      }
      if (p.status === 'held' && p.holdReason === value.reason) {
        unchanged++;
        continue;
      }
      if (p.status === 'packed') warnings.push({ row, column: idColumn, message: importMessage(lang, 'holdPacked', { shipmentId: value.shipmentId }) });
      state.set(value.shipmentId, { ...p, status: 'held', holdReason: value.reason });
      writes.push({ shipmentId: value.shipmentId, status: 'held', reason: value.reason });
      held++;
    } else {
      if (p.status !== 'held') {
        warnings.push({ row, column: idColumn, message: importMessage(lang, 'releaseNotHeld', { shipmentId: value.shipmentId }) });
        unchanged++;
        continue;
      }
      // Back to where the floor left it: packed if it was packed before the hold, else released.
      const status = p.packed ? 'packed' : 'released';
      state.set(value.shipmentId, { ...p, status, holdReason: null });
      writes.push({ shipmentId: value.shipmentId, status, reason: null });
      released++;
    }
  }
  errors.sort((a, b) => a.row - b.row);
  return {
    imported: { held, released, unchanged },
    rejected,
    records: rows.length,
    errors,
    warnings,
    // Each write stamps the parcel with the change sequence, so devices get the hold on their next pull.
    write: async (w) => {
      for (const x of writes) await setParcelStatus(w, x.shipmentId, x.status, x.reason);
    },
  };
}
