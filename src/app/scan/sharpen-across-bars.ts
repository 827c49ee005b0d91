/**
 * A cheap deblur for out-of-focus linear barcodes: sharpen across the bars (an unsharp mask along each
 * row) and smooth along them (rows averaged in bands). zxing-cpp finds bar edges with one threshold
 * per row, and at ~3 pixels per module a blurred code's narrow bars and spaces never cross it; boosting
 * the row's fine detail brings them back, and averaging rows keeps that from boosting sensor noise.
 * Only for codes whose bars stand roughly upright in the viewfinder (a tilted bar drifts sideways
 * across the averaged rows), the way the wide viewfinder is aimed. Pure pixel work, no DOM: the
 * benchmark runs it in Node.
 */

/** The pixels of an image as a canvas gives them: RGBA, row by row. */
export interface RgbaImage {
  data: Uint8ClampedArray;
  width: number;
  height: number;
}

/** Rows averaged into one output row: neighbouring rows of an upright code carry the same bars. */
const BAND_ROWS = 5;
/**
 * One band of every two is used: this pass runs on every empty frame, and a code (20 px tall or more)
 * still spans at least two output rows, which zxing-cpp needs to agree. The output is ten times shorter.
 */
const BAND_STRIDE = 2;
/** Half-width of a row's local mean, in pixels (a 5-pixel box: about two modules of a small code). */
const ACROSS_RADIUS_PX = 2;
/** How much of a pixel's difference from that mean is added back. */
const GAIN = 2;

/**
 * Returns a sharpener for images of any size; its output has one row per band. It keeps its buffers
 * between calls (a frame's worth of garbage per decode would add up at 30 frames a second), so its
 * result is overwritten by the next call.
 */
export function createAcrossBarSharpener(): (image: RgbaImage) => RgbaImage {
  let band = new Uint16Array(0);
  let out = new Uint8ClampedArray(0);
  let out32 = new Uint32Array(0);
  return ({ data, width: w, height: h }) => {
    const outH = Math.max(1, Math.floor(h / (BAND_ROWS * BAND_STRIDE)));
    if (band.length !== w * outH) {
      band = new Uint16Array(w * outH);
      out = new Uint8ClampedArray(w * outH * 4);
      out32 = new Uint32Array(out.buffer);
    }
    // Each band: the sum of its rows' luminance (zxing-wasm's own RGBA weights), read a pixel
    // (4 bytes, little-endian as on every device we run on) at a time. A canvas's ImageData starts
    // its own buffer, so the 32-bit view lines up.
    const bytes = data.byteOffset % 4 === 0 ? data : data.slice();
    const px = new Uint32Array(bytes.buffer, bytes.byteOffset, w * h);
    band.fill(0);
    for (let oy = 0; oy < outH; oy++) {
      const dst = oy * w;
      for (let y = oy * BAND_ROWS * BAND_STRIDE, end = y + BAND_ROWS; y < end; y++) {
        const src = Math.min(h - 1, y) * w;
        for (let x = 0; x < w; x++) {
          const p = px[src + x];
          band[dst + x] += (306 * (p & 255) + 601 * ((p >>> 8) & 255) + 117 * ((p >>> 16) & 255) + 512) >> 10;
        }
      }
    }
    // Along each band: value + GAIN × (value − mean of the pixels around it), scaled from a sum of
    // rows to a grey level, written as opaque grey RGBA (one 32-bit store per pixel).
    const own = (1 + GAIN) / BAND_ROWS;
    const mean = GAIN / ((2 * ACROSS_RADIUS_PX + 1) * BAND_ROWS);
    for (let oy = 0; oy < outH; oy++) {
      const row = oy * w;
      let sum = 0;
      for (let k = -ACROSS_RADIUS_PX; k <= ACROSS_RADIUS_PX; k++) sum += band[row + Math.min(w - 1, Math.max(0, k))];
      for (let x = 0; x < w; x++) {
        const v = own * band[row + x] - mean * sum;
        const g = v <= 0 ? 0 : v >= 255 ? 255 : (v + 0.5) | 0;
        out32[row + x] = 0xff000000 | (g << 16) | (g << 8) | g;
        const enter = x + ACROSS_RADIUS_PX + 1;
        const leave = x - ACROSS_RADIUS_PX;
        sum += band[row + (enter < w ? enter : w - 1)] - band[row + (leave > 0 ? leave : 0)];
      }
    }
    return { data: out, width: w, height: outH };
  };
}
