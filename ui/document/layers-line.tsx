import type { LayersInfo } from './with-document-votes.ts';

/** One line under the palette: what the layers voted, when the walk was cut short, and why layers and pixels differ. */
export function LayersLine({ layers, problem }: { readonly layers: LayersInfo | null; readonly problem?: string | undefined }) {
  if (problem) return <p class="layers-line" data-testid="layers-line">The layers could not be read ({problem}); the palette is from the pixels alone.</p>;
  if (!layers) return null;
  const cut =
    layers.cut?.reason === 'count'
      ? ` Stopped after ${layers.cut.limit.toLocaleString('en')} layers: select fewer to read them all.`
      : layers.cut?.reason === 'time'
        ? ` Stopped after ${(layers.cut.limit / 1000).toFixed(1)} s: select fewer to read them all.`
        : '';
  return (
    <div class="layers-line" data-testid="layers-line">
      <p>
        The layers voted too: {layers.paints} paints in {layers.visited} layers ({Math.round(layers.ms)} ms)
        {layers.imageFills > 0 ? `; ${layers.imageFills} image fill${layers.imageFills === 1 ? '' : 's'} left to the pixels` : ''}.{cut}
      </p>
      {layers.notes.map((note) => (
        <p class="layers-note" key={note}>
          {note}
        </p>
      ))}
    </div>
  );
}
