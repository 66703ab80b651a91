import { useEffect, useState } from 'preact/hooks';
import type { PluginChannel, SelectionChanged } from './plugin-channel.ts';

export type SelectedNode = SelectionChanged['nodes'][number];

/** The current Figma selection as the plugin last pushed it; `null` until the first push. */
export function useSelection(channel: PluginChannel): readonly SelectedNode[] | null {
  const [nodes, setNodes] = useState<readonly SelectedNode[] | null>(null);
  useEffect(() => channel.onSelectionChanged((message) => setNodes(message.nodes)), [channel]);
  return nodes;
}
