// `npm run bench`: the tier-1 benchmark (Chorus's extractors and vote against open-source peers on
// the fixture screens), then the consensus vote against the truth with CV alone and with simulated
// models (bench/consensus/), the backend streaming section (bench/backend/) and tier 1 in Chromium
// (bench/browser/), each of which also runs alone: bench/run-consensus.ts, bench/run-backend.ts,
// bench/run-scale.ts, bench/run-browser.ts.
//
//   npx tsx bench/run.ts [--quick] [--runs N] [--write] [--json FILE] [--only id,id] [--images name,name] [--fixtures real,screens] [--skip consensus,backend,browser]
//
// Markdown report on stdout, progress on stderr. --quick: one timed run per image, no warm-up
// (a CI smoke test, timings indicative only; the other sections shrink likewise). --write: also
// rewrites each section of BENCHMARKS.md between its markers. --json: every per-image time, palette
// and score of the tier-1 section, for digging. --runs, --only, --images and --fixtures (default both
// sets, each its own table) apply to the tier-1 section; --skip leaves out the consensus, backend or browser section.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { RgbaImage } from '../core/cv/rgba-image.ts';
import { decodePng } from '../server/decode/decode-png.ts';
import { decodeWithJimp } from '../server/decode/decode-with-jimp.ts';
import { FIXTURES_DIR, loadFixtures, REAL_FIXTURES_DIR, REPO_ROOT } from '../test/fixtures/load-fixtures.ts';
import { roleAccuracy } from '../test/fixtures/role-accuracy.ts';
import type { Contender } from './contender.ts';
import { formatReport, type ContenderResult, type DecodeRow } from './format-report.ts';
import { chorusContenders, firstLine } from './chorus-contenders.ts';
import { describeMachine } from './machine.ts';
import { median } from './median.ts';
import { PALETTE_SIZE } from './palette-size.ts';
import { PEERS } from './peers.ts';
import { loadScorer, type Prediction } from '../test/fixtures/scorer.ts';
import { timeRuns } from './time-runs.ts';
import { timeRoundRobin } from './time-round-robin.ts';
import { updateBenchmarksMd } from './update-benchmarks-md.ts';
import { backendBench } from './backend/backend-bench.ts';
import { browserBench } from './browser/browser-bench.ts';
import { consensusBench } from './consensus/consensus-bench.ts';
import { designSystemBench } from './design-system/design-system-bench.ts';
import { modelImageBench } from './model-images/model-image-bench.ts';
import { scaleBench } from './backend/scale-bench.ts';
import { emitSection, type SectionBench } from './section.ts';

/** Timed runs per image by default: enough for a stable median on a shared 2-core machine. */
const DEFAULT_RUNS = 5;
/** Untimed runs first, so JIT compilation is not timed. */
const WARMUPS = 1;
/** The second truth floor the report scores at: 0.1 % of the image, where thin text and borders live. */
const FINER_MIN_SHARE = 0.001;

const { values: args } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    runs: { type: 'string' },
    write: { type: 'boolean', default: false },
    json: { type: 'string' },
    only: { type: 'string' },
    images: { type: 'string' },
    skip: { type: 'string' },
    fixtures: { type: 'string' },
  },
});

/** The sections after tier 1, in report order. */
const SECTIONS: readonly (readonly ['consensus' | 'model-images' | 'backend' | 'scale' | 'browser' | 'design-system', SectionBench])[] = [
  ['consensus', consensusBench],
  ['model-images', modelImageBench],
  ['design-system', designSystemBench],
  ['backend', backendBench],
  ['scale', scaleBench],
  ['browser', browserBench],
];
/** The two fixture sets, each its own table: real screenshots decide, the rendered screens must not get worse. */
const FIXTURE_SETS = {
  real: { dir: REAL_FIXTURES_DIR, title: 'Tier-1 extraction vs open-source peers: real screenshots', kind: 'real screenshots (test/fixtures/real: editors, terminals, apps)' },
  screens: { dir: FIXTURES_DIR, title: 'Tier-1 extraction vs open-source peers: rendered screens', kind: 'rendered fixture screens (test/fixtures/screens)' },
} as const;
type FixtureSet = keyof typeof FIXTURE_SETS;
const sets = (args.fixtures?.split(',').map((s) => s.trim()) ?? ['real', 'screens']) as FixtureSet[];
for (const set of sets) if (!(set in FIXTURE_SETS)) throw new Error(`--fixtures takes real, screens or both comma-separated; got "${set}"`);
const skip = new Set(args.skip?.split(',').map((s) => s.trim()));
for (const name of skip) {
  if (!SECTIONS.some(([known]) => known === name)) throw new Error(`--skip takes ${SECTIONS.map(([known]) => known).join(', ')}; got "${name}"`);
}

const runs = args.quick ? 1 : Math.max(1, Number.parseInt(args.runs ?? String(DEFAULT_RUNS), 10) || DEFAULT_RUNS);
const warmups = args.quick ? 0 : WARMUPS;
const only = args.only?.split(',').map((s) => s.trim());
const imageFilter = args.images?.split(',').map((s) => s.trim());
const log = (line: string) => process.stderr.write(`${line}\n`);

const scorer = await loadScorer();

const peerContenders: Contender[] = PEERS.map((peer) => ({
  id: peer.id,
  kind: 'peer',
  note: peer.note,
  ...(peer.maxRuns === undefined ? {} : { maxRuns: peer.maxRuns }),
  extract: (image: RgbaImage) => peer.extract(image),
}));
const contenders = [...chorusContenders(), ...peerContenders].filter((c) => !only || only.includes(c.id));

interface PerImage {
  readonly extractMs: number;
  readonly palette: readonly Prediction[];
}

/** The tier-1 table of one fixture set: every contender on every image, timed and scored. */
async function benchFixtureSet(set: FixtureSet) {
  const fixtures = loadFixtures(FIXTURE_SETS[set].dir).filter((f) => !imageFilter || imageFilter.includes(f.name));
  if (fixtures.length === 0) return null;
  const skipped: string[] = [];
  const perContender = new Map<string, Map<string, PerImage>>(contenders.map((c) => [c.id, new Map()]));
  const failed = new Map<string, string>();
  const decodeTimes: { name: string; size: string; oursMs: number; jimpMs: number }[] = [];

  /** Chorus failing is a bug to see, not a row to hide; a peer that cannot run is reported and left out. */
  const dropContender = (contender: Contender, image: string, error: unknown) => {
    if (contender.kind === 'chorus') throw error;
    const reason = `${contender.id}: threw on ${image} (${firstLine(error)}); row dropped`;
    failed.set(contender.id, reason);
    skipped.push(reason);
    log(`skipping ${reason}`);
  };

  // One untimed pass of every contender over the set first: one warm-up per image is not enough
  // for a pipeline of many functions to be compiled by the time the first images are timed (the
  // first few screens read up to twice their later times).
  if (warmups > 0) {
    for (const fixture of fixtures) {
      const image = decodePng(fixture.png);
      for (const contender of contenders) {
        if (failed.has(contender.id)) continue;
        try {
          await contender.extract(image);
        } catch (error) {
          dropContender(contender, fixture.name, error);
        }
      }
    }
  }

  for (const [index, fixture] of fixtures.entries()) {
    const image = decodePng(fixture.png);
    const progress: string[] = [];

    const running = contenders.filter((c) => !failed.has(c.id));
    const timed = await timeRoundRobin<readonly Prediction[]>(
      running.map((c) => ({ run: () => c.extract(image), ...(c.maxRuns === undefined ? {} : { maxRuns: c.maxRuns }) })),
      runs,
      warmups,
    );
    timed.forEach((t, i) => {
      const contender = running[i]!;
      if (!t.ok) return dropContender(contender, fixture.name, t.error);
      perContender.get(contender.id)?.set(fixture.name, { extractMs: t.medianMs, palette: t.result });
      progress.push(`${contender.id} ${t.medianMs.toFixed(1)}`);
    });
    log(`[${set} ${index + 1}/${fixtures.length}] ${fixture.name}: ${progress.join(', ')}`);
  }

  // Decoding is timed after the extractors, in a pass of its own: jimp leaves megabytes of garbage
  // per image, and collected during the extractors' runs it slowed whichever allocated most (the
  // vote read 15 % slower against extract-colors with the decodes timed in between).
  for (const fixture of fixtures) {
    const ours = await timeRuns(() => decodePng(fixture.png), runs, warmups);
    const jimp = await timeRuns(() => decodeWithJimp(fixture.png), runs, warmups);
    decodeTimes.push({ name: fixture.name, size: `${ours.result.width} × ${ours.result.height}`, oursMs: ours.medianMs, jimpMs: jimp.medianMs });
  }

  const truth = Object.fromEntries(fixtures.map((f) => [f.name, f.truth]));
  const decodeByName = new Map(decodeTimes.map((d) => [d.name, d.oursMs]));
  const results: ContenderResult[] = [];
  for (const contender of contenders) {
    const images = perContender.get(contender.id);
    if (failed.has(contender.id) || !images || images.size === 0) continue;
    const preds = Object.fromEntries([...images].map(([name, r]) => [name, r.palette]));
    const totals = [...images].map(([name, r]) => ({ name, ms: r.extractMs + (decodeByName.get(name) ?? Number.NaN) }));
    const worst = totals.reduce((a, b) => (b.ms > a.ms ? b : a));
    results.push({
      id: contender.id,
      kind: contender.kind,
      note: contender.note,
      runs: Math.min(runs, contender.maxRuns ?? runs),
      extractMs: median([...images.values()].map((r) => r.extractMs)),
      decodeExtractMs: median(totals.map((t) => t.ms)),
      worstDecodeExtract: { ms: worst.ms, image: worst.name },
      score: scorer.scoreAll(truth, preds, { max: PALETTE_SIZE }),
      scoreFinerFloor: scorer.scoreAll(truth, preds, { max: PALETTE_SIZE, minShare: FINER_MIN_SHARE }),
      scoreWhole: scorer.scoreAll(truth, preds, {}),
      roles: roleAccuracy(truth, preds),
    });
  }

  const sizes = [...new Set(decodeTimes.map((d) => d.size))];
  const decode: DecodeRow[] = sizes.map((size) => {
    const rows = decodeTimes.filter((d) => d.size === size);
    return { size, images: rows.length, oursMs: median(rows.map((d) => d.oursMs)), jimpMs: median(rows.map((d) => d.jimpMs)) };
  });
  const markdown = formatReport({
    title: FIXTURE_SETS[set].title,
    date: new Date().toISOString().slice(0, 10),
    machine: describeMachine(),
    mode: args.quick
      ? 'quick mode: 1 cold run per image, timings indicative only'
      : `median of ${runs} timed runs per image after ${warmups} warm-up (fewer where a row says so)`,
    imageCount: fixtures.length,
    imageKind: FIXTURE_SETS[set].kind,
    paletteCut: PALETTE_SIZE,
    results,
    decode,
    skipped,
  });
  const perImage = Object.fromEntries([...perContender].map(([id, images]) => [id, Object.fromEntries(images)]));
  return { markdown, json: { decodeTimes, results, perImage } };
}

const tier1: string[] = [];
const tier1Json: Record<string, unknown> = {};
for (const set of sets) {
  const result = await benchFixtureSet(set);
  if (!result) continue;
  tier1.push(result.markdown);
  tier1Json[set] = result.json;
}
if (tier1.length === 0) throw new Error(`No fixture matches --images ${args.images ?? ''}`);
const markdown = tier1.join('\n');
process.stdout.write(markdown);

if (args.write) {
  const file = path.join(REPO_ROOT, 'BENCHMARKS.md');
  log(`${updateBenchmarksMd(file, markdown)} ${path.relative(process.cwd(), file) || file}`);
}
if (args.json) {
  writeFileSync(args.json, `${JSON.stringify({ machine: describeMachine(), runs, ...tier1Json }, null, 2)}\n`);
  log(`wrote ${args.json}`);
}

for (const [name, bench] of SECTIONS) {
  if (skip.has(name)) continue;
  emitSection(name, await bench({ quick: args.quick, runs: undefined, log }), args.write, log);
}
