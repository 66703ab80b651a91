import type { RgbaImage } from '../../core/cv/rgba-image.ts';
import type { ColorVote } from '../../core/vote/color-vote.ts';
import type { DecodeErrorCode } from '../decode/decode-error.ts';

/** Decoded pixels as they cross threads: in shared memory, so every CV task of a run reads them without a copy. */
export interface SharedRgba {
  readonly data: Uint8Array;
  readonly width: number;
  readonly height: number;
}

/** `rgba` as it crosses threads: as it is when already in shared memory, else copied there once. */
export function toShared(rgba: RgbaImage): SharedRgba {
  if (rgba.data.buffer instanceof SharedArrayBuffer && rgba.data instanceof Uint8Array) return { data: rgba.data, width: rgba.width, height: rgba.height };
  const data = new Uint8Array(new SharedArrayBuffer(rgba.data.length));
  data.set(rgba.data);
  return { data, width: rgba.width, height: rgba.height };
}

/** Work sent to a CPU worker. */
export type CpuTask =
  | { readonly id: number; readonly kind: 'decode'; readonly bytes: Uint8Array }
  | { readonly id: number; readonly kind: 'cv'; readonly extractorId: string; readonly images: readonly SharedRgba[] }
  | { readonly id: number; readonly kind: 'downscale'; readonly image: SharedRgba; readonly width: number; readonly height: number };

/** A worker's answer: the result, or an error to rethrow as the same kind in the main thread. */
export type CpuReply =
  | { readonly id: number; readonly ok: true; readonly rgba: SharedRgba }
  | { readonly id: number; readonly ok: true; readonly votes: readonly ColorVote[] }
  | { readonly id: number; readonly ok: false; readonly decodeError?: DecodeErrorCode; readonly message: string };
