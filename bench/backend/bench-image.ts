import type { ColorVote } from '../../core/vote/color-vote.ts';
import { decodePng } from '../../server/decode/decode-png.ts';
import type { Fixture } from '../../test/fixtures/load-fixtures.ts';
import { pluginVotes } from './plugin-votes.ts';

/** A fixture ready to send: its bytes, its size for grouping, the votes the plugin would send with it. */
export interface BenchImage {
  readonly name: string;
  readonly png: Uint8Array;
  /** `W × H` in pixels. */
  readonly size: string;
  readonly votes: readonly ColorVote[];
}

/** Decodes the fixture once (in this process) to size it and compute the plugin's votes. */
export function benchImage(fixture: Fixture): BenchImage {
  const image = decodePng(fixture.png);
  return { name: fixture.name, png: fixture.png, size: `${image.width} × ${image.height}`, votes: pluginVotes(image) };
}
