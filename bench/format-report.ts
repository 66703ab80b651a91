import type { ScoreSummary, ScoredRole } from '../test/fixtures/scorer.ts';
import { SCORED_ROLES } from '../test/fixtures/scorer.ts';

/** Everything measured for one contender, aggregated over the images. */
export interface ContenderResult {
  readonly id: string;
  readonly kind: 'chorus' | 'peer';
  readonly note: string;
  readonly runs: number;
  /** Median over images of the per-image median extract time (ms). */
  readonly extractMs: number;
  /** Median over images of (our decode median + extract median), ms. */
  readonly decodeExtractMs: number;
  /** The slowest image's decode + extract (ms), with its name. */
  readonly worstDecodeExtract: { readonly ms: number; readonly image: string };
  readonly score: ScoreSummary;
  /** The same palettes scored with truth colours down to 0.1 % of the image. */
  readonly scoreFinerFloor: ScoreSummary;
}

/** Decode timings for one image size. */
export interface DecodeRow {
  readonly size: string;
  readonly images: number;
  /** Median over those images of each image's median (ms). */
  readonly oursMs: number;
  readonly jimpMs: number;
}

export interface Report {
  readonly date: string;
  readonly machine: string;
  readonly mode: string;
  readonly imageCount: number;
  readonly paletteCut: number;
  readonly results: readonly ContenderResult[];
  readonly decode: readonly DecodeRow[];
  readonly skipped: readonly string[];
}

const pct = (v: number | null | undefined): string => (v === null || v === undefined ? '—' : `${(100 * v).toFixed(1)} %`);
const ms = (v: number): string => (Number.isFinite(v) ? (v < 10 ? v.toFixed(2) : v.toFixed(1)) : '—');

function rolesCell(summary: ScoreSummary): string {
  const parts = SCORED_ROLES.map((role: ScoredRole) => {
    const r = summary.overall.roles[role];
    return r.given ? `${pct(r.accuracy)} (${r.given})` : '—';
  });
  return parts.every((p) => p === '—') ? '—' : parts.join(' / ');
}

/** The report as markdown: headline table, decode table, notes. */
export function formatReport(report: Report): string {
  const peers = report.results.filter((r) => r.kind === 'peer' && Number.isFinite(r.extractMs));
  const fastestPeer = peers.reduce<ContenderResult | null>((best, r) => (best === null || r.extractMs < best.extractMs ? r : best), null);

  const lines: string[] = [
    '## Tier-1 extraction vs open-source peers',
    '',
    `Measured ${report.date} on ${report.machine}.`,
    `${report.imageCount} fixture screens; ${report.mode}. Palettes scored on their first ${report.paletteCut} colours.`,
    '',
    '| extractor | extract ms (median) | decode+extract ms (median; slowest image) | recall@3 | recall@3 (0.1 % floor) | precision@5 | dominant | role accuracy bg / text / primary (images) | time ÷ fastest peer |',
    '|---|--:|--:|--:|--:|--:|--:|--|--:|',
  ];
  for (const r of report.results) {
    const ratio = fastestPeer && Number.isFinite(r.extractMs) ? `${(r.extractMs / fastestPeer.extractMs).toFixed(1)}×` : '—';
    lines.push(
      `| ${r.id} | ${ms(r.extractMs)} | ${ms(r.decodeExtractMs)}; ${ms(r.worstDecodeExtract.ms)} (${r.worstDecodeExtract.image}) | ` +
        `${pct(r.score.overall.recall3)} | ${pct(r.scoreFinerFloor.overall.recall3)} | ${pct(r.score.overall.precision5)} | ` +
        `${pct(r.score.overall.dominant)} | ${rolesCell(r.score)} | ${ratio} |`,
    );
  }
  lines.push(
    '',
    `Times exclude decoding except in "decode+extract", which adds our \`decodePng\` median for the same image. ` +
      `"time ÷ fastest peer" divides extract medians${fastestPeer ? ` by ${fastestPeer.id}'s` : ''}. ` +
      'recall@3: truth colours covering ≥ 0.5 % of the image (or ≥ 0.1 %) matched within CIEDE2000 < 3; ' +
      'precision@5: predicted colours within ΔE00 < 5 of a truth colour; dominant: first colour = largest truth colour.',
    '',
    '### PNG decoding (median ms per image)',
    '',
    '| size | images | decodePng (zlib) | jimp | jimp ÷ decodePng |',
    '|---|--:|--:|--:|--:|',
  );
  for (const d of report.decode) {
    lines.push(`| ${d.size} | ${d.images} | ${ms(d.oursMs)} | ${ms(d.jimpMs)} | ${(d.jimpMs / d.oursMs).toFixed(1)}× |`);
  }
  lines.push('', '### How each row was run', '');
  for (const r of report.results) lines.push(`- **${r.id}** (${r.runs} timed run${r.runs === 1 ? '' : 's'} per image): ${r.note}`);
  if (report.skipped.length) {
    lines.push('', '### Skipped', '');
    for (const s of report.skipped) lines.push(`- ${s}`);
  }
  return `${lines.join('\n')}\n`;
}
