import Anthropic from '@anthropic-ai/sdk';
import OpenAI from 'openai';
import { TIER1_EXTRACTORS } from '../../core/cv/tier1-extractors.ts';
import type { ExtractorsFile } from '../config/extractor-config.ts';
import type { Extractor } from '../orchestrator/extractor.ts';
import { createAnthropicVisionExtractor } from './anthropic-vision-extractor.ts';
import { createFullResolutionCvExtractor, createTier1CvExtractor } from './cv-extractors.ts';
import { createOpenAIVisionExtractor } from './openai-vision-extractor.ts';
import { LOCAL_RETRIES, PROVIDER_RETRIES, attemptTimeoutMs, proxyTransport } from './provider-transport.ts';

/** Google's OpenAI-compatible Gemini endpoint (ai.google.dev/gemini-api/docs/openai, checked 2026-12-03); `GEMINI_BASE_URL` overrides it. */
export const GEMINI_OPENAI_BASE_URL = 'https://generativelanguage.googleapis.com/v1beta/openai/';

/** The environment variables the extractors read; keys stay here and in the SDK clients, nowhere else. */
export type ExtractorEnv = Readonly<Record<string, string | undefined>>;

/**
 * The configured extractors, wired to real SDK clients. An extractor whose key or URL is missing
 * is still listed, `unavailable`, so the stream can say why it did not run. Throws on a config
 * entry that names an unknown tier-1 extractor.
 */
export function createExtractors(config: ExtractorsFile, env: ExtractorEnv): Extractor[] {
  const transport = proxyTransport(env);
  const sdkOptions = (timeoutMs: number, retries: number) => ({ maxRetries: retries, timeout: attemptTimeoutMs(timeoutMs, retries), ...(transport ?? {}) });
  return config.extractors.map((entry): Extractor => {
    switch (entry.type) {
      case 'cv-tier1': {
        const extractor = TIER1_EXTRACTORS.find((e) => e.id === entry.id);
        if (!extractor) throw new Error(`extractors config: "${entry.id}" is not a tier-1 extractor (known: ${TIER1_EXTRACTORS.map((e) => e.id).join(', ')})`);
        return createTier1CvExtractor(extractor, entry.timeout_ms, entry.required);
      }
      case 'cv-full-resolution':
        return createFullResolutionCvExtractor(entry.id, entry.tier, entry.weight, entry.timeout_ms, entry.required);
      case 'openai-compatible': {
        const baseURL = nonEmpty(env[entry.base_url_env]);
        const model = (entry.model_env && nonEmpty(env[entry.model_env])) || entry.model;
        return createOpenAIVisionExtractor({
          ...common(entry),
          kind: 'local-model',
          model,
          pricing: entry.pricing,
          provider: `the local model (${model})`,
          dialect: { server: 'local', temperature: entry.temperature },
          // Local servers ignore the key, but the SDK insists on one.
          client: baseURL ? new OpenAI({ apiKey: nonEmpty(env.CHORUS_LOCAL_API_KEY) ?? 'local', baseURL, ...sdkOptions(entry.timeout_ms, LOCAL_RETRIES) }) : undefined,
          ...(baseURL ? {} : { unavailable: { code: 'NOT_CONFIGURED' as const, reason: `Set ${entry.base_url_env} to an OpenAI-compatible server (Ollama: http://localhost:11434/v1) to use a local model.` } }),
        });
      }
      case 'openai': {
        const apiKey = nonEmpty(env.OPENAI_API_KEY);
        const baseURL = nonEmpty(env.OPENAI_BASE_URL);
        return createOpenAIVisionExtractor({
          ...common(entry),
          kind: 'hosted-model',
          provider: 'OpenAI',
          dialect: { server: 'openai', reasoningEffort: entry.reasoning_effort },
          client: apiKey ? new OpenAI({ apiKey, ...(baseURL ? { baseURL } : {}), ...sdkOptions(entry.timeout_ms, PROVIDER_RETRIES) }) : undefined,
          ...(apiKey ? {} : { unavailable: { code: 'MISSING_KEY' as const, reason: 'Set OPENAI_API_KEY in the server environment to use OpenAI.' } }),
        });
      }
      case 'gemini': {
        const apiKey = nonEmpty(env.GEMINI_API_KEY);
        const baseURL = nonEmpty(env.GEMINI_BASE_URL) ?? GEMINI_OPENAI_BASE_URL;
        return createOpenAIVisionExtractor({
          ...common(entry),
          kind: 'hosted-model',
          provider: 'Gemini',
          dialect: { server: 'gemini', reasoningEffort: entry.reasoning_effort },
          client: apiKey ? new OpenAI({ apiKey, baseURL, ...sdkOptions(entry.timeout_ms, PROVIDER_RETRIES) }) : undefined,
          ...(apiKey ? {} : { unavailable: { code: 'MISSING_KEY' as const, reason: 'Set GEMINI_API_KEY in the server environment to use Gemini.' } }),
        });
      }
      case 'anthropic': {
        const apiKey = nonEmpty(env.ANTHROPIC_API_KEY);
        const baseURL = nonEmpty(env.ANTHROPIC_BASE_URL);
        return createAnthropicVisionExtractor({
          ...common(entry),
          thinking: entry.thinking,
          effort: entry.effort,
          client: apiKey ? new Anthropic({ apiKey, ...(baseURL ? { baseURL } : {}), ...sdkOptions(entry.timeout_ms, PROVIDER_RETRIES) }) : undefined,
          ...(apiKey ? {} : { unavailable: { code: 'MISSING_KEY' as const, reason: 'Set ANTHROPIC_API_KEY in the server environment to use Anthropic.' } }),
        });
      }
    }
  });
}

type ModelEntry = Extract<ExtractorsFile['extractors'][number], { model: string }>;

/** The options every vision model takes straight from its config entry. */
function common(entry: ModelEntry) {
  return {
    id: entry.id,
    tier: entry.tier,
    weight: entry.weight,
    timeoutMs: entry.timeout_ms,
    required: entry.required,
    model: entry.model,
    maxOutputTokens: entry.max_output_tokens,
    image: entry.image,
    pricing: entry.pricing,
  };
}

const nonEmpty = (value: string | undefined): string | undefined => (value && value.trim() !== '' ? value.trim() : undefined);
