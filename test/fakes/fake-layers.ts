import { FakeSceneNode, type NodeWorld } from './fake-nodes.ts';
import { readPaints, validatePaints } from './fake-paints.ts';

/** A text range with its own fill (what getStyledTextSegments(['fills', 'fillStyleId']) reports). */
export interface TextRangeSpec {
  /** Characters in the range. */
  readonly characters: string;
  readonly fills: readonly Paint[];
  readonly fillStyleId?: string;
  readonly fontSize?: number;
  readonly fontWeight?: number;
}

/** One layer of a tree the test builds: a frame, shape or text, with what Figma would store on it. */
export interface LayerSpec {
  readonly type: 'FRAME' | 'GROUP' | 'COMPONENT' | 'INSTANCE' | 'RECTANGLE' | 'ELLIPSE' | 'VECTOR' | 'TEXT';
  readonly name: string;
  readonly width: number;
  readonly height: number;
  /** Position in the parent, in px (the fake does no layout: only for the test's own bookkeeping). */
  readonly x?: number;
  readonly y?: number;
  readonly visible?: boolean;
  /** Layer opacity, 0–1. */
  readonly opacity?: number;
  readonly fills?: readonly Paint[];
  readonly strokes?: readonly Paint[];
  readonly fillStyleId?: string;
  readonly strokeStyleId?: string;
  /** TEXT only: the ranges, in order; `characters` is their concatenation. */
  readonly text?: readonly TextRangeSpec[];
  readonly children?: readonly LayerSpec[];
  /** What exportAsync resolves with for this layer (the fake does not render); a 1×1 white PNG if absent. */
  readonly png?: Uint8Array;
}

/** Fields of StyledTextSegment the fake fills in; asking for another is refused (the fake does not simulate it). */
const SEGMENT_FIELDS = new Set(['fills', 'fillStyleId', 'fontSize', 'fontWeight']);

/**
 * A layer in a tree: a FakeSceneNode with children, fills and strokes (validated and frozen like a
 * style's paints, their changes journaled for undo), opacity, style ids and, for TEXT, ranges read
 * through getStyledTextSegments. Where Figma reports `figma.mixed` (a text node whose ranges have
 * different fills), the fake does too, as the symbol it is given.
 */
export class FakeLayerNode extends FakeSceneNode {
  readonly x: number;
  readonly y: number;
  readonly opacity: number;
  private storedFills: readonly Paint[];
  private storedStrokes: readonly Paint[];
  private ownFillStyleId: string;
  readonly strokeStyleId: string;
  private ranges: readonly TextRangeSpec[] | undefined;
  private readonly kids: FakeLayerNode[] = [];
  layerParent: FakeLayerNode | null = null;

  constructor(
    spec: LayerSpec,
    id: string,
    private readonly layerWorld: NodeWorld,
    private readonly mixed: symbol,
  ) {
    super({ id, type: spec.type, name: spec.name, width: spec.width, height: spec.height, visible: spec.visible ?? true, png: spec.png, exportable: true }, layerWorld);
    this.x = spec.x ?? 0;
    this.y = spec.y ?? 0;
    this.opacity = spec.opacity ?? 1;
    this.ranges = spec.type === 'TEXT' ? (spec.text ?? []) : undefined;
    const textFills = this.ranges && this.ranges.length > 0 ? this.ranges[0]!.fills : undefined;
    this.storedFills = validatePaints(spec.fills ?? textFills ?? [], 'set_fills', 'fills');
    this.storedStrokes = validatePaints(spec.strokes ?? [], 'set_strokes', 'strokes');
    this.ownFillStyleId = spec.fillStyleId ?? '';
    this.strokeStyleId = spec.strokeStyleId ?? '';
  }

  /** Adds a child (the builder's, not the plugin's: not journaled). */
  adopt(child: FakeLayerNode): void {
    child.layerParent = this;
    this.kids.push(child);
  }

  get children(): readonly FakeLayerNode[] {
    return Object.freeze(this.kids.slice());
  }

  get characters(): string | undefined {
    return this.ranges?.map((r) => r.characters).join('');
  }

  /** Mixed for a text node whose ranges differ, as in Figma. */
  get fills(): readonly Paint[] | symbol {
    if (this.ranges && new Set(this.ranges.map((r) => JSON.stringify(r.fills))).size > 1) return this.mixed;
    return readPaints(this.storedFills);
  }
  set fills(value: readonly Paint[] | symbol) {
    const next = validatePaints(value, 'set_fills', 'fills');
    this.layerWorld.faults.check('setPaints');
    const before = this.storedFills;
    const rangesBefore = this.ranges;
    this.storedFills = next;
    // Setting a text node's fills sets every range's, as in Figma.
    if (this.ranges) this.ranges = this.ranges.map((r) => ({ ...r, fills: next }));
    this.layerWorld.journal.record({ op: 'setPaints', targetId: this.id, key: 'fills' }, () => {
      this.storedFills = before;
      this.ranges = rangesBefore;
    });
  }

  get strokes(): readonly Paint[] {
    return readPaints(this.storedStrokes);
  }
  set strokes(value: readonly Paint[]) {
    const next = validatePaints(value, 'set_strokes', 'strokes');
    this.layerWorld.faults.check('setPaints');
    const before = this.storedStrokes;
    this.storedStrokes = next;
    this.layerWorld.journal.record({ op: 'setPaints', targetId: this.id, key: 'strokes' }, () => (this.storedStrokes = before));
  }

  get fillStyleId(): string | symbol {
    if (this.ranges && new Set(this.ranges.map((r) => r.fillStyleId ?? '')).size > 1) return this.mixed;
    return this.ranges?.[0]?.fillStyleId ?? this.ownFillStyleId;
  }

  /** TEXT only, as in Figma: consecutive characters that share the asked fields, with those fields. */
  getStyledTextSegments(fields: readonly string[]): Record<string, unknown>[] {
    if (!this.ranges) throw new Error('in getStyledTextSegments: the node is not a text node');
    for (const f of fields) if (!SEGMENT_FIELDS.has(f)) throw new Error(`figma fake: getStyledTextSegments does not simulate the field ${JSON.stringify(f)}`);
    const out: Record<string, unknown>[] = [];
    let start = 0;
    for (const range of this.ranges) {
      const values: Record<string, unknown> = {
        fills: readPaints(validatePaints(range.fills, 'getStyledTextSegments', 'fills')),
        fillStyleId: range.fillStyleId ?? '',
        fontSize: range.fontSize ?? 14,
        fontWeight: range.fontWeight ?? 400,
      };
      const segment: Record<string, unknown> = { characters: range.characters, start, end: start + range.characters.length };
      for (const f of fields) segment[f] = values[f];
      const last = out.at(-1);
      // Figma merges neighbouring ranges that agree on every asked field.
      if (last && fields.every((f) => JSON.stringify(last[f]) === JSON.stringify(segment[f]))) {
        last['characters'] = `${String(last['characters'])}${range.characters}`;
        last['end'] = segment['end'];
      } else out.push(segment);
      start += range.characters.length;
    }
    return out;
  }
}
