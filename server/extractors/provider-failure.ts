import Anthropic from '@anthropic-ai/sdk';
import OpenAI from 'openai';
import { ExtractorFailure } from '../orchestrator/extractor.ts';

/**
 * Any error from a provider SDK call → an ExtractorFailure with a stream status code and a
 * sentence an operator can act on. Messages name the provider and the status, never a key.
 * Aborts come back as CANCELLED; the orchestrator knows whether its timeout caused it.
 */
export function providerFailure(error: unknown, provider: string): ExtractorFailure {
  if (error instanceof ExtractorFailure) return error;
  if (error instanceof OpenAI.APIUserAbortError || error instanceof Anthropic.APIUserAbortError) {
    return new ExtractorFailure('CANCELLED', `The call to ${provider} was cancelled.`, 0, { cause: error });
  }
  if (error instanceof OpenAI.APIConnectionTimeoutError || error instanceof Anthropic.APIConnectionTimeoutError) {
    return new ExtractorFailure('TIMEOUT', `${provider} did not answer in time.`, 0, { cause: error });
  }
  if (error instanceof OpenAI.APIConnectionError || error instanceof Anthropic.APIConnectionError) {
    return new ExtractorFailure('PROVIDER_ERROR', `Could not reach ${provider} (${error.message}). Check its base URL and the network.`, 0, { cause: error });
  }
  if (error instanceof OpenAI.APIError || error instanceof Anthropic.APIError) {
    const status = error.status ?? 0;
    if (status === 429) return new ExtractorFailure('RATE_LIMITED', `${provider} is rate-limiting Chorus (429) and still was after retries. Try again in a minute.`, 0, { cause: error });
    if (status === 401 || status === 403) return new ExtractorFailure('PROVIDER_ERROR', `${provider} refused the API key (${status}). Check the key in the server's environment.`, 0, { cause: error });
    if (status >= 500) return new ExtractorFailure('PROVIDER_ERROR', `${provider} failed (${status}) and still did after retries.`, 0, { cause: error });
    return new ExtractorFailure('PROVIDER_ERROR', `${provider} rejected the request (${status}): ${firstLine(error.message)}`, 0, { cause: error });
  }
  return new ExtractorFailure('FAILED', `The ${provider} extractor failed: ${firstLine(error instanceof Error ? error.message : String(error))}`, 0, { cause: error });
}

function firstLine(text: string): string {
  const line = text.split('\n')[0] ?? '';
  return line.length > 200 ? `${line.slice(0, 197)}…` : line;
}
