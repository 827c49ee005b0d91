/**
 * zod schemas of the records only this device writes (credential, staff session, the flow screens'
 * states), tied to their TypeScript types at compile time so the two cannot drift apart. Loaded with
 * record-checks.ts, never by the main bundle.
 */
import * as z from 'zod/mini';
import type { PackState } from '../../shared/flows/pack-state.js';
import type { PickState } from '../../shared/flows/pick-state.js';
import type { ReturnState } from '../../shared/flows/return-state.js';
import type { LoadState } from '../../shared/flows/load-state.js';
import { carrierIdSchema } from '../../shared/domain/carrier.js';
import { batchHolderSchema } from '../../shared/protocol/pick.js';
import { enrolResponseSchema } from '../../shared/protocol/sync.js';
import type { Credential, StaffSession } from './schema.js';

const counts = z.record(z.string(), z.number());
const ids = z.array(z.string());

/** The device credential as stored after enrolment. */
export const credentialSchema = z.object({ ...enrolResponseSchema.shape, enrolledAt: z.string() });

/** The staff member signed in on this device. */
export const staffSessionSchema = z.object({ staffId: z.string(), code: z.string(), name: z.string(), signedInAt: z.string() });

/** The pack screen's state. */
export const packStateSchema = z.discriminatedUnion('step', [
  z.object({ step: z.literal('awaitSlip'), lastPacked: z.nullable(z.string()) }),
  z.object({
    step: z.literal('verifying'),
    progress: z.object({
      shipmentId: z.string(),
      startedAt: z.string(),
      counts,
      insertsConfirmed: ids,
      giftConfirmed: z.boolean(),
      humanTouchConfirmed: z.boolean(),
      boxCount: z.optional(z.number()),
      labels: z.optional(ids),
      labelsSkipped: z.optional(z.boolean()),
    }),
  }),
]);

const pickStopResult = z.object({
  picked: z.number(),
  allocations: z.array(z.object({ shipmentId: z.string(), qty: z.number() })),
  short: z.boolean(),
});
const pickLast = z.discriminatedUnion('outcome', [
  z.object({ batchId: z.string(), outcome: z.literal('completed'), shortShipmentIds: ids }),
  z.object({ batchId: z.string(), outcome: z.literal('lost'), holder: z.nullable(batchHolderSchema) }),
]);

/** The pick screen's state. */
export const pickStateSchema = z.discriminatedUnion('step', [
  z.object({ step: z.literal('idle'), last: z.nullable(pickLast) }),
  z.object({
    step: z.literal('picking'),
    progress: z.object({
      batchId: z.string(),
      shipmentIds: ids,
      claimedAt: z.string(),
      counts,
      locationOk: ids,
      done: z.record(z.string(), pickStopResult),
      shortShipmentIds: ids,
    }),
  }),
]);

/** The returns screen's state. */
export const returnStateSchema = z.discriminatedUnion('step', [
  z.object({ step: z.literal('find'), lastSaved: z.nullable(z.string()) }),
  z.object({
    step: z.literal('receiving'),
    progress: z.object({
      shipmentId: z.nullable(z.string()),
      orderNumber: z.string(),
      startedAt: z.string(),
      units: z.array(
        z.object({
          productCode: z.string(),
          condition: z.enum(['unopened', 'opened', 'damaged']),
          reasonCode: z.nullable(z.string()),
          note: z.nullable(z.string()),
        }),
      ),
      unexpected: z.array(z.object({ code: z.string(), productCode: z.nullable(z.string()), qty: z.number() })),
      note: z.string(),
    }),
  }),
]);

/** The loading screen's state. */
export const loadStateSchema = z.discriminatedUnion('step', [
  z.object({ step: z.literal('chooseCarrier'), last: z.nullable(z.object({ carrierId: carrierIdSchema, boxesLoaded: z.number() })) }),
  z.object({
    step: z.literal('loading'),
    handover: z.object({
      handoverId: z.string(),
      carrierId: carrierIdSchema,
      startedAt: z.string(),
      loaded: z.array(z.object({ trackingNumber: z.string(), shipmentId: z.string() })),
    }),
  }),
]);

/** True only when A and B are the same type: a field added, removed or retyped on either side fails to compile. */
type Same<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

// The compile-time tie: change a persisted type in src/shared/flows and this stops compiling until the schema follows.
const TIED: [
  Same<z.infer<typeof credentialSchema>, Credential>,
  Same<z.infer<typeof staffSessionSchema>, StaffSession>,
  Same<z.infer<typeof packStateSchema>, PackState>,
  Same<z.infer<typeof pickStateSchema>, PickState>,
  Same<z.infer<typeof returnStateSchema>, ReturnState>,
  Same<z.infer<typeof loadStateSchema>, LoadState>,
] = [true, true, true, true, true, true];
void TIED;
