/**
 * The camera benchmark's frames: 640×480 greyscale pictures of a shelf-like scene, empty or with one
 * label (EAN-13, Code 128 or QR drawn by bwip-js) aimed somewhere inside the viewfinder, each clean,
 * blurred and noisy. Seeded, so every run and every decoder sees the same frames.
 *
 * A camera does not see a label pixel-aligned: its modules are some fraction of a pixel wide and start
 * at any sub-pixel position. So a label is drawn at one pixel per module and resampled (each pixel the
 * area average of what it covers, as a sensor integrates light) to a module width drawn from ±15 %
 * around the nominal one, at a random sub-pixel position. Pasting the label at whole pixels with
 * exactly 3-pixel modules made each blurred linear read a coincidence of alignment: zxing-cpp's
 * downscaled pass (3×3 pixel bins) reads such a code only when its bins fall on the module edges.
 */
import bwipjs from 'bwip-js/node';
import { PNG } from 'pngjs';
import { withCheckDigit } from '../../../src/shared/scan/gtin.js';
import { viewfinderArea } from '../../../src/app/scan/viewfinder.js';
import { seededRandom } from './metric.js';

/** Frame size, in pixels. */
export const FRAME_W = 640;
export const FRAME_H = 480;
const W = FRAME_W;
const H = FRAME_H;

/** One generated camera frame. */
export interface Frame {
  name: string;
  /** The text a decoder must read, or null for an empty frame. */
  expect: string | null;
  /** Pixels per module of the code (null for an empty frame): what its misses depend on. */
  modulePx: number | null;
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

/**
 * How much of each source pixel of a line `n` long each of `count` output pixels covers, when the
 * line is stretched by `scale` and starts at output position `offset` (fractional).
 */
function coverage(n: number, scale: number, offset: number, count: number): { from: number; weights: number[] }[] {
  const out: { from: number; weights: number[] }[] = [];
  for (let o = 0; o < count; o++) {
    const lo = (o - offset) / scale;
    const hi = (o + 1 - offset) / scale;
    const from = Math.max(0, Math.floor(lo));
    const weights: number[] = [];
    for (let s = from; s < Math.min(n, Math.ceil(hi)); s++) weights.push((Math.min(hi, s + 1) - Math.max(lo, s)) * scale);
    out.push({ from, weights });
  }
  return out;
}

/**
 * Renders a label with bwip-js (one pixel per module; a QR's modules are two) and lays it on a copy of
 * `base` scaled by `scale`, its top-left corner at a random fractional position that keeps the whole
 * label, quiet zones included, inside the viewfinder.
 */
async function withCode(base: Uint8ClampedArray, bcid: string, text: string, scale: number, random: () => number): Promise<Uint8ClampedArray> {
  const png = PNG.sync.read(await bwipjs.toBuffer({ bcid, text, scale: 1, height: 18, paddingwidth: 10, paddingheight: 10, backgroundcolor: 'FFFFFF' }));
  const vf = viewfinderArea(W, H);
  const lw = png.width * scale;
  const lh = png.height * scale;
  if (lw > vf.sw || lh > vf.sh) throw new Error(`label ${bcid} ${lw}×${lh} does not fit the viewfinder`);
  const left = vf.sx + random() * (vf.sw - lw);
  const top = vf.sy + random() * (vf.sh - lh);
  const x0 = Math.floor(left);
  const y0 = Math.floor(top);
  const cols = coverage(png.width, scale, left - x0, Math.ceil(left - x0 + lw));
  const rows = coverage(png.height, scale, top - y0, Math.ceil(top - y0 + lh));
  const luma = Uint8ClampedArray.from(base);
  for (let r = 0; r < rows.length; r++) {
    for (let c = 0; c < cols.length; c++) {
      let ink = 0; // share of the pixel covered by the label's white, and how much of the pixel the label covers
      let covered = 0;
      const { from: fy, weights: wy } = rows[r];
      const { from: fx, weights: wx } = cols[c];
      for (let j = 0; j < wy.length; j++) {
        for (let i = 0; i < wx.length; i++) {
          const w = wy[j] * wx[i];
          covered += w;
          ink += (w * png.data[((fy + j) * png.width + fx + i) * 4]) / 255;
        }
      }
      if (covered === 0) continue;
      const k = (y0 + r) * W + x0 + c;
      // A printed label under warehouse light: black is not 0, white is not 255.
      const label = 30 + (200 * ink) / covered;
      luma[k] = covered * label + (1 - covered) * luma[k];
    }
  }
  return luma;
}

/** Box blur, two passes (close to a Gaussian of σ≈radius): an out-of-focus camera. */
export function blur(src: Uint8ClampedArray, radius: number): Uint8ClampedArray {
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

/** How far a code's module width strays from nominal (±5 %): enough that no two codes share a pixel grid. */
export const MODULE_JITTER = 0.05;

/** One 640×480 frame with a label drawn at `modulePx` pixels per module somewhere in the viewfinder. */
export async function labelFrame(bcid: string, text: string, modulePx: number, seed: number): Promise<Uint8ClampedArray> {
  const random = seededRandom(seed);
  // bwip-js draws a QR module two pixels wide at scale 1.
  return withCode(scene(random), bcid, text, bcid === 'qrcode' ? modulePx / 2 : modulePx, random);
}

/**
 * The frame set: `perFormat` empty scenes, EAN-13s, Code 128s and QRs, each clean, blurred and noisy.
 * Linear modules are about 3 pixels wide, QR modules about 5, each ± `moduleJitter`.
 */
export async function generateFrames(perFormat: number, { seed = 6, moduleJitter = MODULE_JITTER } = {}): Promise<Frame[]> {
  const random = seededRandom(seed);
  const frames: Frame[] = [];
  const variants = (name: string, expect: string | null, modulePx: number | null, luma: Uint8ClampedArray) => {
    frames.push({ name: `${name} clean`, expect, modulePx, luma });
    frames.push({ name: `${name} blurred`, expect, modulePx, luma: blur(luma, 2) });
    frames.push({ name: `${name} noisy`, expect, modulePx, luma: noise(luma, 18, random) });
  };
  const size = (nominal: number) => nominal * (1 - moduleJitter + 2 * moduleJitter * random());
  for (let i = 0; i < perFormat; i++) {
    variants(`empty ${i}`, null, null, scene(random));
    const jan = withCheckDigit(`491234510${String(100 + i * 7).padStart(3, '0')}`);
    const janPx = size(3);
    variants(`ean13 ${jan}`, jan, janPx, await withCode(scene(random), 'ean13', jan, janPx, random));
    const slip = `S${String(1000 + i * 13).padStart(7, '0')}`;
    const slipPx = size(3);
    variants(`code128 ${slip}`, slip, slipPx, await withCode(scene(random), 'code128', slip, slipPx, random));
    const qr = `FP:${slip}:${jan}`;
    const qrPx = size(5);
    variants(`qr ${qr}`, qr, qrPx, await withCode(scene(random), 'qrcode', qr, qrPx / 2, random));
  }
  return frames;
}
