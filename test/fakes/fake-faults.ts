/** Operations a test can make fail once, to prove the plugin copes with Figma throwing mid-way. */
export type FaultOp =
  | 'createPaintStyle'
  | 'removeStyle'
  | 'setName'
  | 'setDescription'
  | 'setPaints'
  | 'setPluginData'
  | 'setSharedPluginData'
  | 'getLocalPaintStylesAsync'
  | 'clientStorage.getAsync'
  | 'clientStorage.setAsync'
  | 'createVariableCollection'
  | 'createVariable'
  | 'setValueForMode'
  | 'setScopes'
  | 'setVariableName'
  | 'setVariableDescription'
  | 'removeVariable'
  | 'setBoundVariableForPaint'
  | 'getLocalVariablesAsync'
  | 'getLocalVariableCollectionsAsync'
  | 'setCurrentPageAsync';

interface Fault {
  readonly op: FaultOp;
  callsLeft: number;
  readonly message: string;
}

/** One-shot injected failures: the (after + 1)-th next call of `op` throws `message`. */
export class FaultPlan {
  private readonly faults: Fault[] = [];

  add(op: FaultOp, message: string, after: number): void {
    if (!Number.isInteger(after) || after < 0) throw new Error('figma fake: `after` is a count of calls that succeed first (0, 1, 2, …)');
    this.faults.push({ op, callsLeft: after, message });
  }

  /** Called by the fake at the start of every `op`; throws if a fault is due. */
  check(op: FaultOp): void {
    const index = this.faults.findIndex((f) => f.op === op);
    if (index < 0) return;
    const fault = this.faults[index]!;
    if (fault.callsLeft > 0) {
      fault.callsLeft--;
      return;
    }
    this.faults.splice(index, 1);
    throw new Error(fault.message);
  }
}
