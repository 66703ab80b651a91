import { deltaEHex } from '../../core/color/delta-e-hex.ts';
import type { ColorVote } from '../../core/vote/color-vote.ts';

/** ΔE00 of a just-noticeable difference (Mahy, Van Eycken & Oosterlinck 1994: 2.3): closer than this, two models named the same colour. */
const JUST_NOTICEABLE_DE = 2.3;

/** What the consensus after a tier must expose for the doubt check: whether any colour is contested. */
export interface ConsensusLike {
  readonly colors: readonly { readonly conflict: boolean; readonly key: string }[];
}

/** Whether a tier left doubt a deeper model could settle, and the sentence that says why (or why not). */
export interface TierDoubt {
  readonly doubt: boolean;
  readonly why: string;
}

/**
 * Evidence that the hosted models of a tier did not settle the palette, so a deeper (dearer) model
 * is worth asking: no model answered at all (CV's roles are unchecked), the vote still flags a
 * conflict, or two models gave the same role to perceptibly different colours (more than a
 * just-noticeable difference apart). Agreement among CV
 * extractors is not evidence here: they read the same pixels.
 */
export function tierLeftDoubt(after: ConsensusLike, modelVotes: readonly ColorVote[]): TierDoubt {
  if (modelVotes.length === 0) return { doubt: true, why: 'no model of the tier answered' };
  const conflicts = after.colors.filter((c) => c.conflict).map((c) => c.key);
  if (conflicts.length > 0) return { doubt: true, why: `the vote still has ${conflicts.length} conflict(s): ${conflicts.slice(0, 4).join(', ')}` };
  const split = splitRole(modelVotes);
  if (split) return { doubt: true, why: `the models disagree on ${split}` };
  const models = new Set(modelVotes.map((v) => v.extractor)).size;
  return { doubt: false, why: `${models} model(s) answered, agree on every role they named, and the vote has no conflict` };
}

/** The first role two models gave to colours more than a just-noticeable difference apart, or undefined. */
function splitRole(votes: readonly ColorVote[]): string | undefined {
  const byRole = new Map<string, { extractor: string; hex: string }[]>();
  for (const v of votes) {
    if (!v.role) continue;
    const list = byRole.get(v.role) ?? [];
    list.push({ extractor: v.extractor, hex: v.hex });
    byRole.set(v.role, list);
  }
  for (const [role, list] of byRole) {
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const a = list[i]!;
        const b = list[j]!;
        if (a.extractor === b.extractor) continue;
        const de = deltaEHex(a.hex, b.hex);
        if (de === null || de > JUST_NOTICEABLE_DE) return `${role} (${a.extractor} ${a.hex}, ${b.extractor} ${b.hex})`;
      }
    }
  }
  return undefined;
}
