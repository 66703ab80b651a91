import type { RgbaImage } from '../../core/cv/rgba-image.ts';
import { parseHex } from '../../core/color/index.ts';
import { mulberry32 } from '../../core/random/mulberry32.ts';

/** A mutable RGBA canvas for building tiny test screens by hand. */
export interface Canvas extends RgbaImage {
  readonly data: Uint8ClampedArray;
}

export function canvas(width: number, height: number, fill = '#ffffff', alpha = 255): Canvas {
  const c: Canvas = { data: new Uint8ClampedArray(width * height * 4), width, height };
  rect(c, 0, 0, width, height, fill, alpha);
  return c;
}

function rgbOf(hex: string) {
  const rgb = parseHex(hex);
  if (!rgb) throw new Error(`bad test colour ${hex}`);
  return rgb;
}

export function setPixel(c: Canvas, x: number, y: number, r: number, g: number, b: number, a = 255): void {
  const i = (y * c.width + x) * 4;
  c.data[i] = r;
  c.data[i + 1] = g;
  c.data[i + 2] = b;
  c.data[i + 3] = a;
}

export function rect(c: Canvas, x0: number, y0: number, w: number, h: number, hex: string, alpha = 255): void {
  const { r, g, b } = rgbOf(hex);
  for (let y = y0; y < Math.min(c.height, y0 + h); y++) for (let x = x0; x < Math.min(c.width, x0 + w); x++) setPixel(c, x, y, r, g, b, alpha);
}

/**
 * Lines of fake text: 1 px vertical stems in `ink` with an anti-aliased column on each side,
 * blended with the pixels under them at the given fractions, as a browser renders small type.
 */
export function text(c: Canvas, x0: number, y0: number, chars: number, ink: string, stemHeight = 9): void {
  const inkRgb = rgbOf(ink);
  for (let k = 0; k < chars; k++) {
    const x = x0 + k * 6;
    for (let y = y0; y < y0 + stemHeight; y++) {
      blend(c, x - 1, y, inkRgb, 0.3 + 0.05 * (k % 5));
      blend(c, x, y, inkRgb, 1);
      blend(c, x + 1, y, inkRgb, 0.55 - 0.05 * (k % 4));
    }
    // A bar across the stem, as in "t" and "e".
    for (let x = x0 + k * 6 - 2; x <= x0 + k * 6 + 2; x++) blend(c, x, y0 + 4, inkRgb, x === x0 + k * 6 ? 1 : 0.7);
  }
}

function blend(c: Canvas, x: number, y: number, ink: { r: number; g: number; b: number }, t: number): void {
  if (x < 0 || y < 0 || x >= c.width || y >= c.height) return;
  const i = (y * c.width + x) * 4;
  c.data[i] = Math.round(c.data[i]! + t * (ink.r - c.data[i]!));
  c.data[i + 1] = Math.round(c.data[i + 1]! + t * (ink.g - c.data[i + 1]!));
  c.data[i + 2] = Math.round(c.data[i + 2]! + t * (ink.b - c.data[i + 2]!));
}

/** A horizontal gradient from one colour to another over the rectangle. */
export function gradient(c: Canvas, x0: number, y0: number, w: number, h: number, from: string, to: string): void {
  const a = rgbOf(from), b = rgbOf(to);
  for (let x = x0; x < x0 + w; x++) {
    const t = w === 1 ? 0 : (x - x0) / (w - 1);
    for (let y = y0; y < y0 + h; y++) setPixel(c, x, y, Math.round(a.r + t * (b.r - a.r)), Math.round(a.g + t * (b.g - a.g)), Math.round(a.b + t * (b.b - a.b)));
  }
}

/** A photo-like patch: smooth colour fields plus per-pixel grain, from a seed. */
export function photo(c: Canvas, x0: number, y0: number, w: number, h: number, seed: number): void {
  const random = mulberry32(seed);
  for (let y = y0; y < y0 + h; y++)
    for (let x = x0; x < x0 + w; x++) {
      const grain = () => Math.floor(random() * 24) - 12;
      setPixel(c, x, y, 120 + Math.round(60 * Math.sin(x / 9)) + grain(), 100 + Math.round(50 * Math.cos(y / 7)) + grain(), 90 + ((x + y) % 60) + grain());
    }
}

/** A small light-theme screen: white page, grey card, dark text, a blue button with white text. */
export function lightScreen(width = 320, height = 240): Canvas {
  const c = canvas(width, height, '#ffffff');
  rect(c, 20, 20, width / 2, height / 2, '#f3f4f6');
  for (let row = 0; row < 3; row++) text(c, 28, 30 + row * 18, Math.floor(width / 14), '#111827');
  for (let row = 0; row < 3; row++) text(c, 28, height / 2 + 30 + row * 18, Math.floor(width / 8), '#111827');
  rect(c, 20, height - 48, 120, 32, '#2563eb');
  text(c, 40, height - 38, 12, '#ffffff');
  return c;
}
