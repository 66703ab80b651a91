import type { ColorVote } from '../../core/vote/color-vote.ts';
import type { DecodeErrorCode } from '../decode/decode-error.ts';

/** Decoded pixels as they cross threads: in shared memory, so every CV task of a run reads them without a copy. */
export interface SharedRgba {
  readonly data: Uint8Array;
  readonly width: number;
  readonly height: number;
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
