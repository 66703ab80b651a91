import type { PluginMessage } from '../core/messages/plugin-messages.ts';
import { isExportable } from './is-exportable.ts';

export type SelectionChanged = Extract<PluginMessage, { type: 'selection-changed' }>;

/** The `selection-changed` push for the current selection: each node's id, name and exportability. */
export function describeSelection(selection: readonly SceneNode[]): SelectionChanged {
  return {
    type: 'selection-changed',
    nodes: selection.map((node) => ({ id: node.id, name: node.name, exportable: isExportable(node) })),
  };
}
