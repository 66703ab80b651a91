import { describe, expect, it } from 'vitest';
import { isSimpleScreen } from './is-simple-screen.ts';
import { parseModelJson } from './parse-model-json.ts';

describe('parseModelJson', () => {
  it('reads bare, fenced and prose-wrapped JSON', () => {
    expect(parseModelJson('{"colors":[]}')).toEqual({ colors: [] });
    expect(parseModelJson('```json\n{"colors":[1]}\n```')).toEqual({ colors: [1] });
    expect(parseModelJson('Here you go:\n```\n{"a":1}\n```\nDone.')).toEqual({ a: 1 });
    expect(parseModelJson('Sure! {"a":{"b":2}} Hope this helps.')).toEqual({ a: { b: 2 } });
  });

  it('gives undefined for text with no JSON object in it', () => {
    expect(parseModelJson('')).toBeUndefined();
    expect(parseModelJson('copper and cream')).toBeUndefined();
    expect(parseModelJson('{"colors": [ {"hex": "#282a')).toBeUndefined();
  });
});

describe('isSimpleScreen', () => {
  const vote = (extractor: string, hex: string, share?: number) => ({ extractor, weight: 1, hex, measured: true, ...(share !== undefined ? { share } : {}) });

  it('is a few flat colours covering the screen', () => {
    expect(isSimpleScreen([vote('flat', '#ffffff', 0.7), vote('flat', '#1f2328', 0.2), vote('flat', '#0969da', 0.05)])).toBe(true);
  });

  it('is not a photo or gradient, whose few flat colours cover little of it', () => {
    expect(isSimpleScreen([vote('flat', '#282a36', 0.1), vote('flat', '#44475a', 0.12)])).toBe(false);
  });

  it('is not a busy screen, nor one nothing was measured on', () => {
    expect(isSimpleScreen(Array.from({ length: 12 }, (_, i) => vote('flat', `#0000${(i + 16).toString(16)}`, 0.08)))).toBe(false);
    expect(isSimpleScreen([])).toBe(false);
  });
});
