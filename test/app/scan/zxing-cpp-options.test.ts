// @vitest-environment node
/**
 * The shipped camera decoder's options and text, with the real zxing-cpp (WebAssembly, read from
 * node_modules) reading labels drawn by bwip-js: what the camera hands on is what the shared parsers
 * expect from a hardware scanner, and formats left out of the settings are not read.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import bwipjs from 'bwip-js/node';
import { PNG } from 'pngjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { prepareZXingModule, readBarcodes } from 'zxing-wasm/reader';
import { DEFAULT_SCAN_SETTINGS, type CameraFormat } from '../../../src/app/scan/scan-settings.js';
import { textOf, zxingCppReaderOptions } from '../../../src/app/scan/zxing-cpp-options.js';
import { classifyScan } from '../../../src/shared/scan/classify-scan.js';
import { parseGs1 } from '../../../src/shared/scan/gs1.js';
import { readCarrierLabel } from '../../../src/shared/scan/carrier-label.js';
import { withCheckDigit } from '../../../src/shared/scan/gtin.js';

async function label(bcid: string, text: string): Promise<ImageData> {
  const png = PNG.sync.read(await bwipjs.toBuffer({ bcid, text, scale: 3, height: 12, paddingwidth: 10, paddingheight: 10, backgroundcolor: 'FFFFFF' }));
  return { data: new Uint8ClampedArray(png.data), width: png.width, height: png.height, colorSpace: 'srgb' } as unknown as ImageData;
}

async function read(image: ImageData, formats: readonly CameraFormat[] = DEFAULT_SCAN_SETTINGS.camera.formats): Promise<string[]> {
  return (await readBarcodes(image, zxingCppReaderOptions(formats))).filter((r) => r.isValid).map(textOf);
}

beforeAll(async () => {
  const wasm = readFileSync(createRequire(import.meta.url).resolve('zxing-wasm/reader/zxing_reader.wasm'));
  // The local file, never the package's default CDN.
  await prepareZXingModule({ overrides: { wasmBinary: wasm.buffer as ArrayBuffer }, fireImmediately: true });
});

describe('camera decoder (zxing-cpp)', () => {
  it('a GS1-128 case label comes out as a scanner sends it, and resolves to its GTIN, lot and expiry', async () => {
    const [text] = await read(await label('gs1-128', '(01)14912345678901(17)261231(10)LOT7'));
    expect(text.startsWith(']C1')).toBe(true);
    const parsed = parseGs1(text);
    expect(parsed).toMatchObject({ ok: true, data: { gtin: '14912345678901', lot: 'LOT7', expiry: '2026-12-31' } });
  });

  it('a JAN, a slip number and a QR come out as their plain text', async () => {
    const jan = withCheckDigit('491234510001');
    expect(await read(await label('ean13', jan))).toEqual([jan]);
    expect(await read(await label('code128', 'S0001000'))).toEqual(['S0001000']);
    expect(await read(await label('qrcode', 'FP:S0001000'))).toEqual(['FP:S0001000']);
  });

  it('a UPC-A label matches the same product as its EAN-13 form', async () => {
    const [text] = await read(await label('upca', '012345678905'));
    expect(classifyScan(text)).toEqual(classifyScan('0012345678905'));
  });

  it('a carrier label printed as NW-7 (Codabar) is read by default, and reads as its tracking number', async () => {
    const [text] = await read(await label('rationalizedCodabar', 'A444413758703A'));
    expect(text?.replace(/^[a-d]|[a-d]$/gi, '')).toBe('444413758703');
    expect(readCarrierLabel(text ?? '', 'yamato')).toEqual({ ok: true, trackingNumber: '444413758703' });
    expect(await read(await label('rationalizedCodabar', 'A444413758703A'), ['ean_13', 'code_128'])).toEqual([]);
  });

  it('reads only the configured formats', async () => {
    expect(await read(await label('qrcode', 'FP:S0001000'), ['ean_13', 'code_128'])).toEqual([]);
    expect(await read(await label('code128', 'S0001000'), ['ean_13', 'qr_code'])).toEqual([]);
  });
});
