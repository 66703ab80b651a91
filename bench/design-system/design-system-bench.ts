import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { extractTier1 } from '../../core/cv/extract-tier1.ts';
import { mergeWithDocument } from '../../core/document/merge-with-document.ts';
import { voteDocument } from '../../core/document/vote-document.ts';
import type { Role } from '../../core/palette/role.ts';
import { deltaEHex } from '../../core/color/index.ts';
import { planReuse } from '../../core/reuse/plan-reuse.ts';
import { readDesignTokens } from '../../plugin/read-design-tokens.ts';
import { readDocumentLayers } from '../../plugin/read-document-layers.ts';
import { decodePng } from '../../server/decode/decode-png.ts';
import { createFigmaFake } from '../../test/fakes/figma-fake.ts';
import type { LayerSpec } from '../../test/fakes/fake-layers.ts';
import { buildScreenLayers } from '../../test/fakes/screen-layers.ts';
import { loadFixtures, type Fixture } from '../../test/fixtures/load-fixtures.ts';
import { loadScorer, SCORED_ROLES, toFixtureRole, type Prediction } from '../../test/fixtures/scorer.ts';
import { chorusRoleOf } from '../consensus/fixture-roles.ts';
import { formatMs } from '../format-ms.ts';
import { describeMachine } from '../machine.ts';
import { median } from '../median.ts';
import type { SectionOptions, SectionResult } from '../section.ts';
import { layerGrid } from './layer-grid.ts';
import { seedDesignSystem } from './seed-design-system.ts';

const SIZES = [1_000, 10_000] as const;
const DEFAULT_RUNS = 5;

/**
 * The document voter on the figma fake. Each fixture's truth palette is built into a layer tree
 * (test/fakes/screen-layers.ts: background frame, card, texts, button), the plugin reads it as it
 * reads Figma, and the voter answers from the layers alone. Measured: how often it gives a truth
 * colour its role; what it does to tier 1's role accuracy (the shared scorer's background, text
 * and primary) when it votes with the pixels; and how long reading 1,000 and 10,000 layers takes.
 */
export async function designSystemBench(options: SectionOptions): Promise<SectionResult> {
  const { log } = options;
  const scorer = await loadScorer();
  const fixtures = loadFixtures();
  const runs = options.quick ? 1 : (options.runs ?? DEFAULT_RUNS);

  let rolesRight = 0;
  let rolesAsked = 0;
  const perRole = new Map<Role, { right: number; asked: number }>();
  const truth: Record<string, unknown> = {};
  const pixels: Record<string, Prediction[]> = {};
  const merged: Record<string, Prediction[]> = {};
  const reuse = { right: 0, reused: 0, found: 0, findable: 0 };
  const documentOnly: Record<string, Prediction[]> = {};
  for (const fixture of fixtures) {
    const vote = voteDocument(await readLayers(buildScreenLayers(screenOf(fixture))));
    for (const color of fixture.truth.colors) {
      const role = chorusRoleOf(color.role);
      if (!role) continue;
      const right = vote.extraction.colors.some((c) => c.hex === color.hex && c.role === role);
      rolesAsked++;
      if (right) rolesRight++;
      const tally = perRole.get(role) ?? { right: 0, asked: 0 };
      perRole.set(role, { right: tally.right + Number(right), asked: tally.asked + 1 });
    }
    const tier1 = extractTier1(decodePng(fixture.png)).colors;
    truth[fixture.name] = fixture.truth;
    pixels[fixture.name] = tier1.map((c) => ({ hex: c.hex, ...(c.role ? { role: toFixtureRole(c.role)! } : {}) }));
    const mergedColors = mergeWithDocument(tier1, vote.extraction);
    // Reuse: the palette to write, planned against the file seeded with this screen's design system.
    const fake = createFigmaFake();
    const seeded = seedDesignSystem(fake, fixture.truth);
    const tokens = await readDesignTokens(fake.figma);
    const plan = planReuse(mergedColors.map((c) => ({ key: c.key, hex: c.hex, ...(c.role ? { role: c.role } : {}) })), tokens);
    const truthOf = (hex: string) => fixture.truth.colors.find((t) => (deltaEHex(t.hex, hex) ?? 99) < 3)?.hex;
    for (const line of plan) {
      if (line.action !== 'reuse') continue;
      reuse.reused++;
      const meant = seeded.get(line.token!.name);
      if (meant !== undefined && meant === truthOf(line.hex)) reuse.right++;
    }
    const inPalette = new Set(mergedColors.map((c) => truthOf(c.hex)).filter((h) => h !== undefined));
    const reusedHexes = new Set(plan.filter((l) => l.action === 'reuse').map((l) => seeded.get(l.token!.name)));
    for (const hex of new Set(seeded.values())) {
      if (!inPalette.has(hex)) continue;
      reuse.findable++;
      if (reusedHexes.has(hex)) reuse.found++;
    }
    merged[fixture.name] = mergedColors.map((c) => ({ hex: c.hex, ...(c.role ? { role: toFixtureRole(c.role)! } : {}) }));
    documentOnly[fixture.name] = vote.extraction.colors.map((c) => ({ hex: c.hex, ...(c.role ? { role: toFixtureRole(c.role)! } : {}) }));
  }
  log(`design-system: document voter on ${fixtures.length} screens`);
  const scores = {
    pixels: scorer.scoreAll(truth, pixels).overall,
    document: scorer.scoreAll(truth, documentOnly).overall,
    merged: scorer.scoreAll(truth, merged).overall,
  };

  const timings: { layers: number; ms: number; visited: number; cutByDefault: string }[] = [];
  for (const size of SIZES) {
    const spec = layerGrid(size);
    const times: number[] = [];
    let visited = 0;
    for (let i = 0; i < runs + 1; i++) {
      const fake = createFigmaFake();
      fake.select([fake.addLayers(spec)]);
      const start = performance.now();
      const read = await readDocumentLayers(fake.figma, { maxMs: Number.POSITIVE_INFINITY, maxLayers: Number.POSITIVE_INFINITY });
      const ms = performance.now() - start;
      visited = read.visited;
      // The first read is a warm-up (JIT).
      if (i > 0) times.push(ms);
    }
    const fake = createFigmaFake();
    fake.select([fake.addLayers(spec)]);
    const bounded = await readDocumentLayers(fake.figma);
    timings.push({ layers: size, ms: median(times), visited, cutByDefault: bounded.cut ? `cut (${bounded.cut.reason})` : 'read whole' });
    log(`design-system: ${size} layers read`);
  }

  const pct = (v: number | null) => (v === null ? '–' : `${(v * 100).toFixed(1)} %`);
  const roleRow = (label: string, s: typeof scores.pixels) =>
    `| ${label} | ${SCORED_ROLES.map((r) => `${pct(s.roles[r].accuracy)} (${s.roles[r].given})`).join(' | ')} | ${pct(s.recall5)} | ${pct(s.precision5)} |`;
  const markdown = [
    '## Design system: the document as a voter',
    '',
    `Measured ${new Date().toISOString().slice(0, 10)} on ${describeMachine()} by \`npx tsx bench/run-design-system.ts\`. Each of the ${fixtures.length} fixture screens' truth palette is built into a layer tree on the figma fake (test/fakes/screen-layers.ts: a background frame, a card with a border, heading, body and caption texts, a button with its label, status texts, other colours as shapes); \`plugin/read-document-layers.ts\` reads it as it reads Figma and \`core/document/vote-document.ts\` votes from the layers alone (it never sees the truth). These layer trees are built from the truth, so the figures say what the voter makes of a well-built file, not of a messy real one.`,
    '',
    `**Role accuracy of the document voter alone**: ${rolesRight} of ${rolesAsked} truth colours with a Chorus role got it (${pct(rolesRight / Math.max(1, rolesAsked))}).`,
    '',
    '| role | right / asked |',
    '|---|---|',
    ...[...perRole.entries()].map(([role, t]) => `| ${role} | ${t.right} / ${t.asked} |`),
    '',
    '**Effect on the ensemble** (the shared scorer: accuracy of the colour given each role, on how many screens one was given; recall and precision of the palette at ΔE00 5):',
    '',
    `| palette | ${SCORED_ROLES.join(' | ')} | recall | precision |`,
    `|---|${SCORED_ROLES.map(() => '---|').join('')}---|---|`,
    roleRow('tier 1 (pixels)', scores.pixels),
    roleRow('document voter alone', scores.document),
    roleRow('tier 1 + document', scores.merged),
    '',
    `**Reuse before create**, on a file seeded with each screen's design system (a variable per truth colour named as Primer names them, a hover shade beside each that must not be taken for it, every second colour also a paint style; bench/design-system/seed-design-system.ts), planning the tier 1 + document palette: precision ${pct(reuse.right / Math.max(1, reuse.reused))} (${reuse.right} of ${reuse.reused} reuse lines point at the token of the right colour), recall ${pct(reuse.found / Math.max(1, reuse.findable))} (${reuse.found} of ${reuse.findable} seeded colours that are in the palette were found).`,
    '',
    `**Time to read a selection** (median of ${runs} reads after a warm-up, unbounded; then whether the default bounds, ${'20,000 layers / 1.5 s'}, cut it; load average ${loadavg()[0]!.toFixed(1)} on the machine when measured, so the times are inflated by that much sharing):`,
    '',
    '| layers | read | visited | with the default bounds |',
    '|---|---|---|---|',
    ...timings.map((t) => `| ${t.layers.toLocaleString('en')} | ${formatMs(t.ms)} ms | ${t.visited.toLocaleString('en')} | ${t.cutByDefault} |`),
    '',
  ].join('\n');
  return { markdown, measured: true };
}

async function readLayers(spec: LayerSpec) {
  const fake = createFigmaFake();
  fake.select([fake.addLayers(spec)]);
  return readDocumentLayers(fake.figma);
}

function screenOf(fixture: Fixture) {
  return {
    name: fixture.name,
    width: fixture.truth.size.width,
    height: fixture.truth.size.height,
    colors: fixture.truth.colors.map((c) => ({ hex: c.hex, roles: c.roles, share: c.area_share })),
  };
}
