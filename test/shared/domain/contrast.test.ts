import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { badgeTextColour, contrastRatio } from '../../../src/shared/domain/contrast.js';

describe('badge text on a colour from data', () => {
  it.each([
    ['#b8860b', '#000000'], // ゴールド: white would read at 3.3:1
    ['#808080', '#000000'], // mid grey: white would read at 3.9:1
    ['#c0c0c0', '#000000'], // シルバー
    ['#0b2f55', '#ffffff'], // dark navy
    ['#000000', '#ffffff'],
    ['#ffffff', '#000000'],
  ])('picks readable text on %s', (background, text) => {
    expect(badgeTextColour(background)).toBe(text);
    expect(contrastRatio(background, text)).toBeGreaterThanOrEqual(4.5);
  });

  it('reaches 4.5:1 on every colour a brand can import', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffffff }), (rgb) => {
        const background = `#${rgb.toString(16).padStart(6, '0')}`;
        const text = badgeTextColour(background);
        const other = text === '#000000' ? '#ffffff' : '#000000';
        expect(contrastRatio(background, text)!).toBeGreaterThanOrEqual(4.5);
        expect(contrastRatio(background, text)!).toBeGreaterThanOrEqual(contrastRatio(background, other)!);
      }),
    );
  });

  it('reads a colour it cannot parse as black text, never as a crash', () => {
    expect(badgeTextColour('gold')).toBe('#000000');
    expect(contrastRatio('gold', '#000000')).toBeNull();
  });
});
