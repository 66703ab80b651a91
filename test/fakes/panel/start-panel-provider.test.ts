import Anthropic from '@anthropic-ai/sdk';
import OpenAI from 'openai';
import { describe, expect, it } from 'vitest';
import type { PanelRequest } from './start-panel-provider.ts';
import { startPanelProvider } from './start-panel-provider.ts';

/** Each model answers with its own id as the one colour's name, so a test sees who answered. */
const byModel = (seen: PanelRequest[]) => (request: PanelRequest) => {
  seen.push(request);
  return { reply: { colors: [{ hex: '#0d6efd', role: 'primary', name: request.model }] } };
};

describe('startPanelProvider', () => {
  it('answers each OpenAI-compatible request by its model, with the prompt the SDK sent', async () => {
    const seen: PanelRequest[] = [];
    const panel = await startPanelProvider('openai', byModel(seen));
    try {
      const client = new OpenAI({ apiKey: 'k', baseURL: `${panel.url}/v1`, maxRetries: 0, timeout: 5000 });
      const ask = async (model: string) => {
        const completion = await client.chat.completions.create({ model, messages: [{ role: 'user', content: [{ type: 'text', text: `Colours:\n- #0d6efd covers 3% (${model})` }] }] });
        return JSON.parse(completion.choices[0]!.message.content!) as { colors: { name: string }[] };
      };
      const [a, b] = await Promise.all([ask('model-a'), ask('model-b')]);
      expect(a.colors[0]!.name).toBe('model-a');
      expect(b.colors[0]!.name).toBe('model-b');
      expect(seen.map((r) => r.prompt).sort()).toEqual(['Colours:\n- #0d6efd covers 3% (model-a)', 'Colours:\n- #0d6efd covers 3% (model-b)']);
      expect(Object.fromEntries(panel.answered)).toEqual({ 'model-a': 1, 'model-b': 1 });
    } finally {
      await panel.close();
    }
  });

  it('answers Anthropic messages the same way, the system prompt included', async () => {
    const seen: PanelRequest[] = [];
    const panel = await startPanelProvider('anthropic', byModel(seen));
    try {
      const client = new Anthropic({ apiKey: 'k', baseURL: panel.url, maxRetries: 0, timeout: 5000 });
      const message = await client.messages.create({ model: 'claude-x', max_tokens: 100, system: 'Be brief.', messages: [{ role: 'user', content: 'List the colours.' }] });
      const text = message.content.find((c) => c.type === 'text');
      expect(text && text.type === 'text' ? JSON.parse(text.text) : undefined).toEqual({ colors: [{ hex: '#0d6efd', role: 'primary', name: 'claude-x' }] });
      expect(seen).toEqual([{ model: 'claude-x', prompt: 'Be brief.\nList the colours.' }]);
    } finally {
      await panel.close();
    }
  });
});
