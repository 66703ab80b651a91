import type { PaletteColor } from '../core/palette/palette-color.ts';
import { formatShare } from './format-share.ts';
import { roleLabel } from './role-label.ts';

/** One palette colour: chip, role, hex, pixel share, and the extractors that voted for it. */
export function SwatchRow({ color }: { color: PaletteColor }) {
  const label = color.name ?? roleLabel(color.role);
  const hex = color.hex.slice(1).toUpperCase();
  const extractors = [...new Set(color.votes.map((vote) => vote.extractor))];
  const confidence = color.confidence === undefined ? null : `${Math.round(color.confidence * 100)}%`;
  const spoken = [
    label,
    `#${hex}`,
    `${formatShare(color.share)} of pixels`,
    confidence && `confidence ${confidence}`,
    extractors.length > 0 && `found by ${extractors.join(', ')}`,
  ]
    .filter(Boolean)
    .join(', ');
  return (
    <li class="swatch" data-testid="swatch" data-hex={color.hex} aria-label={spoken}>
      <span class="chip" style={{ background: color.hex }} aria-hidden="true" />
      <div class="swatch-body" aria-hidden="true">
        <div class="swatch-line">
          <span class="swatch-label">{label}</span>
          <span class="swatch-hex">{hex}</span>
          <span class="swatch-share">{formatShare(color.share)}</span>
        </div>
        <div class="swatch-line swatch-votes">
          {extractors.map((extractor) => (
            <span class="tag" key={extractor} title={voteTitle(color, extractor)}>
              {extractor}
            </span>
          ))}
          {confidence && (
            <span class="swatch-confidence" title="How strongly the extractors agree on this colour">
              {confidence} sure
            </span>
          )}
        </div>
      </div>
    </li>
  );
}

function voteTitle(color: PaletteColor, extractor: string): string {
  return color.votes
    .filter((vote) => vote.extractor === extractor)
    .map((vote) => `${extractor} saw ${vote.hex} (weight ${vote.weight})`)
    .join('\n');
}
