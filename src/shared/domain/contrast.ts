/**
 * Text on a colour that comes from data (a rank's badge): black or white, whichever has the higher
 * WCAG 2.2 contrast ratio with it. Every sRGB colour reaches at least 4.58:1 with one of the two, so
 * any colour a brand imports stays readable. Used by the handheld and the console alike.
 */

/** The two text colours a badge may use. */
export type BadgeText = '#000000' | '#ffffff';

/** WCAG 2.2 relative luminance of a `#rrggbb` colour (0 = black, 1 = white); null when it is not one. */
export function relativeLuminance(hex: string): number | null {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex.trim());
  if (!match) return null;
  const [r, g, b] = match.slice(1).map((part) => {
    const channel = parseInt(part, 16) / 255;
    return channel <= 0.04045 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG 2.2 contrast ratio between two `#rrggbb` colours (1 … 21); null when either is not one. */
export function contrastRatio(a: string, b: string): number | null {
  const la = relativeLuminance(a);
  const lb = relativeLuminance(b);
  if (la === null || lb === null) return null;
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

/** Black or white, whichever reads better on `background`; black for a colour that does not parse. */
export function badgeTextColour(background: string): BadgeText {
  const luminance = relativeLuminance(background);
  if (luminance === null) return '#000000';
  // Contrast with black is (L + 0.05) / 0.05, with white 1.05 / (L + 0.05): equal where L ≈ 0.179.
  return (luminance + 0.05) / 0.05 >= 1.05 / (luminance + 0.05) ? '#000000' : '#ffffff';
}
