import type { FaultPlan } from './fake-faults.ts';
import { readPaints, validatePaints } from './fake-paints.ts';
import { PluginDataStore } from './fake-plugin-data.ts';
import type { FakeScheduler } from './fake-scheduler.ts';
import type { UndoJournal } from './fake-undo-journal.ts';
import { FakePluginDataOwner } from './fake-plugin-data-owner.ts';

/** What a style needs from the fake document around it. */
export interface StyleWorld {
  readonly journal: UndoJournal;
  readonly faults: FaultPlan;
  readonly scheduler: FakeScheduler;
  readonly dynamicPage: boolean;
}

/**
 * A local paint style as the Plugin API exposes it. Every write through this object is the
 * plugin's and is journaled for undo; `designerEdit` is how a test plays the designer instead.
 */
export class FakePaintStyle extends FakePluginDataOwner implements PaintStyle {
  readonly type = 'PAINT' as const;
  readonly remote = false;
  documentationLinks: ReadonlyArray<DocumentationLink> = [];
  /** False once removed (by the plugin, or by undoing its creation); removed styles are not listed. */
  live = true;
  private currentName = '';
  private currentDescription = '';
  private stored: readonly Paint[] = [];
  protected readonly data: PluginDataStore;

  constructor(
    readonly id: string,
    private readonly world: StyleWorld,
  ) {
    super();
    this.data = new PluginDataStore(() => this.id, world.journal, world.faults, () => this.assertLive());
  }

  get key(): string {
    // Local styles have a key too; it is what a library would publish. Opaque here.
    return this.id.replace(/^S:/, '').replace(/,.*$/, '');
  }

  get name(): string {
    return this.currentName;
  }
  set name(value: string) {
    requireString(value, 'set_name', 'name');
    this.assertLive();
    this.world.faults.check('setName');
    const before = this.currentName;
    this.currentName = value;
    this.world.journal.record({ op: 'setName', targetId: this.id }, () => (this.currentName = before));
  }

  get description(): string {
    return this.currentDescription;
  }
  set description(value: string) {
    requireString(value, 'set_description', 'description');
    this.assertLive();
    this.world.faults.check('setDescription');
    const before = this.currentDescription;
    this.currentDescription = value;
    this.world.journal.record({ op: 'setDescription', targetId: this.id }, () => (this.currentDescription = before));
  }

  get descriptionMarkdown(): string {
    return this.currentDescription;
  }
  set descriptionMarkdown(value: string) {
    this.description = value;
  }

  /** As the typings have it (VariableBindablePaintStyleField = 'paints'): the variables the style's solid paints bind their colour to. */
  get boundVariables(): { readonly paints?: VariableAlias[] } {
    const paints = this.stored.flatMap((paint) => (paint.type === 'SOLID' && paint.boundVariables?.color ? [{ ...paint.boundVariables.color }] : []));
    return paints.length > 0 ? { paints } : {};
  }

  get paints(): ReadonlyArray<Paint> {
    return readPaints(this.stored);
  }
  set paints(value: ReadonlyArray<Paint>) {
    this.assertLive();
    const next = validatePaints(value);
    this.world.faults.check('setPaints');
    const before = this.stored;
    this.stored = next;
    this.world.journal.record({ op: 'setPaints', targetId: this.id }, () => (this.stored = before));
  }

  get consumers(): StyleConsumers[] {
    if (this.world.dynamicPage) {
      throw new Error('in get_consumers: Cannot access consumers with "documentAccess": "dynamic-page". Use getStyleConsumersAsync instead.');
    }
    return [];
  }

  getStyleConsumersAsync(): Promise<StyleConsumers[]> {
    return this.world.scheduler.later(() => []);
  }

  getPublishStatusAsync(): Promise<PublishStatus> {
    return this.world.scheduler.later(() => 'UNPUBLISHED' as const);
  }

  remove(): void {
    this.assertLive();
    this.world.faults.check('removeStyle');
    this.live = false;
    this.world.journal.record({ op: 'removeStyle', targetId: this.id }, () => (this.live = true));
  }


  /** The designer changing the style in Figma's UI: validated like the API, never journaled. */
  designerEdit(change: {
    name?: string;
    description?: string;
    paints?: readonly Paint[];
    pluginData?: Record<string, string>;
    /** Keyed `namespace.key`, e.g. `chorus.review`. */
    sharedPluginData?: Record<string, string>;
  }): void {
    if (change.name !== undefined) this.currentName = change.name;
    if (change.description !== undefined) this.currentDescription = change.description;
    if (change.paints !== undefined) this.stored = validatePaints(change.paints);
    for (const [key, value] of Object.entries(change.pluginData ?? {})) this.data.write(key, value);
    this.data.writeSharedEntries(change.sharedPluginData ?? {});
  }


  private assertLive(): void {
    if (!this.live) throw new Error(`The style ${this.id} has been removed; it can no longer be changed`);
  }
}

function requireString(value: unknown, operation: string, field: string): void {
  if (typeof value !== 'string') {
    throw new Error(`in ${operation}: Expected "${field}" to have type string but got ${value === null ? 'null' : typeof value} instead`);
  }
}
