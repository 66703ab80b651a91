import { TIER1_EXTRACTORS } from '../../core/cv/tier1-extractors.ts';
import { decodePng } from '../../server/decode/decode-png.ts';
import { loadFixtures } from '../../test/fixtures/load-fixtures.ts';
import { loadScorer } from '../../test/fixtures/scorer.ts';
import { describeMachine } from '../machine.ts';
import type { SectionOptions, SectionResult } from '../section.ts';
import { cvVotes } from './cv-votes.ts';
import { formatConsensusReport } from './format-consensus-report.ts';
import { measureSetting, type BenchScreen, type ConsensusSetting, type SeedResult } from './measure-setting.ts';
import { DEFAULT_NOISE } from './noise-model.ts';
import { shippedWeights } from './simulated-models.ts';

/** Seeds of the simulated models' noise; the figures are their mean. Five keep the spread visible and the run short. */
const SEEDS = [1, 2, 3, 4, 5] as const;
/** --quick: two seeds, enough to see the figures move. */
const QUICK_SEEDS = 2;
/** Timed `consensus()` calls per image (after WARMUPS): it takes well under a millisecond, so many are cheap. */
const DEFAULT_RUNS = 10;
/** Untimed calls first, so JIT compilation is not timed. */
const WARMUPS = 2;

/**
 * CV alone; CV plus the simulated models as the brief asks; and the same models copying the
 * truth's hexes exactly (no jitter, every other noise the same), as the prompt asks real models
 * to copy measured values: it separates what the jitter does from what roles and inventions do.
 */
const SETTINGS: readonly ConsensusSetting[] = [
  { id: 'cv', label: 'CV only', noise: null },
  { id: 'cv+models', label: 'CV + 3 simulated models', noise: DEFAULT_NOISE },
  { id: 'cv+models-exact', label: 'CV + 3 simulated models, exact hexes (no jitter)', noise: { ...DEFAULT_NOISE, jitterSigmaOklab: 0 } },
];

/**
 * The vote measured against the truth: on the fixtures, the consensus of the CV extractors the
 * server runs (tier-1 flat-regions and oklab-clusters, tier-2 flat-regions-full) alone and with
 * three simulated vision models whose answers are the truth palette under a seeded noise model.
 * Recall, precision and role accuracy by the shared scorer; conflicts judged against the truth;
 * `consensus()` timed per image.
 */
export async function consensusBench(options: SectionOptions): Promise<SectionResult> {
  const { log } = options;
  const scorer = await loadScorer();
  const { fullResolution, models } = shippedWeights();
  const seeds = options.quick ? SEEDS.slice(0, QUICK_SEEDS) : SEEDS;
  const timing = options.quick ? { runs: 1, warmups: 0 } : { runs: options.runs ?? DEFAULT_RUNS, warmups: WARMUPS };

  const screens: BenchScreen[] = loadFixtures().map((fixture) => ({
    name: fixture.name,
    truth: fixture.truth,
    cvVotes: cvVotes(decodePng(fixture.png), fullResolution),
  }));
  log(`consensus: CV votes for ${screens.length} screens`);

  const results: { setting: ConsensusSetting; seeds: SeedResult[] }[] = [];
  for (const setting of SETTINGS) {
    const perSeed: SeedResult[] = [];
    // CV alone has no randomness: one pass is every seed's answer.
    for (const seed of setting.noise ? seeds : seeds.slice(0, 1)) perSeed.push(await measureSetting(setting, screens, models, seed, scorer, timing));
    results.push({ setting, seeds: perSeed });
    log(`consensus: ${setting.id} done (${perSeed.length} seed(s))`);
  }

  return {
    markdown: formatConsensusReport({
      date: new Date().toISOString().slice(0, 10),
      machine: describeMachine(),
      imageCount: screens.length,
      seeds: [...seeds],
      timing,
      cvExtractors: [...TIER1_EXTRACTORS.map((e) => ({ id: e.id, weight: e.weight })), fullResolution],
      models,
      noise: DEFAULT_NOISE,
      results,
    }),
    measured: true,
  };
}
