/** What a gloved worker sees at 360×640 without scrolling: boxes in the viewport, prompts not cut, badge text that reads. */
import { expect, type Locator, type Page } from '@playwright/test';
import { contrastRatio } from '../../src/shared/domain/contrast.js';

/**
 * Each locator is visible and its whole box lies inside the viewport, with the page scrolled to the
 * top, and nothing (a sticky bar) lies over it. Box and hit test are read in one go: the status bar
 * changing height between two reads would move everything under it.
 */
export async function expectInView(page: Page, locators: Record<string, Locator>): Promise<void> {
  expect(await page.evaluate(() => window.scrollY), 'the page is scrolled').toBe(0);
  for (const [name, locator] of Object.entries(locators)) {
    await expect(locator, name).toBeVisible();
    const seen = await locator.evaluate((el) => {
      const box = el.getBoundingClientRect();
      // Just inside its top and bottom edges it is its own (a neighbour's line box may overlap its very edge).
      const inset = Math.min(6, box.height / 4);
      const covered = [box.top + inset, box.bottom - inset].flatMap((y) => {
        const top = document.elementFromPoint(box.left + box.width / 2, y);
        return top && !el.contains(top) && !top.contains(el) ? [`${top.tagName.toLowerCase()}.${top.className} at y ${y.toFixed(0)}`] : [];
      });
      return { top: box.top, left: box.left, bottom: box.bottom, right: box.right, width: innerWidth, height: innerHeight, covered };
    });
    const where = `${name} at x ${seen.left.toFixed(0)}…${seen.right.toFixed(0)}, y ${seen.top.toFixed(0)}…${seen.bottom.toFixed(0)}`;
    expect(seen.top, where).toBeGreaterThanOrEqual(0);
    expect(seen.left, where).toBeGreaterThanOrEqual(0);
    expect(seen.bottom, where).toBeLessThanOrEqual(seen.height);
    expect(seen.right, where).toBeLessThanOrEqual(seen.width);
    expect(seen.covered, `${where}: covered`).toEqual([]);
  }
}

/** Every visible input's placeholder fits its field (a placeholder does not wrap: what does not fit is cut). */
export async function expectPromptsWhole(page: Page): Promise<void> {
  const cut = await page.evaluate(() => {
    const canvas = document.createElement('canvas').getContext('2d')!;
    const found: string[] = [];
    for (const input of document.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input[placeholder], textarea[placeholder]')) {
      if (!input.placeholder || input.offsetParent === null) continue;
      const style = getComputedStyle(input, '::placeholder');
      canvas.font = `${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
      const inner = input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      const width = canvas.measureText(input.placeholder).width;
      if (width > inner) found.push(`${input.dataset.testid ?? input.name}: 「${input.placeholder}」 ${width.toFixed(0)} px in ${inner.toFixed(0)} px`);
    }
    return found;
  });
  expect(cut, 'placeholders cut at this width').toEqual([]);
}

/** The WCAG contrast ratio of a badge's text with its background, as the browser paints them. */
export async function badgeContrast(badge: Locator): Promise<{ background: string; ratio: number }> {
  const colours = await badge.evaluate((el) => {
    const style = getComputedStyle(el);
    const hex = (rgb: string) =>
      '#' +
      rgb
        .match(/\d+/g)!
        .slice(0, 3)
        .map((n) => Number(n).toString(16).padStart(2, '0'))
        .join('');
    return { background: hex(style.backgroundColor), text: hex(style.color) };
  });
  return { background: colours.background, ratio: contrastRatio(colours.background, colours.text)! };
}
