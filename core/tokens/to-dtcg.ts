import { parseHex } from '../color/index.ts';
import type { ExportColor } from './export-color.ts';
import type { ObservedPair } from '../contrast/screen-pairs.ts';
import { contrastExtensions, type ContrastExtension } from './contrast-extensions.ts';
import { tokenKeys } from './token-keys.ts';

/** The namespaced `$extensions` key Chorus writes (reverse-domain, as DTCG asks). */
export const CHORUS_EXTENSION = 'dev.chorus';

/** A DTCG 2025.10 colour value: sRGB components 0–1 with the hex as a fallback for older tools. */
export interface DtcgColorValue {
  readonly colorSpace: 'srgb';
  readonly components: readonly [number, number, number];
  readonly hex: string;
}

export interface DtcgColorToken {
  readonly $value: DtcgColorValue;
  readonly $description?: string;
  readonly $extensions?: { readonly [CHORUS_EXTENSION]: ChorusTokenExtension };
}

/** What Chorus knows of a colour beyond its value: the vote behind it. */
export interface ChorusTokenExtension {
  readonly role?: string;
  readonly name?: string;
  readonly share?: number;
  readonly confidence?: number;
  readonly agreement?: number;
  readonly conflict?: boolean;
  readonly candidates?: readonly { readonly hex: string; readonly weight: number; readonly extractors: readonly string[] }[];
  /** On a text colour: WCAG 2.2 ratio, APCA Lc and verdicts on each background the screen draws it on. */
  readonly contrast?: readonly ContrastExtension[];
}

/** `{ color: { $type: 'color', <key>: token, … } }`: one group, `$type` on the group, a token per role (or name). */
export interface DtcgDocument {
  readonly color: { readonly $type: 'color'; readonly $description: string } & { readonly [key: string]: DtcgColorToken | string };
}

/** Components rounded to 4 decimals: enough to give back the same 8-bit value, short enough to read. */
const COMPONENT_DECIMALS = 4;

/**
 * The palette as a DTCG 2025.10 document (Design Tokens Format Module, colour type): each colour
 * an `srgb` colour object with `components` and a `hex` fallback, its `$description` saying what it
 * is, and the vote (confidence, agreement, conflict, candidates) under `$extensions["dev.chorus"]`,
 * with each text colour's contrast on the backgrounds it is used on (`observed` pairs from the
 * layers, else the role pairs: text on background and surface, on-primary on primary, muted text).
 */
export function toDtcg(colors: readonly ExportColor[], observed: readonly ObservedPair[] = []): DtcgDocument {
  const keys = tokenKeys(colors);
  const contrast = contrastExtensions(colors, keys, observed);
  const group: Record<string, DtcgColorToken | string> = { $type: 'color', $description: 'Colour tokens extracted by Chorus.' };
  colors.forEach((c, i) => {
    const rgb = parseHex(c.hex);
    if (!rgb) throw new RangeError(`Not a colour: ${JSON.stringify(c.hex)}`);
    const round = (v: number) => Number((v / 255).toFixed(COMPONENT_DECIMALS));
    const extension: ChorusTokenExtension = {
      ...(c.role ? { role: c.role } : {}),
      ...(c.name ? { name: c.name } : {}),
      ...(c.share !== undefined ? { share: c.share } : {}),
      ...(c.confidence !== undefined ? { confidence: c.confidence } : {}),
      ...(c.agreement !== undefined ? { agreement: c.agreement } : {}),
      ...(c.conflict !== undefined ? { conflict: c.conflict } : {}),
      ...(c.candidates
        ? { candidates: c.candidates.map((k) => ({ hex: k.hex, weight: k.weight, extractors: k.votes.map((v) => v.extractor) })) }
        : {}),
      ...(contrast.has(keys[i]!) ? { contrast: contrast.get(keys[i]!)! } : {}),
    };
    group[keys[i]!] = {
      $value: { colorSpace: 'srgb', components: [round(rgb.r), round(rgb.g), round(rgb.b)], hex: c.hex.toLowerCase() },
      $description: describe(c),
      $extensions: { [CHORUS_EXTENSION]: extension },
    };
  });
  return { color: group as DtcgDocument['color'] };
}

/** "Primary · molten-copper · 95 % confidence", or "… · conflict: review in Figma". */
export function describe(c: ExportColor): string {
  const parts = [c.role ? c.role[0]!.toUpperCase() + c.role.slice(1) : 'Palette colour'];
  if (c.name) parts.push(c.name);
  if (c.conflict) parts.push('conflict: the extractors disagree, review before use');
  else if (c.confidence !== undefined) parts.push(`${Math.round(c.confidence * 100)} % confidence`);
  return parts.join(' · ');
}
