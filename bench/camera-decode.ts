/**
 * Camera decoding, in Node (not in the throttled browser: the decoders are pure JS/WebAssembly, so
 * Node on this CPU is the same engine minus the 4× throttle; multiply by ~4 for a rugged scanner).
 * Generated 640×480 greyscale frames: empty scenes, EAN-13, Code 128 and QR (bwip-js), each clean,
 * blurred and noisy (seeded, so every run sees the same frames; test/helpers/fixtures/camera-frames.ts: each label is
 * sampled as a camera sees it, at a non-integer module width and a sub-pixel position inside the
 * viewfinder), cropped to the viewfinder as the app crops them. Decoded by the shipped decoder (zxing-cpp
 * built to WebAssembly, zxing-wasm, read exactly as the app reads a frame: zxing-cpp-read.ts with the
 * app's default formats; its .wasm read from node_modules) and by the other candidate, @zxing/library
 * (JavaScript, the same formats, GS1 on), in the same run.
 * - camera_decode_ms_median: shipped decoder, median over the empty frames (most frames see nothing);
 * - camera_read_rate: shipped decoder, frames with a code read with the right text / frames with a code;
 * - camera_decode_ratio_vs_reference: shipped total decode time / @zxing/library total, all frames
 *   (below 1: the shipped decoder is the faster of the two).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import zxing from '@zxing/library';
import { prepareZXingModule, readBarcodes } from 'zxing-wasm/reader';
import { DEFAULT_SCAN_SETTINGS, type CameraFormat } from '../src/app/scan/scan-settings.js';
import { zxingCppReaderOptions } from '../src/app/scan/zxing-cpp-options.js';
import { createViewfinderReader, type ReadPass } from '../src/app/scan/zxing-cpp-read.js';
import { generateFrames, viewfinderImage, viewfinderLuma, type Frame } from '../test/helpers/fixtures/camera-frames.js';
import { median, type Bench } from './lib/metric.js';

/** The formats the app looks for by default (EAN-13, EAN-8, UPC-A, Code 128, ITF, QR). */
const FORMATS: readonly CameraFormat[] = DEFAULT_SCAN_SETTINGS.camera.formats;

/** The shipped decoder: zxing-cpp (WebAssembly) read as the app reads the viewfinder's RGBA pixels. */
async function shippedDecoder(): Promise<(frame: Frame) => Promise<{ text: string | null; pass: ReadPass }>> {
  const require = createRequire(import.meta.url);
  const wasmPath = require.resolve('zxing-wasm/reader/zxing_reader.wasm');
  // Local file only: never the CDN the package would otherwise fetch from.
  await prepareZXingModule({ overrides: { wasmBinary: readFileSync(wasmPath).buffer as ArrayBuffer }, fireImmediately: true });
  const read = createViewfinderReader(FORMATS);
  return async (frame) => {
    // The app reads a canvas's ImageData (RGBA): the conversion stands in for what it pays per frame.
    const { texts, pass } = await read(viewfinderImage(frame.luma));
    return { text: texts[0] ?? null, pass };
  };
}

/** The shipped decoder's first look alone (zxing-cpp on the frame as it is): the split of its time. */
function firstPassOnly(): (frame: Frame) => Promise<unknown> {
  const options = zxingCppReaderOptions(FORMATS);
  return (frame) => readBarcodes(viewfinderImage(frame.luma), options);
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
    codabar: BarcodeFormat.CODABAR,
    qr_code: BarcodeFormat.QR_CODE,
    data_matrix: BarcodeFormat.DATA_MATRIX,
  };
  const reader = new MultiFormatReader();
  const hints = new Map<zxing.DecodeHintType, unknown>([
    // Restricting formats is what makes it fast: with all formats it runs every 1D reader before QR.
    [DecodeHintType.POSSIBLE_FORMATS, FORMATS.map((f) => byName[f])],
    [DecodeHintType.ASSUME_GS1, true],
  ]);
  reader.setHints(hints);
  return (frame) => {
    const c = viewfinderLuma(frame.luma);
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
    const firstPass = firstPassOnly();
    const reference = referenceDecoder();
    // Warm-up: JIT and WebAssembly compile are not what a running camera pays per frame.
    for (const f of frames.slice(0, 6)) {
      await shipped(f);
      await firstPass(f);
      reference(f);
    }
    const emptyMs: number[] = [];
    const firstPassEmptyMs: number[] = [];
    // CPU time of the same calls: on a shared machine wall time also counts the waits for a core.
    const emptyCpuMs: number[] = [];
    const firstPassEmptyCpuMs: number[] = [];
    const cpuMs = (since: NodeJS.CpuUsage) => {
      const used = process.cpuUsage(since);
      return (used.user + used.system) / 1000;
    };
    const byPass: Record<string, number> = { 'as-is': 0, sharpened: 0 };
    const wrong: string[] = [];
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
      const fTimes: number[] = [];
      const sCpu: number[] = [];
      const fCpu: number[] = [];
      let sText: string | null = null;
      let sPass: ReadPass = null;
      let rText: string | null = null;
      for (let r = 0; r < repeats; r++) {
        let c0 = process.cpuUsage();
        let t0 = performance.now();
        ({ text: sText, pass: sPass } = await shipped(frame));
        sTimes.push(performance.now() - t0);
        sCpu.push(cpuMs(c0));
        t0 = performance.now();
        rText = reference(frame);
        rTimes.push(performance.now() - t0);
        if (frame.expect === null) {
          c0 = process.cpuUsage();
          t0 = performance.now();
          await firstPass(frame);
          fTimes.push(performance.now() - t0);
          fCpu.push(cpuMs(c0));
        }
      }
      const s = median(sTimes);
      const rr = median(rTimes);
      shippedTotal += s;
      referenceTotal += rr;
      if (frame.expect === null) {
        emptyMs.push(s);
        firstPassEmptyMs.push(median(fTimes));
        emptyCpuMs.push(median(sCpu));
        firstPassEmptyCpuMs.push(median(fCpu));
        referenceEmptyMs.push(rr);
        if (sText !== null) wrong.push(`${frame.name} read as ${sText}`);
      } else {
        coded += 1;
        if (sText === frame.expect) {
          shippedRead += 1;
          if (sPass) byPass[sPass] += 1;
        } else {
          missed.push(`${frame.name} (${frame.modulePx!.toFixed(2)} px/module)`);
          if (sText !== null) wrong.push(`${frame.name} read as ${sText}`);
        }
        if (rText === frame.expect) referenceRead += 1;
        const variant = frame.name.slice(frame.name.lastIndexOf(' ') + 1);
        const split = (bySplit[variant] ??= { coded: 0, shipped: 0, reference: 0 });
        split.coded += 1;
        if (sText === frame.expect) split.shipped += 1;
        if (rText === frame.expect) split.reference += 1;
      }
    }
    ctx.log(
      `camera zxing-cpp empty-frame median ${median(emptyMs).toFixed(2)} ms (CPU ${median(emptyCpuMs).toFixed(2)} ms), the first look alone ${median(firstPassEmptyMs).toFixed(2)} ms (CPU ${median(firstPassEmptyCpuMs).toFixed(2)} ms); the rest is the sharpening across the bars and the upright-linear second look; reads by pass: as-is ${byPass['as-is']}, sharpened ${byPass.sharpened}; wrong or phantom reads: ${wrong.length ? wrong.join(', ') : 'none'}`,
    );
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
