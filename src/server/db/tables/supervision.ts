/** What a supervisor must look at. */
import { index, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { ts } from './columns.js';
import { devices, warehouses } from './core.js';
import type { SupervisorFlagKind } from '../../../shared/protocol/admin-devices.js';

/** What a supervisor must look at (kinds in shared/protocol/admin-devices.ts). */
export const supervisorFlags = pgTable(
  'supervisor_flags',
  {
    id: uuid('id').primaryKey(),
    warehouseId: text('warehouse_id').notNull().references(() => warehouses.id),
    kind: text('kind').$type<SupervisorFlagKind>().notNull(),
    deviceId: text('device_id').references(() => devices.id),
    staffId: text('staff_id'),
    shipmentId: text('shipment_id'),
    eventId: uuid('event_id'),
    /** In words for the console, plus the figures (expected/received seq, hold reason …). */
    message: text('message').notNull(),
    detail: jsonb('detail').$type<Record<string, string>>().notNull(),
    createdAt: ts('created_at').notNull(),
    resolvedAt: ts('resolved_at'),
  },
  (t) => [index('supervisor_flags_warehouse_idx').on(t.warehouseId, t.createdAt), index('supervisor_flags_device_idx').on(t.deviceId)],
);
