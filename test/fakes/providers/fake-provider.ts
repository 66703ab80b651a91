import type { IncomingHttpHeaders } from 'node:http';

/**
 * Token counts a scripted answer reports, vendor-neutral: the OpenAI fake sends them as
 * `prompt_tokens`/`completion_tokens`/`total_tokens`, the Anthropic fake as `input_tokens`/`output_tokens`.
 */
export interface FakeUsage {
  readonly inputTokens: number;
  readonly outputTokens: number;
  /** Anthropic `cache_creation_input_tokens`; ignored by the OpenAI fake. */
  readonly cacheCreationInputTokens?: number;
  /** Anthropic `cache_read_input_tokens`; OpenAI `prompt_tokens_details.cached_tokens`. */
  readonly cacheReadInputTokens?: number;
}

/**
 * Why the model stopped. `'stop'` is a normal end (OpenAI `stop`, Anthropic `end_turn`);
 * `'length'` and `'max_tokens'` are the same token-limit cut (OpenAI `length`, Anthropic `max_tokens`)
 * and send the answer's JSON cut in half, as a truncated generation would be;
 * `'refusal'` is a safety refusal (OpenAI: `content: null` + `refusal` text, finish `stop`;
 * Anthropic: `stop_reason: 'refusal'`, `stop_details`, no text unless `rawContent` is given).
 */
export type FakeFinish = 'stop' | 'length' | 'max_tokens' | 'refusal';

interface AnswerTiming {
  /** Milliseconds to wait before answering; the answer is dropped if the client gives up first. */
  readonly delayMs?: number;
}

interface Thinking {
  /**
   * Tokens the model "thinks" before answering, when the request leaves thinking on (Anthropic:
   * `thinking` absent or `adaptive`; OpenAI/Gemini: `reasoning_effort` other than `none`). They are
   * billed as output and count against the request's output cap, as on the real APIs: at or over the
   * cap the answer is cut off with no text (Anthropic `max_tokens`, OpenAI `length`).
   */
  readonly thinkingTokens?: number;
}

/** A 200 whose model text is `JSON.stringify(reply)`: the structured answer the model "returned". */
export interface ReplyBehaviour extends AnswerTiming, Thinking {
  readonly reply: unknown;
  readonly usage?: FakeUsage;
  readonly finish?: FakeFinish;
}

/** A 200 whose model text is exactly `rawContent` (malformed, fenced, prose around JSON, truncated). */
export interface RawContentBehaviour extends AnswerTiming, Thinking {
  readonly rawContent: string;
  readonly usage?: FakeUsage;
  readonly finish?: FakeFinish;
}

/** An HTTP error. `body` defaults to the vendor's own error body for `status`; a string body is sent as text/plain. */
export interface StatusBehaviour extends AnswerTiming {
  readonly status: number;
  /** Seconds, sent as `retry-after` (fractions allowed: both SDKs `parseFloat` it). */
  readonly retryAfter?: number;
  /** Milliseconds, sent as `retry-after-ms` (both SDKs prefer it over `retry-after`). */
  readonly retryAfterMs?: number;
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
}

/** Never answer; the request is marked `aborted` when the client closes the socket (its timeout or AbortSignal). */
export interface HangBehaviour {
  readonly hang: true;
}

/** Destroy the socket with a TCP RST once the body has arrived: the client sees a connection reset. */
export interface ResetBehaviour {
  readonly reset: true;
}

/** Send `200` headers, then never send the body. */
export interface StallAfterHeadersBehaviour {
  readonly stallAfterHeaders: true;
}

/** What the fake does with one model request. */
export type FakeBehaviour =
  | ReplyBehaviour
  | RawContentBehaviour
  | StatusBehaviour
  | HangBehaviour
  | ResetBehaviour
  | StallAfterHeadersBehaviour;

/** One request as it arrived. Header names are lower-case (Node's `IncomingMessage.headers`); nothing is stripped. */
export interface RecordedRequest {
  readonly method: string;
  /** Path without the query string, e.g. `/v1/chat/completions`. */
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  /** The body parsed as JSON; `undefined` when empty or not JSON (see `rawBody`). */
  readonly body: unknown;
  readonly rawBody: string;
  /** `Date.now()` when the request's headers arrived. */
  readonly receivedAt: number;
  /** True once the client closed the connection before the fake finished answering (not set by `reset`). */
  readonly aborted: boolean;
}

export interface FakeProviderOptions {
  /** Behaviour when the script queue is empty. Default: a valid colour answer (`validColorAnswer()`). */
  readonly defaultBehaviour?: FakeBehaviour;
  /** When set, requests that don't carry this key get the vendor's 401 (as the real API would), health checks included. */
  readonly apiKey?: string;
  /** Model ids `GET /v1/models` lists. Default: one id, `fake-vision`. Requests for other models are still answered. */
  readonly models?: readonly string[];
}

/** A vendor API on 127.0.0.1 with an ephemeral port, scripted per request. */
export interface FakeProvider {
  /** `http://127.0.0.1:<port>`, no trailing slash. */
  readonly url: string;
  /** Every request received, in arrival order (health checks and bad requests included). */
  readonly requests: readonly RecordedRequest[];
  /** Queues behaviours for the next model requests, one each, in order. Health checks don't consume them. */
  script(...behaviours: FakeBehaviour[]): void;
  /** Resolves with `requests` once at least `count` have arrived; rejects after `timeoutMs` (default 2000). */
  waitForRequests(count: number, timeoutMs?: number): Promise<readonly RecordedRequest[]>;
  /** Resolves once at least `count` requests are marked `aborted`; rejects after `timeoutMs` (default 2000). */
  waitForAborted(count: number, timeoutMs?: number): Promise<readonly RecordedRequest[]>;
  /** Destroys every open socket (hung and stalled ones too), cancels pending answers and waits, stops listening. Idempotent. */
  close(): Promise<void>;
}
