import { describe, expect, it } from 'vitest';
import { ROLES } from '../../core/palette/role.ts';
import { cacheKey } from '../cache/cache-key.ts';
import { buildPrompt, PROMPT_VERSION, ROLE_DEFINITIONS } from './build-prompt.ts';

describe('buildPrompt', () => {
  const measured = [
    { extractor: 'flat-regions', weight: 1, hex: '#282a36', role: 'background' as const, share: 0.8, measured: true },
    { extractor: 'flat-regions', weight: 1, hex: '#bd93f9', share: 0.02, measured: true },
  ];

  it('defines every role Chorus names, in a line each', () => {
    const prompt = buildPrompt(measured);
    for (const role of ROLES) expect(prompt).toContain(`- ${role}: ${ROLE_DEFINITIONS[role]}`);
  });

  it('lists the measured colours, largest first, with CV’s guess marked as a guess', () => {
    const prompt = buildPrompt(measured);
    expect(prompt.indexOf('#282a36 covers 80.00%')).toBeLessThan(prompt.indexOf('#bd93f9 covers 2.00%'));
    expect(prompt).toContain('(computer vision guessed: background)');
  });

  it('asks for the colours CV missed and to leave out photo, gradient and anti-aliasing pixels', () => {
    const prompt = buildPrompt(measured);
    expect(prompt).toMatch(/measured list missed/);
    expect(prompt).toMatch(/photographs.*gradient.*anti-aliased/);
  });

  it('is part of the cache key: another prompt version is another answer', async () => {
    const key = (promptVersion: string) => cacheKey({ imageSha256: 'a'.repeat(64), extractorId: 'openai', model: 'gpt-6-luna', promptVersion });
    expect(await key(PROMPT_VERSION)).not.toBe(await key('palette-roles-v1'));
  });
});
