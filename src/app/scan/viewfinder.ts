/**
 * The decoded area of a camera frame: the middle of the picture, under the viewfinder drawn by
 * .camera-viewfinder in styles.css (keep the two in step). No DOM: the benchmark crops its frames
 * with it in Node, so it measures the pixels the app decodes.
 */

/** The share of the frame inside the viewfinder. */
export const VIEWFINDER = { width: 0.9, height: 0.6 };
/** Frames are scaled down to this width before decoding: enough for a JAN at arm's length, and fast. */
export const MAX_DECODE_WIDTH_PX = 960;

/** Where the viewfinder lies in a frame of this size, and the size it is decoded at. */
export function viewfinderArea(frameWidth: number, frameHeight: number): { sx: number; sy: number; sw: number; sh: number; width: number; height: number } {
  const sw = Math.round(frameWidth * VIEWFINDER.width);
  const sh = Math.round(frameHeight * VIEWFINDER.height);
  const scale = Math.min(1, MAX_DECODE_WIDTH_PX / sw);
  return { sx: Math.round((frameWidth - sw) / 2), sy: Math.round((frameHeight - sh) / 2), sw, sh, width: Math.round(sw * scale), height: Math.round(sh * scale) };
}
