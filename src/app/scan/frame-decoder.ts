/**
 * Picks the camera decoder: the browser's BarcodeDetector when it exists and reads every configured
 * format, else zxing-cpp built to WebAssembly (its own lazy chunk and .wasm). If neither can start, the
 * camera view says so and offers the scanner or manual entry. Loaded only when the camera opens.
 */
import type { FrameDecoder } from './decoder.js';
import type { CameraFormat } from './scan-settings.js';

interface NativeDetector {
  detect(source: HTMLVideoElement): Promise<{ rawValue: string }[]>;
}
interface NativeDetectorClass {
  new (options: { formats: string[] }): NativeDetector;
  getSupportedFormats(): Promise<string[]>;
}

/** The best decoder this browser has for the formats. */
export async function createFrameDecoder(formats: readonly CameraFormat[]): Promise<FrameDecoder> {
  const Native = (globalThis as { BarcodeDetector?: NativeDetectorClass }).BarcodeDetector;
  if (Native) {
    try {
      // Android Chrome has it only with Google Play Services, and not always with every format.
      const supported = await Native.getSupportedFormats();
      if (formats.every((f) => supported.includes(f))) {
        const detector = new Native({ formats: [...formats] });
        return { kind: 'native', decode: async (video) => (await detector.detect(video)).map((b) => b.rawValue) };
      }
    } catch {
      // Fall through to zxing-cpp.
    }
  }
  // No JavaScript zxing fallback: it would add 478 kB (125 kB gzip) to every handheld's precache for
  // a case no target browser has (all of them run WebAssembly; the .wasm is precached like the chunk).
  const { createZxingCppDecoder } = await import('./zxing-cpp-decoder.js');
  return createZxingCppDecoder(formats);
}
