/**
 * zxing-cpp (WebAssembly, the zxing-wasm reader build) frame decoder: the shipped decoder when the
 * browser's BarcodeDetector is missing or lacks a format. It decodes the viewfinder area of one frame
 * per call, so the caller sets the pace. Its own lazy chunk: never in the initial JavaScript. The
 * .wasm (~950 kB) is a Vite asset of this build, served by our server and precached by the service
 * worker; locateFile is overridden because the package's default fetches it from a CDN.
 */
import wasmUrl from 'zxing-wasm/reader/zxing_reader.wasm?url';
import { prepareZXingModule } from 'zxing-wasm/reader';
import type { FrameDecoder } from './decoder.js';
import type { CameraFormat } from './scan-settings.js';
import { viewfinderArea } from './viewfinder.js';
import { createViewfinderReader } from './zxing-cpp-read.js';

/** Compiles the WebAssembly module (from this origin) and returns a decoder for the formats. */
export async function createZxingCppDecoder(formats: readonly CameraFormat[]): Promise<FrameDecoder> {
  // Compile now, not on the first frame, so a failure here lets the caller fall back.
  await prepareZXingModule({
    overrides: { locateFile: (path: string, prefix: string) => (path.endsWith('.wasm') ? new URL(wasmUrl, location.href).href : prefix + path) },
    fireImmediately: true,
  });
  const read = createViewfinderReader(formats);
  const canvas = document.createElement('canvas');
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  return {
    kind: 'zxing-cpp',
    decode: async (video) => {
      if (!ctx || video.videoWidth === 0 || video.videoHeight === 0) return [];
      // The box the video is shown in (before layout it has none: then the whole frame's shape).
      const shown = video.clientWidth > 0 && video.clientHeight > 0 ? { width: video.clientWidth, height: video.clientHeight } : undefined;
      const a = viewfinderArea(video.videoWidth, video.videoHeight, shown);
      // Setting a canvas's size clears and may reallocate it: only when the area changed.
      if (canvas.width !== a.width || canvas.height !== a.height) {
        canvas.width = a.width;
        canvas.height = a.height;
      }
      ctx.drawImage(video, a.sx, a.sy, a.sw, a.sh, 0, 0, a.width, a.height);
      return (await read(ctx.getImageData(0, 0, a.width, a.height))).texts;
    },
  };
}
