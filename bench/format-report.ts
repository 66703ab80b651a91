import type { ScoreSummary } from '../test/fixtures/scorer.ts';
import { BENCH_ROLES, type RoleTally } from '../test/fixtures/role-accuracy.ts';

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
  /** The whole palette, not cut (recall over everything the contender printed). */
  readonly scoreWhole: ScoreSummary;
  readonly roles: RoleTally;
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
  readonly title: string;
  readonly date: string;
  readonly machine: string;
  readonly mode: string;
  readonly imageCount: number;
  /** What the images are, for the sentence under the title. */
  readonly imageKind: string;
  readonly paletteCut: number;
  readonly results: readonly ContenderResult[];
  readonly decode: readonly DecodeRow[];
  readonly skipped: readonly string[];
}

const pct = (v: number | null | undefined): string => (v === null || v === undefined ? '—' : `${(100 * v).toFixed(1)} %`);
const ms = (v: number): string => (Number.isFinite(v) ? (v < 10 ? v.toFixed(2) : v.toFixed(1)) : '—');

/** Role accuracy per role, `right ÷ screens whose truth has the role`; a peer names no role, so it scores 0 where the role is given. */
function rolesCells(tally: RoleTally): string {
  return BENCH_ROLES.map((role) => {
    const { given, right } = tally[role];
    return given ? `${pct(right / given)} (${right}/${given})` : '—';
  }).join(' | ');
}

/** The report as markdown: headline table, decode table, notes. */
export function formatReport(report: Report): string {
  const peers = report.results.filter((r) => r.kind === 'peer' && Number.isFinite(r.extractMs));
  const fastestPeer = peers.reduce<ContenderResult | null>((best, r) => (best === null || r.extractMs < best.extractMs ? r : best), null);

  const lines: string[] = [
    `## ${report.title}`,
    '',
    `Measured ${report.date} on ${report.machine}.`,
    `${report.imageCount} ${report.imageKind}; ${report.mode}. Palettes scored on their first ${report.paletteCut} colours unless a column says "whole".`,
    '',
    '| extractor | extract ms (median) | decode+extract ms (median; slowest image) | recall@3 | recall@3 (0.1 % floor) | recall@3 whole | precision@5 | dominant | background | surface | text | text-muted | primary | extract ÷ fastest peer | decode+extract ÷ fastest peer |',
    '|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|',
  ];
  const ratio = (v: number, of: number | undefined) => (of !== undefined && Number.isFinite(v) ? `${(v / of).toFixed(2)}×` : '—');
  for (const r of report.results) {
    lines.push(
      `| ${r.id} | ${ms(r.extractMs)} | ${ms(r.decodeExtractMs)}; ${ms(r.worstDecodeExtract.ms)} (${r.worstDecodeExtract.image}) | ` +
        `${pct(r.score.overall.recall3)} | ${pct(r.scoreFinerFloor.overall.recall3)} | ${pct(r.scoreWhole.overall.recall3)} | ${pct(r.score.overall.precision5)} | ` +
        `${pct(r.score.overall.dominant)} | ${rolesCells(r.roles)} | ${ratio(r.extractMs, fastestPeer?.extractMs)} | ${ratio(r.decodeExtractMs, fastestPeer?.decodeExtractMs)} |`,
    );
  }
  lines.push(
    '',
    `Times exclude decoding except in "decode+extract", which adds our \`decodePng\` median for the same image (every contender gets the same decoded pixels). ` +
      `"÷ fastest peer" divides medians${fastestPeer ? ` by ${fastestPeer.id}'s` : ''}. ` +
      'recall@3: truth colours covering ≥ 0.5 % of the image (or ≥ 0.1 %) matched within CIEDE2000 < 3, on the first 8 colours or the whole palette; ' +
      'precision@5: predicted colours within ΔE00 < 5 of a truth colour; dominant: first colour = largest truth colour. ' +
      'Roles: over the screens whose truth gives the role to some colour (right/given), the first colour of the whole palette named with it must lie within ΔE00 < 3 of a truth colour holding it; ' +
      'a role not named counts wrong (peers name none).',
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
