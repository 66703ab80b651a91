import type { LayerSpec } from '../../test/fakes/fake-layers.ts';
import { solid } from '../../test/fakes/screen-layers.ts';

/** Hexes the grid cycles through: a small design system's worth. */
const GRID_HEXES = ['#ffffff', '#f6f8fa', '#1f2328', '#656d76', '#0969da', '#d0d7de', '#cf222e', '#1a7f37'] as const;

/**
 * A selection of about `layers` layers, as a long list or a component sheet is: rows of cards,
 * each a frame with a stroke holding a title, a body text and a filled button with its label
 * (5 layers a card), under one frame.
 */
export function layerGrid(layers: number): LayerSpec {
  const cards = Math.max(1, Math.floor((layers - 1) / 5));
  const hex = (i: number) => GRID_HEXES[i % GRID_HEXES.length]!;
  const children: LayerSpec[] = Array.from({ length: cards }, (_, i) => ({
    type: 'FRAME',
    name: `Card ${i + 1}`,
    width: 240,
    height: 120,
    fills: [solid(hex(i + 1))],
    strokes: [solid(hex(i + 5))],
    children: [
      { type: 'TEXT', name: 'Title', width: 200, height: 24, text: [{ characters: `Item ${i + 1}`, fills: [solid(hex(i + 2))], fontSize: 16 }] },
      { type: 'TEXT', name: 'Body', width: 200, height: 40, text: [{ characters: 'Two lines of body text.', fills: [solid(hex(i + 3))], fontSize: 12 }] },
      {
        type: 'FRAME',
        name: 'Button',
        width: 80,
        height: 28,
        fills: [solid(hex(i + 4))],
        children: [{ type: 'TEXT', name: 'Label', width: 60, height: 20, text: [{ characters: 'Open', fills: [solid('#ffffff')], fontSize: 12 }] }],
      },
    ],
  }));
  return { type: 'FRAME', name: `Grid of ${layers}`, width: 2400, height: Math.max(120, Math.ceil(cards / 10) * 140), fills: [solid('#ffffff')], children };
}
