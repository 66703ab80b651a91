import { extractTier1 } from '../core/cv/extract-tier1.ts';
import type { RgbaImage } from '../core/cv/rgba-image.ts';
import { TIER1_EXTRACTORS } from '../core/cv/tier1-extractors.ts';
import { toFixtureRole } from '../test/fixtures/scorer.ts';
import type { Contender } from './contender.ts';

const prediction = (c: { hex: string; role?: string }) => (c.role ? { hex: c.hex, role: toFixtureRole(c.role)! } : c.hex);

/** Chorus's own rows: each tier-1 extractor alone, and their vote (`extractTier1`) with roles. */
export function chorusContenders(): Contender[] {
  return [
    ...TIER1_EXTRACTORS.map(
      (extractor): Contender => ({
        id: `chorus:${extractor.id}`,
        kind: 'chorus',
        note: `tier-1 extractor "${extractor.id}" (vote weight ${extractor.weight})`,
        extract: (image: RgbaImage) => extractor.extract(image).colors.map(prediction),
      }),
    ),
    {
      id: 'chorus:vote',
      kind: 'chorus',
      note: 'extractTier1: the weighted vote of the tier-1 extractors, with roles',
      extract: (image: RgbaImage) => extractTier1(image).colors.map(prediction),
    },
  ];
}

/** First line of an error, for one-line reports. */
export function firstLine(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return text.split('\n')[0] ?? text;
}
