/**
 * How the shipped camera decoder reads one viewfinder image: zxing-cpp on the image as it is, and,
 * when that finds nothing and a linear format is configured, once more on the image sharpened across
 * the bars (a blurred JAN or slip label: every miss the benchmark had before). No DOM: the benchmark
 * runs this very function in Node on its generated frames.
 */
import { readBarcodes } from 'zxing-wasm/reader';
import type { CameraFormat } from './scan-settings.js';
import { createAcrossBarSharpener, type RgbaImage } from './sharpen-across-bars.js';
import { textOf, zxingCppBlurredLinearOptions, zxingCppReaderOptions } from './zxing-cpp-options.js';

/** Which pass read a code (for the benchmark's split), or null when none did. */
export type ReadPass = 'as-is' | 'sharpened' | null;

/** Reads the configured formats; the zxing-wasm module must be prepared first. */
export function createViewfinderReader(formats: readonly CameraFormat[]): (image: RgbaImage) => Promise<{ texts: string[]; pass: ReadPass }> {
  const options = zxingCppReaderOptions(formats);
  const blurredOptions = zxingCppBlurredLinearOptions(formats);
  const sharpen = createAcrossBarSharpener();
  const read = async (image: RgbaImage, o: typeof options) => (await readBarcodes(image as ImageData, o)).filter((r) => r.isValid).map(textOf);
  return async (image) => {
    const texts = await read(image, options);
    if (texts.length > 0 || !blurredOptions) return { texts, pass: texts.length > 0 ? 'as-is' : null };
    const sharpened = await read(sharpen(image), blurredOptions);
    return { texts: sharpened, pass: sharpened.length > 0 ? 'sharpened' : null };
  };
}
