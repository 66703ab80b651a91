import type OpenAI from 'openai';
import { actualCallCost } from '../budget/estimate-call-cost.ts';
import { ExtractorFailure, type Extractor, type ExtractorKind } from '../orchestrator/extractor.ts';
import { describeDropped, readModelAnswer } from './answer-to-votes.ts';
import { buildPrompt } from './build-prompt.ts';
import { modelImages, visionExtractorBase, type VisionExtractorOptions } from './vision-extractor-base.ts';
import { MODEL_ANSWER_JSON_SCHEMA } from './model-answer.ts';
import { providerFailure } from './provider-failure.ts';

/**
 * Which server speaks the Chat Completions API, for what it reads:
 * - `openai`: `max_completion_tokens` and `reasoning_effort` (reasoning tokens count against the cap);
 * - `gemini`: Google's OpenAI-compatible endpoint, the same fields (effort maps to a thinking level);
 * - `local`: Ollama, LM Studio, vLLM: `max_tokens` (Ollama reads no other cap, so a looping model
 *   would otherwise run to the timeout) and a low `temperature`.
 */
export type ChatDialect =
  | { readonly server: 'openai' | 'gemini'; readonly reasoningEffort?: OpenAI.ReasoningEffort | undefined }
  | { readonly server: 'local'; readonly temperature: number };

export interface OpenAIVisionOptions extends VisionExtractorOptions {
  readonly kind: Extract<ExtractorKind, 'local-model' | 'hosted-model'>;
  /** Human name for messages: "OpenAI", "Gemini", "the local model". */
  readonly provider: string;
  readonly dialect: ChatDialect;
  /** `undefined` when the deployment has no key or URL for it; then `unavailable` says why. */
  readonly client: OpenAI | undefined;
}

/**
 * A vision model behind the OpenAI Chat Completions API: OpenAI itself, Gemini's compatible
 * endpoint, or a local server. It sees the image(s), each downscaled to what it looks at, and the
 * measured colours, and must answer in the strict JSON schema (structured outputs); the answer is
 * validated colour by colour before use.
 */
export function createOpenAIVisionExtractor(options: OpenAIVisionOptions): Extractor {
  const { client, pricing, model, dialect } = options;
  return {
    ...visionExtractorBase(options, options.kind),
    async run({ images, measured, signal }) {
      if (!client) throw new ExtractorFailure('NOT_CONFIGURED', `${options.provider} is not configured on this server.`);
      const sent = await modelImages(options, images, measured);
      const limits =
        dialect.server === 'local'
          ? { max_tokens: options.maxOutputTokens, temperature: dialect.temperature }
          : { max_completion_tokens: options.maxOutputTokens, ...(dialect.reasoningEffort ? { reasoning_effort: dialect.reasoningEffort } : {}) };
      let completion: OpenAI.Chat.Completions.ChatCompletion;
      try {
        completion = await client.chat.completions.create(
          {
            model,
            ...limits,
            response_format: { type: 'json_schema', json_schema: { name: 'palette', strict: true, schema: MODEL_ANSWER_JSON_SCHEMA } },
            messages: [
              {
                role: 'user',
                content: [
                  ...sent.map((image) => ({
                    type: 'image_url' as const,
                    image_url: { url: `data:${image.mediaType};base64,${image.base64}`, detail: 'high' as const },
                  })),
                  { type: 'text', text: buildPrompt(measured) },
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
      if (choice.finish_reason === 'content_filter') throw new ExtractorFailure('REFUSED', `${options.provider} filtered its answer.`, cost);
      if (choice.finish_reason === 'length') {
        const reasoning = usage?.completion_tokens_details?.reasoning_tokens ?? 0;
        const why = reasoning > 0 ? ` (${reasoning} of them spent reasoning; lower reasoning_effort or raise max_output_tokens)` : '';
        throw new ExtractorFailure('INVALID_OUTPUT', `${options.provider}'s answer was cut off at ${options.maxOutputTokens} tokens${why}.`, cost);
      }
      const answer = readModelAnswer(choice.message.content ?? '', options.id, options.weight, cost);
      const note = describeDropped(answer.votes.length, answer.dropped);
      return {
        votes: answer.votes,
        cost,
        ...(note ? { note } : {}),
        ...(usage ? { usage: { inputTokens: usage.prompt_tokens, outputTokens: usage.completion_tokens } } : {}),
      };
    },
  };
}
