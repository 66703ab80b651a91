import { ciede2000, hexToLab } from '../color/index.ts';
import { roleHint } from '../document/role-hint.ts';
import type { Role } from '../palette/role.ts';

/** A colour the file already defines: a local variable or paint style, or an enabled library's variable. */
export interface DesignToken {
  readonly id: string;
  /** As the designer named it: `brand/primary`. */
  readonly name: string;
  readonly hex: string;
  readonly kind: 'variable' | 'style' | 'library-variable';
}

/** A colour to write: a consensus colour with its slot key (role or `color-N`). */
export interface PlannedColor {
  readonly key: string;
  readonly role?: Role;
  readonly hex: string;
  /** The designer locked it: its value is kept exactly, whatever the vote or a near token says. */
  readonly locked?: boolean;
}

/**
 * What the write will do with a colour: create it, reuse a token the file has (an alias to it, or
 * the style bound), update Chorus's own earlier value, or keep Chorus's own value as it is.
 */
export type PlanAction = 'new' | 'reuse' | 'update' | 'keep';

export interface PlanLine {
  readonly key: string;
  readonly role?: Role;
  readonly hex: string;
  readonly action: PlanAction;
  /** The token reused (action reuse) and how far it is from the colour (ΔE00). */
  readonly token?: DesignToken;
  readonly deltaE?: number;
  /** Other tokens near enough to pick instead, nearest first. */
  readonly alternatives: readonly { readonly token: DesignToken; readonly deltaE: number }[];
}

/**
 * A token within this ΔE00 of a colour may stand for it: about one just-noticeable difference
 * (Sharma 2003), so what the designer would see as the same colour is reused, not duplicated.
 */
export const REUSE_DE = 2.3;
/** A token whose name states the colour's role wins over a nearer one that states another: by this much ΔE00. */
const ROLE_BONUS_DE = 1.5;

/**
 * The plan before anything is written. Chorus's own earlier value for the slot (`own`) is kept or
 * updated; otherwise the nearest file token within REUSE_DE is reused, one whose name states the
 * colour's role (`bg/surface` for the surface) preferred by ROLE_BONUS_DE, and one already taken
 * by an earlier (more prominent) colour not reused twice unless nothing else fits; otherwise new.
 * A locked colour reuses only an exact match. Pure: the caller reads the file.
 */
export function planReuse(colors: readonly PlannedColor[], tokens: readonly DesignToken[], own: ReadonlyMap<string, string> = new Map()): PlanLine[] {
  const labs = new Map(tokens.map((t) => [t.id, hexToLab(t.hex)]));
  const taken = new Set<string>();
  return colors.map((color) => {
    const base = { key: color.key, ...(color.role ? { role: color.role } : {}), hex: color.hex };
    const ownHex = own.get(color.key);
    if (ownHex !== undefined) return { ...base, action: ownHex === color.hex ? 'keep' : 'update', alternatives: [] };
    const lab = hexToLab(color.hex);
    if (!lab) return { ...base, action: 'new', alternatives: [] };
    const near = tokens
      .map((token) => {
        const tokenLab = labs.get(token.id);
        const deltaE = tokenLab ? ciede2000(lab, tokenLab) : Number.POSITIVE_INFINITY;
        const hinted = roleHint(token.name);
        const fit = deltaE - (color.role && hinted === color.role ? ROLE_BONUS_DE : 0) + (taken.has(token.id) ? REUSE_DE : 0);
        return { token, deltaE, fit };
      })
      // A locked colour is the designer's exact brand value: only a token of that very value stands for it.
      .filter((m) => (color.locked ? m.token.hex === color.hex : m.deltaE < REUSE_DE))
      .sort((a, b) => a.fit - b.fit || a.deltaE - b.deltaE || (a.token.name < b.token.name ? -1 : 1));
    const best = near[0];
    if (!best) return { ...base, action: 'new', alternatives: [] };
    taken.add(best.token.id);
    return {
      ...base,
      action: 'reuse',
      token: best.token,
      deltaE: best.deltaE,
      alternatives: near.slice(1).map(({ token, deltaE }) => ({ token, deltaE })),
    };
  });
}
