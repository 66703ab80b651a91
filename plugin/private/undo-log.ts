/**
 * What one call changed, as steps that put it back, so a write Figma refuses half-way can be
 * rolled back and the file never holds half a change. Steps run newest first.
 */
export class UndoLog {
  private readonly steps: (() => void)[] = [];

  get length(): number {
    return this.steps.length;
  }

  push(step: () => void): void {
    this.steps.push(step);
  }

  /** Runs every step newest first; true if all succeeded. Keeps going past a failed step. */
  rollBack(): boolean {
    let complete = true;
    for (let i = this.steps.length - 1; i >= 0; i--) {
      try {
        this.steps[i]!();
      } catch {
        complete = false;
      }
    }
    this.steps.length = 0;
    return complete;
  }
}
