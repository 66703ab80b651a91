import type { RgbaImage } from '../../core/cv/rgba-image.ts';
import type { ExtractRequest } from '../../core/protocol/extract-request.ts';
import type { RunEvent } from '../../core/protocol/run-event.ts';

/** One image file, read and decoded by the CLI before its run. */
export interface CliImage {
  readonly file: string;
  /** The file's bytes (PNG, JPEG, …) and the same as base64, as a request carries them. */
  readonly bytes: Uint8Array;
  readonly base64: string;
  readonly rgba: RgbaImage;
}

/**
 * Runs the tiers for one image, in this process or on a backend. `run` calls `onEvent` with each
 * event in order and resolves after the last (`complete` or `error`: a run that failed on its own
 * terms is an event, not a rejection). It rejects with `BackendUnreachable` when no run could
 * start, or `RunTransportError` when the stream broke off.
 */
export interface TierRunner {
  run(image: CliImage, request: ExtractRequest, onEvent: (event: RunEvent) => void, signal: AbortSignal): Promise<void>;
  /** Releases what the runner holds (the ledger file); call once, after the last run. */
  close(): Promise<void>;
}

/** The backend could not be reached at all: every other file would fail the same way. */
export class BackendUnreachable extends Error {
  override readonly name = 'BackendUnreachable';
}

/** A run's stream broke off before its last event: a code for programs, a sentence for people. */
export class RunTransportError extends Error {
  override readonly name = 'RunTransportError';
  constructor(
    readonly code: 'TIMEOUT' | 'DISCONNECTED' | 'BAD_EVENT' | 'CANCELLED' | 'FAILED',
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
