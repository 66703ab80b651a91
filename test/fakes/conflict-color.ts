import type { PaletteCandidate, PaletteColor } from '../../core/palette/palette-color.ts';
import type { Role } from '../../core/palette/role.ts';

/** A palette colour the vote left undecided, as the UI sends it to be written: consensus `hex`, every candidate, every vote. */
export function conflictColor(hex: string, role: Role, share: number, candidates: PaletteCandidate[]): PaletteColor {
  return {
    hex,
    role,
    share,
    confidence: 0.7,
    agreement: 0.45,
    conflict: true,
    votes: candidates.flatMap((c) => c.votes.map((v) => ({ ...v, hex: c.hex }))),
    candidates,
  };
}
