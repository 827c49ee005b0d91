/**
 * Pick batches by work shape: single-item parcels (単品, exactly one unit) apart from multi-item ones
 * (複数品); within those by insert pattern, then by gift code, so a batch is one kind of work at the
 * pack station. Pure: the server calls planBatches and applies the plan (ids are its business).
 */
import type { ParcelLine } from '../domain/parcel.js';

/** 単品: one unit in the parcel; 複数品: anything more. */
export type WorkShape = 'single' | 'multi';

/** What a parcel needs to be placed in a batch. */
export interface BatchCandidate {
  shipmentId: string;
  orderDate: string;
  lines: readonly ParcelLine[];
  insertCodes: readonly string[];
  giftCode: string | null;
}

/** The kind of work a batch is. */
export interface WorkKind {
  shape: WorkShape;
  /** The parcel's own insert codes, sorted and without repeats (the insert pattern). */
  insertCodes: string[];
  giftCode: string | null;
}

/** A batch as the planner sees it. Claimed (being picked) and completed batches are never changed. */
export interface ExistingBatch {
  batchId: string;
  status: 'open' | 'claimed' | 'completed';
  shipmentIds: readonly string[];
}

/** A batch to create. */
export interface PlannedBatch extends WorkKind {
  /** In slot order: oldest order first, then shipment id. */
  shipmentIds: string[];
}

/** What to change: open batches to keep as they are, to dissolve, and batches to create. */
export interface BatchPlan {
  keep: string[];
  dissolve: string[];
  create: PlannedBatch[];
}

/** The work kind of a parcel. */
export function workKindOf(parcel: Pick<BatchCandidate, 'lines' | 'insertCodes' | 'giftCode'>): WorkKind {
  const units = parcel.lines.reduce((sum, l) => sum + l.qty, 0);
  return {
    shape: units === 1 ? 'single' : 'multi',
    insertCodes: [...new Set(parcel.insertCodes)].sort(),
    giftCode: parcel.giftCode,
  };
}

/** A string equal for parcels of the same work kind; sorts single first, then no inserts/gift before some. */
export function workKey(kind: WorkKind): string {
  // \u0001 sorts below every printable code, so "no inserts" comes before any insert pattern.
  return `${kind.shape === 'single' ? 0 : 1}\u0001${kind.insertCodes.join('+')}\u0001${kind.giftCode ?? ''}`;
}

/**
 * Plans the open batches for `candidates` (the released parcels of one warehouse). Parcels in claimed
 * or completed batches stay where they are, whatever the candidates say. Within each work kind the
 * parcels are taken oldest order first and cut into batches of at most `size`; an open batch whose
 * members come out exactly the same is kept (same id, so devices see no churn), any other open batch
 * is dissolved and its parcels go into new batches.
 */
export function planBatches(candidates: readonly BatchCandidate[], existing: readonly ExistingBatch[], size: number): BatchPlan {
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`batch size must be a positive integer, got ${size}`);
  const inProgress = new Set(existing.filter((b) => b.status !== 'open').flatMap((b) => b.shipmentIds));
  const groups = new Map<string, { kind: WorkKind; parcels: BatchCandidate[] }>();
  const seen = new Set<string>();
  for (const parcel of candidates) {
    if (inProgress.has(parcel.shipmentId) || seen.has(parcel.shipmentId)) continue;
    seen.add(parcel.shipmentId);
    const kind = workKindOf(parcel);
    const key = workKey(kind);
    if (!groups.has(key)) groups.set(key, { kind, parcels: [] });
    groups.get(key)!.parcels.push(parcel);
  }
  const desired: PlannedBatch[] = [];
  for (const key of [...groups.keys()].sort()) {
    const { kind, parcels } = groups.get(key)!;
    parcels.sort((a, b) => (a.orderDate < b.orderDate ? -1 : a.orderDate > b.orderDate ? 1 : a.shipmentId < b.shipmentId ? -1 : 1));
    for (let i = 0; i < parcels.length; i += size) {
      desired.push({ ...kind, shipmentIds: parcels.slice(i, i + size).map((p) => p.shipmentId) });
    }
  }
  const openBySignature = new Map(existing.filter((b) => b.status === 'open').map((b) => [b.shipmentIds.join(','), b.batchId]));
  const keep: string[] = [];
  const create: PlannedBatch[] = [];
  for (const batch of desired) {
    const signature = batch.shipmentIds.join(',');
    const id = openBySignature.get(signature);
    if (id) {
      keep.push(id);
      openBySignature.delete(signature);
    } else create.push(batch);
  }
  return { keep, dissolve: [...openBySignature.values()].sort(), create };
}
