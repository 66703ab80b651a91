import type { ExtractorProgress, RunProgress } from '../../core/protocol/run-progress.ts';
import type { Tier } from '../../core/protocol/run-event.ts';

export interface ProgressFormat {
  /** ANSI colours for a terminal; false gives plain text. */
  readonly color: boolean;
  /** Cut every line to this many characters (a terminal's width), so a redraw knows how many rows it drew. */
  readonly columns?: number;
}

/** A symbol per state, readable without colour: ✓ done, – skipped, ✗ failed, … running, · not started. */
const SYMBOL: Readonly<Record<ExtractorProgress['state'], string>> = {
  pending: '·',
  running: '…',
  done: '✓',
  skipped: '–',
  failed: '✗',
  timeout: '✗',
  cancelled: '✗',
};
/** SGR colour per state: green done, yellow skipped/cancelled, red failed, cyan running, dim pending. */
const SGR: Readonly<Record<ExtractorProgress['state'], string>> = {
  pending: '2',
  running: '36',
  done: '32',
  skipped: '33',
  failed: '31',
  timeout: '31',
  cancelled: '33',
};

/**
 * A run's progress as lines for a person: per tier, a heading (its consensus once it has landed)
 * and a line per extractor with its state and, when it did not run or failed, why.
 * Pure: the TTY display redraws these on each event, and tests call it directly.
 */
export function formatRunProgress(progress: RunProgress, format: ProgressFormat): string[] {
  const tiers = [...new Set(progress.extractors.map((e) => e.tier))].sort((a, b) => a - b);
  const lines = tiers.flatMap((tier) => formatTierProgress(progress, tier, format));
  if (progress.budgetWarning) lines.push(line('  ', '!', '33', progress.budgetWarning, format));
  if (progress.error) lines.push(line('  ', '✗', '31', `${progress.error.code}: ${progress.error.message}`, format));
  return lines;
}

/** One tier's lines: `tier N  K colours, P% sure, $C` (or its state while it runs), then its extractors. */
export function formatTierProgress(progress: RunProgress, tier: Tier, format: ProgressFormat): string[] {
  const members = progress.extractors.filter((e) => e.tier === tier);
  const idWidth = Math.max(0, ...progress.extractors.map((e) => e.id.length));
  const landed = progress.tiers.find((t) => t.tier === tier);
  const cost = members.reduce((total, e) => total + e.cost, 0);
  let heading: string;
  if (landed) {
    const colours = Object.keys(landed.tokens).length;
    heading = `tier ${tier}  ${colours} colour${colours === 1 ? '' : 's'}, ${Math.round(landed.confidence * 100)}% sure${cost > 0 ? `, ${usd(cost)}` : ''}`;
  } else if (members.some((e) => e.state === 'running')) heading = `tier ${tier}  running`;
  else if (progress.status === 'running') heading = `tier ${tier}  waiting`;
  else heading = `tier ${tier}  not reached`;
  const head = `  ${format.color ? `\x1b[1m${fit(heading, format.columns, 2)}\x1b[0m` : fit(heading, format.columns, 2)}`;
  return [head, ...members.map((e) => line('    ', SYMBOL[e.state], SGR[e.state], `${e.id.padEnd(idWidth)}  ${e.state.padEnd(9)}${detail(e)}`, format))];
}

function detail(e: ExtractorProgress): string {
  if (e.state === 'done') {
    const parts = [e.durationMs !== undefined ? duration(e.durationMs) : '', e.cost > 0 ? usd(e.cost) : '', e.cached ? 'cached' : ''];
    return parts.filter(Boolean).join('  ');
  }
  if (e.state === 'running') return e.model ?? '';
  if (e.state === 'pending') return '';
  return [e.code, e.reason].filter(Boolean).join(': ');
}

/** `indent` + a (coloured) symbol + text, the whole cut to the terminal's width before colour is added. */
function line(indent: string, symbol: string, sgr: string, text: string, format: ProgressFormat): string {
  const body = fit(text, format.columns, indent.length + 2);
  return `${indent}${format.color ? `\x1b[${sgr}m${symbol}\x1b[0m` : symbol} ${body}`.trimEnd();
}

/** Cuts `text` so that `used + text` stays under `columns` (one column spare: a full row would wrap on some terminals). */
function fit(text: string, columns: number | undefined, used: number): string {
  if (columns === undefined) return text;
  const room = Math.max(1, columns - 1 - used);
  const chars = [...text];
  return chars.length <= room ? text : `${chars.slice(0, room - 1).join('')}…`;
}

const duration = (ms: number): string => (ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`);
/** Four decimals: a small model's call on a screenshot costs hundredths of a cent. */
const usd = (amount: number): string => `$${amount.toFixed(4)}`;
