import * as z from 'zod';

/**
 * The seller's brand as buyers see it on the app, the emails, the link pages and the PDF: their name, their logo and
 * one colour. The colour carries white text (buttons, the header band) and is the colour of links on white, so it must
 * keep WCAG AA's 4.5:1 contrast against white — a colour that would not is refused when the configuration is read,
 * not discovered on a screen.
 */
export interface Brand {
  sellerName: string;
  logoUrl?: string;
  color: string;
}

/** WCAG 2's relative luminance of an sRGB colour written #rrggbb. */
const luminance = (hex: string): number => {
  const channel = (at: number) => {
    const value = Number.parseInt(hex.slice(at, at + 2), 16) / 255;
    return value <= 0.04045 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
};

/** WCAG 2's contrast ratio of two colours, from 1 (the same) to 21 (black on white). */
export const contrastRatio = (a: string, b: string): number => {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
};

/** The AA ratio for normal text: what white text on the colour, and the colour as text on white, must reach. */
export const minimumContrast = 4.5;

export const brandColor = z
  .string()
  .regex(/^#[0-9a-fA-F]{6}$/, 'a colour as #rrggbb, e.g. #1d4ed8')
  .refine((color) => contrastRatio(color, '#ffffff') >= minimumContrast, {
    error: (issue) =>
      `${String(issue.input)} against white is ${contrastRatio(String(issue.input), '#ffffff').toFixed(2)}:1; white text on it and links in it need at least ${minimumContrast}:1 (WCAG AA): choose a darker shade`,
  });

/** This machine: where the local stack serves its demo logo over http. */
const loopback = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * The logo every email, link page and app header shows, fetched by each reader's mail client or browser: an absolute
 * https URL, since mail clients (and Gmail's image proxy) do not load an image over plain http. Only a logo on this
 * machine may be http, for the local stack.
 */
export const brandLogoUrl = z
  .url({ protocol: /^https?$/ })
  .refine((url) => !URL.canParse(url) || url.startsWith('https:') || loopback.has(new URL(url).hostname), {
    error: 'an https URL: mail clients do not load a logo over http (http only on localhost, for the local stack)',
  });
