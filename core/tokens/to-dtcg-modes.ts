import { parseHex } from '../color/index.ts';
import type { ObservedPair } from '../contrast/screen-pairs.ts';
import { contrastExtensions } from './contrast-extensions.ts';
import type { ExportColor } from './export-color.ts';
import { CHORUS_EXTENSION, describe, type DtcgColorValue } from './to-dtcg.ts';
import { tokenKeys } from './token-keys.ts';
import { toTokenName } from './token-name.ts';

/** A colour of one mode; `alias` names the design-system token it reuses (`brand/primary`), if any. */
export interface ModeColor extends ExportColor {
  readonly alias?: string;
}

/** One version of the screen (light, dark, high contrast): its name and its palette, roles paired across modes. */
export interface ModeTokens {
  readonly mode: string;
  readonly colors: readonly ModeColor[];
  /** Text seen over its backdrop in this mode's layers, for the contrast checks. */
  readonly observed?: readonly ObservedPair[];
}

export interface DtcgFile {
  readonly fileName: string;
  readonly document: unknown;
}

/** The group primitives live in: `{color.brand.primary}`. */
const PRIMITIVES = 'brand';
const COMPONENT_DECIMALS = 4;

/**
 * Light, dark (and any other) modes as DTCG 2025.10 files Style Dictionary reads one mode at a
 * time: `chorus.primitives.tokens.json` holds every distinct value once, under `color.brand.*`
 * (a reused design-system token under its own name, `brand/primary` → `color.brand.primary`), and
 * one `chorus.<mode>.tokens.json` per mode holds the semantic tokens (`color.primary`, …) as
 * aliases (`{color.brand.primary}`) with the vote and the mode's contrast checks in `$extensions`.
 * Build each mode with the primitives file beside it. Token keys are the first mode's (role, name
 * or `color-N`), so the same key means the same role in every mode.
 */
export function toDtcgModes(modes: readonly ModeTokens[]): DtcgFile[] {
  const primitives: Record<string, unknown> = {};
  const byHex = new Map<string, string>();
  const used = new Set<string>();
  const primitive = (hex: string, wanted: string[]): string => {
    const known = byHex.get(hex);
    if (known) return known;
    let path = wanted;
    for (let n = 2; used.has(path.join('.')); n++) path = [...wanted.slice(0, -1), `${wanted.at(-1)}-${n}`];
    used.add(path.join('.'));
    let group = primitives;
    // Paths are under `color`, like the semantic tokens beside them.
    for (const segment of path.slice(0, -1)) group = (group[segment] ??= {}) as Record<string, unknown>;
    group[path.at(-1)!] = { $value: dtcgColor(hex) };
    const ref = `{color.${path.join('.')}}`;
    byHex.set(hex, ref);
    return ref;
  };

  // Reused design-system tokens claim their values first: a value the file already names keeps that name.
  for (const m of modes) for (const c of m.colors) if (c.alias) primitive(c.hex.toLowerCase(), aliasPath(c.alias));

  const files: DtcgFile[] = [];
  const modeNames = uniqueNames(modes.map((m) => m.mode));
  modes.forEach((m, i) => {
    const keys = tokenKeys(m.colors).map((k) => (k === PRIMITIVES ? `${k}-color` : k));
    const contrast = contrastExtensions(m.colors, keys, m.observed ?? []);
    const group: Record<string, unknown> = { $type: 'color', $description: `Chorus colour tokens, ${m.mode} mode.` };
    m.colors.forEach((c, j) => {
      const hex = c.hex.toLowerCase();
      const wanted = c.alias ? aliasPath(c.alias) : [PRIMITIVES, i === 0 ? keys[j]! : `${keys[j]}-${modeNames[i]}`];
      const extension = {
        mode: m.mode,
        ...(c.role ? { role: c.role } : {}),
        ...(c.confidence !== undefined ? { confidence: c.confidence } : {}),
        ...(c.conflict !== undefined ? { conflict: c.conflict } : {}),
        ...(c.alias ? { reuses: c.alias } : {}),
        ...(contrast.has(keys[j]!) ? { contrast: contrast.get(keys[j]!)! } : {}),
      };
      group[keys[j]!] = { $value: primitive(hex, wanted), $description: describe(c), $extensions: { [CHORUS_EXTENSION]: extension } };
    });
    files.push({ fileName: `chorus.${modeNames[i]}.tokens.json`, document: { color: group } });
  });
  return [
    { fileName: 'chorus.primitives.tokens.json', document: { color: { $type: 'color', ...primitives } } },
    ...files,
  ];
}

/**
 * A design-system name as a path under `color`: `brand/primary` → brand.primary. A one-segment name
 * goes under `brand`, so it cannot collide with a semantic token (`primary`) of the mode files.
 */
function aliasPath(alias: string): string[] {
  const path = alias.split('/').map(toTokenName);
  return path.length > 1 ? path : [PRIMITIVES, ...path];
}

function dtcgColor(hex: string): DtcgColorValue {
  const rgb = parseHex(hex);
  if (!rgb) throw new RangeError(`Not a colour: ${JSON.stringify(hex)}`);
  const round = (v: number) => Number((v / 255).toFixed(COMPONENT_DECIMALS));
  return { colorSpace: 'srgb', components: [round(rgb.r), round(rgb.g), round(rgb.b)], hex };
}

/** File-safe mode names, unique: "Dark" and "dark" would overwrite each other's file. */
function uniqueNames(names: readonly string[]): string[] {
  const used = new Set<string>();
  return names.map((name) => {
    const base = toTokenName(name);
    let out = base;
    for (let n = 2; used.has(out); n++) out = `${base}-${n}`;
    used.add(out);
    return out;
  });
}
