import type { Role } from '../../core/palette/role.ts';

/**
 * How one simulated model gets a screen wrong. Probabilities are per colour (0–1) unless said.
 * The rates are assumptions, not measurements of real models: the bench shows how the vote
 * behaves under them, and each mode is there because real vision models do it.
 */
export interface PanelProfile {
  /** What the report calls it. */
  readonly label: string;
  /** Answers the measured list it was shown, with CV's roles, and nothing else. */
  readonly echo: boolean;
  /**
   * Copies a measured value when one is within a just-noticeable difference of the colour it sees
   * (what the prompt asks); otherwise reads the colour itself, off by `readSigmaOklab`.
   */
  readonly copiesMeasured: boolean;
  /** Standard deviation per OKLab axis of a colour the model reads itself: 0.006 draws a median of about 2 ΔE00. */
  readonly readSigmaOklab: number;
  readonly omitP: number;
  /** Chance, per pair of neighbouring roles both present in its answer, that it swaps them. */
  readonly swapP: number;
  /** Chance an invented colour (uniform in sRGB, a random role or none) follows a listed one. */
  readonly inventP: number;
  /** Makes the screen's shared confusion, when the screen has one (see SHARED_CONFUSION_P). */
  readonly sharesConfusion: boolean;
}

/** A model reading a compressed copy: a few ΔE00 off (CSS Color 4's JND is a ΔEOK of 0.02). */
const READ_SIGMA = 0.006;

const careful: PanelProfile = { label: 'careful', echo: false, copiesMeasured: true, readSigmaOklab: READ_SIGMA, omitP: 0.05, swapP: 0.03, inventP: 0.01, sharesConfusion: false };

/**
 * The panel, by extractor id. A model the config adds that is not listed here answers carefully.
 * - local-vision, near-miss: a 7B model that reads every colour itself and drops one in six.
 * - openai, role swap: swaps neighbouring roles (surface/background, text/muted) often.
 * - anthropic, invention: adds a colour that is not on screen one time in ten.
 * - openai and anthropic share a confusion on some screens (the same swap, from the same training data).
 * - gemini, omission: lists the big colours, drops one in four.
 * - anthropic-deep, echo: repeats the measured list it was given.
 */
export const PANEL: Readonly<Record<string, PanelProfile>> = {
  'local-vision': { ...careful, label: 'near-miss', copiesMeasured: false, omitP: 0.15, swapP: 0.05, inventP: 0.02 },
  openai: { ...careful, label: 'role swap', swapP: 0.2, inventP: 0.02, sharesConfusion: true },
  anthropic: { ...careful, label: 'invention', omitP: 0.1, swapP: 0.05, inventP: 0.1, sharesConfusion: true },
  gemini: { ...careful, label: 'omission', omitP: 0.25, swapP: 0.05, inventP: 0.02 },
  'anthropic-deep': { ...careful, label: 'echo', echo: true },
};

export const profileOf = (extractor: string): PanelProfile => PANEL[extractor] ?? careful;

/** Share of screens on which the models that share a confusion make it. */
export const SHARED_CONFUSION_P = 0.25;

/** Roles a model mixes up with each other: they sit next to each other on screen and in the vocabulary. */
export const NEIGHBOUR_ROLES: readonly (readonly [Role, Role])[] = [
  ['background', 'surface'],
  ['text', 'text-muted'],
  ['surface', 'border'],
  ['primary', 'secondary'],
  ['primary', 'accent'],
  ['text-muted', 'border'],
];
