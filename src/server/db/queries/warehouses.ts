/** The warehouses, for the console's pickers and the start-up banner. */
import { asc } from 'drizzle-orm';
import type { Database } from '../client.js';
import * as t from '../schema.js';

/** Every warehouse, by id. */
export async function listWarehouses(database: Database): Promise<{ id: string; name: string }[]> {
  return database.read((tx) => tx.select().from(t.warehouses).orderBy(asc(t.warehouses.id)));
}
