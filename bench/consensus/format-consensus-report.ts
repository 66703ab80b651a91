import { deltaEHex } from '../../core/color/index.ts';
import { formatMs } from '../format-ms.ts';
import { median } from '../median.ts';
import { percentile } from '../percentile.ts';
import type { ConflictTally } from './conflict-tally.ts';
import { RIGHT_DE } from './judge-color.ts';
import type { ConsensusSetting, SeedResult, TimingPlan } from './measure-setting.ts';
import { CONFLICT_BELOW } from '../../core/vote/conflicts/find-conflict.ts';
import { SAME_VALUE_DE as SAME_COLOR_DE } from '../../core/vote/values/value-agreement.ts';
import { READING_DE as SNAP_DE } from '../../core/vote/values/group-values.ts';
import { HALLUCINATE_P, JITTER_SIGMA_OKLAB, OMIT_P, WRONG_ROLE_P, type NoiseModel } from './noise-model.ts';
import type { WeightedExtractor } from './simulated-models.ts';

export interface ConsensusReport {
  readonly date: string;
  readonly machine: string;
  readonly imageCount: number;
  readonly seeds: readonly number[];
  readonly timing: TimingPlan;
  /** Every CV extractor that voted, with its weight (tier 1, then tier 2). */
  readonly cvExtractors: readonly WeightedExtractor[];
  readonly models: readonly WeightedExtractor[];
  readonly noise: NoiseModel;
  readonly results: readonly { readonly setting: ConsensusSetting; readonly seeds: readonly SeedResult[] }[];
}

/** The consensus section of BENCHMARKS.md: how it was run, two tables, the noise drawn, definitions and a reading. */
export function formatConsensusReport(report: ConsensusReport): string {
  const { results } = report;
  const cv = results.find((r) => r.setting.noise === null);
  const modelSeeds = results.find((r) => r.setting.noise !== null)?.seeds.length ?? 0;
  const cvWeight = sum(report.cvExtractors.map((e) => e.weight));
  const modelWeight = sum(report.models.map((m) => m.weight));
  const lines: string[] = [
    '## The vote: consensus against the truth, with CV alone and with simulated models',
    '',
    `Measured ${report.date} on ${report.machine}.`,
    `${report.imageCount} fixture screens. The votes are what the server holds after tier 3: CV (${report.cvExtractors.map((e) => `${e.id} ${e.weight}`).join(', ')}: the tier-1 extractions as the plugin sends them, and the tier-2 full-resolution flat-region pass) and, in the model rows, three simulated vision models at the shipped weights (${report.models.map((m) => `${m.id} ${m.weight}`).join(', ')}) whose answers go through the server's own parser (\`answerToVotes\`). Model rows are the mean of ${modelSeeds} seeds (${report.seeds.slice(0, modelSeeds).join(', ')}); CV alone is deterministic. \`consensus()\` timed ${report.timing.runs} time(s) per screen after ${report.timing.warmups} warm-up(s).`,
    '',
    '| vote | votes / screen (median) | palette size | recall@3 | recall@3 (0.1 % floor) | precision@5 | first 8: recall@3 / precision@5 | dominant | role accuracy bg / text / primary | `consensus()` ms per screen: median (slowest) |',
    '|---|--:|--:|--:|--:|--:|--:|--:|--|--:|',
    ...results.map(({ setting, seeds }) => {
      const perScreenMs = seeds.flatMap((s) => s.consensusMs);
      return `| ${setting.label} | ${median(seeds.flatMap((s) => s.votesPerImage)).toFixed(0)} | ${avg(seeds, (s) => s.score.mean_palette_size).toFixed(1)} | ${pct(avg(seeds, (s) => s.score.recall3))} | ${pct(avg(seeds, (s) => s.scoreFinerFloor.recall3))} | ${pct(avg(seeds, (s) => s.score.precision5))} | ${pct(avg(seeds, (s) => s.scoreFirst8.recall3))} / ${pct(avg(seeds, (s) => s.scoreFirst8.precision5))} | ${pct(avg(seeds, (s) => s.score.dominant))} | ${roleAccuracy(seeds)} | ${formatMs(median(perScreenMs))} (${formatMs(Math.max(...perScreenMs))}) |`;
    }),
    '',
    `Scored by the shared scorer on the whole consensus palette, most prominent first (colours only models named have no measured share and come last); "first 8" cuts it as the tier-1 table does. Role accuracy: the consensus colour with that role is within ΔE00 < 3 of the truth colour holding it (images where the role was given in brackets, mean over seeds).`,
    '',
    `### Conflicts: are the flags the errors? (counts per pass over the ${report.imageCount} screens; model rows: seed mean [min–max])`,
    '',
    '| vote | colours (with a role) | wrong, with a role: wrong value / role not in truth | wrong, no role | flagged | flag precision | wrong roled colours flagged | wrong roled colours **not** flagged | flagged and wrong, a candidate right |',
    '|---|--:|--:|--:|--:|--:|--:|--:|--:|',
    ...results.map(({ setting, seeds }) => {
      const t = (pick: (tally: ConflictTally) => number) => count(seeds.map((s) => pick(s.tally)));
      const flagged = avg(seeds, (s) => s.tally.flagged);
      const flaggedWrong = avg(seeds, (s) => s.tally.flaggedWrong);
      const roledWrong = avg(seeds, (s) => s.tally.roledWrong);
      const roledWrongFlagged = avg(seeds, (s) => s.tally.flaggedRoledWrong);
      return `| ${setting.label} | ${t((x) => x.colors)} (${t((x) => x.roled)}) | ${t((x) => x.roledWrongValue)} / ${t((x) => x.roledRoleAbsent)} | ${t((x) => x.unroledWrong)} | ${t((x) => x.flagged)} | ${flagged > 0 ? pct(flaggedWrong / flagged) : '—'} | ${t((x) => x.flaggedRoledWrong)} of ${t((x) => x.roledWrong)} (${roledWrong > 0 ? pct(roledWrongFlagged / roledWrong) : '—'}) | ${t((x) => x.unflaggedRoledWrong)} | ${t((x) => x.flaggedFixable)} |`;
    }),
    '',
    `A consensus colour is **wrong** when it has a role and its winning value is not within ΔE00 < ${RIGHT_DE} of a truth colour holding that role (in the truth's \`roles\`, fixture names mapped: \`muted\` = \`text-muted\`, \`onPrimary\` = \`on-primary\`): "wrong value" when the truth has the role on another colour, "role not in truth" when the screen has no such role (\`accent\`, which no fixture names, or e.g. \`warning\` on a screen whose orange is its \`secondary\`); a colour without a role is wrong when it is ΔE00 ≥ ${RIGHT_DE} from every truth colour. **Flag precision** = flagged colours that are wrong ÷ flagged colours (all flagged, with or without a role). **Not flagged** = colours with a role that are wrong and carry no conflict flag: errors the designer is not told about. The last column counts flagged wrong colours one of whose candidates is right, so picking it in review fixes the colour. Roles the consensus left out entirely are not counted here (they show in role accuracy).`,
    '',
    ...noiseLines(report),
    '',
    ...lostLines(results, cv),
    '',
    '### Reading',
    '',
    ...reading(report, cvWeight, modelWeight),
  ];
  return `${lines.join('\n')}\n`;
}

type SettingResult = ConsensusReport['results'][number];

function noiseLines(report: ConsensusReport): string[] {
  const lines = [
    '### Noise model of the simulated models',
    '',
    "Each simulated answer is the screen's truth palette, largest first, with Chorus roles (each colour's main role; `surfaceVariant` and `primaryContainer`, which Chorus lacks, become `other`), drawn from `mulberry32` seeded per seed, screen and model, then as below. The rates are assumptions, not measured on real models: the rows show how the vote behaves under them.",
    '',
    `- **omitted**: each colour left out with p = ${OMIT_P}: models miss colours, in practice mostly small ones; here uniformly.`,
    `- **jitter**: the hex moved by a Gaussian in OKLab, σ = ${JITTER_SIGMA_OKLAB} per axis (a ΔEOK of 0.02 is about one just-noticeable difference, CSS Color 4's gamut-mapping JND), clamped into sRGB: a model reading a colour off a compressed image instead of copying a measured value. The "exact hexes" row has σ = 0 and every other draw the same.`,
    `- **wrong role**: each colour starts a swap of roles with another roled colour of the answer with p = ${WRONG_ROLE_P} / 2, so about ${pct(report.noise.wrongRoleP)} of roles end up wrong (a swap wrongs two): surface for background, muted for border.`,
    `- **hallucinated**: after each colour, with p = ${HALLUCINATE_P}, an invented colour (uniform in sRGB) with a uniformly drawn role or \`other\`: a brand colour the model expected rather than saw.`,
  ];
  // The rows with models draw the same streams (only σ differs), so the draws are reported once, from the jittered row.
  for (const { setting, seeds } of report.results.filter((r) => (r.setting.noise?.jitterSigmaOklab ?? 0) > 0)) {
    const drawn = seeds.flatMap((s) => s.drawn);
    const de = drawn.flatMap((d) => d.jitterDe);
    const listed = sum(drawn.map((d) => d.truthColors - d.omitted));
    lines.push(
      '',
      `Drawn in "${setting.label}" (${drawn.length} answers): jitter ΔE00 median ${median(de).toFixed(2)}, p90 ${percentile(de, 90).toFixed(2)}, max ${Math.max(...de).toFixed(1)}; ${pct(sum(drawn.map((d) => d.omitted)) / sum(drawn.map((d) => d.truthColors)))} of truth colours omitted; ${pct(sum(drawn.map((d) => d.wrongRole)) / sum(drawn.map((d) => d.roled)))} of roled colours listed with a wrong role; ${sum(drawn.map((d) => d.hallucinated))} hallucinated colours (${pct(sum(drawn.map((d) => d.hallucinated)) / listed)} of listed colours). The exact-hex row draws the same, with no jitter.`,
    );
  }
  return lines;
}

/** Truth colours the CV-only consensus matched that a model row lost (or the reverse), by image. */
function lostLines(results: readonly SettingResult[], cv: SettingResult | undefined): string[] {
  const cvMissed = cv?.seeds[0]?.missed;
  if (!cvMissed) return [];
  const lines = ['### Colours the models made the vote lose (or find)', ''];
  for (const { setting, seeds } of results) {
    if (!setting.noise) continue;
    const lost = new Map<string, number[]>();
    const found = new Map<string, number[]>();
    for (const seed of seeds) {
      for (const [image, missed] of Object.entries(seed.missed)) {
        const before = cvMissed[image] ?? [];
        for (const m of missed) if (!before.includes(m)) lost.set(`${image} ${m}`, [...(lost.get(`${image} ${m}`) ?? []), seed.seed]);
        for (const m of before) if (!missed.includes(m)) found.set(`${image} ${m}`, [...(found.get(`${image} ${m}`) ?? []), seed.seed]);
      }
    }
    const describe = (map: Map<string, number[]>) => (map.size === 0 ? 'none' : [...map].map(([what, s]) => `${what.replace(':', ' (')}) in seed${s.length > 1 ? 's' : ''} ${s.join(', ')}`).join('; '));
    lines.push(`- **${setting.label}**: truth colours (≥ 0.1 % of the image) CV alone matched within ΔE00 < 3 and this vote did not: ${describe(lost)}. Found that CV alone missed: ${describe(found)}.`);
  }
  return lines;
}

function reading(report: ConsensusReport, cvWeight: number, modelWeight: number): string[] {
  const byNoise = (jittered: boolean) => report.results.find((r) => r.setting.noise !== null && r.setting.noise.jitterSigmaOklab > 0 === jittered);
  const cv = report.results.find((r) => r.setting.noise === null);
  const jitter = byNoise(true);
  const exact = byNoise(false);
  if (!cv || !jitter || !exact) return ['(A reading needs the CV, jittered and exact rows.)'];
  const screens = report.imageCount;
  const q = (r: SettingResult, pick: (s: SeedResult) => number | null) => avg(r.seeds, pick);
  const c = (r: SettingResult, pick: (t: ConflictTally) => number) => count(r.seeds.map((s) => pick(s.tally)));
  const flags = (r: SettingResult) => q(r, (s) => s.tally.flagged);
  const flagPrecision = (r: SettingResult) => (flags(r) > 0 ? pct(q(r, (s) => s.tally.flaggedWrong) / flags(r)) : '—');
  const precisionDrop = q(cv, (s) => s.score.precision5) - q(jitter, (s) => s.score.precision5);
  const pairs = pairsUnflagged(report.models);
  const bg = (r: SettingResult) => q(r, (s) => s.score.roles.background.accuracy);
  const lines = [
    `- **Values and recall**: CV alone already matches every truth colour above the floors it is scored at (recall@3 ${pct(q(cv, (s) => s.score.recall3))}, ${pct(q(cv, (s) => s.scoreFinerFloor.recall3))} at 0.1 %; precision@5 ${pct(q(cv, (s) => s.score.precision5))}), so on these screens models cannot raise recall. With jittered models recall@3 is ${pct(q(jitter, (s) => s.score.recall3))} and precision@5 ${pct(q(jitter, (s) => s.score.precision5))}${Math.abs(precisionDrop) < 0.01 ? ' (within a point of CV alone)' : ''}; the palette grows from ${q(cv, (s) => s.score.mean_palette_size).toFixed(1)} to ${q(jitter, (s) => s.score.mean_palette_size).toFixed(1)} colours, mostly the truth's smallest colours, under both recall floors, that the models name. Background accuracy: ${pct(bg(cv))} CV alone, ${pct(bg(jitter))} with jittered models, ${pct(bg(exact))} with exact ones, where three agreeing models (${modelWeight.toFixed(1)}) can outweigh the three CV extractors (${cvWeight.toFixed(1)}).`,
    `- **Flags with jittered models are noise**: ${c(jitter, (t) => t.flagged)} of ${c(jitter, (t) => t.colors)} colours flagged (${(flags(jitter) / screens).toFixed(1)} a screen), flag precision ${flagPrecision(jitter)}. The vote clusters values within SAME_COLOR_DE ${SAME_COLOR_DE} ΔE00, so a model's hex 2 ΔE00 off the measured one is a candidate of its own: where the CV extractors agree they hold ${cvWeight.toFixed(1)} of ${(cvWeight + modelWeight).toFixed(1)} weight (${pct(cvWeight / (cvWeight + modelWeight))}) against three lone model values, under CONFLICT_BELOW ${pct(CONFLICT_BELOW)}. The measured value still wins, but the flag only says "the models did not copy CV". On roles no CV extractor named, the heaviest single model wins whatever the other two say: wrong roled colours rise from ${c(cv, (t) => t.roledWrong)} (CV alone) to ${c(jitter, (t) => t.roledWrong)}, ${c(jitter, (t) => t.flaggedRoledWrong)} of them flagged, and ${c(jitter, (t) => t.flaggedFixable)} flagged colours have a right candidate. The vote assumes models echo measured values, as the prompt asks (the exact-hex row); real models will sit between the two rows.`,
    `- **Flags with exact models**: ${c(exact, (t) => t.flagged)} flagged (${(flags(exact) / screens).toFixed(1)} a screen), flag precision ${flagPrecision(exact)}; the right ones are real disagreements settled the right way (one or two models' swapped or invented roles). ${c(exact, (t) => t.unflaggedRoledWrong)} wrong roled colours go unflagged, ${c(exact, (t) => t.unflaggedRoledWrongCv)} of them CV's own errors that no model contested (CV alone: ${c(cv, (t) => t.roledWrong)} wrong, ${c(cv, (t) => t.flaggedRoledWrong)} flagged: the extractors agree on their mistakes); the rest were decided among models alone, where ${pairs.length > 0 ? `${pairs.join(' or ')} is not a conflict (≥ CONFLICT_BELOW), so the heavier model's wrong role passes unflagged` : 'no two-model split is above CONFLICT_BELOW'}.`,
    `- **Timing**: \`consensus()\` takes ${formatMs(median(cv.seeds.flatMap((s) => s.consensusMs)))} ms a screen on CV votes and ${formatMs(median(jitter.seeds.flatMap((s) => s.consensusMs)))} ms with model votes (median); negligible next to the extractors, though it runs after every tier.`,
  ];
  const lost = lostColors(exact, cv);
  const unshared = exact.seeds.flatMap((s) => s.measuredWithoutShare.filter((m) => m.role !== 'no role').map((m) => ({ ...m, seed: s.seed })));
  if (lost.length > 0 || q(exact, (s) => s.score.dominant) < q(cv, (s) => s.score.dominant)) {
    const recoverable = lost.filter((l) => l.recoverable).length;
    lines.push(
      `- **Where the vote made things worse** (exact models): the palette lost a colour CV alone found ${lost.length} time(s) in ${exact.seeds.length} seeds (${[...new Set(lost.map((l) => `${l.image} ${l.hex}`))].join(', ') || 'none'}) and dominant accuracy is ${pct(q(exact, (s) => s.score.dominant))} (CV alone ${pct(q(cv, (s) => s.score.dominant))}). Roles are voted one by one: when CV has two colours' roles swapped and the models have them right, CV (${cvWeight.toFixed(1)}) can win one role and the models (${modelWeight.toFixed(1)}) the other, so both roles get one colour and the other colour, measured only under a role, drops out (${recoverable} of ${lost.length} times it was a candidate of a flagged colour, so review can restore it). And a colour that wins a role through the models takes its share only from measured votes in that role's group, which measured another colour, so it has none and sorts after every measured colour (${unshared.length} time(s)${unshared.length > 0 ? `: ${[...new Set(unshared.map((u) => `${u.image} ${u.hex} as ${u.role}`))].join(', ')}` : ''}): the screen's largest colour can fall out of the first 8.`,
    );
  }
  return lines;
}

/** Truth colours CV alone matched that a setting lost, per seed, and whether a flagged colour offered them as a candidate. */
function lostColors(setting: SettingResult, cv: SettingResult): { seed: number; image: string; hex: string; recoverable: boolean }[] {
  const cvMissed = cv.seeds[0]?.missed ?? {};
  return setting.seeds.flatMap((seed) =>
    Object.entries(seed.missed).flatMap(([image, missed]) =>
      missed
        .filter((m) => !(cvMissed[image] ?? []).includes(m))
        .map((m) => {
          const hex = m.split(':')[0]!;
          const flagged = (seed.palettes[image] ?? []).filter((color) => color.conflict);
          return { seed: seed.seed, image, hex, recoverable: flagged.some((color) => color.candidates.some((k) => (deltaEHex(k.hex, hex) ?? Infinity) < RIGHT_DE)) };
        }),
    ),
  );
}

/** Pairs of models whose split (heavier ÷ both) is not a conflict, e.g. "1.1 vs 0.7 (61 %)". */
function pairsUnflagged(models: readonly WeightedExtractor[]): string[] {
  const pairs: string[] = [];
  models.forEach((a, i) =>
    models.slice(i + 1).forEach((b) => {
      const [heavy, light] = a.weight >= b.weight ? [a, b] : [b, a];
      const agreement = heavy.weight / (heavy.weight + light.weight);
      if (agreement >= CONFLICT_BELOW) pairs.push(`${heavy.id} ${heavy.weight} vs ${light.id} ${light.weight} (${pct(agreement)})`);
    }),
  );
  return pairs;
}

function roleAccuracy(seeds: readonly SeedResult[]): string {
  return (['background', 'text', 'primary'] as const)
    .map((role) => `${pct(avg(seeds, (s) => s.score.roles[role].accuracy))} (${avg(seeds, (s) => s.score.roles[role].given).toFixed(0)})`)
    .join(' / ');
}

/** Mean over seeds of a figure; NaN if any seed has none. */
function avg(seeds: readonly SeedResult[], pick: (seed: SeedResult) => number | null): number {
  const values = seeds.map(pick);
  return values.some((v) => v === null) ? Number.NaN : sum(values.map((v) => v ?? 0)) / values.length;
}

/** A count per pass: the value for one seed, or the mean with [min–max] for several. */
function count(values: readonly number[]): string {
  if (values.length === 1) return String(values[0]);
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const mean = (sum(values) / values.length).toFixed(1);
  return lo === hi ? mean : `${mean} [${lo}–${hi}]`;
}

const pct = (v: number): string => (Number.isFinite(v) ? `${(100 * v).toFixed(1)} %` : '—');
const sum = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0);
