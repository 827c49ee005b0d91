/**
 * The decoded part of a camera frame is what the worker sees inside the drawn viewfinder: the video
 * is shown with object-fit: cover, so when the frame's shape differs from its box, the parts of the
 * frame off screen are never decoded (a neighbouring label there cannot be scanned).
 */
import { describe, expect, it } from 'vitest';
import { viewfinderArea } from '../../../src/app/scan/viewfinder.js';

describe('viewfinder area', () => {
  it('a frame shown in a box of its own shape: the middle 90 % × 60 %, decoded unscaled', () => {
    expect(viewfinderArea(640, 480)).toEqual({ sx: 32, sy: 96, sw: 576, sh: 288, width: 576, height: 288 });
    expect(viewfinderArea(640, 480, { width: 320, height: 240 })).toEqual(viewfinderArea(640, 480));
  });

  it('a landscape frame in a portrait phone box: only the middle the box shows, not the off-screen sides', () => {
    // 1280×720 shown in a 390×489 box: cover scales by 489/720, so 574 of the 1280 columns are on screen.
    const a = viewfinderArea(1280, 720, { width: 390, height: 489 });
    expect(a.sw).toBe(Math.round(0.9 * ((390 * 720) / 489)));
    expect(a.sh).toBe(Math.round(0.6 * 720));
    expect(a.sx).toBe(Math.round((1280 - a.sw) / 2));
    expect(a.sx).toBeGreaterThan(350); // a label in the left quarter of the frame is not decoded
    expect({ width: a.width, height: a.height }).toEqual({ width: a.sw, height: a.sh });
  });

  it('a wide box cuts the top and bottom instead, and a wide area is scaled down to 960 pixels', () => {
    const a = viewfinderArea(1280, 720, { width: 720, height: 300 });
    expect(a.sw).toBe(1152);
    expect(a.sh).toBe(Math.round(0.6 * ((300 * 1280) / 720)));
    expect(a.width).toBe(960);
    expect(a.height).toBe(Math.round((a.sh * 960) / 1152));
  });
});
