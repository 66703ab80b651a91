import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { extractTier1 } from '../core/cv/extract-tier1.ts';
import type { RgbaImage } from '../core/cv/rgba-image.ts';
import { TIER1_EXTRACTORS } from '../core/cv/tier1-extractors.ts';
import { DecodeError, type DecodeErrorCode } from './decode/decode-error.ts';

/** Largest upload accepted, in bytes: a 4K screenshot as PNG is 2–8 MB. */
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

/** What the app needs from its runtime: decoding is an adapter (zlib on Node), so the app itself runs on any Hono runtime. */
export interface AppDeps {
  readonly decodeImage: (bytes: Uint8Array) => Promise<RgbaImage>;
  readonly version: string;
}

/** An API error body: a code for programs, a sentence for people. */
export interface ApiError {
  readonly error: { readonly code: string; readonly message: string };
}

const DECODE_STATUS: Record<DecodeErrorCode, ContentfulStatusCode> = {
  NOT_PNG: 415,
  NOT_IMAGE: 415,
  TRUNCATED: 422,
  CORRUPT: 422,
  UNSUPPORTED: 415,
  TOO_LARGE: 413,
};

class ApiException extends HTTPException {
  constructor(status: ContentfulStatusCode, readonly code: string, message: string) {
    super(status, { message });
  }
}

/** The Chorus backend's routes. Tier 1 only for now; the AI tiers and streaming build on it. */
export function createApp(deps: AppDeps) {
  const app = new Hono();

  app.onError((error, c) => {
    if (error instanceof ApiException) return c.json<ApiError>({ error: { code: error.code, message: error.message } }, error.status);
    if (error instanceof HTTPException) return c.json<ApiError>({ error: { code: 'HTTP_ERROR', message: error.message } }, error.status);
    console.error('chorus: unexpected error', error);
    return c.json<ApiError>({ error: { code: 'INTERNAL', message: 'Something went wrong on the Chorus server. Try again; if it keeps happening, check the server log.' } }, 500);
  });
  app.notFound((c) => c.json<ApiError>({ error: { code: 'NOT_FOUND', message: `No route ${c.req.method} ${c.req.path}.` } }, 404));

  app.get('/api/v1/health', (c) =>
    c.json({ status: 'ok', version: deps.version, extractors: TIER1_EXTRACTORS.map((e) => ({ id: e.id, tier: 1, weight: e.weight })) }),
  );

  app.post(
    '/api/v1/extract',
    bodyLimit({
      maxSize: MAX_UPLOAD_BYTES,
      onError: () => {
        throw new ApiException(413, 'TOO_LARGE', `The upload is over ${MAX_UPLOAD_BYTES / 1024 / 1024} MB. Export the frame smaller and try again.`);
      },
    }),
    async (c) => {
      const bytes = new Uint8Array(await c.req.arrayBuffer());
      let image: RgbaImage;
      try {
        image = await deps.decodeImage(bytes);
      } catch (error) {
        if (error instanceof DecodeError) throw new ApiException(DECODE_STATUS[error.code], error.code, error.message);
        throw error;
      }
      const t0 = performance.now();
      const { colors, extractions } = extractTier1(image);
      const extractMs = performance.now() - t0;
      return c.json({
        width: image.width,
        height: image.height,
        colors,
        extractions,
        timings_ms: { extract: Number(extractMs.toFixed(2)) },
      });
    },
  );

  return app;
}
