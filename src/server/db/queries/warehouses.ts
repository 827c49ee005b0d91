/** The warehouses, for the console's pickers, its clock and the start-up banner. */
import { asc, eq } from 'drizzle-orm';
import type { AdminWarehouse } from '../../../shared/protocol/admin-console.js';
import type { Database } from '../client.js';
import * as t from '../schema.js';

/** Every warehouse, by id, with the time zone its times are shown in. */
export async function listWarehouses(database: Database): Promise<AdminWarehouse[]> {
  return database.read((tx) => tx.select({ id: t.warehouses.id, name: t.warehouses.name, timeZone: t.warehouses.timeZone }).from(t.warehouses).orderBy(asc(t.warehouses.id)));
}

/** Sets a warehouse's time zone (already checked to be a known IANA name); null when there is no such warehouse. */
export async function setWarehouseTimeZone(database: Database, warehouseId: string, timeZone: string): Promise<AdminWarehouse | null> {
  const rows = await database.write((tx) =>
    tx.update(t.warehouses).set({ timeZone }).where(eq(t.warehouses.id, warehouseId)).returning({ id: t.warehouses.id, name: t.warehouses.name, timeZone: t.warehouses.timeZone }),
  );
  return rows[0] ?? null;
}
