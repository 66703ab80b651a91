import type Anthropic from '@anthropic-ai/sdk';
import { actualCallCost } from '../budget/estimate-call-cost.ts';
import { ExtractorFailure, type Extractor } from '../orchestrator/extractor.ts';
import { describeDropped, readModelAnswer } from './answer-to-votes.ts';
import { buildPrompt } from './build-prompt.ts';
import { modelImages, visionExtractorBase, type VisionExtractorOptions } from './vision-extractor-base.ts';
import { MODEL_ANSWER_JSON_SCHEMA } from './model-answer.ts';
import { providerFailure } from './provider-failure.ts';

export interface AnthropicVisionOptions extends VisionExtractorOptions {
  readonly client: Anthropic | undefined;
  /**
   * Claude 5.5 models think by default and thinking counts against `max_tokens`: a colour list needs
   * none, so Haiku 5.5 is sent `disabled` and Sonnet 5.5 (which refuses `disabled`) `between_tools`,
   * which with no tools means no thinking at all.
   */
  readonly thinking: 'disabled' | 'between_tools' | 'adaptive';
  readonly effort?: 'low' | 'medium' | 'high' | undefined;
}

/**
 * Claude through the Messages API with structured outputs (`output_config.format` json_schema):
 * it sees the image(s), each downscaled to what it looks at, then the measured colours (images
 * before text, as Anthropic recommends); the answer is validated colour by colour before use.
 * No sampling parameters: Claude 5.5 refuses non-default temperature, top_p and top_k.
 */
export function createAnthropicVisionExtractor(options: AnthropicVisionOptions): Extractor {
  const { client, pricing, model } = options;
  return {
    ...visionExtractorBase(options, 'hosted-model'),
    async run({ images, measured, signal }) {
      if (!client) throw new ExtractorFailure('NOT_CONFIGURED', 'Anthropic is not configured on this server.');
      const sent = await modelImages(options, images, measured);
      let message: Anthropic.Messages.Message;
      try {
        message = await client.messages.create(
          {
            model,
            max_tokens: options.maxOutputTokens,
            thinking: { type: options.thinking },
            output_config: { format: { type: 'json_schema', schema: MODEL_ANSWER_JSON_SCHEMA }, ...(options.effort ? { effort: options.effort } : {}) },
            messages: [
              {
                role: 'user',
                content: [
                  ...sent.map((image) => ({ type: 'image' as const, source: { type: 'base64' as const, media_type: image.mediaType, data: image.base64 } })),
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
      if (message.stop_reason === 'max_tokens') {
        const thought = message.content.some((block) => block.type === 'thinking' || block.type === 'redacted_thinking');
        throw new ExtractorFailure(
          'INVALID_OUTPUT',
          `Anthropic's answer was cut off at ${options.maxOutputTokens} tokens${thought ? ' (the model spent them thinking; set this model\'s thinking to disabled or between_tools)' : ''}.`,
          cost,
        );
      }
      // Pick text blocks by type: with thinking on, the first block is not the answer.
      const text = message.content.flatMap((block) => (block.type === 'text' ? [block.text] : [])).join('');
      const answer = readModelAnswer(text, options.id, options.weight, cost);
      const note = describeDropped(answer.votes.length, answer.dropped);
      return { votes: answer.votes, cost, ...(note ? { note } : {}), usage: { inputTokens: message.usage.input_tokens, outputTokens: message.usage.output_tokens } };
    },
  };
}
