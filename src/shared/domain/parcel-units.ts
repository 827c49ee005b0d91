/** Unit counts of a parcel; zod-free so the scan path does not load the schemas. */
import type { Parcel } from './parcel.js';

/** Total units a parcel expects per product (lines of one product are summed). */
export function expectedUnits(parcel: Pick<Parcel, 'lines'>): Map<string, number> {
  const expected = new Map<string, number>();
  for (const line of parcel.lines) expected.set(line.productCode, (expected.get(line.productCode) ?? 0) + line.qty);
  return expected;
}
