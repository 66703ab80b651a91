import { ciede2000, formatHex, hexToLab, hexToOklab, oklabToRgb } from '../../core/color/index.ts';
import { ROLES } from '../../core/palette/role.ts';
import { MAX_MODEL_COLORS, type ModelAnswer } from '../../server/extractors/model-answer.ts';
import type { FixtureTruth } from '../../test/fixtures/load-fixtures.ts';
import { chorusRoleOf } from './fixture-roles.ts';
import { gaussian } from './gaussian.ts';
import { NEIGHBOUR_ROLES, type PanelProfile } from './panel-profiles.ts';
import type { ListedColor } from './prompt-colors.ts';

/** A model copies a measured value within this of the colour it sees: one just-noticeable difference (ΔE00 2.3). */
const COPY_DE = 2.3;
type AnswerRole = ModelAnswer['colors'][number]['role'];
const ANSWER_ROLES: readonly AnswerRole[] = [...ROLES, 'other'];
const isAnswerRole = (role: string | undefined): role is AnswerRole => (ANSWER_ROLES as readonly (string | undefined)[]).includes(role);

/**
 * One simulated model's answer for a screen: the truth palette, largest first, with Chorus roles,
 * under the model's failure modes (omission, reading values off, swapping neighbouring roles,
 * inventing colours, the screen's shared confusion), or the measured list when it echoes.
 * `confusion` is the pair of roles the models that share a confusion swap on this screen.
 * Deterministic for a given `random`; every draw is made whatever its outcome, so one colour's
 * fate does not shift the next one's stream.
 */
export function simulateAnswer(
  profile: PanelProfile,
  truth: FixtureTruth,
  listed: readonly ListedColor[],
  confusion: readonly [AnswerRole, AnswerRole] | undefined,
  random: () => number,
): ModelAnswer {
  if (profile.echo) {
    return { colors: listed.slice(0, MAX_MODEL_COLORS).map((c, i) => ({ hex: c.hex, role: isAnswerRole(c.role) ? c.role : 'other', name: `echo-${i + 1}` })) };
  }
  const colors: { hex: string; role: AnswerRole }[] = [];
  for (const color of truth.colors) {
    const omit = random() < profile.omitP;
    const read = jitter(color.hex, profile.readSigmaOklab, random);
    if (omit) continue;
    colors.push({ hex: profile.copiesMeasured ? (nearestListed(color.hex, listed) ?? read) : read, role: chorusRoleOf(color.role) ?? 'other' });
  }
  const swap = (a: AnswerRole, b: AnswerRole) => {
    const i = colors.findIndex((c) => c.role === a);
    const j = colors.findIndex((c) => c.role === b);
    if (i < 0 || j < 0) return;
    [colors[i]!.role, colors[j]!.role] = [b, a];
  };
  for (const [a, b] of NEIGHBOUR_ROLES) if (random() < profile.swapP) swap(a, b);
  if (confusion && profile.sharesConfusion) swap(...confusion);

  const withInventions: { hex: string; role: AnswerRole }[] = [];
  for (const c of colors) {
    withInventions.push(c);
    const invent = random() < profile.inventP;
    const hex = formatHex({ r: random() * 255, g: random() * 255, b: random() * 255 });
    const role = ANSWER_ROLES[Math.floor(random() * ANSWER_ROLES.length)]!;
    if (invent) withInventions.push({ hex, role });
  }
  return { colors: withInventions.slice(0, MAX_MODEL_COLORS).map((c, i) => ({ hex: c.hex, role: c.role, name: `simulated-${i + 1}` })) };
}

/** The screen's shared confusion: with probability `p`, one pair of neighbouring roles the truth has both of. */
export function drawConfusion(truth: FixtureTruth, p: number, random: () => number): readonly [AnswerRole, AnswerRole] | undefined {
  const roles = new Set<AnswerRole | undefined>(truth.colors.map((c) => chorusRoleOf(c.role)));
  const pairs = NEIGHBOUR_ROLES.filter(([a, b]) => roles.has(a) && roles.has(b));
  const happens = random() < p;
  const pick = Math.floor(random() * pairs.length);
  return happens && pairs.length > 0 ? pairs[pick] : undefined;
}

function nearestListed(hex: string, listed: readonly ListedColor[]): string | undefined {
  const lab = hexToLab(hex)!;
  let best: string | undefined;
  let bestDe = COPY_DE;
  for (const c of listed) {
    const de = ciede2000(lab, hexToLab(c.hex)!);
    if (de < bestDe) [best, bestDe] = [c.hex, de];
  }
  return best;
}

/** The hex moved by an isotropic Gaussian in OKLab, clamped back into sRGB. */
function jitter(hex: string, sigma: number, random: () => number): string {
  const lab = hexToOklab(hex)!;
  const [dL, da, db] = [gaussian(random), gaussian(random), gaussian(random)];
  return formatHex(oklabToRgb({ L: lab.L + sigma * dL, a: lab.a + sigma * da, b: lab.b + sigma * db }));
}
