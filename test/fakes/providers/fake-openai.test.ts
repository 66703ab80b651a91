import OpenAI, { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError, AuthenticationError, InternalServerError, RateLimitError } from 'openai';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ONE_PIXEL_PNG } from '../one-pixel-png.ts';
import type { FakeProvider } from './fake-provider.ts';
import { startFakeOpenAI } from './fake-openai.ts';
import { validColorAnswer } from './valid-color-answer.ts';

const PNG_DATA_URL = `data:image/png;base64,${Buffer.from(ONE_PIXEL_PNG).toString('base64')}`;

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
  fake = await startFakeOpenAI();
});

afterEach(async () => {
  await fake.close();
});

function client(options: { maxRetries?: number; timeout?: number; apiKey?: string } = {}): OpenAI {
  return new OpenAI({ apiKey: options.apiKey ?? 'test-key', baseURL: `${fake.url}/v1`, maxRetries: options.maxRetries ?? 0, timeout: options.timeout ?? 5000 });
}

/** The request Chorus's OpenAI adapter sends: one user turn with a prompt and a PNG, strict JSON-schema output. */
function askForColors(openai: OpenAI, signal?: AbortSignal) {
  return openai.chat.completions.create(
    {
      model: 'gpt-vision-test',
      messages: [
        {
          role: 'user',
          content: [
            { type: 'text', text: 'Name the colours in this image.' },
            { type: 'image_url', image_url: { url: PNG_DATA_URL, detail: 'low' } },
          ],
        },
      ],
      response_format: { type: 'json_schema', json_schema: { name: 'chorus_colors', strict: true, schema: COLOR_SCHEMA } },
      max_completion_tokens: 400,
    },
    signal ? { signal } : undefined,
  );
}

describe('fake OpenAI with the real openai SDK', () => {
  it('returns the scripted JSON answer and usage for a json_schema chat completion', async () => {
    fake.script({ reply: COPPER, usage: { inputTokens: 812, outputTokens: 64 } });
    const completion = await askForColors(client());

    expect(completion.object).toBe('chat.completion');
    expect(completion.model).toBe('gpt-vision-test');
    expect(completion.choices[0]?.finish_reason).toBe('stop');
    expect(completion.choices[0]?.message.refusal).toBeNull();
    expect(JSON.parse(completion.choices[0]?.message.content ?? 'null')).toEqual(COPPER);
    expect(completion.usage).toMatchObject({ prompt_tokens: 812, completion_tokens: 64, total_tokens: 876 });
    expect(completion._request_id).toMatch(/^req_/);
  });

  it('records the request exactly as the SDK sent it, API key included', async () => {
    await askForColors(client());
    const [request] = await fake.waitForRequests(1);

    expect(request?.method).toBe('POST');
    expect(request?.path).toBe('/v1/chat/completions');
    expect(request?.headers.authorization).toBe('Bearer test-key');
    expect(request?.headers['content-type']).toBe('application/json');
    expect(request?.body).toEqual({
      model: 'gpt-vision-test',
      messages: [
        {
          role: 'user',
          content: [
            { type: 'text', text: 'Name the colours in this image.' },
            { type: 'image_url', image_url: { url: PNG_DATA_URL, detail: 'low' } },
          ],
        },
      ],
      response_format: { type: 'json_schema', json_schema: { name: 'chorus_colors', strict: true, schema: COLOR_SCHEMA } },
      max_completion_tokens: 400,
    });
    expect(request?.aborted).toBe(false);
  });

  it('answers the queue in order, then the default reply', async () => {
    fake.script({ reply: COPPER }, { rawContent: '{"colors": [' });
    const openai = client();
    const first = await askForColors(openai);
    const second = await askForColors(openai);
    const third = await askForColors(openai);

    expect(JSON.parse(first.choices[0]?.message.content ?? '')).toEqual(COPPER);
    expect(second.choices[0]?.message.content).toBe('{"colors": [');
    expect(JSON.parse(third.choices[0]?.message.content ?? '')).toEqual(validColorAnswer());
  });

  it('cuts the JSON and reports finish_reason length on a token-limit finish', async () => {
    fake.script({ reply: COPPER, finish: 'length' });
    const completion = await askForColors(client());

    expect(completion.choices[0]?.finish_reason).toBe('length');
    expect(() => JSON.parse(completion.choices[0]?.message.content ?? '')).toThrow(SyntaxError);
  });

  it('sends a refusal as refusal text with null content', async () => {
    fake.script({ reply: COPPER, finish: 'refusal' });
    const completion = await askForColors(client());

    expect(completion.choices[0]?.message.content).toBeNull();
    expect(completion.choices[0]?.message.refusal).toEqual(expect.any(String));
    expect(completion.choices[0]?.finish_reason).toBe('stop');
  });

  it('has a 429 with retry-after retried by the SDK, after the wait it asked for', async () => {
    // One second: longer than the SDK's own first backoff (at most 0.5 s), so the gap proves the header was obeyed.
    fake.script({ status: 429, retryAfter: 1 }, { reply: COPPER });
    const completion = await askForColors(client({ maxRetries: 1 }));

    expect(JSON.parse(completion.choices[0]?.message.content ?? '')).toEqual(COPPER);
    const [first, second] = await fake.waitForRequests(2);
    expect(fake.requests).toHaveLength(2);
    expect(second!.receivedAt - first!.receivedAt).toBeGreaterThanOrEqual(900);
    expect(second?.headers['x-stainless-retry-count']).toBe('1');
  });

  it('surfaces a 429 as RateLimitError with OpenAI error fields once retries run out', async () => {
    fake.script({ status: 429, retryAfter: 0 });
    const error: unknown = await askForColors(client()).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(RateLimitError);
    expect(error).toMatchObject({ status: 429, type: 'requests', code: 'rate_limit_exceeded' });
  });

  it('surfaces a 500 with maxRetries 0 as APIError status 500, request id attached', async () => {
    fake.script({ status: 500 });
    const error: unknown = await askForColors(client()).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(APIError);
    expect(error).toBeInstanceOf(InternalServerError);
    expect(error).toMatchObject({ status: 500, type: 'server_error', requestID: 'req_fake000001' });
    expect(fake.requests).toHaveLength(1);
  });

  it('times out a hung request with the client timeout, and the fake sees the socket close', async () => {
    fake.script({ hang: true });
    const error: unknown = await askForColors(client({ timeout: 200 })).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(APIConnectionTimeoutError);
    const [request] = await fake.waitForAborted(1);
    expect(request?.aborted).toBe(true);
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

  it('surfaces a reset socket as a connection error, not a timeout, and retries it', async () => {
    fake.script({ reset: true });
    const error: unknown = await askForColors(client()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(APIConnectionError);
    expect(error).not.toBeInstanceOf(APIConnectionTimeoutError);
    expect(fake.requests[0]?.aborted).toBe(false);

    fake.script({ reset: true }, { reply: COPPER });
    const completion = await askForColors(client({ maxRetries: 1 }));
    expect(JSON.parse(completion.choices[0]?.message.content ?? '')).toEqual(COPPER);
    expect(fake.requests).toHaveLength(3);
  });

  it('shows the SDK timeout stops at the headers: a stalled body needs an AbortSignal', async () => {
    fake.script({ stallAfterHeaders: true });
    const started = Date.now();
    // `timeout: 100` would have fired long before 400 ms if it covered the body.
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

describe('fake OpenAI request checks', () => {
  it('answers a wrong key with 401 when a key is required, and the SDK does not retry it', async () => {
    const strict = await startFakeOpenAI({ apiKey: 'right-key' });
    try {
      const openai = new OpenAI({ apiKey: 'wrong-key', baseURL: `${strict.url}/v1`, maxRetries: 2, timeout: 5000 });
      const error: unknown = await openai.models.list().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AuthenticationError);
      expect(error).toMatchObject({ status: 401, code: 'invalid_api_key' });
      expect(strict.requests).toHaveLength(1);
    } finally {
      await strict.close();
    }
  });

  it('rejects a chat body without messages with 400 and keeps the scripted behaviour for the next request', async () => {
    fake.script({ status: 503 });
    const response = await fetch(`${fake.url}/v1/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'gpt-vision-test' }),
    });

    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error: { message: "Missing required parameter: 'messages'.", type: 'invalid_request_error', param: 'messages', code: 'missing_required_parameter' },
    });
    const error: unknown = await askForColors(client()).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 503, code: 'server_is_overloaded' });
  });

  it('answers an unknown route with OpenAI 404', async () => {
    const response = await fetch(`${fake.url}/v1/responses`, { method: 'POST' });

    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ error: { type: 'invalid_request_error', message: 'Invalid URL (POST /v1/responses)' } });
  });
});
