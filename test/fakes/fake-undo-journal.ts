/** A document change a plugin made through the fake's API, as the undo journal records it. */
export interface JournalEntry {
  readonly op:
    | 'createPaintStyle'
    | 'removeStyle'
    | 'setName'
    | 'setDescription'
    | 'setPaints'
    | 'setPluginData'
    | 'setSharedPluginData'
    | 'createVariableCollection'
    | 'removeVariableCollection'
    | 'renameVariableCollection'
    | 'addMode'
    | 'renameMode'
    | 'createVariable'
    | 'removeVariable'
    | 'setVariableName'
    | 'setVariableDescription'
    | 'setValueForMode'
    | 'setScopes';
  /** Id of the style, node, variable or collection changed (`0:0` for the document). */
  readonly targetId: string;
  /** The property or plugin-data key changed, when there is one. */
  readonly key?: string;
}

/** What one Ctrl+Z would revert: the changes between two `figma.commitUndo()` calls. */
export interface UndoStep {
  readonly entries: readonly JournalEntry[];
}

interface Recorded {
  readonly entry: JournalEntry;
  readonly revert: () => void;
}

/**
 * Figma's undo history as a plugin sees it: changes pile up until `figma.commitUndo()` closes
 * them into one step. Only changes made through the plugin API are journaled; test controls that
 * play the designer (adding or hand-editing a style) are not, as they are not the plugin's undo.
 */
export class UndoJournal {
  private pending: Recorded[] = [];
  private readonly committed: Recorded[][] = [];
  private reverting = false;
  /** How many times the plugin called `figma.commitUndo()`, empty commits included. */
  commits = 0;

  record(entry: JournalEntry, revert: () => void): void {
    if (this.reverting) return;
    this.pending.push({ entry, revert });
  }

  commit(): void {
    this.commits++;
    if (this.pending.length === 0) return;
    this.committed.push(this.pending);
    this.pending = [];
  }

  /** Changes since the last commit, oldest first. */
  get pendingEntries(): readonly JournalEntry[] {
    return this.pending.map((r) => r.entry);
  }

  /** Committed steps, oldest first. */
  get steps(): readonly UndoStep[] {
    return this.committed.map((step) => ({ entries: step.map((r) => r.entry) }));
  }

  /**
   * Reverts the last step, as the designer's Ctrl+Z would: the uncommitted changes if there are
   * any, else the last committed step. Returns what was reverted, or undefined if nothing was left.
   */
  undo(): UndoStep | undefined {
    let step: Recorded[] | undefined;
    if (this.pending.length > 0) {
      step = this.pending;
      this.pending = [];
    } else {
      step = this.committed.pop();
    }
    if (!step) return undefined;
    this.reverting = true;
    try {
      for (const recorded of [...step].reverse()) recorded.revert();
    } finally {
      this.reverting = false;
    }
    return { entries: step.map((r) => r.entry) };
  }
}
