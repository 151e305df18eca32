import type { Page } from 'playwright-core';

/** The smallest target a finger or a shaky hand can hit, WCAG 2.2's 2.5.8 (AA): 24 × 24 CSS pixels. */
export const minimumTarget = 24;

/** The little of the DOM the check reads: the tests compile without the DOM's types, the page runs with them. */
interface Drawn {
  tagName: string;
  textContent: string | null;
  scrollWidth: number;
  clientWidth: number;
  getAttribute(name: string): string | null;
  getBoundingClientRect(): { width: number; height: number; right: number; bottom: number };
}
interface Window {
  innerWidth: number;
  document: { documentElement: { scrollWidth: number }; querySelectorAll(selector: string): Iterable<Drawn> };
  getComputedStyle(element: Drawn): {
    visibility: string;
    overflowX: string;
    textOverflow: string;
    clipPath: string;
  };
}

/**
 * What a person on this screen would stumble on, in words: the page scrolling sideways (wider than the viewport), and
 * every visible tap target (a, button, input, select, summary) smaller than 24 px either way, named by its text.
 * Empty when the screen fits.
 */
export const misfits = (page: Page): Promise<string[]> =>
  page.evaluate((minimum) => {
    const window = globalThis as unknown as Window;
    const describe = (element: Drawn) => {
      const name =
        element.getAttribute('aria-label') ||
        element.textContent?.trim() ||
        element.getAttribute('name') ||
        element.getAttribute('type') ||
        element.getAttribute('class') ||
        '';
      return `${element.tagName.toLowerCase()} “${name.slice(0, 60)}”`;
    };
    const found: string[] = [];
    const root = window.document.documentElement;
    if (root.scrollWidth > window.innerWidth)
      found.push(`the page is ${root.scrollWidth} px wide in a ${window.innerWidth} px screen`);
    // A part that scrolls or clips sideways within the page hides what is past its edge just as well: a table cut at
    // the right. Text fields scroll their text by nature; a visually hidden element is clipped on purpose.
    for (const element of window.document.querySelectorAll('body *:not(input, textarea, select)')) {
      const style = window.getComputedStyle(element);
      const clipped = style.clipPath !== 'none' || style.textOverflow === 'ellipsis' || element.clientWidth <= 1;
      if (style.overflowX === 'visible' || clipped) continue;
      if (element.scrollWidth > element.clientWidth + 1)
        found.push(
          `${describe(element)} scrolls sideways: ${element.scrollWidth} px of content in ${element.clientWidth} px`,
        );
    }
    for (const element of window.document.querySelectorAll('a[href], button, input, select, summary')) {
      const box = element.getBoundingClientRect();
      // Not drawn (closed details, hidden file inputs) or parked off screen until focused (the skip link).
      const drawn = box.width > 0 && box.height > 0 && box.right > 0 && box.bottom > 0;
      if (!drawn || window.getComputedStyle(element).visibility === 'hidden') continue;
      if (box.width >= minimum && box.height >= minimum) continue;
      found.push(`${describe(element)} is ${Math.round(box.width)}×${Math.round(box.height)} px`);
    }
    return found;
  }, minimumTarget);
