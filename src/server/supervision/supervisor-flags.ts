/** Supervisor flags: recorded inside the transaction that found the problem, so they exist iff it committed. */
import { randomUUID } from 'node:crypto';
import type { SupervisorFlagKind } from '../../shared/protocol/admin-devices.js';
import type { Tx } from '../db/client.js';
import * as t from '../db/schema.js';

/** What a flag says. */
export interface NewSupervisorFlag {
  warehouseId: string;
  kind: SupervisorFlagKind;
  deviceId?: string | null;
  staffId?: string | null;
  shipmentId?: string | null;
  eventId?: string | null;
  message: string;
  detail?: Record<string, string>;
  at: Date;
}

/** Records one flag in the caller's transaction. */
export async function raiseSupervisorFlag(tx: Tx, flag: NewSupervisorFlag): Promise<void> {
  await tx.insert(t.supervisorFlags).values({
    id: randomUUID(),
    warehouseId: flag.warehouseId,
    kind: flag.kind,
    deviceId: flag.deviceId ?? null,
    staffId: flag.staffId ?? null,
    shipmentId: flag.shipmentId ?? null,
    eventId: flag.eventId ?? null,
    message: flag.message,
    detail: flag.detail ?? {},
    createdAt: flag.at,
  });
}
