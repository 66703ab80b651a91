import { ciede2000, formatHex, hexToLab, hexToOklab, oklabToRgb } from '../../core/color/index.ts';
import { ROLES, type Role } from '../../core/palette/role.ts';
import { MAX_MODEL_COLORS, type ModelAnswer } from '../../server/extractors/model-answer.ts';
import type { FixtureTruth } from '../../test/fixtures/load-fixtures.ts';
import { chorusRoleOf } from './fixture-roles.ts';
import { gaussian } from './gaussian.ts';

/** How a simulated model gets the truth wrong. Probabilities are per colour, 0–1. */
export interface NoiseModel {
  /** Standard deviation, per OKLab axis (L 0–1), of the Gaussian added to every hex. */
  readonly jitterSigmaOklab: number;
  /**
   * Share of roled colours given a wrong role: a swap with another roled colour of the answer,
   * which wrongs both, so each colour starts a swap with half this chance.
   */
  readonly wrongRoleP: number;
  /** Chance an invented colour (uniform in sRGB, a random role or none) follows a listed one. */
  readonly hallucinateP: number;
  /** Chance a truth colour is left out of the answer. */
  readonly omitP: number;
}

/**
 * 0.006 per OKLab axis: a ΔEOK of 0.02 is about one just-noticeable difference (CSS Color 4's
 * gamut-mapping JND), and on the fixtures this draws a median of about 1.9 ΔE00 and a p90 of
 * about 4.4 (the bench reports what it drew): "a few ΔE00", a model reading a colour off a
 * compressed image rather than copying a measured value. Colours at the gamut's edge (white,
 * black) are clamped back into sRGB, so they move less.
 */
export const JITTER_SIGMA_OKLAB = 0.006;
/** One role in seven wrong: models confuse neighbouring roles (surface vs background, muted vs border) often enough. */
export const WRONG_ROLE_P = 0.15;
/** One invented colour per twenty listed: a vision model naming a brand colour it expected, not one on screen. */
export const HALLUCINATE_P = 0.05;
/** One colour in ten missed: mostly the small ones in practice; here uniformly, which is kinder to small colours. */
export const OMIT_P = 0.1;

export const DEFAULT_NOISE: NoiseModel = { jitterSigmaOklab: JITTER_SIGMA_OKLAB, wrongRoleP: WRONG_ROLE_P, hallucinateP: HALLUCINATE_P, omitP: OMIT_P };

/** What one simulated answer did to the truth, for reporting the noise actually drawn. */
export interface NoiseDrawn {
  readonly truthColors: number;
  readonly omitted: number;
  /** ΔE00 between each listed truth colour and the hex the model gave for it. */
  readonly jitterDe: readonly number[];
  /** Listed truth colours that carried a Chorus role. */
  readonly roled: number;
  /** Of those, how many the model gave another role (after the swaps). */
  readonly wrongRole: number;
  readonly hallucinated: number;
}

type AnswerColor = ModelAnswer['colors'][number];
type AnswerRole = AnswerColor['role'];
const ANSWER_ROLES: readonly AnswerRole[] = [...ROLES, 'other'];

/**
 * A simulated vision model's answer for one screen: the truth palette, largest first, with
 * Chorus roles (main role only; roles Chorus lacks become `other`), each colour omitted with
 * `omitP`, its hex jittered in OKLab, its role swapped with another's (about `wrongRoleP` of roles end up wrong), and an
 * invented colour after it with `hallucinateP`. Deterministic for a given `random`.
 */
export function simulateModelAnswer(truth: FixtureTruth, noise: NoiseModel, random: () => number): { answer: ModelAnswer; drawn: NoiseDrawn } {
  const listed: { hex: string; role: AnswerRole; trueRole: Role | undefined }[] = [];
  const jitterDe: number[] = [];
  let omitted = 0;
  for (const color of truth.colors) {
    // Every draw is made whatever the outcome, so a colour's fate does not shift the next colour's stream.
    const omit = random() < noise.omitP;
    const hex = jitter(color.hex, noise.jitterSigmaOklab, random);
    if (omit) {
      omitted++;
      continue;
    }
    jitterDe.push(ciede2000(hexToLab(color.hex)!, hexToLab(hex)!));
    const role = chorusRoleOf(color.role);
    listed.push({ hex, role: role ?? 'other', trueRole: role });
  }

  const roled = listed.map((c, i) => (c.role === 'other' ? -1 : i)).filter((i) => i >= 0);
  for (const i of roled) {
    const swap = random() < noise.wrongRoleP / 2;
    const pick = Math.floor(random() * (roled.length - 1));
    if (!swap || roled.length < 2) continue;
    const j = roled.filter((k) => k !== i)[pick]!;
    [listed[i]!.role, listed[j]!.role] = [listed[j]!.role, listed[i]!.role];
  }
  const wrongRole = listed.filter((c) => c.trueRole !== undefined && c.role !== c.trueRole).length;

  const colors: { hex: string; role: AnswerRole }[] = [];
  let hallucinated = 0;
  for (const c of listed) {
    colors.push({ hex: c.hex, role: c.role });
    const invent = random() < noise.hallucinateP;
    const hex = formatHex({ r: random() * 255, g: random() * 255, b: random() * 255 });
    const role = ANSWER_ROLES[Math.floor(random() * ANSWER_ROLES.length)]!;
    if (!invent) continue;
    colors.push({ hex, role });
    hallucinated++;
  }

  return {
    answer: { colors: colors.slice(0, MAX_MODEL_COLORS).map((c, i) => ({ ...c, name: `simulated-${i + 1}` })) },
    drawn: { truthColors: truth.colors.length, omitted, jitterDe, roled: listed.filter((c) => c.trueRole !== undefined).length, wrongRole, hallucinated },
  };
}

/** The hex moved by an isotropic Gaussian in OKLab, clamped back into sRGB. */
function jitter(hex: string, sigma: number, random: () => number): string {
  const lab = hexToOklab(hex)!;
  const [dL, da, db] = [gaussian(random), gaussian(random), gaussian(random)];
  return formatHex(oklabToRgb({ L: lab.L + sigma * dL, a: lab.a + sigma * da, b: lab.b + sigma * db }));
}
