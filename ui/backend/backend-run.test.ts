import { describe, expect, it } from 'vitest';
import type { Extraction } from '../../core/cv/extracted-color.ts';
import { extractRequestSchema } from '../../core/protocol/extract-request.ts';
import { startBackendRun, type BackendRunState } from './backend-run.ts';
import { fakeSocketOpener } from './testing/fake-run-socket.ts';
import { agreedToken, runEvents } from './testing/run-events.ts';

const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const extractions: Extraction[] = [
  { extractor: 'flat-regions', colors: [{ hex: '#ffffff', share: 0.8, role: 'background' }, { hex: '#0969da', share: 0.02 }] },
  { extractor: 'oklab-clusters', colors: [{ hex: '#fefefe', share: 0.79 }] },
];

function started(serverUrl = 'http://localhost:8787', images: readonly Uint8Array[] = [PNG], weights?: Record<string, number>) {
  const opener = fakeSocketOpener();
  const states: BackendRunState[] = [];
  const input = { serverUrl, images, extractions, ...(weights ? { weights } : {}) };
  const handle = startBackendRun(input, (state) => states.push(state), { openSocket: opener.open, warn: () => {} });
  return { handle, states, opener, socket: () => opener.sockets[0]! };
}

describe('startBackendRun', () => {
  it('does nothing, and says it is off, without a server', () => {
    const { states, opener } = started('');
    expect(states).toEqual([{ phase: 'off' }]);
    expect(opener.sockets).toEqual([]);
  });

  it('sends the frames as base64 and the tier-1 extractions as votes at their tier-1 weights', () => {
    const { states, socket } = started('https://chorus.example.com/');
    expect(states).toEqual([{ phase: 'connecting', serverUrl: 'https://chorus.example.com/' }]);
    expect(socket().url).toBe('wss://chorus.example.com/api/v1/extract/progressive');
    socket().open();
    const sent = extractRequestSchema.parse(socket().sentJson()[0]);
    expect(sent).toMatchObject({ action: 'extract', images: ['iVBORw0KGgo='], use_ai: true, paid: 'auto', max_cost: 0.1 });
    expect(sent.votes).toEqual([
      { extractor: 'flat-regions', weight: 1, hex: '#ffffff', measured: true, share: 0.8, role: 'background' },
      { extractor: 'flat-regions', weight: 1, hex: '#0969da', measured: true, share: 0.02 },
      { extractor: 'oklab-clusters', weight: 0.8, hex: '#fefefe', measured: true, share: 0.79 },
    ]);
  });

  it('sends the learned weights when there are some, and no multiplier otherwise', () => {
    const weighted = started('http://localhost:8787', [PNG], { openai: 4 / 3, 'flat-regions': 2 / 3 });
    weighted.socket().open();
    expect(extractRequestSchema.parse(weighted.socket().sentJson()[0]).weights).toEqual({ openai: 4 / 3, 'flat-regions': 2 / 3 });
    const plain = started('http://localhost:8787', [PNG], {});
    plain.socket().open();
    expect(extractRequestSchema.parse(plain.socket().sentJson()[0]).weights).toEqual({});
  });

  it('folds each event into the progress and ends complete with the final tokens', () => {
    const { states, socket } = started();
    socket().open();
    const e = runEvents();
    socket().receive(e.accepted());
    socket().receive(e.tierStarted(2, ['local-vision']));
    socket().receive(e.extractorDone('local-vision', 2));
    socket().receive(e.tierComplete(2, { background: agreedToken('#ffffff', { name: 'paper-white' }) }));
    socket().receive(e.complete({ background: agreedToken('#ffffff', { name: 'paper-white' }) }, 0.0006));
    expect(states.map((s) => s.phase)).toEqual(['connecting', 'streaming', 'streaming', 'streaming', 'streaming', 'complete']);
    const last = states.at(-1)!;
    if (last.phase !== 'complete') throw new Error('not complete');
    expect(last.progress.tiers.map((t) => t.tier)).toEqual([2]);
    expect(last.progress.tokens['background']?.name).toBe('paper-white');
    expect(last.progress.totalCost).toBe(0.0006);
    expect(last.progress.extractors.find((x) => x.id === 'local-vision')?.state).toBe('done');
    expect(last.progress.extractors.find((x) => x.id === 'anthropic')).toMatchObject({ state: 'skipped', reason: 'Set ANTHROPIC_API_KEY in the server environment.' });
  });

  it('says in one line that the backend could not be reached, naming the address and the fix', () => {
    const { states, socket } = started();
    socket().drop(1006);
    expect(states.at(-1)).toEqual({
      phase: 'failed',
      serverUrl: 'http://localhost:8787',
      progress: null,
      problem: {
        code: 'UNREACHABLE',
        message: "Couldn't reach the Chorus backend at http://localhost:8787 — start it with `npm start`, or change the server in settings.",
        detail: 'connection failed (close code 1006)',
      },
    });
  });

  it('keeps what arrived when the connection closes early', () => {
    const { states, socket } = started();
    socket().open();
    const e = runEvents();
    socket().receive(e.accepted());
    socket().receive(e.tierComplete(2, { background: agreedToken('#ffffff') }));
    socket().drop(1006);
    const last = states.at(-1)!;
    expect(last).toMatchObject({ phase: 'failed', problem: { code: 'CLOSED' } });
    if (last.phase !== 'failed') throw new Error('not failed');
    expect(last.progress?.tokens['background']?.hex).toBe('#ffffff');
  });

  it("reports the server's error event with its message and code", () => {
    const { states, socket } = started();
    socket().open();
    socket().receive(runEvents().error('TRUNCATED', 'Image 1: the PNG ends early.'));
    expect(states.at(-1)).toMatchObject({
      phase: 'failed',
      problem: { code: 'RUN_FAILED', message: 'The Chorus backend stopped the run: Image 1: the PNG ends early.', detail: 'TRUNCATED' },
      progress: { status: 'failed', error: { code: 'TRUNCATED' } },
    });
  });

  it('does not send more frames than a request may carry, and says how many it takes', () => {
    const { states, opener } = started('http://localhost:8787', Array.from({ length: 9 }, () => PNG));
    expect(opener.sockets).toEqual([]);
    expect(states).toEqual([
      expect.objectContaining({ phase: 'failed', problem: expect.objectContaining({ code: 'NOT_SENT', message: expect.stringContaining('up to 8 frames') }) }),
    ]);
  });

  it('cancels: the server is told, and no state is reported after', () => {
    const { handle, states, socket } = started();
    socket().open();
    handle.cancel();
    socket().receive(runEvents().accepted());
    expect(socket().sentJson().at(-1)).toEqual({ action: 'cancel' });
    expect(states.map((s) => s.phase)).toEqual(['connecting']);
  });
});
