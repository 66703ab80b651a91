import { ChorusError } from '../chorus-error.ts';
import type { PluginChannel } from '../plugin-channel.ts';
import { learnedWeights } from './learned-weights.ts';

/**
 * The backend's weight multipliers learned from this file's review decisions (`load-learning`).
 * Never rejects: when the file cannot be read the run goes ahead unweighted, with a warning.
 */
export async function loadLearnedWeights(channel: PluginChannel): Promise<Record<string, number>> {
  try {
    return learnedWeights((await channel.request({ type: 'load-learning' })).learning);
  } catch (error) {
    console.warn(`Chorus could not read what your review decisions taught it, so this run is unweighted: ${ChorusError.from(error).message}`);
    return {};
  }
}
