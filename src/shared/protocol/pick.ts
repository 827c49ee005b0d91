/** Pick batches and picking settings on the wire (pull) — the zod half of src/shared/picking. */
import * as z from 'zod/mini';

/** open: waiting for a picker; claimed: being picked; completed: picked; dissolved: rebuilt away (drop it). */
export const pickBatchStatusSchema = z.enum(['open', 'claimed', 'completed', 'dissolved']);
export type PickBatchStatus = z.infer<typeof pickBatchStatusSchema>;

/** Who holds a claimed batch, in words. */
export const batchHolderSchema = z.object({
  staffId: z.string(),
  staffName: z.string(),
  deviceId: z.string(),
  deviceName: z.string(),
  at: z.string(),
});
export type BatchHolder = z.infer<typeof batchHolderSchema>;

/** A pick batch as devices see it. Persisted on devices: never rename fields without a migration. */
export const pickBatchSchema = z.object({
  batchId: z.string().check(z.minLength(1)),
  shape: z.enum(['single', 'multi']),
  insertCodes: z.array(z.string()),
  giftCode: z.nullable(z.string()),
  /** Slot order: slot n on the cart is shipmentIds[n - 1]. */
  shipmentIds: z.array(z.string().check(z.minLength(1))),
  status: pickBatchStatusSchema,
  claimedBy: z.nullable(batchHolderSchema),
  createdAt: z.string(),
});
export type PickBatch = z.infer<typeof pickBatchSchema>;

/** The picking settings (see picking/pick-settings.ts for what each means). */
export const pickSettingsSchema = z.object({
  batchSize: z.int().check(z.gte(1), z.lte(500)),
  locationFormat: z.string().check(z.minLength(1)),
  locationScan: z.enum(['required', 'optional', 'off']),
  topRankSortOrder: z.int(),
  shortageRule: z.enum(['newestOrderFirst', 'lowestRankFirst']),
});
