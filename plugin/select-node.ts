/**
 * Shows a source frame to the designer: finds the node by id (async, dynamic-page), switches to
 * its page if it is on another one, selects it and scrolls and zooms the canvas to it. Returns
 * false when no such node exists any more (deleted since the palette was extracted), and changes
 * nothing then. A page id just switches to that page.
 */
export async function selectNode(figma: PluginAPI, nodeId: string): Promise<boolean> {
  const node = await figma.getNodeByIdAsync(nodeId);
  if (!node || node.type === 'DOCUMENT') return false;
  if (node.type === 'PAGE') {
    if (node.id !== figma.currentPage.id) await figma.setCurrentPageAsync(node);
    return true;
  }
  const page = pageOf(node);
  // A node no longer in the document (removed, but still referenced) has no page.
  if (!page) return false;
  if (page.id !== figma.currentPage.id) await figma.setCurrentPageAsync(page);
  figma.currentPage.selection = [node];
  figma.viewport.scrollAndZoomIntoView([node]);
  return true;
}

function pageOf(node: BaseNode): PageNode | undefined {
  for (let parent = node.parent; parent; parent = parent.parent) {
    if (parent.type === 'PAGE') return parent;
  }
  return undefined;
}
