import { describe, expect, it } from 'vitest';
import { indexCatalogue } from '../../../src/shared/domain/catalogue-index.js';
import { packFlow, type PackContext } from '../../../src/shared/flows/pack.js';
import type { PackState } from '../../../src/shared/flows/pack-state.js';
import { GS } from '../../../src/shared/scan/gs1.js';
import { withCheckDigit } from '../../../src/shared/scan/gtin.js';
import { catalogue, CREAM_JAN, LOTION_JAN, makeParcel } from '../../helpers/fixtures/catalogue.js';

const NOW = '2026-11-24T09:00:00.000Z';
const parcel = makeParcel({
  insertCodes: ['L01'],
  lines: [
    { productCode: 'SKU-1', qty: 2 },
    { productCode: 'SKU-2', qty: 1 },
    { productCode: 'SKU-5', qty: 1 },
  ],
});

function afterScans(ctx: PackContext, ...texts: string[]) {
  let state: PackState = packFlow.initial;
  let last;
  for (const text of [parcel.shipmentId, ...texts]) {
    last = packFlow.apply(state, { type: 'scan', text }, ctx);
    state = last.next;
  }
  return { state, last: last! };
}
const counts = (state: PackState) => (state.step === 'verifying' ? state.progress.counts : {});

describe('pack: every barcode format reaches the same item', () => {
  const ctx: PackContext = { index: indexCatalogue(catalogue), findParcel: (id) => (id === parcel.shipmentId ? parcel : undefined), now: NOW };

  it('a GS1-128 case label (indicator 1) ticks one unit of the base item', () => {
    const caseGtin = withCheckDigit(`1${LOTION_JAN.slice(0, 12)}`);
    const { state, last } = afterScans(ctx, `]C101${caseGtin}17271231${'10LOT9' + GS}3006`);
    expect(last.feedback.tone).toBe('ok');
    expect(counts(state)).toEqual({ 'SKU-1': 1 });
  });

  it('the human-readable GS1 form and an ITF-14 case code count the same item', () => {
    const caseGtin = withCheckDigit(`3${LOTION_JAN.slice(0, 12)}`);
    const { state } = afterScans(ctx, `(01)${caseGtin}(10)A1`, caseGtin);
    expect(counts(state)).toEqual({ 'SKU-1': 2 });
  });

  it('a case GTIN listed in the catalogue wins over the base item', () => {
    const caseGtin = withCheckDigit(`1${CREAM_JAN.slice(0, 12)}`);
    const withCase = { ...catalogue, products: catalogue.products.map((p) => (p.code === 'SKU-5' ? { ...p, barcodes: [...p.barcodes, caseGtin] } : p)) };
    const { state } = afterScans({ ...ctx, index: indexCatalogue(withCase) }, caseGtin);
    expect(counts(state)).toEqual({ 'SKU-5': 1 });
  });

  it('a catalogue UPC-A matches its EAN-13 scan and the other way round', () => {
    const upcCatalogue = { ...catalogue, products: catalogue.products.map((p) => (p.code === 'SKU-5' ? { ...p, barcodes: ['036000291452'] } : p)) };
    const { state } = afterScans({ ...ctx, index: indexCatalogue(upcCatalogue) }, '0036000291452');
    expect(counts(state)).toEqual({ 'SKU-5': 1 });
  });

  it('a GS1 label with a bad check digit is a misread and changes nothing', () => {
    const caseGtin = withCheckDigit(`1${LOTION_JAN.slice(0, 12)}`);
    const bad = caseGtin.slice(0, 13) + String((Number(caseGtin[13]) + 1) % 10);
    const { state, last } = afterScans(ctx, `]C101${bad}`);
    expect(last.feedback).toEqual({ tone: 'error', message: { key: 'scan.misread' } });
    expect(counts(state)).toEqual({});
  });

  it('an insert label recognised by pattern confirms the insert; a location label is refused', () => {
    const { state } = afterScans(ctx, 'INS-L01');
    expect(state.step === 'verifying' && state.progress.insertsConfirmed).toEqual(['L01']);
    const { last } = afterScans(ctx, 'A-01-03-2');
    expect(last.feedback.tone).toBe('error');
    expect(last.changed).toBe(false);
  });
});
