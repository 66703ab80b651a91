import type { FaultPlan } from './fake-faults.ts';
import { PluginDataStore } from './fake-plugin-data.ts';
import type { FakeScheduler } from './fake-scheduler.ts';
import type { UndoJournal } from './fake-undo-journal.ts';
import { ONE_PIXEL_PNG } from './one-pixel-png.ts';
import { FakePluginDataOwner } from './fake-plugin-data-owner.ts';

/** An `exportAsync` call as the fake saw it, with the pixel size Figma would have rendered. */
export interface ExportCall {
  readonly nodeId: string;
  readonly settings: ExportSettings | undefined;
  readonly outputWidth: number;
  readonly outputHeight: number;
}

export interface NodeWorld {
  readonly journal: UndoJournal;
  readonly faults: FaultPlan;
  readonly scheduler: FakeScheduler;
  readonly exports: ExportCall[];
}

export interface FakeNodeInit {
  readonly id: string;
  readonly type: string;
  readonly name: string;
  readonly width: number;
  readonly height: number;
  readonly visible: boolean;
  /** What exportAsync resolves with; the fake does not render, it hands back these bytes. */
  readonly png: Uint8Array | undefined;
  /** False gives a node without `exportAsync` at all. */
  readonly exportable: boolean;
}

const IMAGE_SETTING_KEYS = new Set(['format', 'contentsOnly', 'useAbsoluteBounds', 'suffix', 'constraint', 'colorProfile']);
const COLOR_PROFILES = new Set(['DOCUMENT', 'SRGB', 'DISPLAY_P3_V4']);
const CONSTRAINT_TYPES = new Set(['SCALE', 'WIDTH', 'HEIGHT']);

/**
 * A scene node (a frame, usually) on the fake's one page: id, name, size, plugin data and
 * `exportAsync`, which checks its settings like Figma, records the call and resolves the PNG bytes
 * the test gave. Only PNG and JPG are simulated (both resolve the same bytes).
 */
export class FakeSceneNode extends FakePluginDataOwner {
  readonly id: string;
  readonly type: string;
  name: string;
  readonly width: number;
  readonly height: number;
  visible: boolean;
  parent: FakePage | null = null;
  // `declare`: no own property at all unless the node is exportable (an `in` check must see none).
  declare readonly exportAsync?: (settings?: ExportSettings) => Promise<Uint8Array>;
  /** Set by `failExport`: the next exports reject with this message. */
  exportFailure: string | undefined;
  private readonly png: Uint8Array;
  protected readonly data: PluginDataStore;

  constructor(init: FakeNodeInit, world: NodeWorld) {
    super();
    this.id = init.id;
    this.type = init.type;
    this.name = init.name;
    this.width = init.width;
    this.height = init.height;
    this.visible = init.visible;
    this.png = init.png ? new Uint8Array(init.png) : ONE_PIXEL_PNG;
    this.data = new PluginDataStore(() => this.id, world.journal, world.faults, () => undefined);
    if (init.exportable) {
      this.exportAsync = (settings?: ExportSettings) => {
        // Figma checks the settings before it starts rendering: a bad setting throws synchronously
        // inside the API call, which an async caller sees as a rejected promise.
        let size: { width: number; height: number };
        try {
          size = this.checkExport(settings);
        } catch (error) {
          return Promise.reject(error);
        }
        world.exports.push({
          nodeId: this.id,
          settings: settings === undefined ? undefined : structuredClone(settings),
          outputWidth: size.width,
          outputHeight: size.height,
        });
        const failure = this.exportFailure;
        return world.scheduler.later(() => {
          if (failure !== undefined) throw new Error(failure);
          return new Uint8Array(this.png);
        });
      };
    }
  }

  /** As in Figma: null for a hidden node; the fake has no effects or rotation, so it is the layout box. */
  get absoluteRenderBounds(): Rect | null {
    return this.visible ? { x: 0, y: 0, width: this.width, height: this.height } : null;
  }


  private checkExport(settings: ExportSettings | undefined): { width: number; height: number } {
    const fail = (message: string): never => {
      throw new Error(`in exportAsync: ${message}`);
    };
    if (settings === undefined) return this.scaled('SCALE', 1);
    if (typeof settings !== 'object' || settings === null) return fail('Expected "settings" to have type object');
    const format = (settings as { format?: unknown }).format;
    if (format !== 'PNG' && format !== 'JPG') {
      return fail(`the figma fake only simulates PNG and JPG exports, not ${JSON.stringify(format)}`);
    }
    const image = settings as ExportSettingsImage;
    const unknown = Object.keys(image).filter((key) => !IMAGE_SETTING_KEYS.has(key));
    if (unknown.length > 0) fail(`Unrecognized key(s) in object: ${unknown.map((k) => `'${k}'`).join(', ')}`);
    if (image.colorProfile !== undefined && !COLOR_PROFILES.has(image.colorProfile)) {
      fail(`Expected "colorProfile" to be one of DOCUMENT, SRGB, DISPLAY_P3_V4 but got ${JSON.stringify(image.colorProfile)}`);
    }
    const constraint = image.constraint ?? { type: 'SCALE' as const, value: 1 };
    if (!CONSTRAINT_TYPES.has(constraint.type)) {
      fail(`Expected "constraint.type" to be one of SCALE, WIDTH, HEIGHT but got ${JSON.stringify(constraint.type)}`);
    }
    if (typeof constraint.value !== 'number' || !Number.isFinite(constraint.value) || constraint.value <= 0) {
      fail(`Expected "constraint.value" to be a positive number but got ${String(constraint.value)}`);
    }
    return this.scaled(constraint.type, constraint.value);
  }

  private scaled(type: ExportSettingsConstraints['type'], value: number): { width: number; height: number } {
    const factor = type === 'SCALE' ? value : type === 'WIDTH' ? value / this.width : value / this.height;
    return { width: Math.max(1, Math.round(this.width * factor)), height: Math.max(1, Math.round(this.height * factor)) };
  }
}

/** A page of the fake document: children, its own selection (each page keeps one), plugin data. */
export class FakePage extends FakePluginDataOwner {
  readonly type = 'PAGE' as const;
  private readonly nodes: FakeSceneNode[] = [];
  private selected: readonly FakeSceneNode[] = [];
  protected readonly data: PluginDataStore;

  constructor(
    readonly id: string,
    public name: string,
    world: Pick<NodeWorld, 'journal' | 'faults'>,
    /** Called when this page's selection changed; the fake fires `selectionchange` if it is the current page. */
    private readonly onSelectionChange: (page: FakePage) => void,
  ) {
    super();
    this.data = new PluginDataStore(() => this.id, world.journal, world.faults, () => undefined);
  }

  /** The document, once the fake has put the page in it. */
  parent: FakeDocument | null = null;

  get children(): readonly FakeSceneNode[] {
    return Object.freeze(this.nodes.slice());
  }

  append(node: FakeSceneNode): void {
    node.parent = this;
    this.nodes.push(node);
  }

  /** Takes `node` off the page (the designer deleting it); it leaves the selection too. */
  detach(node: FakeSceneNode): void {
    const index = this.nodes.indexOf(node);
    if (index >= 0) this.nodes.splice(index, 1);
    node.parent = null;
    if (this.selected.includes(node)) {
      this.selected = this.selected.filter((n) => n !== node);
      this.onSelectionChange(this);
    }
  }

  get selection(): readonly FakeSceneNode[] {
    return Object.freeze(this.selected.slice());
  }

  /** As in Figma, only nodes on this page can be selected; a change fires `selectionchange` later. */
  set selection(value: readonly FakeSceneNode[]) {
    if (!Array.isArray(value)) throw new Error('in set_selection: Expected "selection" to have type array');
    for (const node of value) {
      if (!(node instanceof FakeSceneNode) || node.parent !== this) {
        throw new Error('in set_selection: Expected every node to be a scene node on the current page');
      }
    }
    // Figma never lists a node twice.
    const next = [...new Set(value)];
    const changed = next.length !== this.selected.length || next.some((node, i) => node !== this.selected[i]);
    this.selected = next;
    if (changed) this.onSelectionChange(this);
  }

}

/**
 * `figma.root`: the pages, and document-wide plugin data. Under dynamic-page the document node is
 * always loaded, so its plugin data can be read and written without loading any page.
 */
export class FakeDocument extends FakePluginDataOwner {
  readonly type = 'DOCUMENT' as const;
  readonly id = '0:0';
  readonly parent = null;
  protected readonly data: PluginDataStore;
  /**
   * As Figma: the profile paint and variable RGB values are in (Figma update 141: "their RGB
   * fields remain the projection for the current document color profile"). The fake stores the
   * numbers it is given; a designer's hex in a P3 file is a P3 colour, as Figma's picker there.
   */
  readonly documentColorProfile: 'LEGACY' | 'SRGB' | 'DISPLAY_P3';

  constructor(
    public name: string,
    private readonly pages: FakePage[],
    world: Pick<NodeWorld, 'journal' | 'faults'>,
    documentColorProfile: 'LEGACY' | 'SRGB' | 'DISPLAY_P3' = 'SRGB',
  ) {
    super();
    this.documentColorProfile = documentColorProfile;
    this.data = new PluginDataStore(() => this.id, world.journal, world.faults, () => undefined);
  }


  get children(): readonly FakePage[] {
    return Object.freeze(this.pages.slice());
  }


  /** A test control's write (another plugin version, a corrupted file): not journaled. */
  seedPluginData(key: string, value: string): void {
    this.data.write(key, value);
  }
}
