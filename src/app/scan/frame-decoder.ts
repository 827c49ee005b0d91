/**
 * Picks the camera decoder: the browser's BarcodeDetector when it exists and reads every configured
 * format, else zxing (loaded here, lazily, as its own chunk). Loaded only when the camera opens.
 */
import type { CameraFormat } from './scan-settings.js';

/** Reads the codes in the current frame of a video. */
export interface FrameDecoder {
  readonly kind: 'native' | 'zxing';
  /** The texts of the codes in the frame (empty when none). */
  decode(video: HTMLVideoElement): Promise<string[]>;
}

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
      // Fall through to zxing.
    }
  }
  const { createZxingDecoder } = await import('./zxing-decoder.js');
  return createZxingDecoder(formats);
}
