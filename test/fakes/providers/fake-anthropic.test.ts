import Anthropic, {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  APIUserAbortError,
  AuthenticationError,
  InternalServerError,
  OverloadedError,
  RateLimitError,
} from '@anthropic-ai/sdk';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ONE_PIXEL_PNG } from '../one-pixel-png.ts';
import type { FakeProvider } from './fake-provider.ts';
import { startFakeAnthropic } from './fake-anthropic.ts';
import { validColorAnswer } from './valid-color-answer.ts';

const PNG_BASE64 = Buffer.from(ONE_PIXEL_PNG).toString('base64');

/** A stand-in for Chorus's colour schema: the fake doesn't read it, the test checks it arrives intact. */
const COLOR_SCHEMA = {
  type: 'object',
  properties: {
    colors: {
      type: 'array',
      items: {
        type: 'object',
        properties: { hex: { type: 'string' }, role: { type: 'string' }, name: { type: 'string' } },
        required: ['hex', 'role', 'name'],
        additionalProperties: false,
      },
    },
  },
  required: ['colors'],
  additionalProperties: false,
};

const COPPER = validColorAnswer([
  { hex: '#b87333', role: 'primary', name: 'molten-copper' },
  { hex: '#fdf6e3', role: 'background', name: 'parchment' },
]);

let fake: FakeProvider;

beforeEach(async () => {
  fake = await startFakeAnthropic();
});

afterEach(async () => {
  await fake.close();
});

function client(options: { maxRetries?: number; timeout?: number } = {}): Anthropic {
  return new Anthropic({ apiKey: 'test-key', baseURL: fake.url, maxRetries: options.maxRetries ?? 0, timeout: options.timeout ?? 5000 });
}

/** The request Chorus's Anthropic adapter sends: one user turn with a PNG and a prompt, JSON-schema output. */
function askForColors(anthropic: Anthropic, signal?: AbortSignal) {
  return anthropic.messages.create(
    {
      model: 'claude-vision-test',
      max_tokens: 400,
      messages: [
        {
          role: 'user',
          content: [
            { type: 'image', source: { type: 'base64', media_type: 'image/png', data: PNG_BASE64 } },
            { type: 'text', text: 'Name the colours in this image.' },
          ],
        },
      ],
      output_config: { format: { type: 'json_schema', schema: COLOR_SCHEMA } },
    },
    signal ? { signal } : undefined,
  );
}

function textOf(message: Anthropic.Message): string {
  const block = message.content[0];
  if (block?.type !== 'text') throw new Error(`expected a text block, got ${JSON.stringify(message.content)}`);
  return block.text;
}

describe('fake Anthropic with the real @anthropic-ai/sdk', () => {
  it('returns the scripted JSON answer and usage for an output_config json_schema message', async () => {
    fake.script({ reply: COPPER, usage: { inputTokens: 1530, outputTokens: 71, cacheReadInputTokens: 1200 } });
    const message = await askForColors(client());

    expect(message).toMatchObject({ type: 'message', role: 'assistant', model: 'claude-vision-test', stop_reason: 'end_turn', stop_sequence: null });
    expect(JSON.parse(textOf(message))).toEqual(COPPER);
    expect(message.usage).toMatchObject({ input_tokens: 1530, output_tokens: 71, cache_read_input_tokens: 1200, cache_creation_input_tokens: 0 });
    expect(message._request_id).toMatch(/^req_/);
  });

  it('records the request exactly as the SDK sent it, API key and version header included', async () => {
    await askForColors(client());
    const [request] = await fake.waitForRequests(1);

    expect(request?.method).toBe('POST');
    expect(request?.path).toBe('/v1/messages');
    // @anthropic-ai/sdk 1.14 sends `apiKey` as a bearer token, not as `x-api-key`.
    expect(request?.headers.authorization).toBe('Bearer test-key');
    expect(request?.headers['x-api-key']).toBeUndefined();
    expect(request?.headers['anthropic-version']).toEqual(expect.any(String));
    expect(request?.body).toEqual({
      model: 'claude-vision-test',
      max_tokens: 400,
      messages: [
        {
          role: 'user',
          content: [
            { type: 'image', source: { type: 'base64', media_type: 'image/png', data: PNG_BASE64 } },
            { type: 'text', text: 'Name the colours in this image.' },
          ],
        },
      ],
      output_config: { format: { type: 'json_schema', schema: COLOR_SCHEMA } },
    });
  });

  it('reports a refusal as stop_reason refusal with stop_details and no text', async () => {
    fake.script({ reply: COPPER, finish: 'refusal' });
    const message = await askForColors(client());

    expect(message.stop_reason).toBe('refusal');
    expect(message.stop_details).toMatchObject({ type: 'refusal' });
    expect(message.content).toEqual([]);
  });

  it('cuts the JSON and reports stop_reason max_tokens on a token-limit finish', async () => {
    fake.script({ reply: COPPER, finish: 'max_tokens' });
    const message = await askForColors(client());

    expect(message.stop_reason).toBe('max_tokens');
    expect(() => JSON.parse(textOf(message))).toThrow(SyntaxError);
  });

  it('passes raw model text through verbatim', async () => {
    fake.script({ rawContent: 'Here are the colours: copper and cream.' });
    const message = await askForColors(client());

    expect(textOf(message)).toBe('Here are the colours: copper and cream.');
  });

  it('surfaces a 529 with maxRetries 0 as OverloadedError with the Anthropic error body and request id', async () => {
    fake.script({ status: 529 });
    const error: unknown = await askForColors(client()).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(OverloadedError);
    expect(error).toBeInstanceOf(InternalServerError);
    expect(error).toMatchObject({ status: 529, type: 'overloaded_error', requestID: 'req_fake000001' });
    expect((error as APIError).error).toEqual({ type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' }, request_id: 'req_fake000001' });
  });

  it('has a 529 retried by the SDK after retry-after-ms', async () => {
    // 600 ms: longer than the SDK's own first backoff (at most 0.5 s), so the gap proves the header was obeyed.
    fake.script({ status: 529, retryAfterMs: 600 }, { reply: COPPER });
    const message = await askForColors(client({ maxRetries: 1 }));

    expect(JSON.parse(textOf(message))).toEqual(COPPER);
    const [first, second] = await fake.waitForRequests(2);
    expect(fake.requests).toHaveLength(2);
    expect(second!.receivedAt - first!.receivedAt).toBeGreaterThanOrEqual(550);
  });

  it('has a 429 with retry-after retried by the SDK', async () => {
    fake.script({ status: 429, retryAfter: 0.05 }, { reply: COPPER });
    await askForColors(client({ maxRetries: 1 }));

    expect(fake.requests).toHaveLength(2);
    expect(fake.requests[1]?.headers['x-stainless-retry-count']).toBe('1');
  });

  it('surfaces a 429 as RateLimitError once retries run out', async () => {
    fake.script({ status: 429, retryAfter: 30 });
    const error: unknown = await askForColors(client()).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(RateLimitError);
    expect(error).toMatchObject({ status: 429, type: 'rate_limit_error' });
    expect((error as APIError).headers?.get('retry-after')).toBe('30');
  });

  it('surfaces a 500 with maxRetries 0 as APIError status 500', async () => {
    fake.script({ status: 500 });
    const error: unknown = await askForColors(client()).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(APIError);
    expect(error).toMatchObject({ status: 500, type: 'api_error' });
  });

  it('times out a hung request with the client timeout, and the fake sees the socket close', async () => {
    fake.script({ hang: true });
    const error: unknown = await askForColors(client({ timeout: 200 })).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(APIConnectionTimeoutError);
    await fake.waitForAborted(1);
  });

  it('abandons a hung request on an AbortSignal, and the fake sees the socket close', async () => {
    fake.script({ hang: true });
    const controller = new AbortController();
    const pending = askForColors(client(), controller.signal).catch((e: unknown) => e);
    await fake.waitForRequests(1);
    controller.abort();

    expect(await pending).toBeInstanceOf(APIUserAbortError);
    await fake.waitForAborted(1);
  });

  it('surfaces a reset socket as a connection error, not a timeout', async () => {
    fake.script({ reset: true });
    const error: unknown = await askForColors(client()).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(APIConnectionError);
    expect(error).not.toBeInstanceOf(APIConnectionTimeoutError);
    expect(fake.requests[0]?.aborted).toBe(false);
  });

  it('shows the SDK timeout stops at the headers: a stalled body needs an AbortSignal', async () => {
    fake.script({ stallAfterHeaders: true });
    const started = Date.now();
    const error: unknown = await askForColors(client({ timeout: 100 }), AbortSignal.timeout(400)).catch((e: unknown) => e);

    expect(Date.now() - started).toBeGreaterThanOrEqual(350);
    expect(error).toMatchObject({ name: 'AbortError' });
    await fake.waitForAborted(1);
  });

  it('lists models for a health check', async () => {
    const page = await client().models.list();

    expect(page.data.map((m) => m.id)).toEqual(['fake-vision']);
    expect(fake.requests[0]).toMatchObject({ method: 'GET', path: '/v1/models' });
  });
});

describe('fake Anthropic request checks', () => {
  it('answers a wrong key with 401 authentication_error when a key is required, and the SDK does not retry it', async () => {
    const strict = await startFakeAnthropic({ apiKey: 'right-key' });
    try {
      const anthropic = new Anthropic({ apiKey: 'wrong-key', baseURL: strict.url, maxRetries: 2, timeout: 5000 });
      const error: unknown = await anthropic.models.list().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AuthenticationError);
      expect(error).toMatchObject({ status: 401, type: 'authentication_error' });
      expect(strict.requests).toHaveLength(1);
    } finally {
      await strict.close();
    }
  });

  it('accepts the key as x-api-key too, as the real API does', async () => {
    const strict = await startFakeAnthropic({ apiKey: 'right-key' });
    try {
      const response = await fetch(`${strict.url}/v1/models`, { headers: { 'x-api-key': 'right-key', 'anthropic-version': '2023-06-01' } });
      expect(response.status).toBe(200);
    } finally {
      await strict.close();
    }
  });

  it('rejects a message body without max_tokens with 400 and keeps the scripted behaviour for the next request', async () => {
    fake.script({ status: 503 });
    const response = await fetch(`${fake.url}/v1/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'anthropic-version': '2023-06-01' },
      body: JSON.stringify({ model: 'claude-vision-test', messages: [{ role: 'user', content: 'hi' }] }),
    });

    expect(response.status).toBe(400);
    expect(response.headers.get('request-id')).toBe('req_fake000001');
    expect(await response.json()).toEqual({
      type: 'error',
      error: { type: 'invalid_request_error', message: 'max_tokens: Field required' },
      request_id: 'req_fake000001',
    });
    const error: unknown = await askForColors(client()).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 503 });
  });

  it('rejects a request without anthropic-version with 400', async () => {
    const response = await fetch(`${fake.url}/v1/models`);

    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { message: 'anthropic-version: header is required' } });
  });
});
