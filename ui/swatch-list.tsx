import type { PaletteColor } from '../core/palette/palette-color.ts';
import { SwatchRow } from './swatch-row.tsx';

/** The voted palette, most prominent first. */
export function SwatchList({ palette }: { palette: readonly PaletteColor[] }) {
  return (
    <section class="panel" aria-labelledby="palette-title">
      <h2 class="panel-title" id="palette-title">
        Palette <span class="panel-count">{palette.length}</span>
      </h2>
      <ul class="swatches" aria-labelledby="palette-title">
        {palette.map((color) => (
          <SwatchRow color={color} key={color.hex} />
        ))}
      </ul>
    </section>
  );
}
