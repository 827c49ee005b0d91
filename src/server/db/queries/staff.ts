/** Staff as the console lists and adds them (devices get new members with their next pull). */
import { randomUUID } from 'node:crypto';
import { and, asc, eq } from 'drizzle-orm';
import type { AdminStaff } from '../../../shared/protocol/admin-console.js';
import type { Database } from '../client.js';
import * as t from '../schema.js';
import { upsertStaff } from '../write-master-data.js';

/** Staff of every warehouse, by warehouse and badge code. */
export async function listStaff(database: Database): Promise<AdminStaff[]> {
  return database.read((tx) =>
    tx
      .select({ id: t.staff.id, code: t.staff.code, name: t.staff.name, warehouseId: t.staff.warehouseId })
      .from(t.staff)
      .orderBy(asc(t.staff.warehouseId), asc(t.staff.code)),
  );
}

/** Adds a member with a new id, unless the warehouse is unknown or the badge code is taken there. */
export async function addStaffMember(
  database: Database,
  input: { warehouseId: string; code: string; name: string },
): Promise<{ member: AdminStaff } | { refused: 'unknown_warehouse' | 'code_taken' }> {
  const { warehouseId, code, name } = input;
  return database.write(async (tx) => {
    const warehouse = await tx.select().from(t.warehouses).where(eq(t.warehouses.id, warehouseId));
    if (warehouse.length === 0) return { refused: 'unknown_warehouse' as const };
    const taken = await tx.select().from(t.staff).where(and(eq(t.staff.warehouseId, warehouseId), eq(t.staff.code, code)));
    if (taken.length > 0) return { refused: 'code_taken' as const };
    const member = { id: `staff-${randomUUID()}`, code, name };
    await upsertStaff(tx, warehouseId, member);
    return { member: { ...member, warehouseId } };
  });
}
