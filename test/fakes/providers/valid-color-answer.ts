import type { Role } from '../../../core/palette/role.ts';

/** One colour as a vision model names it: `hex` is `#rrggbb` (0–255 channels), `name` a kebab-case label. */
export interface ColorAnswerEntry {
  readonly hex: string;
  readonly role: Role;
  readonly name: string;
}

/** The JSON object Chorus asks a vision model for. */
export interface ColorAnswer {
  readonly colors: readonly ColorAnswerEntry[];
}

const HEX = /^#[0-9a-f]{6}$/i;

/** A small light-theme palette: what the fakes answer when a test scripts nothing. */
const SAMPLE_COLORS: readonly ColorAnswerEntry[] = [
  { hex: '#ffffff', role: 'background', name: 'paper-white' },
  { hex: '#1f2328', role: 'text', name: 'ink-black' },
  { hex: '#b87333', role: 'primary', name: 'molten-copper' },
];

/**
 * Builds a reply in the shape Chorus's model schema expects. Throws on a malformed hex so a test
 * that means to send a valid answer can't send an invalid one by accident (script `rawContent` or
 * a hand-made `reply` object for invalid answers).
 */
export function validColorAnswer(colors: readonly ColorAnswerEntry[] = SAMPLE_COLORS): ColorAnswer {
  for (const color of colors) {
    if (!HEX.test(color.hex)) throw new Error(`validColorAnswer: ${JSON.stringify(color.hex)} is not #rrggbb`);
  }
  return { colors: colors.map((color) => ({ hex: color.hex, role: color.role, name: color.name })) };
}
