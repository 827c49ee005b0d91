/** The admin API of shipping (admin token): carrier mapping and settings, exports, a parcel's labels, the day's handovers. */
import * as z from 'zod/mini';
import { carrierIdSchema, labelScanModeSchema } from '../domain/carrier.js';

const isoDate = () => z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/));

/** One 配送方法 → carrier row; builtIn rows are the defaults not overridden. */
export const carrierMappingSchema = z.object({
  method: z.string().check(z.minLength(1), z.maxLength(100)),
  carrierId: z.nullable(carrierIdSchema),
  service: z.nullable(z.string().check(z.maxLength(100))),
});

/** GET /api/admin/shipping/settings */
export const shippingSettingsResponseSchema = z.object({
  mappings: z.array(z.extend(carrierMappingSchema, { builtIn: z.boolean() })),
  labelScan: z.record(carrierIdSchema, labelScanModeSchema),
  defaultCarrier: z.array(z.object({ warehouseId: z.string(), carrierId: z.nullable(carrierIdSchema) })),
});
export type ShippingSettings = z.infer<typeof shippingSettingsResponseSchema>;

/** PUT /api/admin/shipping/settings: any of the three parts. */
export const saveShippingSettingsRequestSchema = z.object({
  mappings: z.optional(z.array(carrierMappingSchema).check(z.maxLength(500))),
  labelScan: z.optional(z.partialRecord(carrierIdSchema, labelScanModeSchema)),
  defaultCarrier: z.optional(z.object({ warehouseId: z.string(), carrierId: z.nullable(carrierIdSchema) })),
});

/** POST /api/admin/shipping/exports/carrier */
export const carrierExportRequestSchema = z.object({
  carrier: z.enum(['yamato', 'sagawa', 'japanpost']),
  date: z.optional(isoDate()),
  again: z._default(z.boolean(), false),
});

/** The export's answer: the report, and the file (base64) when any parcel was written. */
export const carrierExportResponseSchema = z.object({
  ok: z.boolean(),
  carrier: carrierIdSchema,
  date: z.string(),
  exported: z.int(),
  shipmentIds: z.array(z.string()),
  alreadyExported: z.int(),
  errors: z.array(z.object({ shipmentId: z.string(), column: z.string(), message: z.string() })),
  filename: z.string(),
  fileBase64: z.nullable(z.string()),
});

/** GET /api/admin/shipping/exports/shipped?date=&encoding= (answers the CSV file). */
export const shippedResultsQuerySchema = z.object({
  date: z.optional(isoDate()),
  encoding: z._default(z.enum(['utf-8', 'cp932']), 'utf-8'),
});

/** GET /api/admin/parcels/:shipmentId/shipping: the shipping part of the console's parcel page. */
export const parcelShippingResponseSchema = z.object({
  shipmentId: z.string(),
  carrierId: z.nullable(carrierIdSchema),
  service: z.nullable(z.string()),
  method: z.string(),
  boxCount: z.int(),
  exportedAt: z.nullable(z.string()),
  shippedAt: z.nullable(z.string()),
  loadingBlock: z.nullable(z.string()),
  boxes: z.array(
    z.object({
      box: z.int(),
      expectedNumber: z.nullable(z.string()),
      boundNumber: z.nullable(z.string()),
      boundAt: z.nullable(z.string()),
      /** The device the label was scanned on at packing (its name, else its id). */
      boundOnDevice: z.optional(z.nullable(z.string())),
      loadedAt: z.nullable(z.string()),
      loadedOnDevice: z.optional(z.nullable(z.string())),
      loadedBy: z.optional(z.nullable(z.string())),
      handoverId: z.nullable(z.string()),
      trackingUrl: z.nullable(z.string()),
    }),
  ),
  /** The parcel.shipped notification to the shop: null until the parcel is shipped. */
  notification: z.optional(
    z.nullable(z.object({ status: z.enum(['pending', 'sending', 'sent', 'dead']), attempts: z.int(), sentAt: z.nullable(z.string()) })),
  ),
});
export type ParcelShippingView = z.infer<typeof parcelShippingResponseSchema>;

/** GET /api/admin/shipping/handovers?date= */
export const handoversQuerySchema = z.object({ date: z.optional(isoDate()) });
export const handoversResponseSchema = z.object({
  date: z.string(),
  handovers: z.array(
    z.object({
      id: z.string(),
      warehouseId: z.string(),
      carrierId: carrierIdSchema,
      status: z.enum(['open', 'closed']),
      startedAt: z.string(),
      closedAt: z.nullable(z.string()),
      staffName: z.nullable(z.string()),
      deviceName: z.nullable(z.string()),
      boxesReported: z.nullable(z.int()),
      parcels: z.array(z.object({ shipmentId: z.string(), orderNumber: z.string(), trackingNumbers: z.array(z.string()) })),
    }),
  ),
});
export type HandoversResponse = z.infer<typeof handoversResponseSchema>;
