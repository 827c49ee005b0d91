/**
 * The practice sheet: the demo warehouse's staff badges, packing slips, product JANs, insert labels
 * and location labels as real barcodes on printable A4, so a newcomer can try every flow with a real
 * scanner or a phone camera on day one. Drawn on the server with bwip-js (SVG), so the handheld's
 * bundle carries none of it. Built from the demo constants only: no live customer or staff data.
 */
import bwipjs from 'bwip-js/node';
import { DEMO_SCENARIO_NOTES } from './practice-notes.js';
import { DEMO_INSERTS, DEMO_PRODUCTS, DEMO_SHIPMENTS, DEMO_STAFF, DEMO_UNKNOWN_JAN } from './demo-data.js';

/** Where the sheet is served (under /console/, which the handheld's service worker leaves to the network). */
export const PRACTICE_SHEET_PATH = '/console/practice-sheet';

/** The symbologies on the sheet: the warehouse's own labels are Code 128, products and inserts EAN-13. */
export type PracticeSymbology = 'code128' | 'ean13';

/** One barcode on the sheet: the value it carries (what a scanner sends) and what it is. */
export interface PracticeCode {
  value: string;
  symbology: PracticeSymbology;
  label: string;
  /** What to try with it, when it sets up a particular situation. */
  hint?: string;
}

/** A titled group of codes. */
export interface PracticeSection {
  id: string;
  title: string;
  codes: PracticeCode[];
}

/** The sheet's contents, section by section (the order a newcomer meets them: sign in, pick, pack, return). */
export function practiceSections(): PracticeSection[] {
  const locations = [...new Set(DEMO_PRODUCTS.map((p) => p.location))].sort();
  return [
    { id: 'staff', title: 'スタッフバッジ / Staff badges', codes: DEMO_STAFF.map((s) => ({ value: s.code, symbology: 'code128', label: s.name })) },
    {
      id: 'slips',
      title: '出荷伝票 / Packing slips',
      codes: DEMO_SHIPMENTS.map((s) => ({ value: s.shipmentId, symbology: 'code128', label: `${s.customerName}（注文 ${s.orderNumber}）`, hint: DEMO_SCENARIO_NOTES[s.shipmentId] })),
    },
    {
      id: 'products',
      title: '商品 JAN / Product JANs',
      codes: [
        ...DEMO_PRODUCTS.flatMap((p) => p.barcodes.map((jan) => ({ value: jan, symbology: 'ean13' as const, label: `${p.code} ${p.name}` }))),
        { value: DEMO_UNKNOWN_JAN, symbology: 'ean13', label: '登録のない JAN / Unknown JAN', hint: 'エラー表示の練習 / to see a refusal' },
      ],
    },
    {
      id: 'inserts',
      title: '同梱物 / Inserts',
      // An insert without its own barcode is confirmed by tap, or by the warehouse's INS- label.
      codes: DEMO_INSERTS.map((i) => ({ value: i.barcode ?? `INS-${i.code}`, symbology: i.barcode ? 'ean13' : 'code128', label: `${i.code} ${i.name}` })),
    },
    { id: 'locations', title: 'ロケーション / Location labels', codes: locations.map((l) => ({ value: l, symbology: 'code128', label: l })) },
  ];
}

/** Millimetres per module on paper: above the 0.33 mm nominal, so a worn phone camera reads it too. */
const MODULE_MM = 0.5;
/** bwip-js draws one module as `SCALE` SVG units. */
const SCALE = 2;

/** One code as an SVG sized in millimetres, quiet zones included. */
export function barcodeSvg(code: Pick<PracticeCode, 'value' | 'symbology'>): string {
  const svg = bwipjs.toSVG({
    bcid: code.symbology,
    text: code.value,
    scale: SCALE,
    height: 12,
    includetext: true,
    textxalign: 'center',
    // Quiet zones of at least ten modules either side, as both symbologies require.
    paddingwidth: 12,
    paddingheight: 2,
    backgroundcolor: 'ffffff',
  });
  const [, w, h] = /viewBox="0 0 (\d+(?:\.\d+)?) (\d+(?:\.\d+)?)"/.exec(svg) ?? [];
  const widthMm = (Number(w) / SCALE) * MODULE_MM;
  const heightMm = (Number(h) / SCALE) * MODULE_MM;
  return svg.replace('<svg ', `<svg width="${widthMm.toFixed(1)}mm" height="${heightMm.toFixed(1)}mm" role="img" aria-label="${escapeHtml(code.value)}" `);
}

/** The sheet's only style, inline so the page stands alone; its hash goes in the page's Content-Security-Policy. */
export const PRACTICE_SHEET_STYLE = `
@page { size: A4; margin: 12mm; }
body { font-family: system-ui, 'Noto Sans JP', sans-serif; margin: 12mm; color: #000; background: #fff; }
h1 { font-size: 16pt; margin: 0 0 2mm; } h2 { font-size: 12pt; margin: 6mm 0 2mm; border-bottom: 0.3mm solid #000; }
p.lead { font-size: 9pt; margin: 0 0 4mm; }
.codes { display: flex; flex-wrap: wrap; gap: 4mm 6mm; }
figure.code { margin: 0; break-inside: avoid; page-break-inside: avoid; }
figure.code svg { display: block; }
figcaption { font-size: 8pt; max-width: 60mm; } figcaption small { display: block; color: #333; }
section { break-inside: auto; }
@media print { body { margin: 0; } }
`;

/** The printable page. */
export function practiceSheetHtml(): string {
  const sections = practiceSections()
    .map(
      (section) => `<section data-section="${section.id}"><h2>${escapeHtml(section.title)}</h2><div class="codes">${section.codes
        .map(
          (c) =>
            `<figure class="code" data-value="${escapeHtml(c.value)}" data-symbology="${c.symbology}">${barcodeSvg(c)}<figcaption>${escapeHtml(c.label)}${c.hint ? `<small>${escapeHtml(c.hint)}</small>` : ''}</figcaption></figure>`,
        )
        .join('')}</div></section>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="ja"><head><meta charset="utf-8"><title>練習用バーコード / Practice barcodes — floorpack</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>${PRACTICE_SHEET_STYLE}</style></head><body>
<h1>練習用バーコード / Practice barcodes</h1>
<p class="lead">デモ倉庫（WH1）のバッジ・伝票・商品・同梱物・ロケーションです。A4 に印刷するか画面のまま、スキャナーやカメラで読み取って練習してください。
Print on A4 (or scan from the screen) to try sign-in, picking, packing and returns on the demo warehouse.
</p>
${sections}
</body></html>`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
