import type OpenAI from 'openai';
import { actualCallCost } from '../budget/estimate-call-cost.ts';
import { ExtractorFailure, type Extractor, type ExtractorKind } from '../orchestrator/extractor.ts';
import { answerToVotes } from './answer-to-votes.ts';
import { buildPrompt } from './build-prompt.ts';
import { visionExtractorBase, type VisionExtractorOptions } from './vision-extractor-base.ts';
import { MODEL_ANSWER_JSON_SCHEMA } from './model-answer.ts';
import { providerFailure } from './provider-failure.ts';

export interface OpenAIVisionOptions extends VisionExtractorOptions {
  readonly kind: Extract<ExtractorKind, 'local-model' | 'hosted-model'>;
  /** Human name for messages: "OpenAI", "the local model". */
  readonly provider: string;
  /** `undefined` when the deployment has no key or URL for it; then `unavailable` says why. */
  readonly client: OpenAI | undefined;
}

/**
 * A vision model behind the OpenAI Chat Completions API: OpenAI itself, or any OpenAI-compatible
 * local server (Ollama, LM Studio, vLLM). It sees the image(s) and the measured colours and must
 * answer in the strict JSON schema (structured outputs); the answer is validated before use.
 */
export function createOpenAIVisionExtractor(options: OpenAIVisionOptions): Extractor {
  const { client, pricing, model } = options;
  return {
    ...visionExtractorBase(options, options.kind),
    async run({ images, measured, signal }) {
      if (!client) throw new ExtractorFailure('NOT_CONFIGURED', `${options.provider} is not configured on this server.`);
      let completion: OpenAI.Chat.Completions.ChatCompletion;
      try {
        completion = await client.chat.completions.create(
          {
            model,
            max_completion_tokens: options.maxOutputTokens,
            response_format: { type: 'json_schema', json_schema: { name: 'palette', strict: true, schema: MODEL_ANSWER_JSON_SCHEMA } },
            messages: [
              {
                role: 'user',
                content: [
                  { type: 'text', text: buildPrompt(measured) },
                  ...images.map((image) => ({
                    type: 'image_url' as const,
                    image_url: { url: `data:${image.mediaType};base64,${image.base64}`, detail: 'high' as const },
                  })),
                ],
              },
            ],
          },
          { signal },
        );
      } catch (error) {
        throw providerFailure(error, options.provider);
      }
      const usage = completion.usage;
      const cost = usage
        ? actualCallCost(pricing, { inputTokens: usage.prompt_tokens, outputTokens: usage.completion_tokens, cachedInputTokens: usage.prompt_tokens_details?.cached_tokens ?? 0 })
        : 0;
      const choice = completion.choices[0];
      if (!choice) throw new ExtractorFailure('INVALID_OUTPUT', `${options.provider} answered with no choices.`, cost);
      if (choice.message.refusal) throw new ExtractorFailure('REFUSED', `${options.provider} declined: ${choice.message.refusal.slice(0, 200)}`, cost);
      if (choice.finish_reason === 'length') throw new ExtractorFailure('INVALID_OUTPUT', `${options.provider}'s answer was cut off at ${options.maxOutputTokens} tokens.`, cost);
      if (choice.finish_reason === 'content_filter') throw new ExtractorFailure('REFUSED', `${options.provider} filtered its answer.`, cost);
      return { votes: answerToVotes(choice.message.content ?? '', options.id, options.weight, cost), cost };
    },
  };
}
