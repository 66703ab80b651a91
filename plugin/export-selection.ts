import type { ExportedImage } from '../core/messages/plugin-messages.ts';
import { exportConstraint } from './export-constraint.ts';
import { isExportable } from './is-exportable.ts';
import { PluginFailure } from './plugin-failure.ts';
import { reasonOf } from './private/reason-of.ts';

/**
 * Exports every selected node as an sRGB PNG whose longer side is at most MAX_EXPORT_SIDE px
 * (never upscaled), in selection order. Layers that cannot be exported at all are skipped (the UI
 * shows them as skipped). Throws a PluginFailure with NO_SELECTION (nothing selected),
 * NOT_EXPORTABLE (nothing selected can be exported) or EXPORT_FAILED (Figma failed to render one),
 * and then returns no images at all.
 */
export async function exportSelection(figma: PluginAPI): Promise<ExportedImage[]> {
  // A copy: the designer may change the selection while the exports run.
  const selected = figma.currentPage.selection.slice();
  if (selected.length === 0) {
    throw new PluginFailure('NO_SELECTION', 'Nothing is selected. Select one or more frames on the canvas, then try again.');
  }
  const selection = selected.filter(isExportable);
  if (selection.length === 0) {
    throw new PluginFailure(
      'NOT_EXPORTABLE',
      `${selected.length === 1 ? `"${selected[0]!.name}"` : 'None of the selected layers'} can't be exported as an image. Select frames, groups or shapes instead, then try again.`,
    );
  }

  const images: ExportedImage[] = [];
  // One at a time: Figma renders exports one by one anyway, and it bounds the memory held at once.
  for (const node of selection) {
    const { width, height } = renderedSize(node);
    let png: Uint8Array<ArrayBuffer>;
    try {
      const bytes = await node.exportAsync({ format: 'PNG', colorProfile: 'SRGB', constraint: exportConstraint(width, height) });
      // Typed over ArrayBufferLike, but Figma hands back bytes of a plain ArrayBuffer, never a shared one.
      png = bytes as Uint8Array<ArrayBuffer>;
    } catch (error) {
      throw new PluginFailure(
        'EXPORT_FAILED',
        `Figma couldn't export "${node.name}" (${reasonOf(error)}). Check that it has visible content, or select a smaller frame, then try again.`,
      );
    }
    images.push({ nodeId: node.id, name: node.name, png });
  }
  return images;
}

/**
 * The size Figma renders: the render bounds (which include shadows and rotation) when known,
 * else the layout size.
 */
function renderedSize(node: SceneNode): { width: number; height: number } {
  const bounds = (node as Partial<LayoutMixin>).absoluteRenderBounds;
  if (bounds) return { width: bounds.width, height: bounds.height };
  const { width = 0, height = 0 } = node as Partial<DimensionAndPositionMixin>;
  return { width, height };
}
