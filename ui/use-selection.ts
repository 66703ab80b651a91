import { useEffect, useState } from 'preact/hooks';
import type { PluginChannel, SelectionChanged } from './plugin-channel.ts';

export type SelectedNode = SelectionChanged['nodes'][number];

/**
 * The current Figma selection: asked for once on mount, then kept up to date by the plugin's
 * pushes. `null` until either arrives. A push that lands first wins over a slower answer.
 */
export function useSelection(channel: PluginChannel): readonly SelectedNode[] | null {
  const [nodes, setNodes] = useState<readonly SelectedNode[] | null>(null);
  useEffect(() => {
    let pushed = false;
    const unsubscribe = channel.onSelectionChanged((message) => {
      pushed = true;
      setNodes(message.nodes);
    });
    channel.request({ type: 'get-selection' }).then(
      (reply) => {
        if (!pushed) setNodes(reply.nodes);
      },
      (error: unknown) => console.warn('Chorus could not read the selection at start; it will show on the next change.', error),
    );
    return unsubscribe;
  }, [channel]);
  return nodes;
}
