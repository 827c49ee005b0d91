// @vitest-environment node
/**
 * The shipped camera read of one viewfinder image, with the real zxing-cpp (WebAssembly, read from
 * node_modules) on frames drawn as the camera benchmark draws them: a blurred JAN or slip label that
 * zxing-cpp cannot read as it is comes through the sharpened second look, only in the configured
 * formats, and sharpened noise never becomes a code.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { beforeAll, describe, expect, it } from 'vitest';
import { prepareZXingModule, readBarcodes } from 'zxing-wasm/reader';
import { DEFAULT_SCAN_SETTINGS, type CameraFormat } from '../../../src/app/scan/scan-settings.js';
import { zxingCppReaderOptions } from '../../../src/app/scan/zxing-cpp-options.js';
import { createViewfinderReader } from '../../../src/app/scan/zxing-cpp-read.js';
import { blur, FRAME_H, FRAME_W, labelFrame, viewfinderImage } from '../../helpers/fixtures/camera-frames.js';
import { seededRandom } from '../../helpers/random.js';

const FORMATS = DEFAULT_SCAN_SETTINGS.camera.formats;

/** A label ~2.9 pixels per module, out of focus (the benchmark's blur). */
async function blurredLabel(bcid: string, text: string): Promise<ImageData> {
  return viewfinderImage(blur(await labelFrame(bcid, text, 2.9, 1), 2));
}

/** What zxing-cpp alone reads with the app's options. */
async function readAsIs(image: ImageData, formats: readonly CameraFormat[] = FORMATS): Promise<string[]> {
  return (await readBarcodes(image, zxingCppReaderOptions(formats))).filter((r) => r.isValid).map((r) => r.text);
}

beforeAll(async () => {
  const wasm = readFileSync(createRequire(import.meta.url).resolve('zxing-wasm/reader/zxing_reader.wasm'));
  await prepareZXingModule({ overrides: { wasmBinary: wasm.buffer as ArrayBuffer }, fireImmediately: true });
});

describe('camera read (zxing-cpp, two looks)', () => {
  it('reads a blurred JAN and a blurred slip label that zxing-cpp misses as they are', async () => {
    const read = createViewfinderReader(FORMATS);
    const jan = await blurredLabel('ean13', '4912345101006');
    const slip = await blurredLabel('code128', 'S0001000');
    expect(await readAsIs(jan)).toEqual([]);
    expect(await readAsIs(slip)).toEqual([]);
    expect(await read(jan)).toEqual({ texts: ['4912345101006'], pass: 'sharpened' });
    expect(await read(slip)).toEqual({ texts: ['S0001000'], pass: 'sharpened' });
  });

  it('reads a sharp code at the first look', async () => {
    const read = createViewfinderReader(FORMATS);
    expect(await read(viewfinderImage(await labelFrame('qrcode', 'FP:S0001000', 5, 1)))).toEqual({ texts: ['FP:S0001000'], pass: 'as-is' });
  });

  it('the second look reads only the configured formats', async () => {
    const jan = await blurredLabel('ean13', '4912345101006');
    expect(await createViewfinderReader(['code_128', 'qr_code'])(jan)).toEqual({ texts: [], pass: null });
    expect(await createViewfinderReader(['qr_code'])(jan)).toEqual({ texts: [], pass: null });
  });

  it('sharpened sensor noise and an empty scene never read as a code', async () => {
    const read = createViewfinderReader(FORMATS);
    const random = seededRandom(3);
    for (let n = 0; n < 5; n++) {
      const luma = new Uint8ClampedArray(FRAME_W * FRAME_H);
      for (let i = 0; i < luma.length; i++) luma[i] = 128 + (random() + random() + random() + random() - 2) * 60;
      expect(await read(viewfinderImage(luma))).toEqual({ texts: [], pass: null });
    }
  });
});
