/**
 * zxing (JavaScript) frame decoder, restricted to the configured formats: it decodes the viewfinder
 * area of one frame per call, so the caller sets the pace (every video frame the device can afford,
 * not the library's 500 ms). Its own lazy chunk: never in the initial JavaScript.
 */
import { HTMLCanvasElementLuminanceSource } from '@zxing/browser';
import { BarcodeFormat, BinaryBitmap, DecodeHintType, HybridBinarizer, MultiFormatReader } from '@zxing/library';
import type { FrameDecoder } from './frame-decoder.js';
import type { CameraFormat } from './scan-settings.js';

const FORMATS: Record<CameraFormat, BarcodeFormat> = {
  ean_13: BarcodeFormat.EAN_13,
  ean_8: BarcodeFormat.EAN_8,
  upc_a: BarcodeFormat.UPC_A,
  code_128: BarcodeFormat.CODE_128,
  itf: BarcodeFormat.ITF,
  qr_code: BarcodeFormat.QR_CODE,
  data_matrix: BarcodeFormat.DATA_MATRIX,
};

/** The share of the frame inside the viewfinder (kept in step with .camera-viewfinder in styles.css). */
export const VIEWFINDER = { width: 0.9, height: 0.6 };
/** Frames are scaled down to this width before decoding: enough for a JAN at arm's length, and fast. */
const MAX_DECODE_WIDTH = 960;

/** A zxing decoder for the formats. */
export function createZxingDecoder(formats: readonly CameraFormat[]): FrameDecoder {
  const reader = new MultiFormatReader();
  const hints = new Map<DecodeHintType, unknown>();
  hints.set(DecodeHintType.POSSIBLE_FORMATS, formats.map((f) => FORMATS[f]));
  // GS1-128: FNC1 becomes "]C1" and GS, which the GS1 parser reads.
  hints.set(DecodeHintType.ASSUME_GS1, true);
  reader.setHints(hints);
  const canvas = document.createElement('canvas');
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  return {
    kind: 'zxing',
    decode: async (video) => {
      const vw = video.videoWidth;
      const vh = video.videoHeight;
      if (!ctx || vw === 0 || vh === 0) return [];
      const sw = Math.round(vw * VIEWFINDER.width);
      const sh = Math.round(vh * VIEWFINDER.height);
      const scale = Math.min(1, MAX_DECODE_WIDTH / sw);
      canvas.width = Math.round(sw * scale);
      canvas.height = Math.round(sh * scale);
      ctx.drawImage(video, (vw - sw) / 2, (vh - sh) / 2, sw, sh, 0, 0, canvas.width, canvas.height);
      try {
        const bitmap = new BinaryBitmap(new HybridBinarizer(new HTMLCanvasElementLuminanceSource(canvas)));
        return [reader.decodeWithState(bitmap).getText()];
      } catch {
        // NotFound / Checksum / Format: nothing readable in this frame.
        return [];
      } finally {
        reader.reset();
      }
    },
  };
}
