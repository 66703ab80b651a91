import { contrastRatio, parseHex, rgbToLab, type Lab, type Rgb } from '../color/index.ts';
import type { Role } from '../palette/role.ts';
import type { ColorStructure } from './color-structure.ts';

/**
 * Below this CIELAB chroma a colour reads as a (tinted) neutral: Nord's and Tailwind slate's
 * blue-greys sit around 5–12, the least saturated brand colours (Nord frost) around 18.
 */
const NEUTRAL_CHROMA = 15;
/** Text colours may be tinted (navy, ink, a terminal's cream), never vivid. */
const TEXT_MAX_CHROMA = 30;
/** WCAG 2.x AA for body text: a colour that reaches it against the background can be text (area rule, without structure). */
const TEXT_CONTRAST = 4.5;
/**
 * With stroke evidence, ink a little under AA still reads as body text: themes tuned by eye set
 * it there (Solarized's body text is 4.1:1 on its light background). Muted ink sits lower still.
 */
const STROKE_TEXT_CONTRAST = 4;
/**
 * Fills count a little towards text: a dark text colour is often the navigation bar's too, and
 * redacted or very large text is drawn as bars. Strokes still decide between inks that draw them.
 */
const TEXT_FILL_WEIGHT = 0.1;
/** Inks drawing at least this share of the strokes of the most drawn ink are text candidates: a highlight used in passing is not. */
const TEXT_MIN_RELATIVE_STROKES = 0.3;
/** A text colour is used at least this much relative to the most used readable ink (area rule, without structure). */
const TEXT_MIN_RELATIVE_USE = 0.15;
/** A colour whose regions are enclosed by one other colour over at least this share of its cells sits on that colour… */
const SITS_ON_SHARE = 0.5;
/** …in several regions, none holding more than this share of them: cards on a page, not one editor framed by window chrome. */
const SITS_ON_LARGEST = 2 / 3;
/** …and the colour it sits on must cover this much of the frame to be the background, so a window frame's stroke never is. */
const BACKGROUND_MIN_SHARE = 0.05;
/** WCAG 2.x AA for large text and UI components: enough for secondary text (area rule, without structure). */
const MUTED_CONTRAST = 3;
/** Under this contrast a neutral is a fill or a rule on the background, not something to read. */
const FILL_CONTRAST = 1.6;
/** Muted ink (line numbers, comments, placeholders) can sit this close to the background and still be read. */
const MUTED_MIN_CONTRAST = 1.6;
/** A fill must cover this much of the frame to be a surface rather than a rule or a chip. */
const SURFACE_MIN_SHARE = 0.01;
/**
 * Share of a chromatic ink's pixels drawn on colours other than the background above which it is
 * used in the interface's chrome (tabs, side and activity bars, headers) and not only in the
 * document: a syntax colour's stray pixels there (a cell's edge across a line of code, a git
 * decoration in the sidebar) measured 0–6 % on the editor screenshots, an accent's 10–50 %.
 */
const CHROME_MIN_SHARE = 0.05;
/** A colour with at least this share of its pixels in texture (a photo, an avatar, a logo) is content, not palette. */
const CONTENT_SHARE = 0.5;

/** Hue ranges (CIELAB hue angle, degrees) that status colours live in across design systems. */
const STATUS_HUES: readonly { role: Role; from: number; to: number }[] = [
  { role: 'error', from: 345, to: 45 },
  { role: 'warning', from: 45, to: 105 },
  { role: 'success', from: 105, to: 180 },
];

interface Described {
  readonly rgb: Rgb;
  readonly lab: Lab;
  readonly chroma: number;
  readonly hue: number;
}

/**
 * Names the role of each colour of a palette. With the image's structure (`measureStructure`):
 * the background is the largest colour, unless most of it sits inside regions of another colour
 * (cards on a page); text is the neutral ink that draws the most glyph strokes and reads on the
 * background, text-muted the next, lower-contrast one; surface the largest low-contrast fill;
 * border a low-contrast rule; primary the chromatic colour of the widest fills (buttons, badges,
 * a selected tab's underline) rather than the most saturated pixels, or with no chromatic fill
 * the chromatic ink drawn most in the chrome rather than in the document; colours mostly inside
 * photos, avatars and logos get no role. Without structure, by area and contrast alone.
 * Status colours by hue. Colours it cannot place keep no role. Input most prominent first;
 * output in the same order.
 */
export function inferRoles<T extends { readonly hex: string; readonly share: number }>(
  colors: readonly T[],
  /** Per colour, what the image shows of its use; without it roles follow area and contrast. */
  structure?: readonly ColorStructure[],
): (T & { role?: Role })[] {
  const out: (T & { role?: Role })[] = colors.map((c) => {
    const { role: _ignored, ...rest } = c as T & { role?: Role };
    void _ignored;
    return rest as T & { role?: Role };
  });
  if (out.length === 0) return out;
  const described = colors.map((c) => describe(c.hex));
  const taken = new Set<number>();
  const assign = (index: number, role: Role) => {
    out[index] = { ...out[index]!, role };
    taken.add(index);
  };
  const s = structure && structure.length === colors.length ? structure : undefined;
  // Content colours (an avatar's black, a logo's shadow) are measured but never named.
  const content = (i: number) => (s ? s[i]!.content >= CONTENT_SHARE * Math.max(s[i]!.share, 1e-9) : false);
  const best = (score: (d: Described, i: number) => number) => {
    let pick = -1;
    let top = 0;
    described.forEach((d, i) => {
      if (taken.has(i) || content(i)) return;
      const v = score(d, i);
      if (v > top) [pick, top] = [i, v];
    });
    return pick;
  };

  const background = pickBackground(colors, s);
  assign(background, 'background');
  const bg = described[background]!;
  const contrast = (d: Described) => contrastRatio(d.rgb, bg.rgb);

  // With no readable ink (text drawn as bars, a screen without glyphs), area and contrast decide.
  let text = s ? pickStrokeText(described, s, taken, content, bg) : -1;
  if (text < 0) text = pickText(described, colors, taken, bg);
  if (text >= 0) assign(text, 'text');
  const textContrast = text >= 0 ? contrast(described[text]!) : Infinity;

  // Muted ink is drawn almost only as strokes (a grey also drawn as rules is a border); with no
  // such ink, the area rule: the first neutral that still reads as large text.
  let muted = s ? best((d, i) => (d.chroma < TEXT_MAX_CHROMA && contrast(d) >= MUTED_MIN_CONTRAST && contrast(d) < textContrast && isInk(s[i]!) ? s[i]!.stroke : 0)) : -1;
  if (muted < 0) muted = best((d) => (d.chroma < NEUTRAL_CHROMA && contrast(d) >= MUTED_CONTRAST && contrast(d) < textContrast ? 1 : 0));
  if (muted >= 0) assign(muted, 'text-muted');

  const isSurfaceLike = (d: Described, i: number) =>
    colors[i]!.share >= SURFACE_MIN_SHARE && contrast(d) < (s ? MUTED_CONTRAST : FILL_CONTRAST) && (d.chroma < NEUTRAL_CHROMA || contrast(d) < FILL_CONTRAST);
  const surface = s
    ? best((d, i) => (isSurfaceLike(d, i) && s[i]!.fill >= s[i]!.stroke ? s[i]!.fill : 0))
    : best((d, i) => (isSurfaceLike(d, i) ? 1 : 0));
  if (surface >= 0) assign(surface, 'surface');
  const border = s
    ? best((d, i) => (d.chroma < NEUTRAL_CHROMA && contrast(d) < MUTED_CONTRAST ? s[i]!.rule + s[i]!.stroke : 0))
    : best((d) => (d.chroma < NEUTRAL_CHROMA && contrast(d) < MUTED_CONTRAST ? 1 : 0));
  if (border >= 0) assign(border, 'border');

  // Interactive elements are filled shapes (buttons, badges, a status-bar item, a selected tab);
  // syntax colours and links are drawn as strokes. With no chromatic fill, the interface's accent
  // is the chromatic ink drawn most in the chrome, for the share of its pixels around the document
  // rather than in it (a selected tab's label, a header, the active icon); syntax colours sit on
  // the editor's background. With neither, the most used chromatic colour.
  let primary = s ? best((d, i) => (d.chroma >= NEUTRAL_CHROMA && s[i]!.fill >= s[i]!.stroke ? s[i]!.fill : 0)) : -1;
  if (primary < 0 && s) {
    primary = best((d, i) => {
      const chrome = chromeShare(s[i]!, background);
      return d.chroma >= NEUTRAL_CHROMA && chrome >= CHROME_MIN_SHARE ? chrome : 0;
    });
  }
  if (primary < 0) primary = best((d) => (d.chroma >= NEUTRAL_CHROMA ? 1 : 0));
  if (primary < 0) return out;
  assign(primary, 'primary');
  const primaryHue = described[primary]!.hue;
  for (let i = 0; i < described.length; i++) {
    const d = described[i]!;
    if (taken.has(i) || d.chroma < NEUTRAL_CHROMA || content(i)) continue;
    const status = STATUS_HUES.find((h) => inHueRange(d.hue, h.from, h.to));
    const usedRoles = new Set(out.map((c) => c.role));
    if (status && !usedRoles.has(status.role) && hueDistance(d.hue, primaryHue) > 20) assign(i, status.role);
    else if (!usedRoles.has('secondary')) assign(i, 'secondary');
    else if (!usedRoles.has('accent')) assign(i, 'accent');
  }
  return out;
}

/**
 * The background is what most content sits on: the largest colour, unless most of its regions
 * are enclosed by one other colour that covers a real part of the frame (white cards on a grey
 * page). A title bar or an activity bar along the frame's edge encloses nothing, so it never wins
 * over the editor area it borders.
 */
function pickBackground(colors: readonly { share: number }[], s: readonly ColorStructure[] | undefined): number {
  if (!s) return 0;
  const largest = s[0]!;
  const by = largest.enclosedBy;
  if (by >= 0 && largest.enclosedShare >= SITS_ON_SHARE && largest.enclosedLargest <= SITS_ON_LARGEST && colors[by]!.share >= BACKGROUND_MIN_SHARE) return by;
  return 0;
}

/** The share of a colour's pixels drawn on colours other than the background (`grounds`). */
function chromeShare(s: ColorStructure, background: number): number {
  let chrome = 0;
  s.grounds.forEach((share, j) => {
    if (j !== background) chrome += share;
  });
  return chrome;
}

/** Mostly drawn as thin strokes rather than fills or rules: the signature of glyphs. */
function isInk(s: ColorStructure): boolean {
  return s.stroke > 0 && s.stroke >= s.fill + s.rule;
}

/**
 * Body text is ink (mostly thin strokes) readable on the background: among the inks drawing a
 * real share of the strokes, the one with the most strokes × contrast. A colour used mostly as fill (a terminal's
 * ANSI black swatch, a dark button) is not text however much it contrasts; syntax colours are
 * too vivid to be the text.
 */
function pickStrokeText(described: readonly Described[], s: readonly ColorStructure[], taken: ReadonlySet<number>, content: (i: number) => boolean, bg: Described): number {
  const readable = described.map((d, i) => !taken.has(i) && !content(i) && d.chroma < TEXT_MAX_CHROMA && contrastRatio(d.rgb, bg.rgb) >= STROKE_TEXT_CONTRAST && s[i]!.stroke > 0);
  const mostStrokes = Math.max(0, ...s.map((x, i) => (readable[i] ? x.stroke : 0)));
  let pick = -1;
  let top = 0;
  described.forEach((d, i) => {
    if (!readable[i] || s[i]!.stroke < TEXT_MIN_RELATIVE_STROKES * mostStrokes) return;
    // Strokes × contrast: the ink that carries the most legible text. A bright syntax colour
    // contrasts a little more but draws far less; a comment grey draws as much but reads less.
    const score = (s[i]!.stroke + TEXT_FILL_WEIGHT * s[i]!.fill) * contrastRatio(d.rgb, bg.rgb);
    if (score > top) [pick, top] = [i, score];
  });
  return pick;
}

/**
 * Without structure: body text is the most contrasting readable ink among those used for a real
 * amount of text (a white used only on buttons does not count), preferring neutrals and accepting tinted inks.
 */
function pickText(described: readonly Described[], colors: readonly { share: number }[], taken: ReadonlySet<number>, bg: Described): number {
  const readable = described.map((d, i) => !taken.has(i) && d.chroma < TEXT_MAX_CHROMA && contrastRatio(d.rgb, bg.rgb) >= TEXT_CONTRAST);
  const mostUsed = Math.max(0, ...colors.map((c, i) => (readable[i] ? c.share : 0)));
  let best = -1;
  let bestContrast = 0;
  for (let i = 0; i < described.length; i++) {
    if (!readable[i] || colors[i]!.share < TEXT_MIN_RELATIVE_USE * mostUsed) continue;
    const contrast = contrastRatio(described[i]!.rgb, bg.rgb);
    if (contrast > bestContrast) [best, bestContrast] = [i, contrast];
  }
  return best;
}

function describe(hex: string): Described {
  const rgb = parseHex(hex) ?? { r: 0, g: 0, b: 0 };
  const lab = rgbToLab(rgb);
  const hue = ((Math.atan2(lab.b, lab.a) * 180) / Math.PI + 360) % 360;
  return { rgb, lab, chroma: Math.hypot(lab.a, lab.b), hue };
}

function inHueRange(hue: number, from: number, to: number): boolean {
  return from <= to ? hue >= from && hue < to : hue >= from || hue < to;
}

function hueDistance(a: number, b: number): number {
  const d = Math.abs(a - b) % 360;
  return d > 180 ? 360 - d : d;
}
