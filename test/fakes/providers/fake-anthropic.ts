import type Anthropic from '@anthropic-ai/sdk';
import type { FakeProvider, FakeProviderOptions, RecordedRequest } from './fake-provider.ts';
import { isRecord } from './private/is-record.ts';
import { modelText, thinkingOf } from './private/model-text.ts';
import { DEFAULT_USAGE, type HttpAnswer, type ProviderDialect } from './private/provider-dialect.ts';
import { startFakeServer } from './private/start-fake-server.ts';

/** Anthropic's error shape: `{ type: 'error', error: { type, message }, request_id }`, plus a `request-id` header. */
interface AnthropicErrorBody {
  readonly type: 'error';
  readonly error: { readonly type: string; readonly message: string };
  readonly request_id: string;
}

/** `error.type` per status, from Anthropic's API errors page; other 4xx are `invalid_request_error`, other 5xx `api_error`. */
const ERROR_TYPES: ReadonlyMap<number, readonly [type: string, message: string]> = new Map([
  [400, ['invalid_request_error', 'Invalid request.']],
  [401, ['authentication_error', 'invalid x-api-key']],
  [402, ['billing_error', 'Your credit balance is too low to access the Anthropic API.']],
  [403, ['permission_error', 'Your API key does not have permission to use the specified resource.']],
  [404, ['not_found_error', 'Not found']],
  [413, ['request_too_large', 'Request exceeds the maximum allowed number of bytes.']],
  [429, ['rate_limit_error', 'Number of requests has exceeded your rate limit.']],
  [500, ['api_error', 'Internal server error']],
  [504, ['timeout_error', 'Request timed out']],
  [529, ['overloaded_error', 'Overloaded']],
]);

/** What `stop_details.explanation` says on a scripted refusal. */
const REFUSAL_EXPLANATION = 'The fake model declined this request.';

/** 2024-01-01T00:00:00Z: a fixed `created_at` for listed models, so the list is deterministic. */
const MODEL_CREATED_AT = '2024-01-01T00:00:00Z';

/**
 * A fake Anthropic Messages API on 127.0.0.1. Give the SDK `baseURL: fake.url` (it appends `/v1/messages`).
 *
 * Routes: `POST /v1/messages` (non-streaming, scripted) and `GET /v1/models` (list, for health checks).
 * Anything else is Anthropic's 404. Every request needs an `anthropic-version` header, and a message
 * request a `model` string, a positive integer `max_tokens` and a non-empty `messages` array; otherwise
 * Anthropic's 400, consuming no scripted behaviour. With `apiKey` set, the key is accepted as
 * `x-api-key` or as `authorization: Bearer` (what @anthropic-ai/sdk 1.14 sends for `apiKey`).
 */
export function startFakeAnthropic(options: FakeProviderOptions = {}): Promise<FakeProvider> {
  const models = options.models ?? ['fake-vision'];
  const dialect: ProviderDialect = {
    name: 'fake-anthropic',
    requestIdHeader: 'request-id',
    requestId,
    route(request, serial) {
      const fail = (status: number, message: string): HttpAnswer => ({ status, body: errorBody(status, serial, message) });
      const keyProblem = checkKey(request, options.apiKey);
      if (keyProblem) return fail(401, keyProblem);
      if (request.headers['anthropic-version'] === undefined) return fail(400, 'anthropic-version: header is required');
      if (request.method === 'GET' && request.path === '/v1/models') {
        const data = models.map(
          (id): Anthropic.ModelInfo => ({
            id,
            type: 'model',
            display_name: id,
            created_at: MODEL_CREATED_AT,
            capabilities: null,
            deprecated_at: null,
            lifecycle: 'active',
            line: null,
            max_input_tokens: null,
            max_tokens: null,
            retires_at: null,
          }),
        );
        return { status: 200, body: { data, has_more: false, first_id: data[0]?.id ?? null, last_id: data.at(-1)?.id ?? null } };
      }
      if (request.method === 'POST' && request.path === '/v1/messages') {
        const problem = checkMessagesBody(request.body);
        return problem === undefined ? 'model' : fail(400, problem);
      }
      return fail(404, 'Not found');
    },
    success(request, behaviour, serial) {
      const usage = behaviour.usage ?? DEFAULT_USAGE;
      const refused = behaviour.finish === 'refusal';
      const body = isRecord(request.body) ? request.body : {};
      const thinking = thinkingOf(behaviour, thinkingOn(body), typeof body['max_tokens'] === 'number' ? body['max_tokens'] : undefined);
      const truncated = thinking.exhausted || behaviour.finish === 'length' || behaviour.finish === 'max_tokens';
      // A refusal carries no answer text unless the test scripts some (a refusal can stop mid-text); a model that thought to the cap wrote none.
      const text = thinking.exhausted || (refused && !('rawContent' in behaviour)) ? undefined : modelText(behaviour);
      // The thinking text is omitted (`display` defaults to omitted on Claude 5.5); the block and its signature still come back.
      const thought: Anthropic.ContentBlock[] = thinking.tokens > 0 ? [{ type: 'thinking', thinking: '', signature: `sig_fake${pad(serial)}` }] : [];
      const cacheCreation = usage.cacheCreationInputTokens ?? 0;
      const message: Anthropic.Message = {
        id: `msg_fake${pad(serial)}`,
        type: 'message',
        role: 'assistant',
        model: requestedModel(request),
        content: [...thought, ...(text === undefined ? [] : [{ type: 'text' as const, text, citations: null }])],
        stop_reason: refused ? 'refusal' : truncated ? 'max_tokens' : 'end_turn',
        stop_sequence: null,
        stop_details: refused ? { type: 'refusal', category: null, explanation: REFUSAL_EXPLANATION } : null,
        container: null,
        diagnostics: null,
        usage: {
          input_tokens: usage.inputTokens,
          output_tokens: thinking.exhausted ? thinking.tokens : usage.outputTokens + thinking.tokens,
          cache_creation_input_tokens: cacheCreation,
          cache_read_input_tokens: usage.cacheReadInputTokens ?? 0,
          cache_creation: { ephemeral_5m_input_tokens: cacheCreation, ephemeral_1h_input_tokens: 0 },
          inference_geo: null,
          output_tokens_details: null,
          server_tool_use: null,
          service_tier: 'standard',
          speed: null,
        },
      };
      return message;
    },
    errorBody: (status, serial) => errorBody(status, serial),
  };
  return startFakeServer(dialect, options);
}

function pad(serial: number): string {
  return String(serial).padStart(6, '0');
}

function requestId(serial: number): string {
  return `req_fake${pad(serial)}`;
}

function requestedModel(request: RecordedRequest): string {
  return isRecord(request.body) && typeof request.body['model'] === 'string' ? request.body['model'] : 'unknown';
}

function errorBody(status: number, serial: number, message?: string): AnthropicErrorBody {
  const [type, defaultMessage] = ERROR_TYPES.get(status) ?? (status >= 500 ? ['api_error', 'Internal server error'] : ['invalid_request_error', 'Invalid request.']);
  return { type: 'error', error: { type, message: message ?? defaultMessage }, request_id: requestId(serial) };
}

/** The 401 message for a request without the expected key, or undefined when the key is right (or not checked). */
function checkKey(request: RecordedRequest, apiKey: string | undefined): string | undefined {
  if (apiKey === undefined) return undefined;
  const { authorization } = request.headers;
  const sent = request.headers['x-api-key'];
  if (sent === apiKey || authorization === `Bearer ${apiKey}`) return undefined;
  return sent === undefined && authorization === undefined ? 'x-api-key header is required' : 'invalid x-api-key';
}

/** Claude 5.5 thinks unless told not to: `disabled` (Haiku 5.5) or `between_tools` with no tools (Sonnet 5.5). */
function thinkingOn(body: Record<string, unknown>): boolean {
  const thinking = body['thinking'];
  const type = isRecord(thinking) ? thinking['type'] : undefined;
  return !(type === 'disabled' || (type === 'between_tools' && body['tools'] === undefined));
}

/** Anthropic's per-image cap on the Messages API: 5 MB of image data, 8000 px a side. */
const MAX_IMAGE_BYTES = 5 * 1024 * 1024;

function checkMessagesBody(body: unknown): string | undefined {
  if (!isRecord(body)) return 'Request body must be a JSON object.';
  if (typeof body['model'] !== 'string' || body['model'] === '') return 'model: Field required';
  const model = body['model'];
  // As the real API: Claude 5.5 refuses non-default sampling, and Sonnet 5.5 refuses `disabled` thinking.
  for (const name of ['temperature', 'top_p', 'top_k']) {
    if (body[name] !== undefined && /-5-5/.test(model)) return `${name}: is not supported on ${model}; leave it at its default.`;
  }
  const thinking = body['thinking'];
  if (isRecord(thinking) && thinking['type'] === 'disabled' && /sonnet-5-5/.test(model)) return `thinking.type: "disabled" is not supported on ${model}; use "between_tools".`;
  const messages0 = body['messages'];
  if (Array.isArray(messages0)) {
    for (const message of messages0) {
      const content = isRecord(message) ? message['content'] : undefined;
      if (!Array.isArray(content)) continue;
      for (const block of content) {
        const source = isRecord(block) && block['type'] === 'image' ? block['source'] : undefined;
        const data = isRecord(source) ? source['data'] : undefined;
        if (typeof data === 'string' && Math.floor((data.length * 3) / 4) > MAX_IMAGE_BYTES) return 'messages.0.content: image exceeds 5 MB maximum.';
      }
    }
  }
  const maxTokens = body['max_tokens'];
  if (maxTokens === undefined) return 'max_tokens: Field required';
  if (typeof maxTokens !== 'number' || !Number.isInteger(maxTokens) || maxTokens < 1) return 'max_tokens: Input should be a positive integer';
  const messages = body['messages'];
  if (!Array.isArray(messages) || messages.length === 0) return 'messages: Field required';
  return undefined;
}
