/**
 * How the shipped camera decoder (zxing-cpp built to WebAssembly, the zxing-wasm package) is asked to
 * read, and how its results become scan text. Apart from the decoder module so the benchmark
 * measures exactly these options in Node (the decoder module itself imports the .wasm as a Vite asset).
 */
import type { ReaderOptions, ReadResult } from 'zxing-wasm/reader';
import type { CameraFormat } from './scan-settings.js';

type ReadFormat = NonNullable<ReaderOptions['formats']>[number];

const FORMATS: Record<CameraFormat, ReadFormat> = {
  ean_13: 'EAN13',
  ean_8: 'EAN8',
  upc_a: 'UPCA',
  code_128: 'Code128',
  // ITF covers ITF-14 (the shared parser checks the GTIN-14 check digit).
  itf: 'ITF',
  // NW-7: carrier labels; the text keeps its start/stop letters, which src/shared/scan/carrier-label.ts drops.
  codabar: 'Codabar',
  qr_code: 'QRCode',
  data_matrix: 'DataMatrix',
};

/** Reader options for the configured formats. */
export function zxingCppReaderOptions(formats: readonly CameraFormat[]): ReaderOptions {
  return {
    // Only these formats are tried: a shelf full of other symbologies is not read, and frames are faster.
    formats: formats.map((f) => FORMATS[f]),
    // One code per frame, as a handheld scanner reads: a neighbour's label in view is not scanned too.
    maxNumberOfSymbols: 1,
    // GS1 element strings with GS (0x1D) separators, not the "(01)…" HRI form; see textOf.
    textMode: 'Plain',
    // tryHarder / tryRotate / tryInvert / tryDownscale stay at their defaults (on): rotated, inverted and
    // close-up codes, which the benchmark's frames do not show, are read too. Switching off rotate,
    // invert and downscale reads the same benchmark frames ~35 % faster (README "Scanning").
  };
}

/** The linear formats among the configured ones (what a blurred-frame retry looks for). */
const LINEAR: ReadonlySet<CameraFormat> = new Set(['ean_13', 'ean_8', 'upc_a', 'code_128', 'itf', 'codabar']);

/**
 * Options for the second look at a frame sharpened across its bars (zxing-cpp-read.ts), or null when
 * no linear format is configured. Upright linear codes only: the sharpening is along rows, so the
 * rotated, inverted and downscaled tries would only cost time on every empty frame.
 */
export function zxingCppBlurredLinearOptions(formats: readonly CameraFormat[]): ReaderOptions | null {
  const linear = formats.filter((f) => LINEAR.has(f));
  if (linear.length === 0) return null;
  return { ...zxingCppReaderOptions(linear), tryRotate: false, tryInvert: false, tryDownscale: false };
}

/**
 * The text a hardware scanner would transmit: a GS1 symbol keeps its AIM identifier (]C1, ]d2, ]Q3)
 * in front of the GS-separated element string, which the GS1 parser reads; any other code is its text.
 */
export function textOf(result: Pick<ReadResult, 'text' | 'contentType' | 'symbologyIdentifier'>): string {
  return result.contentType === 'GS1' ? `${result.symbologyIdentifier}${result.text}` : result.text;
}
