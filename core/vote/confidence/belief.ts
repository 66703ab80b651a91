import type { Witness } from '../independence/find-witnesses.ts';
import type { VoterKind } from '../voter-kind.ts';

const logit = (p: number): number => Math.log(p / (1 - p));

/** The most the vote ever claims: a unanimous full ensemble, never certainty (the seed's 0.95). */
export const MAX_BELIEF = 0.95;
/**
 * Each later witness of a kind adds this fraction of the one before: hosted models learn from much
 * the same images and share confusions, so a third one agreeing is not a third independent proof.
 */
export const SAME_KIND_DECAY = 0.5;
/**
 * A model that answered but said nothing for a question counts this fraction of a dissent: models
 * list a palette, not every colour, and leave a colour out about one time in ten.
 */
export const SILENCE_FACTOR = 0.5;

/**
 * Log-odds one witness of each kind adds, set so that agreement gives DESIGN.md's scale: CV alone
 * 0.75 (its role inference on real screens is right about three times in four), CV + a local model
 * 0.85, CV + a local model + two hosted models 0.95 (the first hosted model adds 1 / (1 + DECAY)
 * of the hosted share, the second the rest).
 */
export const EVIDENCE: Readonly<Record<VoterKind, number>> = {
  cv: logit(0.75),
  'local-model': logit(0.85) - logit(0.75),
  'hosted-model': (logit(MAX_BELIEF) - logit(0.85)) / (1 + SAME_KIND_DECAY),
};

/** Who said what on one question (is this colour this role; is this colour in the palette). */
export interface Testimony {
  readonly support: readonly Witness[];
  readonly dissent: readonly Witness[];
  readonly silent: readonly Witness[];
}

/**
 * How likely (0.05–0.95) the claim is, from independent witnesses: log-odds add up across kinds,
 * decay inside a kind; dissent subtracts as support adds; silence subtracts SILENCE_FACTOR of it.
 * With nobody supporting or dissenting it is 0.5: no evidence either way.
 */
export function belief({ support, dissent, silent }: Testimony): number {
  const odds = strength(support) - strength(dissent) - SILENCE_FACTOR * strength(silent);
  const bound = logit(MAX_BELIEF);
  return 1 / (1 + Math.exp(-Math.max(-bound, Math.min(bound, odds))));
}

function strength(witnesses: readonly Witness[]): number {
  const byKind = new Map<VoterKind, Witness[]>();
  for (const w of witnesses) byKind.set(w.kind, [...(byKind.get(w.kind) ?? []), w]);
  let total = 0;
  for (const [kind, ws] of byKind) {
    ws.sort((a, b) => b.weight - a.weight || (a.id < b.id ? -1 : 1)).forEach((_, i) => (total += EVIDENCE[kind] * SAME_KIND_DECAY ** i));
  }
  return total;
}

/**
 * A colour's confidence: its belief, discounted by how many of its supporters gave the exact value
 * (`agreement`, 0–1). When every kind agrees this is the seed's `0.5 + 0.45 × agreement`
 * (four votes on a primary, 3.3 of 4.2 exact: 0.85). A belief under 0.5 is not discounted further.
 */
export function confidenceOf(beliefValue: number, agreement: number): number {
  return beliefValue <= 0.5 ? beliefValue : 0.5 + (beliefValue - 0.5) * agreement;
}
