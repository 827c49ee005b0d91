/** The demo data is what the scenarios promise (other test suites rely on it). */
import { describe, expect, it } from 'vitest';
import { catalogueSchema } from '../../../src/shared/domain/catalogue.js';
import { indexCatalogue } from '../../../src/shared/domain/catalogue-index.js';
import { parcelSchema } from '../../../src/shared/domain/parcel.js';
import { resolveParcel } from '../../../src/shared/domain/resolve-parcel.js';
import { isValidGtin } from '../../../src/shared/scan/gtin.js';
import { DEMO_CATALOGUE, DEMO_PARCELS, DEMO_SCENARIOS, DEMO_UNKNOWN_JAN } from '../../../src/server/demo/demo-data.js';

const index = indexCatalogue(catalogueSchema.parse(DEMO_CATALOGUE));
const parcel = (id: string) => parcelSchema.parse(DEMO_PARCELS.find((p) => p.shipmentId === id));
const resolved = (id: string) => resolveParcel(parcel(id), index);

describe('demo data', () => {
  it('has valid JAN check digits, and an unknown JAN that really is unknown', () => {
    for (const p of DEMO_CATALOGUE.products) for (const b of p.barcodes) expect(isValidGtin(b), b).toBe(true);
    for (const i of DEMO_CATALOGUE.inserts) if (i.barcode) expect(isValidGtin(i.barcode)).toBe(true);
    expect(isValidGtin(DEMO_UNKNOWN_JAN)).toBe(true);
    expect(index.productByBarcode.has(DEMO_UNKNOWN_JAN)).toBe(false);
    expect(index.insertByBarcode.has(DEMO_UNKNOWN_JAN)).toBe(false);
  });

  it('uses every rank and has unique shipment ids', () => {
    expect(new Set(DEMO_PARCELS.map((p) => p.rankCode))).toEqual(new Set(['D', 'G', 'S', 'B', 'N']));
    expect(new Set(DEMO_PARCELS.map((p) => p.shipmentId)).size).toBe(DEMO_PARCELS.length);
    expect(DEMO_PARCELS.length).toBeGreaterThanOrEqual(19);
  });

  it('sets up each scenario as named', () => {
    const single = resolved(DEMO_SCENARIOS.singleItem);
    expect(single).toMatchObject({ totalUnits: 1, flags: [], gift: { status: 'none' }, block: null, rank: { code: 'N' } });
    expect(single.inserts).toHaveLength(1);
    expect(single.inserts[0].barcode).not.toBeNull();

    const multi = resolved(DEMO_SCENARIOS.multiItemGiftFirstPurchase);
    expect(multi.lines).toHaveLength(3);
    expect(multi.lines.some((l) => l.qty === 2)).toBe(true);
    expect(multi.rank?.code).toBe('G');
    expect(multi.flags.map((f) => f.flag)).toEqual(['FIRST_PURCHASE']);
    expect(multi.gift).toMatchObject({ status: 'ok', gift: { noshiPlacement: 'outer', noshiInscription: '御祝' } });
    if (multi.gift.status === 'ok') {
      expect(multi.gift.noshiName).toBeTruthy();
      expect(multi.gift.message).toBeTruthy();
    }
    expect(multi.inserts.find((i) => i.source === 'order')?.barcode).toBeNull();
    expect(multi.inserts.filter((i) => i.source === 'flag').map((i) => i.code)).toEqual(['L02', 'L01']);

    expect(parcel(DEMO_SCENARIOS.secondPurchase).flags).toEqual(['SECOND_PURCHASE']);
    expect(parcel(DEMO_SCENARIOS.firstReturn).flags).toEqual(['FIRST_RETURN']);
    expect(parcel(DEMO_SCENARIOS.twoFlags).flags).toEqual(['SECOND_PURCHASE', 'FIRST_RETURN']);
    expect(resolved(DEMO_SCENARIOS.held).block).toEqual({ reason: 'held', holdReason: '前日注文キャンセル' });
    expect(resolved(DEMO_SCENARIOS.unknownGift).block).toEqual({ reason: 'giftUnknown', code: 'X99' });
    expect(resolved(DEMO_SCENARIOS.innerNoshi).gift).toMatchObject({ status: 'ok', gift: { noshiPlacement: 'inner', noshiInscription: '内祝' } });
    const diamond = resolved(DEMO_SCENARIOS.diamond);
    expect(diamond.rank?.code).toBe('D');
    expect(diamond.gift).toMatchObject({ status: 'ok', gift: { ribbon: '金リボン' } });
  });

  it('blocks no ordinary parcel for a catalogue reason', () => {
    for (const p of DEMO_PARCELS) {
      const block = resolveParcel(p, index).block;
      if (p.shipmentId === DEMO_SCENARIOS.held || p.shipmentId === DEMO_SCENARIOS.unknownGift) continue;
      expect(block, p.shipmentId).toBeNull();
    }
  });
});
