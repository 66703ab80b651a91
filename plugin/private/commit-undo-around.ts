/**
 * Runs one Chorus action as exactly one undo step: `figma.commitUndo()` before it, so whatever the
 * plugin left uncommitted earlier (a failed write Figma refused and Chorus rolled back) is a step
 * of its own instead of folding into this one, and again after it, success or failure, so the next
 * action cannot fold into this one either. A failure Chorus could not fully roll back is then one
 * step the designer removes with a single Ctrl+Z, as its error message says. Figma keeps nothing
 * for a commit with no change, so reads cost nothing here.
 */
export async function commitUndoAround<T>(figma: PluginAPI, action: () => Promise<T>): Promise<T> {
  figma.commitUndo();
  try {
    return await action();
  } finally {
    figma.commitUndo();
  }
}
