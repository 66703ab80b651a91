/**
 * Why an upload could not be turned into pixels. The HTTP layer maps the code to a status;
 * the message is written for the designer who sent the file.
 *
 * - `NOT_PNG`: `decodePng` was given bytes that do not start with the PNG signature.
 * - `NOT_IMAGE`: `decodeImage` was given bytes in no format it reads (PNG, JPEG, GIF, BMP, TIFF).
 * - `TRUNCATED`: the file ends before its image data does (an interrupted upload or copy).
 * - `CORRUPT`: the structure is there but inconsistent (bad header values, bad compressed data).
 * - `UNSUPPORTED`: valid-looking, but a variant this decoder does not read.
 * - `TOO_LARGE`: the declared size is over `MAX_DECODE_PIXELS`; refused before allocating.
 */
export type DecodeErrorCode = 'NOT_PNG' | 'NOT_IMAGE' | 'TRUNCATED' | 'CORRUPT' | 'UNSUPPORTED' | 'TOO_LARGE';

export class DecodeError extends Error {
  override readonly name = 'DecodeError';

  constructor(
    readonly code: DecodeErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
