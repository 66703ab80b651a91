import type { RgbaImage } from '../../core/cv/rgba-image.ts';
import type { ExtractRequest } from '../../core/protocol/extract-request.ts';
import type { ColorVote } from '../../core/vote/color-vote.ts';
import { sha256Hex } from '../cache/cache-key.ts';
import { DecodeError, type DecodeErrorCode } from '../decode/decode-error.ts';
import { declaredImageSize } from '../decode/declared-image-size.ts';
import { sniffImageType } from '../decode/private/sniff-image-type.ts';
import { createPixelBudget, type PixelBudget } from '../security/pixel-budget.ts';
import { LIMITS } from '../security/limits.ts';
import type { Extractor, RunImage } from '../orchestrator/extractor.ts';
import { ApiException } from './api-exception.ts';

const DECODE_STATUS: Record<DecodeErrorCode, 413 | 415 | 422> = {
  NOT_PNG: 415,
  NOT_IMAGE: 415,
  TRUNCATED: 422,
  CORRUPT: 422,
  UNSUPPORTED: 415,
  TOO_LARGE: 413,
};

export interface PreparedRun {
  readonly images: RunImage[];
  readonly clientVotes: ColorVote[];
  /** Gives back the memory the run holds (its decoded pixels); called when the run ends. */
  readonly release: () => void;
}

/**
 * What the backend takes: PNG (decoded by our own bounded zlib decoder; what the plugin sends) and
 * JPEG. Not GIF, BMP or TIFF: their decoders run synchronously on the server's only thread, and a
 * fuzzed GIF was seen to loop jimp's decoder forever, freezing every run. The CLI can still read them.
 */
const MEDIA_TYPES = { png: 'image/png', jpeg: 'image/jpeg' } as const;
/**
 * Decoding memory per pixel, in units of the 4-byte RGBA the budget counts: PNG decodes straight
 * into RGBA; jpeg-js holds its component planes and output besides (~4× in measurement: a 36 MP
 * JPEG took ~1 GB), so a JPEG holds four times its pixels in the budget.
 */
const DECODE_COST = { png: 1, jpeg: 4 } as const;

export interface PrepareLimits {
  readonly maxPixelsPerRequest: number;
  readonly pixelBudget: PixelBudget;
}

/**
 * Decodes a request's images once for every extractor, and checks the client's votes: they are
 * accepted only from the tier-1 extractors this server runs, at this server's weights (a client
 * cannot outvote the models by sending weight 100). Throws ApiException with the reason.
 */
export async function prepareRun(
  request: Pick<ExtractRequest, 'images' | 'votes'>,
  extractors: readonly Extractor[],
  decodeImage: (bytes: Uint8Array) => Promise<RgbaImage>,
  limits: PrepareLimits = { maxPixelsPerRequest: LIMITS.maxPixelsPerRequest, pixelBudget: createPixelBudget(LIMITS.maxPixelsInFlight) },
  /** Where the images' `downscale` runs (the CPU pool); absent, extractors downscale on their own thread. */
  downscale?: (rgba: RgbaImage, width: number, height: number) => Promise<RgbaImage>,
): Promise<PreparedRun> {
  const clientVotes = checkVotes(request.votes, extractors);
  const decoded = request.images.map((base64, index) => {
    try {
      return { base64, bytes: fromBase64(base64) };
    } catch {
      throw new ApiException(400, 'BAD_BASE64', `Image ${index + 1} is not valid base64. Send the file's bytes base64-encoded, with padding.`);
    }
  });
  // Sizes from the headers, before any decoding: a bomb is refused, and memory is held before it is used.
  let pixels = 0;
  let held = 0;
  for (const [index, { bytes }] of decoded.entries()) {
    const type = sniffImageType(bytes);
    if (type && type !== 'png' && type !== 'jpeg') {
      throw new ApiException(415, 'UNSUPPORTED', `Image ${index + 1} is a ${type.toUpperCase()}; the backend takes PNG (best) or JPEG. Export the frame as PNG.`);
    }
    const size = declaredImageSize(bytes);
    if (size) pixels += size.width * size.height;
    if (size && type === 'jpeg') held += size.width * size.height * DECODE_COST.jpeg;
    else if (size) held += size.width * size.height * DECODE_COST.png;
  }
  if (pixels > limits.maxPixelsPerRequest) {
    throw new ApiException(413, 'TOO_LARGE', `The images hold ${(pixels / 1e6).toFixed(1)} megapixels together; the limit is ${limits.maxPixelsPerRequest / 1e6}. Export the frames smaller.`);
  }
  const release = limits.pixelBudget.tryHold(held);
  if (!release) throw new ApiException(503, 'SERVER_BUSY', 'The server is busy with other images right now. Try again in a few seconds.');
  try {
    const images: RunImage[] = [];
    for (const [index, { base64, bytes }] of decoded.entries()) {
      let rgba: RgbaImage;
      try {
        rgba = await decodeImage(bytes);
      } catch (error) {
        if (error instanceof DecodeError) throw new ApiException(DECODE_STATUS[error.code], error.code, `Image ${index + 1}: ${error.message}`);
        throw error;
      }
      const type = sniffImageType(bytes);
      const image: RunImage = { bytes, base64, mediaType: MEDIA_TYPES[type === 'jpeg' ? 'jpeg' : 'png'], rgba, sha256: await sha256Hex(bytes) };
      images.push(downscale ? { ...image, downscale: (width, height) => downscale(rgba, width, height) } : image);
    }
    return { images, clientVotes, release };
  } catch (error) {
    release();
    throw error;
  }
}

function checkVotes(votes: ExtractRequest['votes'], extractors: readonly Extractor[]): ColorVote[] {
  const tier1 = new Map(extractors.filter((e) => e.tier === 1 && e.kind === 'cv').map((e) => [e.id, e.weight]));
  return votes.map((vote) => {
    const weight = tier1.get(vote.extractor);
    if (weight === undefined) {
      throw new ApiException(422, 'BAD_VOTES', `Votes from "${vote.extractor}" are not accepted; this server takes client votes only from ${[...tier1.keys()].join(', ')}.`);
    }
    if (!vote.measured) throw new ApiException(422, 'BAD_VOTES', `Client votes must be measured colours (a tier-1 CV extractor's), "${vote.extractor}" sent a guess.`);
    return { ...vote, weight };
  });
}

/**
 * Standard base64 (padded or not) → bytes. Throws on text that is not base64 (a wrong length,
 * stray characters, padding inside). Node's decoder is native (ten times atob and a copy loop, on
 * the event loop of every run) but skips what is not base64, reads base64url too and stops at
 * padding; text it decoded whole gives exactly ⌊(length − padding) × 3 / 4⌋ bytes, so any other
 * count is refused.
 */
export function fromBase64(base64: string): Uint8Array {
  const padding = base64.endsWith('==') ? 2 : base64.endsWith('=') ? 1 : 0;
  const digits = base64.length - padding;
  if (digits % 4 === 1 || (padding > 0 && base64.length % 4 !== 0)) throw new SyntaxError('The text is not base64: its length is not one base64 gives.');
  // Node's decoder also reads base64url's two digits; standard base64 has neither.
  if (base64.includes('-') || base64.includes('_')) throw new SyntaxError('The text is not base64: it holds base64url digits (- or _).');
  const bytes = Buffer.from(base64, 'base64');
  if (bytes.length !== Math.floor((digits * 3) / 4)) throw new SyntaxError('The text is not base64: it holds characters base64 does not use.');
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length);
}

/** Bytes → standard base64, in chunks so a large image does not overflow the argument list. */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  const CHUNK = 0x8000;
  for (let i = 0; i < bytes.length; i += CHUNK) binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return btoa(binary);
}
