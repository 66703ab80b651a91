import type { DesignToken } from '../core/reuse/plan-reuse.ts';
import { figmaRgbToHex } from './private/figma-rgb-to-hex.ts';

/** Library colour variables read at most: an enterprise library holds thousands, and each read is an import. */
export const MAX_LIBRARY_VARIABLES = 400;

/**
 * The COLOR variables of the libraries enabled in this file (figma.teamLibrary), with their value
 * in the default mode of their collection, as tokens to reuse. The API lists library variables by
 * name and key only; their values come from importVariableByKeyAsync, which makes the variable
 * available to the file without binding it anywhere. Capped at MAX_LIBRARY_VARIABLES. A file
 * without team library access (the manifest's permission, or a Starter file) gives none.
 */
export async function readLibraryTokens(figma: PluginAPI): Promise<DesignToken[]> {
  if (!('teamLibrary' in figma) || figma.teamLibrary === undefined) return [];
  const collections = await figma.teamLibrary.getAvailableLibraryVariableCollectionsAsync();
  const tokens: DesignToken[] = [];
  let read = 0;
  for (const collection of collections) {
    const variables = await figma.teamLibrary.getVariablesInLibraryCollectionAsync(collection.key);
    for (const libraryVariable of variables) {
      if (libraryVariable.resolvedType !== 'COLOR') continue;
      if (read++ >= MAX_LIBRARY_VARIABLES) return tokens;
      const variable = await figma.variables.importVariableByKeyAsync(libraryVariable.key);
      const imported = await figma.variables.getVariableCollectionByIdAsync(variable.variableCollectionId);
      const value = imported ? variable.valuesByMode[imported.defaultModeId] : Object.values(variable.valuesByMode)[0];
      if (typeof value === 'object' && value !== null && 'r' in value) {
        tokens.push({ id: variable.id, name: `${collection.libraryName}/${libraryVariable.name}`, hex: figmaRgbToHex(value), kind: 'library-variable' });
      }
    }
  }
  return tokens;
}
