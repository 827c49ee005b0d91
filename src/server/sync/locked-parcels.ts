/**
 * The parcel rows one push works on for its `parcel.packed` events: locked together in one query,
 * packed in memory, and written back together in one UPDATE that also stamps each of them (benchmark
 * push_events_per_s: two statements per pushed pack became two per batch).
 *
 * Valid only while nothing else touches parcels in the transaction: the push calls `handOver()`
 * before any other command, which writes what is pending and forgets every row it holds.
 */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { takeChangeSeqs } from '../db/change-seq.js';
import type { Tx } from '../db/client.js';
import * as t from '../db/schema.js';
import { packedByOf } from './parcel-view.js';
import type { Parcel } from '../../shared/domain/parcel.js';

/** What a pack is decided on; only these columns are read (all of them cost twice as much to fetch). */
export type LockedParcel = Pick<typeof t.parcels.$inferSelect, 'shipmentId' | 'status' | 'holdReason' | 'lines'>;

/** Who packed a parcel and when, as the push records it. */
export interface PackedBy {
  staffId: string;
  deviceId: string;
  at: Date;
  /** The packer's box count (個口数); null keeps the imported one. */
  boxCount?: number | null;
}

/** One push's locked parcels of one warehouse, with the packs not written yet. */
export class LockedParcels {
  /** Locked rows by shipment id; null = no such parcel in this warehouse. */
  private readonly rows = new Map<string, LockedParcel | null>();
  private readonly packed = new Map<string, PackedBy>();

  constructor(
    private readonly tx: Tx,
    private readonly warehouseId: string,
  ) {}

  /**
   * Locks (FOR UPDATE) the parcels of `shipmentIds` not held yet, in shipment-id order: two pushes
   * packing overlapping parcels then queue on the first shared one instead of deadlocking, and a
   * concurrent packer of the same parcel waits here and then reads it packed (first wins).
   */
  async lock(shipmentIds: Iterable<string>): Promise<void> {
    const wanted = [...new Set(shipmentIds)].filter((id) => !this.rows.has(id)).sort();
    if (wanted.length === 0) return;
    const rows = await this.tx
      .select({ shipmentId: t.parcels.shipmentId, status: t.parcels.status, holdReason: t.parcels.holdReason, lines: t.parcels.lines })
      .from(t.parcels)
      .where(and(eq(t.parcels.warehouseId, this.warehouseId), inArray(t.parcels.shipmentId, wanted)))
      .orderBy(asc(t.parcels.shipmentId))
      .for('update');
    for (const id of wanted) this.rows.set(id, null);
    for (const row of rows) this.rows.set(row.shipmentId, row);
  }

  /** The locked row of a parcel of this warehouse as this push has left it so far, or null. */
  async get(shipmentId: string): Promise<LockedParcel | null> {
    await this.lock([shipmentId]);
    return this.rows.get(shipmentId) ?? null;
  }

  /** Marks a locked parcel packed: it reads packed from now on, and is written at the next `write()`. */
  markPacked(shipmentId: string, by: PackedBy): void {
    const row = this.rows.get(shipmentId);
    if (!row) throw new Error(`markPacked: parcel ${shipmentId} is not locked`);
    this.rows.set(shipmentId, { ...row, status: 'packed' });
    this.packed.set(shipmentId, by);
  }

  /** Who packed a parcel, in words, read from the database after writing what this push packed. */
  async packedBy(shipmentId: string): Promise<Parcel['packedBy']> {
    if (this.packed.has(shipmentId)) await this.write();
    return packedByOf(this.tx, shipmentId);
  }

  /**
   * Writes the pending packs in one UPDATE, each parcel with a stamp of its own (a pull page may end
   * between two of them). The stamps take the change counter's lock, which is held until commit: the
   * push calls this as its last statement so other pushes wait on the counter as briefly as possible.
   */
  async write(): Promise<void> {
    if (this.packed.size === 0) return;
    const writes = [...this.packed];
    this.packed.clear();
    const count = writes.length;
    // The rows travel as one JSON parameter (see push.ts, insertRecords); `ord` numbers the stamps.
    const values = writes.map(([shipmentId, by], k) => ({ shipment_id: shipmentId, staff_id: by.staffId, device_id: by.deviceId, packed_at: by.at.toISOString(), box_count: by.boxCount ?? null, ord: k + 1 }));
    await this.tx.execute(sql`
      with stamp as (${takeChangeSeqs(count)})
      update ${t.parcels} as p
      set status = 'packed', packed_by_staff_id = v.staff_id, packed_by_device_id = v.device_id, packed_at = v.packed_at, box_count = coalesce(v.box_count, p.box_count),
          seq = stamp.last_seq - ${count}::bigint + v.ord
      from jsonb_to_recordset(${JSON.stringify(values)}::jsonb) as v(shipment_id text, staff_id text, device_id text, packed_at timestamptz, box_count integer, ord bigint), stamp
      where p.shipment_id = v.shipment_id`);
  }

  /** Writes the pending packs and forgets every row, before a command that reads or changes parcels with its own SQL. */
  async handOver(): Promise<void> {
    await this.write();
    this.rows.clear();
  }
}
