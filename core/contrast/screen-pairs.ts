import { deltaEHex } from '../color/index.ts';
import type { Role } from '../palette/role.ts';
import type { ContrastPair, PairColor } from './contrast-pair.ts';

/** A palette colour as the pairing needs it. */
export interface PairableColor {
  readonly key: string;
  readonly role?: Role;
  readonly hex: string;
}

/** Text seen over a backdrop in the layers (from the document read): hexes as drawn. */
export interface ObservedPair {
  readonly textHex: string;
  readonly backgroundHex: string;
  readonly large: boolean;
}

/** The role pairs a screen uses when only pixels say what is where: text on its ground, labels on their button. */
const ROLE_PAIRS: readonly (readonly [Role, readonly Role[]])[] = [
  ['text', ['background']],
  ['text', ['surface']],
  ['on-primary', ['primary']],
  ['text-muted', ['surface', 'background']],
];

/** A layer colour within this ΔE00 of a palette colour is that colour (tier 1's same-colour distance). */
const SAME_COLOR_DE = 3;

/**
 * The text/background pairs the screen really uses. With observed pairs (text layers over the fill
 * behind them), those, named after the nearest palette colour and each distinct pair once (a pair
 * seen as both normal and large text is checked as normal, the stricter). Without, the palette's
 * role pairs that exist (muted text on surface, or on background when there is no surface).
 */
export function screenPairs(colors: readonly PairableColor[], observed: readonly ObservedPair[] = []): ContrastPair[] {
  if (observed.length > 0) {
    const pairs = new Map<string, ContrastPair>();
    for (const o of observed) {
      const text = named(o.textHex, colors, TEXT_ROLES);
      const background = named(o.backgroundHex, colors, GROUND_ROLES);
      const id = `${text.hex}/${background.hex}`;
      const seen = pairs.get(id);
      if (!seen || (seen.large && !o.large)) pairs.set(id, { text, background, large: o.large, source: 'layers' });
    }
    return [...pairs.values()];
  }
  const byRole = new Map(colors.filter((c) => c.role).map((c) => [c.role!, c]));
  const pairs: ContrastPair[] = [];
  for (const [textRole, grounds] of ROLE_PAIRS) {
    const text = byRole.get(textRole);
    const ground = grounds.map((g) => byRole.get(g)).find((c) => c !== undefined);
    if (!text || !ground) continue;
    if (pairs.some((p) => p.text.key === text.key && p.background.key === ground.key)) continue;
    pairs.push({ text: side(text), background: side(ground), source: 'roles' });
  }
  return pairs;
}

/** Roles a colour drawn as text, or behind it, plays: white text on a button is on-primary, not the background. */
const TEXT_ROLES: ReadonlySet<Role> = new Set(['text', 'text-muted', 'on-primary']);
const GROUND_ROLES: ReadonlySet<Role> = new Set(['background', 'surface', 'primary', 'secondary', 'accent']);

/** The nearest palette colour within SAME_COLOR_DE, one whose role fits the side first. */
function named(hex: string, colors: readonly PairableColor[], fitting: ReadonlySet<Role>): PairColor {
  let best: { color: PairableColor; fits: boolean; de: number } | undefined;
  for (const c of colors) {
    const de = deltaEHex(hex, c.hex);
    if (de === null || de >= SAME_COLOR_DE) continue;
    const fits = c.role !== undefined && fitting.has(c.role);
    if (!best || (fits && !best.fits) || (fits === best.fits && de < best.de)) best = { color: c, fits, de };
  }
  return best ? side(best.color) : { key: hex, hex };
}

function side(c: PairableColor): PairColor {
  return { key: c.key, ...(c.role ? { role: c.role } : {}), hex: c.hex };
}
