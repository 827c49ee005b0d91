/**
 * Makes a video for Chromium's fake camera: a barcode drawn by bwip-js, centred on a white 640×480
 * picture, written as a Y4M file (header, then FRAME + planar YUV 4:2:0 per frame; Chromium loops it).
 */
import { writeFileSync } from 'node:fs';
import bwipjs from 'bwip-js/node';
import { PNG } from 'pngjs';

const WIDTH = 640;
const HEIGHT = 480;

/** Writes `frames` frames of the barcode to `path` and returns the path. */
export async function writeBarcodeY4m(path: string, bcid: string, text: string, frames = 10): Promise<string> {
  const png = PNG.sync.read(await bwipjs.toBuffer({ bcid, text, scale: 3, height: 14, includetext: false, paddingwidth: 12, paddingheight: 6, backgroundcolor: 'FFFFFF' }));
  if (png.width > WIDTH || png.height > HEIGHT) throw new Error(`barcode ${png.width}×${png.height} does not fit the frame`);
  const y = Buffer.alloc(WIDTH * HEIGHT, 235); // white (video range)
  const left = Math.floor((WIDTH - png.width) / 2);
  const top = Math.floor((HEIGHT - png.height) / 2);
  for (let row = 0; row < png.height; row++) {
    for (let col = 0; col < png.width; col++) {
      const i = (row * png.width + col) * 4;
      const luma = 0.299 * png.data[i] + 0.587 * png.data[i + 1] + 0.114 * png.data[i + 2];
      y[(top + row) * WIDTH + left + col] = Math.round(16 + (luma * 219) / 255);
    }
  }
  const chroma = Buffer.alloc((WIDTH / 2) * (HEIGHT / 2), 128); // no colour
  const frame = Buffer.concat([Buffer.from('FRAME\n'), y, chroma, chroma]);
  const header = Buffer.from(`YUV4MPEG2 W${WIDTH} H${HEIGHT} F10:1 Ip A1:1 C420jpeg\n`);
  writeFileSync(path, Buffer.concat([header, ...Array.from({ length: frames }, () => frame)]));
  return path;
}
