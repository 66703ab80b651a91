import { afterEach, describe, expect, it } from 'vitest';
import { startFakeAnthropic } from './fake-anthropic.ts';
import { startFakeOpenAI } from './fake-openai.ts';
import type { FakeBehaviour, FakeProvider, FakeProviderOptions } from './fake-provider.ts';
import { validColorAnswer } from './valid-color-answer.ts';

interface Vendor {
  readonly name: string;
  readonly start: (options?: FakeProviderOptions) => Promise<FakeProvider>;
  /** A minimal valid model request, sent with plain fetch so the shared controls are tested without SDK retries. */
  readonly ask: (fake: FakeProvider, signal?: AbortSignal) => Promise<Response>;
}

const VENDORS: readonly Vendor[] = [
  {
    name: 'openai',
    start: startFakeOpenAI,
    ask: (fake, signal) =>
      fetch(`${fake.url}/v1/chat/completions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: 'Bearer test-key' },
        body: JSON.stringify({ model: 'm', messages: [{ role: 'user', content: 'hi' }] }),
        signal: signal ?? null,
      }),
  },
  {
    name: 'anthropic',
    start: startFakeAnthropic,
    ask: (fake, signal) =>
      fetch(`${fake.url}/v1/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-api-key': 'test-key', 'anthropic-version': '2023-06-01' },
        body: JSON.stringify({ model: 'm', max_tokens: 100, messages: [{ role: 'user', content: 'hi' }] }),
        signal: signal ?? null,
      }),
  },
];

const open: FakeProvider[] = [];

afterEach(async () => {
  await Promise.all(open.splice(0).map((fake) => fake.close()));
});

describe.each(VENDORS)('shared controls of the $name fake', ({ start, ask }) => {
  async function started(options?: FakeProviderOptions): Promise<FakeProvider> {
    const fake = await start(options);
    open.push(fake);
    return fake;
  }

  it('listens on 127.0.0.1 with an ephemeral port', async () => {
    const fake = await started();

    expect(fake.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('rejects waitForRequests after its timeout, naming what it saw', async () => {
    const fake = await started();
    await ask(fake);

    await expect(fake.waitForRequests(2, 50)).rejects.toThrow(/expected 2 request\(s\) after 50 ms; saw POST \/v1\//);
  });

  it('ends a hung request on close, rejecting pending waits, so a test never hangs', async () => {
    const fake = await started();
    fake.script({ hang: true });
    const pending = ask(fake).then(
      () => 'answered',
      () => 'connection closed',
    );
    await fake.waitForRequests(1);
    const waiting = fake.waitForRequests(5, 60_000).catch((e: unknown) => e);

    await fake.close();
    expect(await pending).toBe('connection closed');
    expect(await waiting).toMatchObject({ message: expect.stringMatching(/closed while waiting/) });
    // The fake closed the socket, not the client: that is not an abort.
    expect(fake.requests[0]?.aborted).toBe(false);
    await expect(fake.close()).resolves.toBeUndefined();
  });

  it('ends a stalled response on close', async () => {
    const fake = await started();
    fake.script({ stallAfterHeaders: true });
    const response = await ask(fake);
    expect(response.status).toBe(200);
    const body = response.text().then(
      () => 'read',
      () => 'body cut off',
    );

    await fake.close();
    expect(await body).toBe('body cut off');
  });

  it('delays an answer by delayMs', async () => {
    const fake = await started();
    fake.script({ reply: validColorAnswer(), delayMs: 150 });
    const sent = Date.now();
    const response = await ask(fake);

    expect(response.status).toBe(200);
    expect(Date.now() - sent).toBeGreaterThanOrEqual(140);
  });

  it('marks a request aborted when the client gives up during delayMs', async () => {
    const fake = await started();
    fake.script({ reply: validColorAnswer(), delayMs: 5_000 });
    const controller = new AbortController();
    const pending = ask(fake, controller.signal).catch((e: unknown) => e);
    await fake.waitForRequests(1);
    controller.abort();

    expect(await pending).toMatchObject({ name: 'AbortError' });
    const [request] = await fake.waitForAborted(1);
    expect(request?.aborted).toBe(true);
  });

  it('uses the configured default behaviour when the queue is empty', async () => {
    const fake = await started({ defaultBehaviour: { status: 503 } });
    fake.script({ reply: validColorAnswer() });

    expect((await ask(fake)).status).toBe(200);
    expect((await ask(fake)).status).toBe(503);
    expect((await ask(fake)).status).toBe(503);
  });

  it('sends a scripted error body and headers as given', async () => {
    const fake = await started();
    fake.script({ status: 502, body: '<html>Bad gateway</html>', headers: { 'x-should-retry': 'false' } });
    const response = await ask(fake);

    expect(response.status).toBe(502);
    expect(response.headers.get('x-should-retry')).toBe('false');
    expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(await response.text()).toBe('<html>Bad gateway</html>');
  });

  it('does not spend scripted behaviours on health checks', async () => {
    const fake = await started();
    fake.script({ status: 500 });
    await fetch(`${fake.url}/v1/models`, { headers: { 'anthropic-version': '2023-06-01' } });

    expect((await ask(fake)).status).toBe(500);
  });

  it('refuses a behaviour that is not exactly one kind', async () => {
    const fake = await started();
    const both = { reply: {}, hang: true } as unknown as FakeBehaviour;

    expect(() => fake.script(both)).toThrow(/exactly one of/);
    expect(() => fake.script({ reply: undefined })).toThrow(/undefined/);
    expect(() => fake.script({ status: 42 })).toThrow(/not an HTTP status/);
  });
});

describe('validColorAnswer', () => {
  it('wraps colours in the shape Chorus asks the model for', () => {
    expect(validColorAnswer([{ hex: '#B87333', role: 'accent', name: 'molten-copper' }])).toEqual({
      colors: [{ hex: '#B87333', role: 'accent', name: 'molten-copper' }],
    });
  });

  it('refuses a hex that is not #rrggbb', () => {
    expect(() => validColorAnswer([{ hex: '#fff', role: 'background', name: 'white' }])).toThrow(/#rrggbb/);
  });
});
