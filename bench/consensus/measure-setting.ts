import type { ColorVote } from '../../core/vote/color-vote.ts';
import { consensus, type ConsensusColor } from '../../core/vote/consensus.ts';
import { mulberry32 } from '../../core/random/mulberry32.ts';
import { answerToVotes } from '../../server/extractors/answer-to-votes.ts';
import type { FixtureTruth } from '../../test/fixtures/load-fixtures.ts';
import type { Prediction, ScoreAggregate, Scorer } from '../../test/fixtures/scorer.ts';
import { PALETTE_SIZE } from '../palette-size.ts';
import { timeRuns } from '../time-runs.ts';
import { tallyConflicts, type ConflictTally } from './conflict-tally.ts';
import { fixtureRoleOf } from './fixture-roles.ts';
import { judgeColor, type JudgedColor } from './judge-color.ts';
import { simulateModelAnswer, type NoiseDrawn, type NoiseModel } from './noise-model.ts';
import { seedFor } from './seed-for.ts';
import type { WeightedExtractor } from './simulated-models.ts';

/** The tier-1 table's second truth floor: 0.1 % of the image, where thin text, borders and status colours live. */
export const FINER_MIN_SHARE = 0.001;

/** A vote to measure: CV alone (`noise: null`), or CV plus the simulated models under a noise model. */
export interface ConsensusSetting {
  readonly id: string;
  readonly label: string;
  readonly noise: NoiseModel | null;
}

/** One image's inputs: its truth and the CV votes the server would hold after tier 2. */
export interface BenchScreen {
  readonly name: string;
  readonly truth: FixtureTruth;
  readonly cvVotes: readonly ColorVote[];
}

/** One pass of a setting over every screen with one seed. */
export interface SeedResult {
  readonly seed: number;
  /** The whole consensus palette scored, most prominent first. */
  readonly score: ScoreAggregate;
  /** Its first PALETTE_SIZE colours only, as the tier-1 table scores. */
  readonly scoreFirst8: ScoreAggregate;
  /** The whole palette, with truth colours down to FINER_MIN_SHARE required for recall. */
  readonly scoreFinerFloor: ScoreAggregate;
  /** Per image, the consensus palette. */
  readonly palettes: Readonly<Record<string, readonly ConsensusColor[]>>;
  /**
   * Consensus colours with no measured share although a CV extractor measured that exact value,
   * and not in the palette with a share under another role: the share comes only from measured
   * votes in the colour's own role group, so a colour the models put in a role CV gave another
   * colour sorts after every measured one.
   */
  readonly measuredWithoutShare: readonly { readonly image: string; readonly hex: string; readonly role: string }[];
  /** Per image, the truth colours (≥ FINER_MIN_SHARE) no consensus colour matched within ΔE00 3, as `#hex:role`. */
  readonly missed: Readonly<Record<string, readonly string[]>>;
  readonly tally: ConflictTally;
  /** Per image: median ms of `consensus()` over the timed runs. */
  readonly consensusMs: readonly number[];
  readonly votesPerImage: readonly number[];
  /** Per simulated answer: the noise it drew. Empty for CV alone. */
  readonly drawn: readonly NoiseDrawn[];
}

export interface TimingPlan {
  readonly runs: number;
  readonly warmups: number;
}

/**
 * Runs `consensus()` on each screen's votes (CV, plus one simulated answer per model when the
 * setting has noise, each from its own seeded stream), scores the palettes with the shared scorer
 * and judges every consensus colour against the truth.
 */
export async function measureSetting(
  setting: ConsensusSetting,
  screens: readonly BenchScreen[],
  models: readonly WeightedExtractor[],
  seed: number,
  scorer: Scorer,
  timing: TimingPlan,
): Promise<SeedResult> {
  const preds: Record<string, Prediction[]> = {};
  const judged: JudgedColor[] = [];
  const consensusMs: number[] = [];
  const votesPerImage: number[] = [];
  const drawn: NoiseDrawn[] = [];
  const palettes: Record<string, readonly ConsensusColor[]> = {};
  const measuredWithoutShare: { image: string; hex: string; role: string }[] = [];
  for (const screen of screens) {
    const votes = [...screen.cvVotes];
    const noise = setting.noise;
    if (noise) {
      for (const model of models) {
        const simulated = simulateModelAnswer(screen.truth, noise, mulberry32(seedFor(seed, screen.name, model.id)));
        // Through the server's own parser, as a real model's JSON would go.
        votes.push(...answerToVotes(JSON.stringify(simulated.answer), model.id, model.weight, 0));
        drawn.push(simulated.drawn);
      }
    }
    const timed = await timeRuns(() => consensus(votes), timing.runs, timing.warmups);
    consensusMs.push(timed.medianMs);
    votesPerImage.push(votes.length);
    preds[screen.name] = timed.result.colors.map(prediction);
    palettes[screen.name] = timed.result.colors;
    const measured = new Set(screen.cvVotes.map((v) => v.hex));
    const withShare = new Set(timed.result.colors.filter((c) => c.share !== undefined).map((c) => c.hex));
    for (const c of timed.result.colors) {
      if (c.share === undefined && measured.has(c.hex) && !withShare.has(c.hex)) measuredWithoutShare.push({ image: screen.name, hex: c.hex, role: c.role ?? 'no role' });
    }
    judged.push(...timed.result.colors.map((color) => judgeColor(color, screen.truth)));
  }
  const truth = Object.fromEntries(screens.map((s) => [s.name, s.truth]));
  const finer = scorer.scoreAll(truth, preds, { minShare: FINER_MIN_SHARE });
  return {
    seed,
    score: scorer.scoreAll(truth, preds).overall,
    scoreFirst8: scorer.scoreAll(truth, preds, { max: PALETTE_SIZE }).overall,
    scoreFinerFloor: finer.overall,
    palettes,
    measuredWithoutShare,
    missed: Object.fromEntries(Object.entries(finer.per_image).map(([name, image]) => [name, image.missed])),
    tally: tallyConflicts(judged),
    consensusMs,
    votesPerImage,
    drawn,
  };
}

function prediction(color: ConsensusColor): Prediction {
  if (!color.role) return color.hex;
  return { hex: color.hex, role: fixtureRoleOf(color.role) ?? color.role };
}
