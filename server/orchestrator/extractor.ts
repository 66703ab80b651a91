import type { RgbaImage } from '../../core/cv/rgba-image.ts';
import type { StatusCode, Tier } from '../../core/protocol/run-event.ts';
import type { ColorVote } from '../../core/vote/color-vote.ts';

/** One image of a run, decoded once and shared by every extractor. */
export interface RunImage {
  /** The bytes as uploaded (PNG or JPEG), and as base64 for model APIs. */
  readonly bytes: Uint8Array;
  readonly base64: string;
  readonly mediaType: 'image/png' | 'image/jpeg';
  readonly rgba: RgbaImage;
  /** Hex SHA-256 of `bytes`: the cache key's image part. */
  readonly sha256: string;
  /**
   * `rgba` downscaled (area average) to `width` × `height`, where the server does its CPU work (a
   * worker thread, off the event loop that streams every run). Absent: on the calling thread.
   */
  readonly downscale?: (width: number, height: number) => Promise<RgbaImage>;
}

export interface ExtractorInput {
  readonly images: readonly RunImage[];
  /** Every measured vote so far (client tier 1, server CV): what a model is shown to name and rank. */
  readonly measured: readonly ColorVote[];
  readonly signal: AbortSignal;
}

export interface ExtractorOutput {
  readonly votes: readonly ColorVote[];
  /** USD the provider billed for the call (0 for CV and local models). */
  readonly cost: number;
  /** What a designer should know about a successful answer (e.g. colours dropped as invalid); the stream's `reason`. */
  readonly note?: string;
  /** Tokens the provider reported, for operators (`npm run check:providers`). */
  readonly usage?: { readonly inputTokens: number; readonly outputTokens: number };
}

/** What kind of work an extractor does; decides when it may run (`use_ai`) and what it costs. */
export type ExtractorKind = 'cv' | 'local-model' | 'hosted-model';

/**
 * A registered extractor (the seed's MultiExtractor entry). `run` must honour `input.signal`
 * and throw an ExtractorFailure (or any error) when it cannot answer.
 */
export interface Extractor {
  readonly id: string;
  readonly tier: Tier;
  readonly kind: ExtractorKind;
  readonly weight: number;
  /** A required extractor failing fails the run; any other failure is a status in the stream. */
  readonly required: boolean;
  readonly timeoutMs: number;
  /** Part of the cache key: a different model, prompt (or CV algorithm, CV_VERSION) is a different answer. */
  readonly model?: string;
  readonly promptVersion?: string;
  /** Why it cannot run at all in this deployment (no key, no URL), or undefined when it can. */
  readonly unavailable?: { readonly code: StatusCode; readonly reason: string };
  /** Worst-case USD for one call on these images (0 for free extractors). */
  estimateCost(images: readonly { readonly width: number; readonly height: number }[]): number;
  run(input: ExtractorInput): Promise<ExtractorOutput>;
}

/** An extractor's failure with a status code for the stream and a sentence for people. */
export class ExtractorFailure extends Error {
  override readonly name = 'ExtractorFailure';
  constructor(
    readonly code: StatusCode,
    message: string,
    /** USD the provider billed before the failure (a truncated answer is still billed). */
    readonly cost = 0,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
