import { formatHex, hexToLab, labToRgb } from '../../core/color/index.ts';
import type { FigmaFake } from '../../test/fakes/figma-fake.ts';
import type { FixtureTruth } from '../../test/fixtures/load-fixtures.ts';

/** Names a design system gives each fixture role (Primer's functional names, as most systems name them). */
const NAMES: Readonly<Record<string, string>> = {
  background: 'canvas/default',
  surface: 'canvas/subtle',
  text: 'fg/default',
  muted: 'fg/muted',
  onPrimary: 'fg/on-emphasis',
  primary: 'accent/emphasis',
  border: 'border/default',
  error: 'danger/fg',
  success: 'success/fg',
  warning: 'attention/fg',
  secondary: 'neutral/emphasis',
};
/** A hover or pressed shade: this much CIELAB lightness away, the shade most systems ship next to a colour. */
const SHADE_L = 6;

/**
 * Seeds the fake file with the screen's design system: a `Primitives` collection with a COLOR
 * variable per truth colour, named as a design system would, and beside each a hover shade (a
 * near colour that must not be mistaken for it); every second one also as a paint style.
 * Returns each real token's name → the truth hex it stands for.
 */
export function seedDesignSystem(fake: FigmaFake, truth: FixtureTruth): Map<string, string> {
  const collection = fake.addVariableCollection('Primitives');
  const seeded = new Map<string, string>();
  truth.colors.forEach((color, i) => {
    const base = NAMES[color.role] ?? `palette/${color.role}-${i}`;
    const name = seeded.has(base) ? `${base}-${i}` : base;
    fake.addColorVariable(collection, name, color.hex);
    seeded.set(name, color.hex);
    const lab = hexToLab(color.hex)!;
    const shade = formatHex(labToRgb({ ...lab, L: lab.L > 50 ? lab.L - SHADE_L : lab.L + SHADE_L }));
    fake.addColorVariable(collection, `${name}-hover`, shade);
    if (i % 2 === 0) {
      fake.addPaintStyle({ name: `Styles/${name}`, hex: color.hex });
      seeded.set(`Styles/${name}`, color.hex);
    }
  });
  return seeded;
}
