import type { Swatch } from './backend/tokens-to-palette.ts';
import { SwatchRow } from './swatch-row.tsx';

export interface SwatchListProps {
  readonly swatches: readonly Swatch[];
  /** Where the palette comes from, e.g. `Tier 1 · plugin` or `Tier 3`. */
  readonly source: string;
  /** Given once the palette was written with conflicts flagged: conflicted swatches offer to open the Review panel. */
  readonly onReview?: (() => void) | undefined;
  /** Given where conflicts are settled in the palette itself (the playground): the swatch's key and the value picked. */
  readonly onPick?: ((swatch: Swatch, hex: string) => void) | undefined;
}

/** The voted palette, most prominent first: what Create styles writes. */
export function SwatchList({ swatches, source, onReview, onPick }: SwatchListProps) {
  return (
    <section class="panel" aria-labelledby="palette-title">
      <h2 class="panel-title" id="palette-title">
        Palette <span class="panel-count">{swatches.length}</span>
        <span class="panel-source" data-testid="palette-source" title="The vote the palette shows; it updates as each tier lands">
          {source}
        </span>
      </h2>
      <ul class="swatches" aria-labelledby="palette-title">
        {swatches.map((swatch) => (
          <SwatchRow swatch={swatch} key={swatch.key} onReview={onReview} onPick={onPick ? (hex) => onPick(swatch, hex) : undefined} />
        ))}
      </ul>
    </section>
  );
}
