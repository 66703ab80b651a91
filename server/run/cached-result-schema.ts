import { z } from 'zod';
import { colorVoteSchema } from '../../core/vote/color-vote.ts';

/** A cached extractor result as read back from disk: validated like any other input. */
export const cachedResultSchema = z.object({ votes: z.array(colorVoteSchema) });
