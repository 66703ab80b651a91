import { PANEL, profileOf, SHARED_CONFUSION_P } from './panel-profiles.ts';
import { SCORED_ROLES, type PanelFigures } from './panel-figures.ts';

export interface PanelReport {
  readonly date: string;
  readonly machine: string;
  readonly screens: number;
  readonly real: number;
  readonly seeds: readonly number[];
  /** Model id → extractor id, from the config. */
  readonly models: ReadonlyMap<string, string>;
  readonly figures: readonly { readonly set: 'all' | 'screens' | 'real'; readonly cv: PanelFigures; readonly ensemble: PanelFigures }[];
}

/** The issue's targets for the ensemble. */
const TARGETS = { roles: 0.95, wrongFlagged: 0.9, flagsReal: 0.6, flaggedAtMost: 0.1, confidenceGap: 0.2, calibrationError: 0.1 } as const;

/** The consensus section of BENCHMARKS.md: the panel, the figures per set, the reliability table, the tiers, the targets. */
export function formatPanelReport(report: PanelReport): string {
  const all = report.figures.find((f) => f.set === 'all')!;
  const lines = [
    '## The vote: a panel of simulated models against the truth, CV alone and the ensemble',
    '',
    `Measured ${report.date} on ${report.machine}. ${report.screens} fixture screens and ${report.real} real screenshots, each run through the real backend process (\`server/main.ts\`, a fresh data directory per seed) over a real WebSocket, with the real \`openai\` and \`@anthropic-ai/sdk\` clients against the panel's fake providers on 127.0.0.1 (\`test/fakes/panel/\`). CV alone: \`use_ai: false\`. Ensemble: \`use_ai: true\`, \`paid: "always"\`, every configured model answering; ${report.seeds.length} seed(s) (${report.seeds.join(', ')}) pooled.`,
    '',
    'The panel (each model answers from the screen\'s truth palette and the measured list its real prompt carries, under its failure modes; rates are assumptions, not measurements of real models):',
    '',
    '| extractor | model | mode | copies measured values | omits | swaps neighbouring roles (per pair) | invents | shares a confusion |',
    '|---|---|---|:-:|--:|--:|--:|:-:|',
    ...[...report.models].map(([model, id]) => {
      const p = profileOf(id);
      return p.echo
        ? `| ${id} | ${model} | ${p.label}: the measured list with CV's roles | — | — | — | — | — |`
        : `| ${id} | ${model} | ${p.label} | ${p.copiesMeasured ? 'yes' : `no (reads σ ${p.readSigmaOklab} OKLab)`} | ${pct(p.omitP)} | ${pct(p.swapP)} | ${pct(p.inventP)} | ${p.sharesConfusion ? 'yes' : ''} |`;
    }),
    '',
    `Shared confusion: on ${pct(SHARED_CONFUSION_P)} of screens (seeded per screen) the models marked "yes" swap the same pair of neighbouring roles. ${Object.keys(PANEL).filter((id) => ![...report.models.values()].includes(id)).map((id) => `\`${id}\``).join(', ') || 'No profile'} is not in the config and did not run.`,
    '',
    '| set | vote | runs | background | surface | text | primary | wrong colours flagged | flags that are real errors | colours flagged | confidence right / wrong (gap) | calibration error |',
    '|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--|--:|',
    ...report.figures.flatMap(({ set, cv, ensemble }) => [row(set, 'CV alone', cv), row(set, 'ensemble', ensemble)]),
    '',
    'Role accuracy: the consensus colour with that role is within ΔE00 < 3 of a truth colour holding it, over the screens whose truth has the role (primary: the rendered screens and the editors and apps; terminals define none). A colour is **wrong** when its role sits on a colour the truth does not give that role (or a role the screen does not have), or, without a role, it is ΔE00 ≥ 3 from every truth colour. Calibration error: Σ over the bands below of (colours in the band ÷ colours) × |accuracy − mean confidence|.',
    '',
    '### Reliability: share of colours right per confidence band (all screens)',
    '',
    '| band | CV alone: colours | mean confidence | right | ensemble: colours | mean confidence | right |',
    '|---|--:|--:|--:|--:|--:|--:|',
    ...all.cv.bands.map((b, i) => {
      const e = all.ensemble.bands[i]!;
      return `| ${b.from.toFixed(1)}–${b.to.toFixed(1)} | ${b.colors} | ${b.colors ? b.meanConfidence.toFixed(2) : '—'} | ${b.colors ? pct(b.accuracy) : '—'} | ${e.colors} | ${e.colors ? e.meanConfidence.toFixed(2) : '—'} | ${e.colors ? pct(e.accuracy) : '—'} |`;
    }),
    '',
    '### Palette confidence tier by tier (mean of `tier_N_complete.confidence`)',
    '',
    '| set | vote | ' + [1, 2, 3, 4].map((t) => `tier ${t}`).join(' | ') + ' |',
    '|---|---|--:|--:|--:|--:|',
    ...report.figures.flatMap(({ set, cv, ensemble }) => [tierRow(set, 'CV alone', cv), tierRow(set, 'ensemble', ensemble)]),
    '',
    `Extractors in the ensemble runs (all screens): ${Object.entries(all.ensemble.statuses).map(([id, counts]) => `${id} ${Object.entries(counts).map(([s, n]) => `${n} ${s}`).join(', ')}`).join('; ')}.`,
    '',
    '### Targets (ensemble, all screens)',
    '',
    ...targets(all.cv, all.ensemble),
    '',
    '### Reading',
    '',
    ...READING,
  ];
  return `${lines.join('\n')}\n`;
}

/** What the rules do to these figures: mechanisms, not numbers, so it holds from run to run. */
export const READING: readonly string[] = [
  "- **CV alone** claims 0.75 for every colour (DESIGN.md's scale) and flags nothing: it has no second kind of evidence. On the real screenshots much of what CV reports is edge blends, anti-aliasing and syntax colours under a wrong role, so CV alone is over-confident there, and nothing in CV alone can tell which colours.",
  '- **The ensemble** drops what the models reject together (a measured colour two of them left out and none listed; a role only CV gave that the models gave no colour, or gave its colour another role), gives each role to the colour with the most evidence by kind (two hosted models sharing a confusion do not outvote CV and a model of another kind), overturns CV where two models agree with more evidence, and keeps colours only models saw when two of them did (at the mean of their readings).',
  "- **Confidence** adds log-odds by kind of evidence; a witness naming one of several candidates counts for more (witnesses that err rarely meet on the same wrong colour), and the seed's discount by exact-value agreement leaves out a model that copies no measured value (the near-miss local model reads every value itself: its being a few ΔE off is its precision, not a disagreement). So CV + the local model is 0.85 and tier 2 sits above tier 1, and the full ensemble reaches 0.9–0.95 where nearly all colours are right; the top is capped at 0.95, which is most of the remaining calibration error.",
  "- **Flags** are splits (a perceptible rival whose evidence comes within one witness's worth of the winner's, with a witness that disputes the winner) and presence splits (more of the models that answered listed a different colour near a measured one, 3–5 ΔE00 from it, than listed it). Settled, not flagged: two hosted models alone against a role CV chose with another kind of evidence (the panel's shared confusion: models of one kind share their confusions); on the accent, a role a palette holds as a set of equals, a rival that is in the palette anyway (whichever accent carries the name, the designer keeps both; a surface, border or muted ink says where a colour is used, so a split there stays a conflict); on the roles a palette has several of (surface, text-muted, border, accent), a model that put another one first while listing the measured winner without another role; a measured colour the other models only left out (models list a screen's main colours; dropping a small one is an omission, which the confidence still counts). Most false flags left are surfaces, borders and muted inks where models named a neighbouring palette colour (the truth has several), a CV role that models each answered differently (one of them swapping two neighbouring roles), measured colours a few ΔE00 from another palette step that the other models listed instead, and colours a local and a hosted model saw that CV did not measure (confidence just under 0.5).",
  '- **What stays wrong without a flag**: dashboard-nord, whose truth calls the sidebar the background (CV and most models agree with each other against the truth, so the vote is wrong there with confidence), colours only models saw whose mean reading is 3 ΔE00 or more off, and a CV colour three or more models each put elsewhere.',
  '- Tokens and cost per image per model at the sizes now sent are not measured here: the fakes report scripted usage.',
];

function row(set: string, label: string, f: PanelFigures): string {
  const roles = SCORED_ROLES.map((r) => (f.roles[r].screens ? `${pct(f.roles[r].right / f.roles[r].screens)} (${f.roles[r].screens})` : '—'));
  return `| ${set} | ${label} | ${f.runs} | ${roles.join(' | ')} | ${ratio(f.flaggedWrong, f.wrong)} | ${ratio(f.flaggedWrong, f.flagged)} | ${ratio(f.flagged, f.colors)} | ${f.meanConfidenceRight.toFixed(2)} / ${f.meanConfidenceWrong.toFixed(2)} (${(f.meanConfidenceRight - f.meanConfidenceWrong).toFixed(2)}) | ${f.calibrationError.toFixed(3)} |`;
}

function tierRow(set: string, label: string, f: PanelFigures): string {
  return `| ${set} | ${label} | ${[1, 2, 3, 4].map((t) => f.tierConfidence.find((x) => x.tier === t)?.confidence.toFixed(3) ?? '—').join(' | ')} |`;
}

function targets(cv: PanelFigures, e: PanelFigures): string[] {
  const share = (f: PanelFigures, r: (typeof SCORED_ROLES)[number]) => (f.roles[r].screens ? f.roles[r].right / f.roles[r].screens : 1);
  const rolesOk = SCORED_ROLES.every((r) => share(e, r) >= share(cv, r) && share(e, r) >= TARGETS.roles);
  const tiers = e.tierConfidence.map((t) => t.confidence);
  const rising = tiers.every((c, i) => i === 0 || c >= tiers[i - 1]! - 0.005);
  const check = (ok: boolean, text: string) => `- ${ok ? 'met' : '**not met**'}: ${text}`;
  return [
    check(rolesOk, `roles ≥ CV and ≥ 95 % (${SCORED_ROLES.map((r) => `${r} ${pct(share(e, r))} vs CV ${pct(share(cv, r))}`).join(', ')})`),
    check(e.wrong === 0 || e.flaggedWrong / e.wrong >= TARGETS.wrongFlagged, `≥ 90 % of wrong colours flagged (${ratio(e.flaggedWrong, e.wrong)})`),
    check(e.flagged === 0 || e.flaggedWrong / e.flagged >= TARGETS.flagsReal, `≥ 60 % of flags real errors (${ratio(e.flaggedWrong, e.flagged)})`),
    check(e.flagged / Math.max(1, e.colors) <= TARGETS.flaggedAtMost, `≤ 10 % of colours flagged (${ratio(e.flagged, e.colors)})`),
    check(e.meanConfidenceRight - e.meanConfidenceWrong >= TARGETS.confidenceGap, `confidence of right colours ≥ 0.2 above wrong ones (${(e.meanConfidenceRight - e.meanConfidenceWrong).toFixed(2)})`),
    check(e.calibrationError <= TARGETS.calibrationError, `calibration error ≤ 0.1 (${e.calibrationError.toFixed(3)})`),
    check(rising, `palette confidence rising tier by tier (${tiers.map((c) => c.toFixed(3)).join(' → ')})`),
  ];
}

const pct = (x: number): string => `${(x * 100).toFixed(1)} %`;
const ratio = (a: number, b: number): string => (b === 0 ? '—' : `${pct(a / b)} (${a}/${b})`);
