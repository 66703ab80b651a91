import Anthropic from '@anthropic-ai/sdk';
import OpenAI from 'openai';
import { TIER1_EXTRACTORS } from '../../core/cv/tier1-extractors.ts';
import type { ExtractorsFile } from '../config/extractor-config.ts';
import type { Extractor } from '../orchestrator/extractor.ts';
import { createAnthropicVisionExtractor } from './anthropic-vision-extractor.ts';
import { createFullResolutionCvExtractor, createTier1CvExtractor } from './cv-extractors.ts';
import { createOpenAIVisionExtractor } from './openai-vision-extractor.ts';

/** Retries the SDKs make on 408/409/429/5xx and connection errors, with their backoff (honouring retry-after), within the timeout. */
const PROVIDER_RETRIES = 2;

/** The environment variables the extractors read; keys stay here and in the SDK clients, nowhere else. */
export type ExtractorEnv = Readonly<Record<string, string | undefined>>;

/**
 * The configured extractors, wired to real SDK clients. An extractor whose key or URL is missing
 * is still listed, `unavailable`, so the stream can say why it did not run. Throws on a config
 * entry that names an unknown tier-1 extractor.
 */
export function createExtractors(config: ExtractorsFile, env: ExtractorEnv): Extractor[] {
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
          id: entry.id,
          tier: entry.tier,
          kind: 'local-model',
          weight: entry.weight,
          timeoutMs: entry.timeout_ms,
          required: entry.required,
          model,
          maxOutputTokens: entry.max_output_tokens,
          pricing: entry.pricing,
          provider: `the local model (${model})`,
          // Local servers ignore the key, but the SDK insists on one.
          client: baseURL ? new OpenAI({ apiKey: nonEmpty(env.CHORUS_LOCAL_API_KEY) ?? 'local', baseURL, maxRetries: PROVIDER_RETRIES, timeout: entry.timeout_ms }) : undefined,
          ...(baseURL ? {} : { unavailable: { code: 'NOT_CONFIGURED' as const, reason: `Set ${entry.base_url_env} to an OpenAI-compatible server (Ollama: http://localhost:11434/v1) to use a local model.` } }),
        });
      }
      case 'openai': {
        const apiKey = nonEmpty(env.OPENAI_API_KEY);
        const baseURL = nonEmpty(env.OPENAI_BASE_URL);
        return createOpenAIVisionExtractor({
          id: entry.id,
          tier: entry.tier,
          kind: 'hosted-model',
          weight: entry.weight,
          timeoutMs: entry.timeout_ms,
          required: entry.required,
          model: entry.model,
          maxOutputTokens: entry.max_output_tokens,
          pricing: entry.pricing,
          provider: 'OpenAI',
          client: apiKey ? new OpenAI({ apiKey, ...(baseURL ? { baseURL } : {}), maxRetries: PROVIDER_RETRIES, timeout: entry.timeout_ms }) : undefined,
          ...(apiKey ? {} : { unavailable: { code: 'MISSING_KEY' as const, reason: 'Set OPENAI_API_KEY in the server environment to use OpenAI.' } }),
        });
      }
      case 'anthropic': {
        const apiKey = nonEmpty(env.ANTHROPIC_API_KEY);
        const baseURL = nonEmpty(env.ANTHROPIC_BASE_URL);
        return createAnthropicVisionExtractor({
          id: entry.id,
          tier: entry.tier,
          weight: entry.weight,
          timeoutMs: entry.timeout_ms,
          required: entry.required,
          model: entry.model,
          maxOutputTokens: entry.max_output_tokens,
          pricing: entry.pricing,
          client: apiKey ? new Anthropic({ apiKey, ...(baseURL ? { baseURL } : {}), maxRetries: PROVIDER_RETRIES, timeout: entry.timeout_ms }) : undefined,
          ...(apiKey ? {} : { unavailable: { code: 'MISSING_KEY' as const, reason: 'Set ANTHROPIC_API_KEY in the server environment to use Anthropic.' } }),
        });
      }
    }
  });
}

const nonEmpty = (value: string | undefined): string | undefined => (value && value.trim() !== '' ? value.trim() : undefined);
