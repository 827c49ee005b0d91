/**
 * Camera decoding, in Node (not in the throttled browser: the decoders are pure JS/WebAssembly, so
 * Node on this CPU is the same engine minus the 4× throttle; multiply by ~4 for a rugged scanner).
 * Generated 640×480 greyscale frames: empty scenes, EAN-13, Code 128 and QR (bwip-js), each clean,
 * blurred and noisy (seeded, so every run sees the same frames), cropped to the viewfinder as the app
 * crops them. Decoded by the shipped decoder (zxing-cpp built to WebAssembly, zxing-wasm, with the
 * app's own reader options and default formats; its .wasm read from node_modules) and by the other
 * candidate, @zxing/library (JavaScript, the same formats, GS1 on), in the same run.
 * - camera_decode_ms_median: shipped decoder, median over the empty frames (most frames see nothing);
 * - camera_read_rate: shipped decoder, frames with a code read with the right text / frames with a code;
 * - camera_decode_ratio_vs_reference: shipped total decode time / @zxing/library total, all frames
 *   (below 1: the shipped decoder is the faster of the two).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import zxing from '@zxing/library';
import bwipjs from 'bwip-js/node';
import { PNG } from 'pngjs';
import { prepareZXingModule, readBarcodes } from 'zxing-wasm/reader';
import { DEFAULT_SCAN_SETTINGS, type CameraFormat } from '../../src/app/scan/scan-settings.js';
import { viewfinderArea } from '../../src/app/scan/viewfinder.js';
import { textOf, zxingCppReaderOptions } from '../../src/app/scan/zxing-cpp-options.js';
import { withCheckDigit } from '../../src/shared/scan/gtin.js';
import { median, seededRandom, type Bench } from './lib/metric.js';

const W = 640;
const H = 480;

interface Frame {
  name: string;
  /** The text a decoder must read, or null for an empty frame. */
  expect: string | null;
  luma: Uint8ClampedArray;
}

/** A plausible scene: a lit gradient with some darker boxes (shelf edges, a hand). */
function scene(random: () => number): Uint8ClampedArray {
  const luma = new Uint8ClampedArray(W * H);
  const gx = 40 * random();
  for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) luma[y * W + x] = 150 + (gx * x) / W + (30 * y) / H;
  for (let b = 0; b < 4; b++) {
    const x0 = Math.floor(random() * W);
    const y0 = Math.floor(random() * H);
    const bw = 40 + Math.floor(random() * 200);
    const bh = 20 + Math.floor(random() * 120);
    const v = 60 + random() * 100;
    for (let y = y0; y < Math.min(H, y0 + bh); y++) for (let x = x0; x < Math.min(W, x0 + bw); x++) luma[y * W + x] = v;
  }
  return luma;
}

/** Renders a barcode with bwip-js and pastes it in the middle of a scene. */
async function withCode(base: Uint8ClampedArray, bcid: string, text: string, scale: number): Promise<Uint8ClampedArray> {
  const png = PNG.sync.read(await bwipjs.toBuffer({ bcid, text, scale, height: 18, paddingwidth: 10, paddingheight: 10, backgroundcolor: 'FFFFFF' }));
  const luma = Uint8ClampedArray.from(base);
  const x0 = Math.max(0, Math.floor((W - png.width) / 2));
  const y0 = Math.max(0, Math.floor((H - png.height) / 2));
  for (let y = 0; y < Math.min(png.height, H); y++) {
    for (let x = 0; x < Math.min(png.width, W); x++) {
      const i = (y * png.width + x) * 4;
      // A printed label under warehouse light: black is not 0, white is not 255.
      luma[(y0 + y) * W + x0 + x] = 30 + (png.data[i] * 200) / 255;
    }
  }
  return luma;
}

/** Box blur, two passes (close to a Gaussian of σ≈radius): an out-of-focus camera. */
function blur(src: Uint8ClampedArray, radius: number): Uint8ClampedArray {
  let a = Uint8ClampedArray.from(src);
  for (let pass = 0; pass < 2; pass++) {
    const h = new Uint8ClampedArray(W * H);
    for (let y = 0; y < H; y++) {
      for (let x = 0; x < W; x++) {
        let sum = 0;
        let n = 0;
        for (let k = -radius; k <= radius; k++) {
          const xx = x + k;
          if (xx >= 0 && xx < W) (sum += a[y * W + xx]), n++;
        }
        h[y * W + x] = sum / n;
      }
    }
    const v = new Uint8ClampedArray(W * H);
    for (let y = 0; y < H; y++) {
      for (let x = 0; x < W; x++) {
        let sum = 0;
        let n = 0;
        for (let k = -radius; k <= radius; k++) {
          const yy = y + k;
          if (yy >= 0 && yy < H) (sum += h[yy * W + x]), n++;
        }
        v[y * W + x] = sum / n;
      }
    }
    a = v;
  }
  return a;
}

/** Sensor noise: roughly Gaussian (sum of uniforms), σ ≈ `sigma`. */
function noise(src: Uint8ClampedArray, sigma: number, random: () => number): Uint8ClampedArray {
  const out = new Uint8ClampedArray(W * H);
  for (let i = 0; i < src.length; i++) out[i] = src[i] + (random() + random() + random() + random() - 2) * sigma * 1.73;
  return out;
}

/** The frame set: per content, a clean, a blurred and a noisy version. */
export async function generateFrames(perFormat: number): Promise<Frame[]> {
  const random = seededRandom(6);
  const frames: Frame[] = [];
  const variants = (name: string, expect: string | null, luma: Uint8ClampedArray) => {
    frames.push({ name: `${name} clean`, expect, luma });
    frames.push({ name: `${name} blurred`, expect, luma: blur(luma, 2) });
    frames.push({ name: `${name} noisy`, expect, luma: noise(luma, 18, random) });
  };
  for (let i = 0; i < perFormat; i++) {
    variants(`empty ${i}`, null, scene(random));
    const jan = withCheckDigit(`491234510${String(100 + i * 7).padStart(3, '0')}`);
    variants(`ean13 ${jan}`, jan, await withCode(scene(random), 'ean13', jan, 3));
    const slip = `S${String(1000 + i * 13).padStart(7, '0')}`;
    variants(`code128 ${slip}`, slip, await withCode(scene(random), 'code128', slip, 3));
    const qr = `FP:${slip}:${jan}`;
    variants(`qr ${qr}`, qr, await withCode(scene(random), 'qrcode', qr, 5));
  }
  return frames;
}

/** The formats the app looks for by default (EAN-13, EAN-8, UPC-A, Code 128, ITF, QR). */
const FORMATS: readonly CameraFormat[] = DEFAULT_SCAN_SETTINGS.camera.formats;

/** The viewfinder part of a frame, as the app hands it to its decoder (640 wide: never scaled). */
function cropped(frame: Frame): { luma: Uint8ClampedArray; width: number; height: number } {
  const a = viewfinderArea(W, H);
  if (a.width !== a.sw) throw new Error('the bench frames are meant to be decoded unscaled');
  const luma = new Uint8ClampedArray(a.sw * a.sh);
  for (let y = 0; y < a.sh; y++) luma.set(frame.luma.subarray((a.sy + y) * W + a.sx, (a.sy + y) * W + a.sx + a.sw), y * a.sw);
  return { luma, width: a.sw, height: a.sh };
}

/** The shipped decoder: zxing-cpp (WebAssembly) with the app's reader options, on the viewfinder's RGBA pixels. */
async function shippedDecoder(): Promise<(frame: Frame) => Promise<string | null>> {
  const require = createRequire(import.meta.url);
  const wasmPath = require.resolve('zxing-wasm/reader/zxing_reader.wasm');
  // Local file only: never the CDN the package would otherwise fetch from.
  await prepareZXingModule({ overrides: { wasmBinary: readFileSync(wasmPath).buffer as ArrayBuffer }, fireImmediately: true });
  const options = zxingCppReaderOptions(FORMATS);
  return async (frame) => {
    const c = cropped(frame);
    // The app reads a canvas's ImageData (RGBA): the conversion is part of what it pays per frame.
    const rgba = new Uint8ClampedArray(c.luma.length * 4);
    for (let i = 0; i < c.luma.length; i++) {
      rgba[i * 4] = rgba[i * 4 + 1] = rgba[i * 4 + 2] = c.luma[i];
      rgba[i * 4 + 3] = 255;
    }
    const imageData = { data: rgba, width: c.width, height: c.height, colorSpace: 'srgb' } as unknown as ImageData;
    const results = (await readBarcodes(imageData, options)).filter((r) => r.isValid);
    return results[0] ? textOf(results[0]) : null;
  };
}

/** The other candidate: @zxing/library (the decoder shipped before), the same formats, GS1 on. */
function referenceDecoder(): (frame: Frame) => string | null {
  // @zxing/library is CommonJS: its named exports only come through the default import in Node.
  const { BarcodeFormat, BinaryBitmap, DecodeHintType, HybridBinarizer, MultiFormatReader, NotFoundException, RGBLuminanceSource } = zxing;
  const byName: Record<CameraFormat, zxing.BarcodeFormat> = {
    ean_13: BarcodeFormat.EAN_13,
    ean_8: BarcodeFormat.EAN_8,
    upc_a: BarcodeFormat.UPC_A,
    code_128: BarcodeFormat.CODE_128,
    itf: BarcodeFormat.ITF,
    qr_code: BarcodeFormat.QR_CODE,
    data_matrix: BarcodeFormat.DATA_MATRIX,
  };
  const reader = new MultiFormatReader();
  const hints = new Map<zxing.DecodeHintType, unknown>([
    // Restricting formats is what makes it fast (PITFALLS.md).
    [DecodeHintType.POSSIBLE_FORMATS, FORMATS.map((f) => byName[f])],
    [DecodeHintType.ASSUME_GS1, true],
  ]);
  reader.setHints(hints);
  return (frame) => {
    const c = cropped(frame);
    try {
      return reader.decodeWithState(new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(c.luma, c.width, c.height)))).getText();
    } catch (error) {
      if (error instanceof NotFoundException || (error as Error)?.name?.endsWith('Exception')) return null;
      throw error;
    } finally {
      reader.reset();
    }
  };
}

export const cameraDecodeBench: Bench = {
  name: 'camera-decode',
  metrics: {
    camera_decode_ms_median: { unit: 'ms', budget: 5, better: 'lower' },
    camera_read_rate: { unit: 'ratio', budget: 0.95, better: 'higher' },
    // No budget was set: no slower than 2× the JavaScript zxing is our proposal.
    camera_decode_ratio_vs_reference: { unit: 'x', budget: 2, better: 'lower' },
  },
  timeoutMs: 240_000,
  async run(ctx) {
    const frames = await generateFrames(ctx.quick ? 2 : 5);
    const repeats = ctx.quick ? 3 : 7;
    const shipped = await shippedDecoder();
    const reference = referenceDecoder();
    // Warm-up: JIT and WebAssembly compile are not what a running camera pays per frame.
    for (const f of frames.slice(0, 6)) {
      await shipped(f);
      reference(f);
    }
    const emptyMs: number[] = [];
    const referenceEmptyMs: number[] = [];
    let shippedTotal = 0;
    let referenceTotal = 0;
    let coded = 0;
    let shippedRead = 0;
    let referenceRead = 0;
    const missed: string[] = [];
    const bySplit: Record<string, { coded: number; shipped: number; reference: number }> = {};
    for (const frame of frames) {
      const sTimes: number[] = [];
      const rTimes: number[] = [];
      let sText: string | null = null;
      let rText: string | null = null;
      for (let r = 0; r < repeats; r++) {
        let t0 = performance.now();
        sText = await shipped(frame);
        sTimes.push(performance.now() - t0);
        t0 = performance.now();
        rText = reference(frame);
        rTimes.push(performance.now() - t0);
      }
      const s = median(sTimes);
      const rr = median(rTimes);
      shippedTotal += s;
      referenceTotal += rr;
      if (frame.expect === null) {
        emptyMs.push(s);
        referenceEmptyMs.push(rr);
      } else {
        coded += 1;
        if (sText === frame.expect) shippedRead += 1;
        else missed.push(frame.name);
        if (rText === frame.expect) referenceRead += 1;
        const variant = frame.name.slice(frame.name.lastIndexOf(' ') + 1);
        const split = (bySplit[variant] ??= { coded: 0, shipped: 0, reference: 0 });
        split.coded += 1;
        if (sText === frame.expect) split.shipped += 1;
        if (rText === frame.expect) split.reference += 1;
      }
    }
    ctx.log(`camera reads (zxing-cpp / @zxing/library): ${Object.entries(bySplit).map(([v, c]) => `${v} ${c.shipped}/${c.reference} of ${c.coded}`).join(', ')}`);
    ctx.log(
      `camera: ${frames.length} frames; shipped zxing-cpp read ${shippedRead}/${coded}, @zxing/library read ${referenceRead}/${coded}; zxing-cpp ${shippedTotal.toFixed(0)} ms, @zxing/library ${referenceTotal.toFixed(0)} ms in all; @zxing/library empty-frame median ${median(referenceEmptyMs).toFixed(1)} ms${missed.length ? `; shipped missed: ${missed.join(', ')}` : ''}`,
    );
    return {
      camera_decode_ms_median: median(emptyMs),
      camera_read_rate: shippedRead / coded,
      camera_decode_ratio_vs_reference: shippedTotal / referenceTotal,
    };
  },
};
