/**
 * What every console page reads besides its own data: each warehouse's time zone (times are shown in
 * the warehouse's zone, not the browser's) and the rank catalogue (a rank is shown as its badge).
 */
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Rank } from '../shared/domain/catalogue.js';
import { DEFAULT_WAREHOUSE_TIME_ZONE } from '../shared/domain/warehouse-time.js';
import type { AdminWarehouse } from '../shared/protocol/admin-console.js';

/** The shared reference data, loaded once after sign-in. */
export interface ConsoleData {
  warehouses: AdminWarehouse[];
  ranks: Rank[];
}

/** The console's reference data (empty until loaded). */
export const ConsoleDataContext = createContext<ConsoleData>({ warehouses: [], ranks: [] });

/** The reference data of the console. */
export function useConsoleData(): ConsoleData {
  return useContext(ConsoleDataContext);
}

/** The time zone of `warehouseId`; without one (or before loading), the first warehouse's, else Asia/Tokyo. */
export function zoneOf(data: ConsoleData, warehouseId?: string | null): string {
  const warehouse = data.warehouses.find((w) => w.id === warehouseId) ?? data.warehouses[0];
  return warehouse?.timeZone ?? DEFAULT_WAREHOUSE_TIME_ZONE;
}
