/**
 * The decoded area of a camera frame: the part of the picture under the viewfinder drawn by
 * .camera-viewfinder in styles.css (keep the two in step). The video fills its box with
 * `object-fit: cover`, so the box shows only the middle of a frame whose shape differs from the box's
 * (a landscape 1280×720 frame in a portrait phone's box loses more than half its width); the area is
 * taken from what is shown, so a label the worker cannot see is never read. No DOM: the benchmark
 * crops its frames with it in Node, so it measures the pixels the app decodes.
 */

/** The share of the video's box inside the viewfinder. */
export const VIEWFINDER = { width: 0.9, height: 0.6 };
/** Frames are scaled down to this width before decoding: enough for a JAN at arm's length, and fast. */
export const MAX_DECODE_WIDTH_PX = 960;

/**
 * Where the viewfinder lies in a frame of this size shown in a box of `shown` size (CSS pixels; by
 * default the frame's own shape), and the size it is decoded at.
 */
export function viewfinderArea(
  frameWidth: number,
  frameHeight: number,
  shown: { width: number; height: number } = { width: frameWidth, height: frameHeight },
): { sx: number; sy: number; sw: number; sh: number; width: number; height: number } {
  // object-fit: cover scales the frame to cover the box and centres it: the box shows this much of it.
  const cover = Math.max(shown.width / frameWidth, shown.height / frameHeight);
  const visibleWidth = Math.min(frameWidth, shown.width / cover);
  const visibleHeight = Math.min(frameHeight, shown.height / cover);
  const sw = Math.round(visibleWidth * VIEWFINDER.width);
  const sh = Math.round(visibleHeight * VIEWFINDER.height);
  const scale = Math.min(1, MAX_DECODE_WIDTH_PX / sw);
  return { sx: Math.round((frameWidth - sw) / 2), sy: Math.round((frameHeight - sh) / 2), sw, sh, width: Math.round(sw * scale), height: Math.round(sh * scale) };
}
