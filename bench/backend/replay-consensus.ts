import type { RunEvent, Tier } from '../../core/protocol/run-event.ts';
import type { ColorVote } from '../../core/vote/color-vote.ts';
import { consensus } from '../../core/vote/consensus.ts';
import type { VoterKind } from '../../core/vote/voter-kind.ts';
import { tokensOf } from '../../server/orchestrator/run-extraction.ts';
import { median } from '../median.ts';
import type { TimedRunEvent } from './run-on-socket.ts';

/** Repetitions per tier; the median is kept. */
const REPS = 3;

/**
 * Replays, in this process, the work the orchestrator does at the end of each tier: the consensus
 * over every vote so far (the client's, then each extractor's in the order they arrived) and the
 * `tier_N_complete` event serialised. Median ms per tier, for telling the overhead's share that is
 * the vote itself. `clientVotes` are what the client sent (the server only re-weights them).
 */
export function replayConsensus(events: readonly TimedRunEvent[], clientVotes: readonly ColorVote[]): ReadonlyMap<Tier, number> {
  const votes: ColorVote[] = [...clientVotes];
  const perTier = new Map<Tier, number>();
  // The orchestrator tells the vote what each extractor is; the plan says it.
  const kinds = new Map<string, VoterKind>();
  for (const { event } of events) {
    if (event.stage === 'accepted') for (const entry of event.plan) kinds.set(entry.extractor, entry.kind);
    if (event.stage === 'extractor_done') votes.push(...event.votes);
    if (!isTierComplete(event)) continue;
    const samples: number[] = [];
    for (let i = 0; i < REPS; i++) {
      const start = performance.now();
      const current = consensus(votes, { kinds });
      JSON.stringify({ ...event, tokens: tokensOf(current), confidence: current.confidence });
      samples.push(performance.now() - start);
    }
    perTier.set(event.tier, median(samples));
  }
  return perTier;
}

function isTierComplete(event: RunEvent): event is Extract<RunEvent, { stage: `tier_${Tier}_complete` }> {
  return event.stage === 'tier_1_complete' || event.stage === 'tier_2_complete' || event.stage === 'tier_3_complete' || event.stage === 'tier_4_complete';
}
