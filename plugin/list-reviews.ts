import type { Review } from '../core/messages/plugin-messages.ts';
import { CHORUS_STYLE_DATA } from './chorus-style-data.ts';
import { boundVariableId } from './private/bound-variable-id.ts';
import { isOwnVariable, readChorusVariables, type ChorusVariables } from './private/chorus-variables.ts';
import { currentHex } from './private/current-hex.ts';
import { readReviewMarker } from './review-marker.ts';
import { getChorusData } from './private/chorus-plugin-data.ts';

/** reviewSchema's bound on a style name. */
const MAX_STYLE_NAME = 512;

/**
 * Every Chorus style in the document that carries a review marker, in the file's order, read from
 * the file (never from memory): candidates and source frames from the marker, the colour the style
 * shows now, and the variable it is bound to when that is Chorus's variable for the same slot.
 * Async reads only (dynamic-page). A marker that cannot be read is skipped (see readReviewMarker).
 */
export async function listReviews(figma: PluginAPI): Promise<Review[]> {
  const [styles, variables] = await Promise.all([figma.getLocalPaintStylesAsync(), readChorusVariables(figma)]);
  return styles.flatMap((style) => {
    if (getChorusData(style, CHORUS_STYLE_DATA.slot) === '') return [];
    const marker = readReviewMarker(style, style.name);
    if (!marker) return [];
    const variable = boundOwnVariable(style, variables);
    const review: Review = {
      styleId: style.id,
      styleName: style.name.slice(0, MAX_STYLE_NAME),
      ...(marker.role !== undefined ? { role: marker.role } : {}),
      currentHex: currentHex(style.paints, (id) => {
        const bound = variables.byId(id);
        return bound ? variables.displayHex(bound) : undefined;
      }),
      candidates: marker.candidates,
      source: marker.source,
      ...(variable ? { variableId: variable.id } : {}),
    };
    return [review];
  });
}

/** The variable the style's paint is bound to, if it is Chorus's variable for the style's slot. */
export function boundOwnVariable(style: PaintStyle, variables: ChorusVariables): Variable | undefined {
  const id = boundVariableId(style.paints);
  const variable = id !== undefined ? variables.byId(id) : undefined;
  return isOwnVariable(variable, style) ? variable : undefined;
}
