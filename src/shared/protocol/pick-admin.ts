/** Admin routes for picking: list batches, release a claimed batch. */
import * as z from 'zod/mini';
import { pickBatchSchema, pickBatchStatusSchema } from './pick.js';

/** GET /api/admin/batches?warehouseId=WH1&status=claimed,open */
export const adminBatchesQuerySchema = z.object({
  warehouseId: z.optional(z.string()),
  /** Comma-separated statuses; all when absent. */
  status: z.pipe(
    z.pipe(
      z.optional(z.string()),
      z.transform((s) => (s ? s.split(',').map((x) => x.trim()).filter(Boolean) : [])),
    ),
    z.array(pickBatchStatusSchema),
  ),
});

/** A batch with what the console needs besides the device view: its warehouse and its short parcels. */
export const adminBatchSchema = z.extend(pickBatchSchema, {
  warehouseId: z.string(),
  shortShipmentIds: z.array(z.string()),
});
export const adminBatchesResponseSchema = z.object({ batches: z.array(adminBatchSchema) });
export type AdminBatchesResponse = z.infer<typeof adminBatchesResponseSchema>;

/** POST /api/admin/batches/:batchId/release */
export const batchParamsSchema = z.object({ batchId: z.string().check(z.minLength(1)) });
