import type { LayerSpec } from './fake-layers.ts';

/** A colour of a screen as its designer would have it: a value and the roles it plays. */
export interface ScreenColor {
  readonly hex: string;
  /** The fixtures' role names: background, surface, text, muted, primary, onPrimary, border, … */
  readonly roles: readonly string[];
  /** Fraction of the screen it covers, 0–1. */
  readonly share: number;
}

export interface ScreenSpec {
  readonly name: string;
  readonly width: number;
  readonly height: number;
  readonly colors: readonly ScreenColor[];
}

/** A solid paint of `hex`, in Figma's 0–1 units (the builder's own conversion). */
export function solid(hex: string, opacity = 1): SolidPaint {
  const n = parseInt(hex.slice(1), 16);
  return { type: 'SOLID', color: { r: ((n >> 16) & 255) / 255, g: ((n >> 8) & 255) / 255, b: (n & 255) / 255 }, opacity };
}

/**
 * A screen as a designer would build it in Figma, from its palette: the frame filled with the
 * background; a card (surface, border stroke) holding a heading and a paragraph in the text colour
 * and a caption in the muted one; a button (primary, its label in on-primary); status colours as
 * small text; any other colour a small shape. Sizes follow each colour's share so the areas the
 * layers show are the screen's. The builder knows the roles; the reader only gets the layers.
 */
export function buildScreenLayers(screen: ScreenSpec): LayerSpec {
  const has = (role: string) => screen.colors.find((c) => c.roles.includes(role));
  const area = screen.width * screen.height;
  const side = (share: number, min: number) => Math.max(min, Math.round(Math.sqrt(Math.max(share, 0) * area)));
  const background = has('background') ?? screen.colors[0]!;
  const text = has('text');
  const muted = has('muted');
  const surface = has('surface');
  const border = has('border');
  const primary = has('primary');
  const onPrimary = has('onPrimary');
  const used = new Set([background, text, muted, surface, border, primary, onPrimary].filter((c) => c).map((c) => c!.hex));

  const textLayer = (name: string, hex: string, characters: string, fontSize: number, fontWeight = 400): LayerSpec => ({
    type: 'TEXT',
    name,
    width: Math.max(8, Math.round(characters.length * fontSize * 0.55)),
    height: Math.round(fontSize * 1.4),
    text: [{ characters, fills: [solid(hex)], fontSize, fontWeight }],
  });

  const cardChildren: LayerSpec[] = [];
  if (text) cardChildren.push(textLayer('Heading', text.hex, 'Sign in to your account', 24, 600), textLayer('Body', text.hex, 'Use your work email and password to continue.', 14));
  if (muted) cardChildren.push(textLayer('Caption', muted.hex, 'Forgot your password? Reset it here.', 12));
  if (primary) {
    cardChildren.push({
      type: 'FRAME',
      name: 'Button',
      width: Math.min(side(primary.share, 40) * 2, 320),
      height: Math.max(20, Math.round(side(primary.share, 40) / 2)),
      fills: [solid(primary.hex)],
      children: [textLayer('Label', onPrimary?.hex ?? background.hex, 'Continue', 14, 600)],
    });
  }
  for (const c of screen.colors) {
    if (used.has(c.hex)) continue;
    used.add(c.hex);
    const status = ['error', 'success', 'warning'].find((r) => c.roles.includes(r));
    if (status) cardChildren.push(textLayer(`${status} message`, c.hex, `A ${status} message`, 12));
    else cardChildren.push({ type: 'RECTANGLE', name: c.roles[0] ?? 'Shape', width: side(c.share, 8), height: side(c.share, 8), fills: [solid(c.hex)] });
  }
  const card: LayerSpec = {
    type: 'FRAME',
    name: 'Card',
    width: Math.min(screen.width, side(surface?.share ?? 0.1, 200)),
    height: Math.min(screen.height, side(surface?.share ?? 0.1, 200)),
    ...(surface ? { fills: [solid(surface.hex)] } : {}),
    ...(border ? { strokes: [solid(border.hex)] } : {}),
    children: cardChildren,
  };
  return { type: 'FRAME', name: screen.name, width: screen.width, height: screen.height, fills: [solid(background.hex)], children: [card] };
}
