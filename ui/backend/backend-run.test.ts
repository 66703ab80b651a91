import { describe, expect, it, vi } from 'vitest';
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

  it('says in one line why the backend could not be reached, naming the address and the fix', async () => {
    const opener = fakeSocketOpener();
    const states: BackendRunState[] = [];
    const refused: typeof fetch = () => Promise.reject(new TypeError('Failed to fetch'));
    startBackendRun({ serverUrl: 'http://localhost:8787', images: [PNG], extractions }, (state) => states.push(state), { openSocket: opener.open, warn: () => {}, fetch: refused });
    opener.sockets[0]!.drop(1006);
    await vi.waitFor(() => expect(states.at(-1)?.phase).toBe('failed'));
    expect(states.at(-1)).toEqual({
      phase: 'failed',
      serverUrl: 'http://localhost:8787',
      progress: null,
      problem: {
        code: 'UNREACHABLE',
        cause: 'refused',
        message: 'Nothing answers at http://localhost:8787: start the Chorus backend there (`npm start` for one on this computer), or change the server in settings.',
        detail: 'connection failed (close code 1006)',
      },
    });
  });

  it('says the manifest blocks a server it does not list, without probing it', async () => {
    const opener = fakeSocketOpener();
    const states: BackendRunState[] = [];
    const probes: string[] = [];
    const probe: typeof fetch = (input) => {
      probes.push(String(input));
      return Promise.reject(new TypeError('Failed to fetch'));
    };
    const options = { openSocket: opener.open, warn: () => {}, fetch: probe, reachableDomains: ['http://localhost:8787', 'ws://localhost:8787'] };
    startBackendRun({ serverUrl: 'https://chorus.example.com', images: [PNG], extractions }, (state) => states.push(state), options);
    opener.sockets[0]!.drop(1006);
    await vi.waitFor(() => expect(states.at(-1)).toMatchObject({ phase: 'failed', problem: { code: 'UNREACHABLE', cause: 'blocked' } }));
    expect(probes).toEqual([]);
  });

  it('reports nothing once cancelled, even when the diagnosis finishes later', async () => {
    const opener = fakeSocketOpener();
    const states: BackendRunState[] = [];
    let answer: (response: Response) => void = () => {};
    const slow: typeof fetch = () => new Promise<Response>((resolve) => (answer = resolve));
    const handle = startBackendRun({ serverUrl: 'http://localhost:8787', images: [PNG], extractions }, (state) => states.push(state), { openSocket: opener.open, warn: () => {}, fetch: slow });
    opener.sockets[0]!.drop(1006);
    handle.cancel();
    answer(new Response('{}', { status: 401 }));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(states.map((state) => state.phase)).toEqual(['connecting']);
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
