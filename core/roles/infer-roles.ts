import { contrastRatio, parseHex, rgbToLab, type Lab, type Rgb } from '../color/index.ts';
import type { Role } from '../palette/role.ts';

/**
 * Below this CIELAB chroma a colour reads as a (tinted) neutral: Nord's and Tailwind slate's
 * blue-greys sit around 5–12, the least saturated brand colours (Nord frost) around 18.
 */
const NEUTRAL_CHROMA = 15;
/** Text colours may be tinted (navy, ink), never vivid. */
const TEXT_MAX_CHROMA = 30;
/** WCAG 2.x AA for body text: a colour that reaches it against the background can be text. */
const TEXT_CONTRAST = 4.5;
/** A text colour is used at least this much relative to the most used readable ink. */
const TEXT_MIN_RELATIVE_USE = 0.15;
/** The background holds at least this much of the frame's edge ring… */
const BACKGROUND_EDGE_SHARE = 0.4;
/** …and covers at least this much of the frame, so a frame's stroke or a header is never the background. */
const BACKGROUND_MIN_SHARE = 0.05;
/** WCAG 2.x AA for large text and UI components: enough for secondary text. */
const MUTED_CONTRAST = 3;
/** Under this contrast a neutral is a fill or a rule on the background, not something to read. */
const FILL_CONTRAST = 1.6;
/** A fill must cover this much of the frame to be a surface rather than a rule or a chip. */
const SURFACE_MIN_SHARE = 0.01;

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
 * Names the role of each colour of a palette from what designers do with colour: the largest
 * area is the background; the most frequent neutral that is readable on it is the text; the most
 * frequent vivid colour is the primary; status colours by hue. Colours it cannot place keep no
 * role. Input most prominent first; output in the same order.
 */
export function inferRoles<T extends { readonly hex: string; readonly share: number }>(
  colors: readonly T[],
  /** Per colour, the share (0–1) of the frame's edge ring it covers (`edgeRingShares`); without it the largest area is the background. */
  edge?: readonly number[],
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
  const free = (predicate: (d: Described, i: number) => boolean) =>
    described.findIndex((d, i) => !taken.has(i) && predicate(d, i));

  const background = pickBackground(colors, edge);
  assign(background, 'background');
  const bg = described[background]!;

  const text = pickText(described, colors, taken, bg);
  if (text >= 0) assign(text, 'text');
  const muted = free((d) => d.chroma < NEUTRAL_CHROMA && contrastRatio(d.rgb, bg.rgb) >= MUTED_CONTRAST);
  if (muted >= 0) assign(muted, 'text-muted');

  const surface = free((d, i) => d.chroma < NEUTRAL_CHROMA && colors[i]!.share >= SURFACE_MIN_SHARE && contrastRatio(d.rgb, bg.rgb) < FILL_CONTRAST);
  if (surface >= 0) assign(surface, 'surface');
  const border = free((d) => d.chroma < NEUTRAL_CHROMA && contrastRatio(d.rgb, bg.rgb) < MUTED_CONTRAST);
  if (border >= 0) assign(border, 'border');

  const primary = free((d) => d.chroma >= NEUTRAL_CHROMA);
  if (primary < 0) return out;
  assign(primary, 'primary');
  const primaryHue = described[primary]!.hue;
  for (let i = 0; i < described.length; i++) {
    const d = described[i]!;
    if (taken.has(i) || d.chroma < NEUTRAL_CHROMA) continue;
    const status = STATUS_HUES.find((s) => inHueRange(d.hue, s.from, s.to));
    const usedRoles = new Set(out.map((c) => c.role));
    if (status && !usedRoles.has(status.role) && hueDistance(d.hue, primaryHue) > 20) assign(i, status.role);
    else if (!usedRoles.has('secondary')) assign(i, 'secondary');
    else if (!usedRoles.has('accent')) assign(i, 'accent');
  }
  return out;
}

/**
 * The page background is what the frame shows at its edges, when one colour holds most of the
 * edge and covers a real part of the frame; otherwise the largest area.
 */
function pickBackground(colors: readonly { share: number }[], edge: readonly number[] | undefined): number {
  if (!edge) return 0;
  let best = 0;
  for (let i = 1; i < colors.length; i++) if ((edge[i] ?? 0) > (edge[best] ?? 0)) best = i;
  return (edge[best] ?? 0) >= BACKGROUND_EDGE_SHARE && colors[best]!.share >= BACKGROUND_MIN_SHARE ? best : 0;
}

/**
 * Body text is the most contrasting readable ink among those used for a real amount of text (a
 * white used only on buttons does not count), preferring neutrals and accepting tinted inks.
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
