import type OpenAI from 'openai';
import type { FakeProvider, FakeProviderOptions, RecordedRequest } from './fake-provider.ts';
import { isRecord } from './private/is-record.ts';
import { modelText, outputCap, thinkingOf } from './private/model-text.ts';
import { DEFAULT_USAGE, type HttpAnswer, type ProviderDialect } from './private/provider-dialect.ts';
import { startFakeServer } from './private/start-fake-server.ts';

/** OpenAI's error object (`{ error: { message, type, param, code } }`), as the SDK reads it into `APIError`. */
interface OpenAIErrorBody {
  readonly error: { readonly message: string; readonly type: string; readonly param: string | null; readonly code: string | null };
}

/** What a structured-output refusal says when the test scripts no text of its own. */
const REFUSAL_TEXT = "I'm sorry, I can't help with that.";

/** 2024-01-01T00:00:00Z: a fixed `created` for listed models, so the list is deterministic. */
const MODEL_CREATED = 1_704_067_200;

/**
 * A fake OpenAI Chat Completions API (also what Ollama and LM Studio speak) on 127.0.0.1.
 * Give the SDK `baseURL: \`${fake.url}/v1\``.
 *
 * Routes: `POST /v1/chat/completions` (non-streaming, scripted) and `GET /v1/models` (list, for health
 * checks). Anything else is OpenAI's 404. A chat request without a `model` string or a non-empty
 * `messages` array gets OpenAI's 400 and consumes no scripted behaviour.
 */
export function startFakeOpenAI(options: FakeProviderOptions = {}): Promise<FakeProvider> {
  return startChatCompletionsFake('fake-openai', '/v1', options);
}

/**
 * A fake of Gemini's OpenAI-compatible endpoint on 127.0.0.1: the same Chat Completions wire format
 * under `/v1beta/openai` (give the SDK `baseURL: \`${fake.url}/v1beta/openai\``), the key as a bearer token.
 * Gemini cannot switch thinking off: every `reasoning_effort` but `none` thinks `thinkingTokens`.
 */
export function startFakeGemini(options: FakeProviderOptions = {}): Promise<FakeProvider> {
  return startChatCompletionsFake('fake-gemini', '/v1beta/openai', options);
}

function startChatCompletionsFake(name: string, prefix: string, options: FakeProviderOptions): Promise<FakeProvider> {
  const models = options.models ?? ['fake-vision'];
  const dialect: ProviderDialect = {
    name,
    requestIdHeader: 'x-request-id',
    requestId: (serial) => `req_fake${pad(serial)}`,
    route(request) {
      const keyProblem = checkKey(request, options.apiKey);
      if (keyProblem) return keyProblem;
      if (request.method === 'GET' && request.path === `${prefix}/models`) {
        return {
          status: 200,
          body: {
            object: 'list',
            data: models.map((id): OpenAI.Model => ({ id, object: 'model', created: MODEL_CREATED, owned_by: 'fake' })),
          },
        };
      }
      if (request.method === 'POST' && request.path === `${prefix}/chat/completions`) return checkChatBody(request.body) ?? 'model';
      return invalid(404, `Invalid URL (${request.method} ${request.path})`, null, null);
    },
    success(request, behaviour, serial) {
      const usage = behaviour.usage ?? DEFAULT_USAGE;
      const refused = behaviour.finish === 'refusal';
      const body = isRecord(request.body) ? request.body : {};
      const thinking = thinkingOf(behaviour, body['reasoning_effort'] !== 'none', outputCap(body));
      const text = thinking.exhausted ? '' : modelText(behaviour);
      const cut = thinking.exhausted || behaviour.finish === 'length' || behaviour.finish === 'max_tokens';
      const outputTokens = thinking.exhausted ? thinking.tokens : usage.outputTokens + thinking.tokens;
      const completion: OpenAI.ChatCompletion = {
        id: `chatcmpl-fake${pad(serial)}`,
        object: 'chat.completion',
        created: Math.floor(Date.now() / 1000),
        model: requestedModel(request),
        choices: [
          {
            index: 0,
            message: {
              role: 'assistant',
              // A structured-output refusal comes back as `refusal` text with `content: null`, finish `stop`.
              content: refused ? null : text,
              refusal: refused ? ('rawContent' in behaviour ? text : REFUSAL_TEXT) : null,
              annotations: [],
            },
            logprobs: null,
            finish_reason: cut ? 'length' : 'stop',
          },
        ],
        usage: {
          prompt_tokens: usage.inputTokens,
          completion_tokens: outputTokens,
          total_tokens: usage.inputTokens + outputTokens,
          ...(thinking.tokens > 0 ? { completion_tokens_details: { reasoning_tokens: thinking.tokens } } : {}),
          ...(usage.cacheReadInputTokens === undefined ? {} : { prompt_tokens_details: { cached_tokens: usage.cacheReadInputTokens } }),
        },
        service_tier: 'default',
      };
      return completion;
    },
    errorBody: (status) => errorFor(status).body,
  };
  return startFakeServer(dialect, options);
}

function pad(serial: number): string {
  return String(serial).padStart(6, '0');
}

function requestedModel(request: RecordedRequest): string {
  return isRecord(request.body) && typeof request.body['model'] === 'string' ? request.body['model'] : 'unknown';
}

function invalid(status: number, message: string, param: string | null, code: string | null): HttpAnswer {
  const body: OpenAIErrorBody = { error: { message, type: 'invalid_request_error', param, code } };
  return { status, body };
}

/** OpenAI's 401s: a missing key and a wrong one read differently. */
function checkKey(request: RecordedRequest, apiKey: string | undefined): HttpAnswer | undefined {
  if (apiKey === undefined) return undefined;
  const authorization = request.headers.authorization;
  if (authorization === `Bearer ${apiKey}`) return undefined;
  if (authorization === undefined) return invalid(401, "You didn't provide an API key. Provide it in an Authorization header using Bearer auth.", null, null);
  return invalid(401, 'Incorrect API key provided.', null, 'invalid_api_key');
}

function checkChatBody(body: unknown): HttpAnswer | undefined {
  if (!isRecord(body)) return invalid(400, 'We could not parse the JSON body of your request.', null, null);
  if (typeof body['model'] !== 'string' || body['model'] === '') return invalid(400, 'You must provide a model parameter.', 'model', null);
  const messages = body['messages'];
  if (!Array.isArray(messages) || messages.length === 0) return invalid(400, "Missing required parameter: 'messages'.", 'messages', 'missing_required_parameter');
  return undefined;
}

/** The error body OpenAI sends for a status (types and codes as its error-code guide lists them). */
function errorFor(status: number): { body: OpenAIErrorBody } {
  const error = (message: string, type: string, code: string | null): { body: OpenAIErrorBody } => ({
    body: { error: { message, type, param: null, code } },
  });
  switch (status) {
    case 401:
      return error('Incorrect API key provided.', 'invalid_request_error', 'invalid_api_key');
    case 404:
      return error('The model does not exist or you do not have access to it.', 'invalid_request_error', 'model_not_found');
    case 429:
      return error('Rate limit reached for requests. Please try again shortly.', 'requests', 'rate_limit_exceeded');
    case 503:
      return error('The server is overloaded or not ready yet.', 'service_unavailable_error', 'server_is_overloaded');
    default:
      return status >= 500
        ? error('The server had an error while processing your request. Sorry about that!', 'server_error', null)
        : error('Invalid request.', 'invalid_request_error', null);
  }
}
