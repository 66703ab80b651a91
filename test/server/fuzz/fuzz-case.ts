/** One or more WebSocket frames on a connection; `outcomes` is how many answers they call for (refusals or whole runs). */
export interface WsInput {
  readonly transport: 'ws';
  /** Text frames as strings, binary frames as bytes. */
  readonly frames: readonly (string | Uint8Array)[];
  /** One per `extract` frame; a `cancel` with no run calls for none. */
  readonly outcomes: number;
  /** Send on a new connection (a run's state must not leak into the next case). */
  readonly freshSocket?: boolean;
}

/** A `POST /api/v1/extract`. */
export interface HttpInput {
  readonly transport: 'http';
  readonly body: string | Uint8Array;
  readonly headers: Readonly<Record<string, string>>;
  /** Declare this Content-Length and send only `body`: the server must answer from the header alone. */
  readonly declaredLength?: number;
}

export type FuzzInput = WsInput | HttpInput;

/**
 * What the server must answer. `refused`: an error (HTTP 4xx body or WebSocket `error` event)
 * with one of `codes`. `clean`: any answer the protocol allows except an internal error:
 * a 4xx/429/503 with an ApiError body, an `error` event, a completed run, or a clean close.
 */
export type Expectation = { readonly kind: 'refused'; readonly codes: readonly string[] } | { readonly kind: 'clean' };

/** A fuzz input, the family it belongs to and a short description for failure messages. */
export interface FuzzCase {
  readonly index: number;
  readonly family: string;
  readonly note: string;
  readonly input: FuzzInput;
  readonly expect: Expectation;
}
