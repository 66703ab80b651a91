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
 * Log-odds one witness of each kind adds. CV alone is 0.75 (DESIGN.md: its claims on real screens
 * hold about three times in four); a hosted model alone is as good a witness as CV alone; a local
 * model adds what takes CV from 0.75 to 0.85. Agreement saturates at MAX_BELIEF: CV + a local
 * model + two hosted models is 0.95, as is CV + three hosted models; CV + one hosted model 0.90.
 * The document's layers alone are counted as CV alone: exact values, and on the fixture screens
 * built as layers they named background, text and primary right about as often (BENCHMARKS.md,
 * design system), so CV and the layers agreeing is 0.90.
 */
export const EVIDENCE: Readonly<Record<VoterKind, number>> = {
  cv: logit(0.75),
  document: logit(0.75),
  'local-model': logit(0.85) - logit(0.75),
  'hosted-model': logit(0.75),
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

/**
 * How likely (0.05–0.95) the winner is the answer to a question with several candidate answers
 * ("which colour is the primary?"): each candidate scores the log-odds of its supporters, the
 * answer "none of these" scores its dissenters and SILENCE_FACTOR of the silent; the winner's
 * share of the exponentiated scores. CV alone on one candidate is 3 : 1 against "none", 0.75, as
 * `belief`; a rival candidate takes its share instead of subtracting from the winner's.
 * With more answers on the table, a witness naming one is stronger evidence: a witness that errs
 * picks any of the others, so independent witnesses meet on a wrong one less often (the symmetric
 * confusion model of Dawid & Skene, 1979): each witness adds log(answers − 1), decayed like its
 * kind's evidence. With one candidate and "none" that is 0, and the 0.75 / 0.85 / 0.95 scale holds.
 */
export function posterior(winner: readonly Witness[], rivals: readonly (readonly Witness[])[], none: { readonly dissent: readonly Witness[]; readonly silent: readonly Witness[] }): number {
  // Scores are compared uncapped: five witnesses against one are surer than four against one, even
  // if neither claim alone may pass MAX_BELIEF. Only the answer is capped.
  const answers = rivals.length + 2;
  const score = (ws: readonly Witness[]) => Math.exp(answerStrength(ws, answers));
  const noneScore = Math.exp(answerStrength(none.dissent, answers) + SILENCE_FACTOR * answerStrength(none.silent, answers));
  const p = score(winner) / (score(winner) + rivals.reduce((s, r) => s + score(r), 0) + noneScore);
  return Math.max(1 - MAX_BELIEF, Math.min(MAX_BELIEF, p));
}

/** The log-odds witnesses give one of `answers` possible answers (candidates and "none"), as `posterior` scores it. */
export const answerStrength = (witnesses: readonly Witness[], answers: number): number => strength(witnesses, Math.log(Math.max(1, answers - 1)));

/**
 * The log-odds a set of witnesses adds to a claim: EVIDENCE per kind (plus `bonus` each), times
 * each witness's trust (a model the designer's reviews found right four times as often says four
 * times as much), SAME_KIND_DECAY inside a kind, the most trusted first.
 */
export function strength(witnesses: readonly Witness[], bonus = 0): number {
  const byKind = new Map<VoterKind, Witness[]>();
  for (const w of witnesses) byKind.set(w.kind, [...(byKind.get(w.kind) ?? []), w]);
  let total = 0;
  for (const [kind, ws] of byKind) {
    ws.sort((a, b) => b.trust - a.trust || b.weight - a.weight || (a.id < b.id ? -1 : 1)).forEach((w, i) => (total += (EVIDENCE[kind] + bonus) * w.trust * SAME_KIND_DECAY ** i));
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
