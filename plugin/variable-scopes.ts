import type { Role } from '../core/palette/role.ts';

/**
 * Where Figma offers a Chorus variable in its pickers, by the colour's role: text colours for
 * text fills, backgrounds and surfaces for frame and shape fills, borders for strokes, every
 * other colour (brand, accents, statuses, unroled) for any fill and strokes. Scopes only tidy the
 * pickers; they never stop a binding (Variable.scopes docs). ALL_FILLS stands for every fill
 * scope and may not be combined with one (VariableScope docs), hence ALL_FILLS + STROKE_COLOR.
 */
export function variableScopes(role: Role | undefined): VariableScope[] {
  switch (role) {
    case 'text':
    case 'text-muted':
    case 'on-primary':
      return ['TEXT_FILL'];
    case 'background':
    case 'surface':
      return ['FRAME_FILL', 'SHAPE_FILL'];
    case 'border':
      return ['STROKE_COLOR'];
    default:
      return ['ALL_FILLS', 'STROKE_COLOR'];
  }
}
