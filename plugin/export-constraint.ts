import { MAX_EXPORT_SIDE } from '../core/messages/plugin-messages.ts';

/**
 * The export constraint that caps the longer side of an image at `maxSide` px and never
 * upscales: 1× when the node already fits, else a fixed WIDTH or HEIGHT of `maxSide` on the longer
 * side (Figma scales the other side in proportion). Sizes are Figma px of the rendered bounds.
 */
export function exportConstraint(width: number, height: number, maxSide: number = MAX_EXPORT_SIDE): ExportSettingsConstraints {
  if (!(width > maxSide || height > maxSide)) return { type: 'SCALE', value: 1 };
  return width >= height ? { type: 'WIDTH', value: maxSide } : { type: 'HEIGHT', value: maxSide };
}
