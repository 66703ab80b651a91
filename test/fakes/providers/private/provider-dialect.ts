import type { FakeUsage, RawContentBehaviour, RecordedRequest, ReplyBehaviour } from '../fake-provider.ts';

/** A response the fake sends whole. A string `body` goes out as text/plain, anything else as JSON. */
export interface HttpAnswer {
  readonly status: number;
  readonly body: unknown;
  readonly headers?: Readonly<Record<string, string>>;
}

/** How one vendor's API looks on the wire; the shared server does everything else. */
export interface ProviderDialect {
  /** Prefix of the fake's own error messages, e.g. `fake-openai`. */
  readonly name: string;
  /** Header carrying the per-response request id (OpenAI `x-request-id`, Anthropic `request-id`). */
  readonly requestIdHeader: string;
  /** `serial` is the 1-based count of requests this fake has received. */
  requestId(serial: number): string;
  /**
   * Answers a request outright (model list, unknown route, malformed body, missing key), or returns
   * `'model'` so the server runs the next scripted behaviour.
   */
  route(request: RecordedRequest, serial: number): HttpAnswer | 'model';
  /** The 200 body for a scripted model answer. */
  success(request: RecordedRequest, behaviour: ReplyBehaviour | RawContentBehaviour, serial: number): unknown;
  /** The vendor's own error body for `status`. */
  errorBody(status: number, serial: number): unknown;
}

/** Usage when a behaviour scripts none: arbitrary but non-zero, so cost accounting has something to add up. */
export const DEFAULT_USAGE: FakeUsage = { inputTokens: 1000, outputTokens: 100 };
