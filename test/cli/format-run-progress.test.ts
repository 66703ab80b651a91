import { describe, expect, it } from 'vitest';
import { formatRunProgress, formatTierProgress } from '../../server/cli/format-run-progress.ts';
import { createLiveDisplay, rowsOf } from '../../server/cli/live-display.ts';
import { MID_RUN, progressOf, stamp, token } from './run-events.ts';

const ANSI = /\x1b\[/;
const plain = (text: string) => text.replace(/\x1b\[[0-9;]*m/g, '');

describe('formatRunProgress', () => {
  const mid = progressOf(stamp(MID_RUN));

  it('shows the tiers that landed with their consensus, the running tier, and what waits', () => {
    const lines = formatRunProgress(mid, { color: false });
    expect(lines).toEqual([
      '  tier 1  2 colours, 95% sure',
      '    ✓ flat-regions       done     12 ms',
      '  tier 2  3 colours, 91% sure',
      '    ✓ flat-regions-full  done     1.5 s  cached',
      '    – local-vision       skipped  NOT_CONFIGURED: Set CHORUS_LOCAL_BASE_URL to use a local model.',
      '  tier 3  running',
      '    ✓ openai             done     2.3 s  $0.0006',
      '    … anthropic          running  claude-haiku-5-5',
      '  tier 4  waiting',
      '    · anthropic-deep     pending',
    ]);
  });

  it('gives a landed tier its own spend, and a failed extractor its code and reason', () => {
    const events = stamp([
      ...MID_RUN,
      { stage: 'extractor_done', extractor: 'anthropic', tier: 3, status: 'timeout', code: 'TIMEOUT', reason: 'No answer within 45 s.', duration_ms: 45000, cost: 0, cached: false, votes: [], total_cost: 0.00056 },
      { stage: 'tier_3_complete', tier: 3, tokens: { background: token('#282a36', { role: 'background', share: 0.8 }) }, confidence: 0.93, total_cost: 0.00056 },
    ]);
    const lines = formatTierProgress(progressOf(events), 3, { color: false });
    expect(lines).toEqual([
      '  tier 3  1 colour, 93% sure, $0.0006',
      '    ✓ openai             done     2.3 s  $0.0006',
      '    ✗ anthropic          timeout  TIMEOUT: No answer within 45 s.',
    ]);
  });

  it('adds the budget warning and the error that ended a run, and marks the tiers it never reached', () => {
    const events = stamp([
      ...MID_RUN,
      { stage: 'budget_warning', spent: 0.095, max_cost: 0.1, message: 'This run has spent $0.0950 of its $0.10 budget.' },
      { stage: 'error', code: 'REQUIRED_EXTRACTOR_FAILED', message: 'anthropic is required and failed: boom' },
    ]);
    const lines = formatRunProgress(progressOf(events), { color: false });
    expect(lines).toContain('  tier 4  not reached');
    expect(lines.slice(-2)).toEqual(['  ! This run has spent $0.0950 of its $0.10 budget.', '  ✗ REQUIRED_EXTRACTOR_FAILED: anthropic is required and failed: boom']);
  });

  it('colours only on request: the same text, states in colour', () => {
    const coloured = formatRunProgress(mid, { color: true });
    for (const line of formatRunProgress(mid, { color: false })) expect(line).not.toMatch(ANSI);
    expect(coloured.map(plain)).toEqual(formatRunProgress(mid, { color: false }));
    expect(coloured[1]).toContain('\x1b[32m✓\x1b[0m');
    expect(coloured[4]).toContain('\x1b[33m–\x1b[0m');
  });

  it('cuts every line to the terminal width, so each takes one row', () => {
    const columns = 40;
    for (const line of formatRunProgress(mid, { color: true, columns })) {
      expect([...plain(line)].length).toBeLessThan(columns);
      expect(rowsOf(line, columns)).toBe(1);
    }
    // 39 characters: one column spare, the cut marked with an ellipsis.
    expect(formatRunProgress(mid, { color: false, columns })[4]).toBe('    – local-vision       skipped  NOT_…');
  });
});

describe('createLiveDisplay', () => {
  it('redraws over the rows it drew last, and starts afresh after commit', () => {
    const writes: string[] = [];
    const display = createLiveDisplay((text) => writes.push(text), 20);
    display.update(['one', 'two']);
    // 25 columns of text wrap onto two rows of 20.
    display.update(['one', 'two', 'x'.repeat(25)]);
    display.update(['done']);
    display.commit();
    display.update(['next']);
    expect(writes).toEqual(['\x1b[Jone\ntwo\n', '\r\x1b[2A\x1b[Jone\ntwo\nxxxxxxxxxxxxxxxxxxxxxxxxx\n', '\r\x1b[4A\x1b[Jdone\n', '\x1b[Jnext\n']);
  });

  it('counts rows without the colour codes', () => {
    expect(rowsOf('\x1b[32m✓\x1b[0m abc', 5)).toBe(1);
    expect(rowsOf('', 5)).toBe(1);
    expect(rowsOf('abcdef', 5)).toBe(2);
  });
});
