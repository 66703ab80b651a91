import type Anthropic from '@anthropic-ai/sdk';
import { actualCallCost } from '../budget/estimate-call-cost.ts';
import { ExtractorFailure, type Extractor } from '../orchestrator/extractor.ts';
import { answerToVotes } from './answer-to-votes.ts';
import { buildPrompt } from './build-prompt.ts';
import { visionExtractorBase, type VisionExtractorOptions } from './vision-extractor-base.ts';
import { MODEL_ANSWER_JSON_SCHEMA } from './model-answer.ts';
import { providerFailure } from './provider-failure.ts';

export interface AnthropicVisionOptions extends VisionExtractorOptions {
  readonly client: Anthropic | undefined;
}

/**
 * Claude through the Messages API with structured outputs (`output_config.format` json_schema):
 * it sees the image(s) and the measured colours; the answer is validated before use.
 */
export function createAnthropicVisionExtractor(options: AnthropicVisionOptions): Extractor {
  const { client, pricing, model } = options;
  return {
    ...visionExtractorBase(options, 'hosted-model'),
    async run({ images, measured, signal }) {
      if (!client) throw new ExtractorFailure('NOT_CONFIGURED', 'Anthropic is not configured on this server.');
      let message: Anthropic.Messages.Message;
      try {
        message = await client.messages.create(
          {
            model,
            max_tokens: options.maxOutputTokens,
            output_config: { format: { type: 'json_schema', schema: MODEL_ANSWER_JSON_SCHEMA } },
            messages: [
              {
                role: 'user',
                content: [
                  ...images.map((image) => ({ type: 'image' as const, source: { type: 'base64' as const, media_type: image.mediaType, data: image.base64 } })),
                  { type: 'text' as const, text: buildPrompt(measured) },
                ],
              },
            ],
          },
          { signal },
        );
      } catch (error) {
        throw providerFailure(error, 'Anthropic');
      }
      const cost = actualCallCost(pricing, {
        inputTokens: message.usage.input_tokens + (message.usage.cache_creation_input_tokens ?? 0),
        outputTokens: message.usage.output_tokens,
        cachedInputTokens: message.usage.cache_read_input_tokens ?? 0,
      });
      if (message.stop_reason === 'refusal') throw new ExtractorFailure('REFUSED', 'Anthropic declined to answer.', cost);
      if (message.stop_reason === 'max_tokens') throw new ExtractorFailure('INVALID_OUTPUT', `Anthropic's answer was cut off at ${options.maxOutputTokens} tokens.`, cost);
      const text = message.content.flatMap((block) => (block.type === 'text' ? [block.text] : [])).join('');
      return { votes: answerToVotes(text, options.id, options.weight, cost), cost };
    },
  };
}
