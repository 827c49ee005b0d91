/** The practice sheet is served without a token, with no script allowed, and names every demo code a newcomer needs. */
import { describe, expect, it } from 'vitest';
import type { DemoApp } from '../../../src/server/demo/demo-app.js';
import { DEMO_INSERTS, DEMO_PRODUCTS, DEMO_SHIPMENTS, DEMO_STAFF } from '../../../src/server/demo/demo-data.js';
import { PRACTICE_SHEET_PATH, practiceSections } from '../../../src/server/demo/practice-sheet.js';
import { classifyScan } from '../../../src/shared/scan/classify-scan.js';
import { isValidGtin } from '../../../src/shared/scan/gtin.js';
import { useDemoApp } from '../../helpers/in-process-server.js';
import { TEST_DATABASE_TARGETS } from '../../helpers/test-databases.js';

describe('the practice sheet’s contents', () => {
  const codes = practiceSections().flatMap((s) => s.codes);

  it('has every badge, slip, JAN, insert and location of the demo', () => {
    const values = codes.map((c) => c.value);
    for (const s of DEMO_STAFF) expect(values).toContain(s.code);
    for (const s of DEMO_SHIPMENTS) expect(values).toContain(s.shipmentId);
    for (const p of DEMO_PRODUCTS) for (const jan of p.barcodes) expect(values).toContain(jan);
    for (const p of DEMO_PRODUCTS) expect(values).toContain(p.location);
    for (const i of DEMO_INSERTS) expect(values).toContain(i.barcode ?? `INS-${i.code}`);
  });

  it('each code is one the handheld reads as what its section says', () => {
    const kindOf = { staff: 'staff', slips: 'slip', products: 'gtin', inserts: null, locations: 'location' } as const;
    for (const section of practiceSections()) {
      for (const code of section.codes) {
        if (code.symbology === 'ean13') expect(isValidGtin(code.value), code.value).toBe(true);
        const kind = kindOf[section.id as keyof typeof kindOf];
        if (kind) expect(classifyScan(code.value).kind, code.value).toBe(kind);
        else expect(['gtin', 'insert']).toContain(classifyScan(code.value).kind);
      }
    }
  });
});

describe.each(TEST_DATABASE_TARGETS)('the practice sheet route on $name', (target) => {
  let demo: DemoApp;
  useDemoApp(target, (d) => (demo = d));

  it('answers HTML with an SVG barcode per code, without a token, and a policy that allows no script', async () => {
    const res = await demo.app.inject({ method: 'GET', url: PRACTICE_SHEET_PATH });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.headers['content-security-policy']).toMatch(/default-src 'none'/);
    expect(res.headers['content-security-policy']).not.toMatch(/script-src/);
    const figures = res.body.match(/<figure class="code"[^>]*>\s*<svg /g) ?? [];
    expect(figures).toHaveLength(practiceSections().flatMap((s) => s.codes).length);
    expect(res.body).not.toMatch(/<script|onclick=/);
  });
});
