import type { Role } from '../palette/role.ts';
import type { Candidate } from '../vote/consensus.ts';

/** A colour as the token exporters take it: a consensus colour, a palette colour or a Chorus style read from the file. */
export interface ExportColor {
  /** Lower-case `#rrggbb`. */
  readonly hex: string;
  readonly role?: Role;
  /** A semantic name a model gave it, e.g. `molten-copper`. */
  readonly name?: string;
  /** Fraction (0–1) of the source it covers. */
  readonly share?: number;
  /** 0.5–0.95, from the vote. */
  readonly confidence?: number;
  readonly agreement?: number;
  /** The vote did not decide, or the designer has not reviewed it yet. */
  readonly conflict?: boolean;
  readonly candidates?: readonly Candidate[];
}
