import { createServer, type IncomingMessage, type Server } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunEvent } from '../../core/protocol/run-event.ts';
import type { ExtractorsFile } from '../../server/config/extractor-config.ts';
import { declaredImageSize } from '../../server/decode/declared-image-size.ts';
import { encodeTestPng } from '../../server/decode/testing/encode-png.ts';
import type { RecordedRequest } from '../fakes/providers/fake-provider.ts';
import { configWithTimeouts, createTestRunService, extractRequest, fixtureBase64, startFakeProviders, truthAnswer, type FakeProviders } from './test-backend.ts';

type Done = Extract<RunEvent, { stage: 'extractor_done' }>;
type Body = Record<string, unknown> & { messages: { content: Record<string, unknown>[] }[] };

/** The config's model entries with only the ones named kept (and tier 1), at `timeoutMs`. */
function only(ids: readonly string[], timeoutMs = 3_000, patch: (e: ExtractorsFile['extractors'][number]) => ExtractorsFile['extractors'][number] = (e) => e): ExtractorsFile {
  const all = configWithTimeouts(timeoutMs);
  return { ...all, extractors: all.extractors.filter((e) => e.tier === 1 || ids.includes(e.id)).map(patch) };
}

/** A 3200 × 2000 screen, its right half noise: large enough to need a downscale for every model, and too big as PNG for Anthropic's 5 MB cap once fitted. */
function largeNoisyPng(): string {
  let seed = 12345;
  const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 24;
  const png = encodeTestPng({
    width: 3200,
    height: 2000,
    colorType: 2,
    bitDepth: 8,
    samples: (x, y) => (y < 200 ? [40, 42, 54] : x < 1600 ? [68, 71, 90] : [next(), next(), next()]),
  });
  return Buffer.from(png).toString('base64');
}

const modelRequest = (fake: { requests: readonly RecordedRequest[] }, from: number, path: string) => {
  const found = fake.requests.slice(from).filter((r) => r.path === path);
  if (found.length === 0) throw new Error(`no request to ${path}`);
  return found.map((r) => r.body as Body);
};

describe('requests as the real APIs need them, with the real SDKs against the fakes', () => {
  let fakes: FakeProviders;
  beforeAll(async () => {
    fakes = await startFakeProviders();
  });
  afterAll(() => fakes.close());

  async function run(config: ExtractorsFile, images = [fixtureBase64()], env: Record<string, string> = {}) {
    const { runs, ledger } = await createTestRunService({ env: { ...fakes.env, ...env }, config });
    const request = extractRequest({ images, paid: 'always' });
    const events: RunEvent[] = [];
    const started = performance.now();
    const result = await runs.run(await runs.prepare(request, 'test'), request, (e) => events.push(e), new AbortController().signal);
    const done = (id: string) => {
      const found = events.find((e): e is Done => e.stage === 'extractor_done' && e.extractor === id);
      if (!found) throw new Error(`no extractor_done for ${id}`);
      return found;
    };
    return { result, events, done, ledger, ms: performance.now() - started };
  }

  it('turns Claude’s thinking off (Haiku 5.5: disabled, Sonnet 5.5: between_tools), sends no sampling parameters, and gets the answer although the model would think past the cap', async () => {
    const before = fakes.anthropic.requests.length;
    // A model left to think would spend 5000 tokens, past both output caps (1500 and 2500).
    fakes.anthropic.script({ reply: truthAnswer('login-dracula'), thinkingTokens: 5000 }, { reply: truthAnswer('login-dracula'), thinkingTokens: 5000 });
    const { done } = await run(only(['anthropic', 'anthropic-deep']));
    expect(done('anthropic')).toMatchObject({ status: 'done' });
    expect(done('anthropic-deep')).toMatchObject({ status: 'done' });
    const bodies = modelRequest(fakes.anthropic, before, '/v1/messages');
    const haiku = bodies.find((b) => b['model'] === 'claude-haiku-5-5')!;
    const sonnet = bodies.find((b) => b['model'] === 'claude-sonnet-5-5')!;
    expect(haiku).toMatchObject({ max_tokens: 1500, thinking: { type: 'disabled' }, output_config: { effort: 'low', format: { type: 'json_schema' } } });
    expect(sonnet).toMatchObject({ max_tokens: 2500, thinking: { type: 'between_tools' } });
    for (const body of bodies) for (const name of ['temperature', 'top_p', 'top_k']) expect(body[name]).toBeUndefined();
    // Images first, then the prompt, as Anthropic recommends.
    expect(haiku.messages[0]!.content.map((b) => b['type'])).toEqual(['image', 'text']);
  });

  it('says the model spent its output cap thinking when thinking is left on', async () => {
    fakes.anthropic.script({ reply: truthAnswer('login-dracula'), thinkingTokens: 5000 });
    const { done } = await run(only(['anthropic'], 3_000, (e) => (e.type === 'anthropic' ? { ...e, thinking: 'adaptive' } : e)));
    expect(done('anthropic')).toMatchObject({ status: 'failed', code: 'INVALID_OUTPUT', reason: expect.stringMatching(/cut off at 1500 tokens.*thinking/) });
    // Billed although useless: the thinking was output.
    expect(done('anthropic').cost).toBeGreaterThan(0);
  });

  it('asks gpt-6-luna for no reasoning, with max_completion_tokens, so reasoning cannot eat the cap', async () => {
    const before = fakes.openai.requests.length;
    fakes.openai.script({ reply: truthAnswer('login-dracula'), thinkingTokens: 5000 });
    const { done } = await run(only(['openai']));
    expect(done('openai')).toMatchObject({ status: 'done' });
    const [body] = modelRequest(fakes.openai, before, '/v1/chat/completions');
    expect(body).toMatchObject({ model: 'gpt-6-luna', reasoning_effort: 'none', max_completion_tokens: 1500 });
    expect(body!['max_tokens']).toBeUndefined();
    expect(body!['temperature']).toBeUndefined();
  });

  it('says reasoning used the cap when an operator turns it on', async () => {
    fakes.openai.script({ reply: truthAnswer('login-dracula'), thinkingTokens: 5000 });
    const { done } = await run(only(['openai'], 3_000, (e) => (e.type === 'openai' ? { ...e, reasoning_effort: 'medium' } : e)));
    expect(done('openai')).toMatchObject({ status: 'failed', code: 'INVALID_OUTPUT', reason: expect.stringMatching(/1500 of them spent reasoning/) });
  });

  it('sends a local server max_tokens (what Ollama reads) and a low temperature, and reads a fenced answer', async () => {
    const before = fakes.local.requests.length;
    const json = JSON.stringify(truthAnswer('login-dracula'));
    fakes.local.script({ rawContent: `Here is the palette:\n\n\`\`\`json\n${json}\n\`\`\`\nLet me know if you need more.` });
    const { done } = await run(only(['local-vision']));
    expect(done('local-vision')).toMatchObject({ status: 'done' });
    expect(done('local-vision').votes.find((v) => v.role === 'background')?.hex).toBe('#282a36');
    const [body] = modelRequest(fakes.local, before, '/v1/chat/completions');
    expect(body).toMatchObject({ max_tokens: 1500, temperature: 0.1 });
    expect(body!['max_completion_tokens']).toBeUndefined();
  });

  it('reads JSON with prose around it and no fence', async () => {
    fakes.local.script({ rawContent: `Sure! ${JSON.stringify(truthAnswer('login-dracula'))} Hope this helps.` });
    const { done } = await run(only(['local-vision']));
    expect(done('local-vision')).toMatchObject({ status: 'done' });
  });

  it('keeps the valid colours of a partly invalid answer, and says what it dropped', async () => {
    const good = truthAnswer('login-dracula').colors;
    fakes.openai.script({ reply: { colors: [good[0], { hex: 'dark grey', role: 'text', name: 'ink' }, good[1], { hex: '#123456', role: 'nonsense', name: 'x' }] } });
    const { done } = await run(only(['openai']));
    const openai = done('openai');
    expect(openai.status).toBe('done');
    expect(openai.votes.map((v) => v.hex)).toEqual([good[0]!.hex, good[1]!.hex]);
    expect(openai.reason).toMatch(/Kept 2 colour\(s\); dropped 2 invalid: colors\.1\.hex: a #rrggbb colour; colors\.3\.role/);
    expect(openai.cost).toBeGreaterThan(0);
  });

  it('still fails an answer with not one valid colour', async () => {
    fakes.openai.script({ reply: { colors: [{ hex: 'dark grey', role: 'text', name: 'ink' }] } });
    const { done } = await run(only(['openai']));
    expect(done('openai')).toMatchObject({ status: 'failed', code: 'INVALID_OUTPUT', reason: expect.stringMatching(/colors\.0\.hex/) });
  });

  it('retries a slow first attempt within the extractor’s timeout', async () => {
    const before = fakes.openai.requests.length;
    // Timeout 6 s: each attempt gets (6 − 2) / 3 ≈ 1.33 s. The first takes 2.5 s, the retry answers at once.
    fakes.openai.script({ reply: truthAnswer('login-dracula'), delayMs: 2_500 }, { reply: truthAnswer('login-dracula') });
    const { done } = await run(only(['openai'], 6_000));
    expect(done('openai')).toMatchObject({ status: 'done' });
    expect(done('openai').duration_ms).toBeLessThan(6_000);
    const calls = fakes.openai.requests.slice(before).filter((r) => r.path === '/v1/chat/completions');
    expect(calls).toHaveLength(2);
    expect(calls[0]!.aborted).toBe(true);
  });

  it('sends each model a downscaled copy within its caps, estimates on it, and keeps CV on the full image', async () => {
    const big = largeNoisyPng();
    const marks = { openai: fakes.openai.requests.length, anthropic: fakes.anthropic.requests.length, gemini: fakes.gemini.requests.length };
    const { events, done } = await run(only(['openai', 'anthropic', 'gemini', 'flat-regions-full'], 20_000), [big]);
    for (const id of ['openai', 'anthropic', 'gemini']) expect(done(id).status).toBe('done');
    // CV read every pixel: its shares are of the 3200 × 2000 image (the 200 px header band is 10 %).
    const header = done('flat-regions-full').votes.find((v) => v.hex === '#282a36');
    expect(header?.share).toBeCloseTo(0.1, 2);

    const [claude] = modelRequest(fakes.anthropic, marks.anthropic, '/v1/messages');
    const claudeImage = claude!.messages[0]!.content[0]!['source'] as { media_type: string; data: string };
    const claudeBytes = Buffer.from(claudeImage.data, 'base64');
    const claudeSize = declaredImageSize(claudeBytes)!;
    expect(Math.max(claudeSize.width, claudeSize.height)).toBeLessThanOrEqual(2576);
    expect(Math.ceil(claudeSize.width / 28) * Math.ceil(claudeSize.height / 28)).toBeLessThanOrEqual(4784);
    expect(claudeBytes.byteLength).toBeLessThanOrEqual(5 * 1024 * 1024);
    // Half noise at that size is over 5 MB as PNG: it went as JPEG.
    expect(claudeImage.media_type).toBe('image/jpeg');

    const [gpt] = modelRequest(fakes.openai, marks.openai, '/v1/chat/completions');
    const gptUrl = (gpt!.messages[0]!.content[0]!['image_url'] as { url: string }).url;
    const gptSize = declaredImageSize(Buffer.from(gptUrl.slice(gptUrl.indexOf(',') + 1), 'base64'))!;
    expect(Math.ceil(gptSize.width / 32) * Math.ceil(gptSize.height / 32)).toBeLessThanOrEqual(2500);
    expect(gptSize.width / gptSize.height).toBeCloseTo(1.6, 1);

    const [gem] = modelRequest(fakes.gemini, marks.gemini, '/v1beta/openai/chat/completions');
    const gemUrl = (gem!.messages[0]!.content[0]!['image_url'] as { url: string }).url;
    const gemSize = declaredImageSize(Buffer.from(gemUrl.slice(gemUrl.indexOf(',') + 1), 'base64'))!;
    expect(gemSize).toEqual({ width: 1536, height: 960 });

    // The plan's estimate is on the sent size: Claude at 4784 image tokens at most, not 3200 × 2000's worth.
    const accepted = events[0]!;
    if (accepted.stage !== 'accepted') throw new Error('no plan');
    const haikuEstimate = accepted.plan.find((p) => p.extractor === 'anthropic')!.estimated_cost;
    expect(haikuEstimate).toBeLessThanOrEqual(((4784 + 1400) * 0.1 + 1500 * 0.5) / 1e6 + 1e-9);
  });

  it('sends a simple screen smaller than the model’s native size', async () => {
    const before = fakes.anthropic.requests.length;
    // A flat two-colour 2400 × 1500 screen: CV measures two colours.
    const flat = Buffer.from(encodeTestPng({ width: 2400, height: 1500, colorType: 2, bitDepth: 8, samples: (x) => (x < 600 ? [68, 71, 90] : [248, 248, 242]) })).toString('base64');
    const { done } = await run(only(['anthropic']), [flat]);
    expect(done('anthropic').status).toBe('done');
    const [claude] = modelRequest(fakes.anthropic, before, '/v1/messages');
    const size = declaredImageSize(Buffer.from((claude!.messages[0]!.content[0]!['source'] as { data: string }).data, 'base64'))!;
    expect(size).toEqual({ width: 1568, height: 980 });
  });

  it('runs Gemini end to end through its OpenAI-compatible endpoint, with its key, thinking kept low, and its prices', async () => {
    const before = fakes.gemini.requests.length;
    fakes.gemini.script({ reply: truthAnswer('login-dracula'), thinkingTokens: 300, usage: { inputTokens: 2000, outputTokens: 200 } });
    const { done } = await run(only(['gemini']));
    const gemini = done('gemini');
    expect(gemini).toMatchObject({ status: 'done', cached: false });
    expect(gemini.votes.find((v) => v.role === 'background')).toMatchObject({ hex: '#282a36', extractor: 'gemini' });
    // 2000 in at $0.75, 200 + 300 thinking out at $3.75 per MTok.
    expect(gemini.cost).toBeCloseTo((2000 * 0.75 + 500 * 3.75) / 1e6, 9);
    const call = fakes.gemini.requests.slice(before).find((r) => r.path === '/v1beta/openai/chat/completions')!;
    expect(call.headers.authorization).toBe('Bearer gemini-test-key');
    expect(call.body).toMatchObject({ model: 'gemini-3.8-flash', reasoning_effort: 'low', max_completion_tokens: 4096, response_format: { type: 'json_schema' } });
  });

  it('goes through HTTP_PROXY when one is set', async () => {
    const proxied: string[] = [];
    const proxy = await startForwardProxy(proxied);
    try {
      const port = proxy.address().port;
      const { done, ms } = await run(only(['openai', 'anthropic']), [fixtureBase64()], { HTTP_PROXY: `http://127.0.0.1:${port}`, NO_PROXY: '' });
      expect(done('openai').status).toBe('done');
      expect(done('anthropic').status).toBe('done');
      expect(ms).toBeLessThan(3_000);
      expect(proxied).toEqual(expect.arrayContaining([new URL(fakes.openai.url).host, new URL(fakes.anthropic.url).host]));
    } finally {
      await proxy.close();
    }
  });
});

/** A minimal HTTP proxy on 127.0.0.1 that tunnels CONNECT requests (what undici's proxy agent sends) and records each host:port. */
async function startForwardProxy(seen: string[]): Promise<{ address: () => AddressInfo; close: () => Promise<void> }> {
  const tunnels = new Set<Duplex>();
  const server: Server = createServer((_req, res) => {
    res.writeHead(405).end();
  });
  server.on('connect', (req: IncomingMessage, client: Duplex, head: Buffer) => {
    tunnels.add(client);
    client.on('close', () => tunnels.delete(client));
    const target = req.url ?? '';
    seen.push(target);
    const [host, port] = target.split(':');
    const upstream = connect(Number(port), host ?? '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return {
    address: () => server.address() as AddressInfo,
    // Tunnels are upgraded sockets the server no longer tracks: destroyed here so close() does not wait for keep-alive.
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of tunnels) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
