/** What a gloved worker sees at 360×640 without scrolling: boxes in the viewport, prompts not cut, badge text that reads. */
import { expect, type Locator, type Page } from '@playwright/test';
import { contrastRatio } from '../../src/shared/domain/contrast.js';

/** Each locator is visible and its whole box lies inside the viewport, with the page scrolled to the top. */
export async function expectInView(page: Page, locators: Record<string, Locator>): Promise<void> {
  expect(await page.evaluate(() => window.scrollY), 'the page is scrolled').toBe(0);
  const viewport = page.viewportSize()!;
  for (const [name, locator] of Object.entries(locators)) {
    await expect(locator, name).toBeVisible();
    const box = (await locator.boundingBox())!;
    const where = `${name} at x ${box.x.toFixed(0)}, y ${box.y.toFixed(0)}, ${box.width.toFixed(0)}×${box.height.toFixed(0)}`;
    expect(box.y, where).toBeGreaterThanOrEqual(0);
    expect(box.x, where).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height, where).toBeLessThanOrEqual(viewport.height);
    expect(box.x + box.width, where).toBeLessThanOrEqual(viewport.width);
    // In the viewport is not enough: a sticky bar may lie over it. Just inside its top and bottom edges
    // it is its own (a neighbour's line box may overlap its very edge by a pixel or two).
    const covered = await locator.evaluate((el, points) => {
      return points.flatMap(([x, y]) => {
        const top = document.elementFromPoint(x, y);
        return top && !el.contains(top) && !top.contains(el) ? [`${top.tagName.toLowerCase()}.${top.className} at ${x.toFixed(0)}, ${y.toFixed(0)}`] : [];
      });
    }, [
      [box.x + box.width / 2, box.y + Math.min(6, box.height / 4)],
      [box.x + box.width / 2, box.y + box.height - Math.min(6, box.height / 4)],
    ]);
    expect(covered, `${where}: covered`).toEqual([]);
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
