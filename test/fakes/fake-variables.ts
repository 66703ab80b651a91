import type { FaultPlan } from './fake-faults.ts';
import { deepFreeze } from './fake-paints.ts';
import { PluginDataStore } from './fake-plugin-data.ts';
import type { FakeScheduler } from './fake-scheduler.ts';
import type { UndoJournal } from './fake-undo-journal.ts';
import { FakePluginDataOwner } from './fake-plugin-data-owner.ts';

/**
 * Local variables as the Plugin API exposes them (figma.variables), for the fake.
 *
 * What Figma documents and the fake copies (developers.figma.com/docs/plugins/api/…):
 * - a new collection has one mode, "Mode 1", which is its `defaultModeId`; a Starter-plan file is
 *   limited to one mode (`addMode` throws "Limited to 1 modes only", the documented message);
 * - `createVariable(name, collection, type)` takes the collection object; passing its id is
 *   deprecated and throws under dynamic-page; a name already used in the collection throws
 *   "duplicate variable name" (the message Figma gives, tokens-studio/figma-plugin#3441);
 * - COLOR values are `{ r, g, b, a }` in 0–1 (an RGB without `a` is stored opaque) or a
 *   VARIABLE_ALIAS; numbers are kept as 32-bit floats, like paints; reads give frozen copies;
 * - `scopes` must be VariableScope values valid for the type; ALL_SCOPES stands alone, and
 *   ALL_FILLS excludes the other fill scopes (VariableScope docs);
 * - plugin data as on styles ("" for a missing key, "" removes it, 100 kB per entry);
 * - `remove()` on a collection removes its variables; a removed one is not found any more and
 *   throws when changed.
 * Where Figma does not document a detail, the fake takes the stricter plausible behaviour:
 * a new COLOR variable's value is opaque black until set, and BOOLEAN variables take no scopes.
 */

export interface VariableWorld {
  readonly journal: UndoJournal;
  readonly faults: FaultPlan;
  readonly scheduler: FakeScheduler;
  readonly dynamicPage: boolean;
  /** Modes a collection may have (the file's plan); Starter's 1 when absent. */
  readonly modeLimit?: number;
}

/** Every VariableScope, from @figma/plugin-typings. */
export const VARIABLE_SCOPES = [
  'ALL_SCOPES',
  'TEXT_CONTENT',
  'CORNER_RADIUS',
  'WIDTH_HEIGHT',
  'GAP',
  'ALL_FILLS',
  'FRAME_FILL',
  'SHAPE_FILL',
  'TEXT_FILL',
  'STROKE_COLOR',
  'STROKE_FLOAT',
  'EFFECT_FLOAT',
  'EFFECT_COLOR',
  'OPACITY',
  'COLOR_OPACITY',
  'FONT_FAMILY',
  'FONT_STYLE',
  'FONT_WEIGHT',
  'FONT_SIZE',
  'LINE_HEIGHT',
  'LETTER_SPACING',
  'PARAGRAPH_SPACING',
  'PARAGRAPH_INDENT',
] as const satisfies readonly VariableScope[];

/** The types the fake simulates; EASING and TIMING (prototyping) are refused by its createVariable. */
type SimulatedType = 'BOOLEAN' | 'FLOAT' | 'STRING' | 'COLOR';

/** "Valid scopes for … variables are: …", per type (VariableScope docs). */
const SCOPES_BY_TYPE: Record<SimulatedType, ReadonlySet<string>> = {
  COLOR: new Set(['ALL_SCOPES', 'ALL_FILLS', 'FRAME_FILL', 'SHAPE_FILL', 'TEXT_FILL', 'STROKE_COLOR', 'EFFECT_COLOR']),
  FLOAT: new Set([
    'ALL_SCOPES',
    'TEXT_CONTENT',
    'CORNER_RADIUS',
    'WIDTH_HEIGHT',
    'GAP',
    'OPACITY',
    'STROKE_FLOAT',
    'EFFECT_FLOAT',
    'FONT_WEIGHT',
    'FONT_SIZE',
    'LINE_HEIGHT',
    'LETTER_SPACING',
    'PARAGRAPH_SPACING',
    'PARAGRAPH_INDENT',
  ]),
  STRING: new Set(['ALL_SCOPES', 'TEXT_CONTENT', 'FONT_FAMILY', 'FONT_STYLE']),
  BOOLEAN: new Set(),
};
const FILL_SCOPES = new Set(['FRAME_FILL', 'SHAPE_FILL', 'TEXT_FILL']);
const SIMULATED_TYPES = new Set<string>(['BOOLEAN', 'FLOAT', 'STRING', 'COLOR']);

function isSimulated(type: VariableResolvedDataType): type is SimulatedType {
  return SIMULATED_TYPES.has(type);
}
/** Starter plan: one mode per collection (the plan Figma's free files are on); a fake made with `modeLimit` stands for a paid plan. */
const STARTER_MODE_LIMIT = 1;

/** A local variable collection. */
export class FakeVariableCollection extends FakePluginDataOwner implements VariableCollection {
  /** True for a library's collection, imported with one of its variables: never local. */
  remote = false;
  readonly isExtension = false;
  hiddenFromPublishing = false;
  live = true;
  private currentName: string;
  private currentModes: { modeId: string; name: string }[];
  protected readonly data: PluginDataStore;

  constructor(
    readonly id: string,
    name: string,
    readonly defaultModeId: string,
    private readonly store: VariableStore,
  ) {
    super();
    this.currentName = name;
    this.currentModes = [{ modeId: defaultModeId, name: 'Mode 1' }];
    this.data = new PluginDataStore(() => this.id, store.world.journal, store.world.faults, () => this.assertLive('setPluginData'));
  }

  /** A removed variable or collection refuses to be read, as in Figma. */
  protected override beforePluginDataRead(): void {
    this.assertLive('getPluginData');
  }

  get key(): string {
    return this.id.replace(/^VariableCollectionId:/, '').replace(/:/g, '');
  }

  get name(): string {
    this.assertLive('get_name');
    return this.currentName;
  }
  set name(value: string) {
    requireString(value, 'set_name', 'name');
    this.assertLive('set_name');
    const before = this.currentName;
    this.currentName = value;
    this.store.world.journal.record({ op: 'renameVariableCollection', targetId: this.id }, () => (this.currentName = before));
  }

  get modes(): Array<{ modeId: string; name: string }> {
    this.assertLive('get_modes');
    return deepFreeze(structuredClone(this.currentModes));
  }

  get variableIds(): string[] {
    this.assertLive('get_variableIds');
    return this.store.liveVariables().filter((v) => v.variableCollectionId === this.id).map((v) => v.id);
  }

  hasMode(modeId: string): boolean {
    return this.currentModes.some((m) => m.modeId === modeId);
  }

  getPublishStatusAsync(): Promise<PublishStatus> {
    return this.store.world.scheduler.later(() => 'UNPUBLISHED' as const);
  }

  extend(_name: string): ExtendedVariableCollection {
    throw new Error('in extend: Cannot create extended collections outside of enterprise plan.');
  }

  remove(): void {
    this.assertLive('remove');
    this.live = false;
    this.store.world.journal.record({ op: 'removeVariableCollection', targetId: this.id }, () => (this.live = true));
  }

  removeMode(modeId: string): void {
    this.assertLive('removeMode');
    if (this.currentModes.length === 1) throw new Error('in removeMode: Cannot remove the last mode of a collection');
    this.currentModes = this.currentModes.filter((m) => m.modeId !== modeId);
  }

  /** As Figma: refused past the plan's limit with its documented message; a new mode starts with the default mode's values. */
  addMode(name: string): string {
    this.assertLive('addMode');
    requireString(name, 'addMode', 'name');
    const limit = this.store.world.modeLimit ?? STARTER_MODE_LIMIT;
    if (this.currentModes.length >= limit) throw new Error(`in addMode: Limited to ${limit} modes only`);
    const modeId = `${this.defaultModeId}-${++this.addedModes}`;
    const before = this.currentModes;
    this.currentModes = [...this.currentModes, { modeId, name }];
    this.store.world.journal.record({ op: 'addMode', targetId: this.id, key: modeId }, () => (this.currentModes = before));
    return modeId;
  }
  private addedModes = 0;

  renameMode(modeId: string, newName: string): void {
    this.assertLive('renameMode');
    requireString(newName, 'renameMode', 'newName');
    const index = this.currentModes.findIndex((m) => m.modeId === modeId);
    if (index < 0) throw new Error(`in renameMode: The mode with id ${JSON.stringify(modeId)} does not exist`);
    const before = this.currentModes;
    this.currentModes = this.currentModes.map((m, i) => (i === index ? { ...m, name: newName } : m));
    this.store.world.journal.record({ op: 'renameMode', targetId: this.id, key: modeId }, () => (this.currentModes = before));
  }


  /** A test control's write (the designer's), not journaled. */
  designerPluginData(key: string, value: string): void {
    this.data.write(key, value);
  }

  assertLive(operation: string): void {
    if (!this.live) throw new Error(`in ${operation}: The variable collection with id ${JSON.stringify(this.id)} does not exist`);
  }
}

/** A local variable. */
export class FakeVariable extends FakePluginDataOwner implements Variable {
  /** True for a library variable imported into the file (importVariableByKeyAsync): never local. */
  remote = false;
  hiddenFromPublishing = false;
  live = true;
  private currentName: string;
  private currentDescription = '';
  private currentScopes: VariableScope[] = ['ALL_SCOPES'];
  private values: Record<string, VariableValue> = {};
  private syntax: { [platform in CodeSyntaxPlatform]?: string } = {};
  protected readonly data: PluginDataStore;

  constructor(
    readonly id: string,
    name: string,
    readonly resolvedType: SimulatedType,
    private readonly collection: FakeVariableCollection,
    private readonly store: VariableStore,
  ) {
    super();
    this.currentName = name;
    this.values[collection.defaultModeId] = initialValue(resolvedType);
    this.data = new PluginDataStore(() => this.id, store.world.journal, store.world.faults, () => this.assertLive('setPluginData'));
  }

  /** A removed variable or collection refuses to be read, as in Figma. */
  protected override beforePluginDataRead(): void {
    this.assertLive('getPluginData');
  }

  get variableCollectionId(): string {
    return this.collection.id;
  }

  get key(): string {
    return this.id.replace(/^VariableID:/, '').replace(/:/g, '');
  }

  get name(): string {
    this.assertLive('get_name');
    return this.currentName;
  }
  set name(value: string) {
    requireString(value, 'set_name', 'name');
    this.assertLive('set_name');
    this.store.world.faults.check('setVariableName');
    this.store.requireFreeName(this.collection, value, 'set_name', this);
    const before = this.currentName;
    this.currentName = value;
    this.store.world.journal.record({ op: 'setVariableName', targetId: this.id }, () => (this.currentName = before));
  }

  get description(): string {
    this.assertLive('get_description');
    return this.currentDescription;
  }
  set description(value: string) {
    requireString(value, 'set_description', 'description');
    this.assertLive('set_description');
    this.store.world.faults.check('setVariableDescription');
    const before = this.currentDescription;
    this.currentDescription = value;
    this.store.world.journal.record({ op: 'setVariableDescription', targetId: this.id }, () => (this.currentDescription = before));
  }

  get valuesByMode(): { [modeId: string]: VariableValue } {
    this.assertLive('get_valuesByMode');
    // A mode added after the variable was set holds the default mode's value until set.
    const values: Record<string, VariableValue> = {};
    for (const mode of this.collection.modes) values[mode.modeId] = this.values[mode.modeId] ?? this.values[this.collection.defaultModeId]!;
    return deepFreeze(structuredClone(values));
  }

  setValueForMode(modeId: string, newValue: VariableValue): void {
    this.assertLive('setValueForMode');
    requireString(modeId, 'setValueForMode', 'modeId');
    if (!this.collection.hasMode(modeId)) {
      throw new Error(`in setValueForMode: The mode with id ${JSON.stringify(modeId)} is not in the variable's collection`);
    }
    const value = this.store.checkValue(newValue, this, 'setValueForMode');
    this.store.world.faults.check('setValueForMode');
    const before = this.values;
    this.values = { ...this.values, [modeId]: value };
    this.store.world.journal.record({ op: 'setValueForMode', targetId: this.id, key: modeId }, () => (this.values = before));
  }

  get scopes(): Array<VariableScope> {
    this.assertLive('get_scopes');
    return this.currentScopes.slice();
  }
  set scopes(value: Array<VariableScope>) {
    this.assertLive('set_scopes');
    const next = checkScopes(value, this.resolvedType);
    this.store.world.faults.check('setScopes');
    const before = this.currentScopes;
    this.currentScopes = next;
    this.store.world.journal.record({ op: 'setScopes', targetId: this.id }, () => (this.currentScopes = before));
  }

  get codeSyntax(): { [platform in CodeSyntaxPlatform]?: string } {
    return { ...this.syntax };
  }
  setVariableCodeSyntax(platform: CodeSyntaxPlatform, value: string): void {
    this.assertLive('setVariableCodeSyntax');
    this.syntax = { ...this.syntax, [platform]: value };
  }
  removeVariableCodeSyntax(platform: CodeSyntaxPlatform): void {
    const { [platform]: _removed, ...rest } = this.syntax;
    this.syntax = rest;
  }

  getPublishStatusAsync(): Promise<PublishStatus> {
    return this.store.world.scheduler.later(() => 'UNPUBLISHED' as const);
  }

  resolveForConsumer(_consumer: SceneNode): { value: VariableValue; resolvedType: VariableResolvedDataType } {
    throw new Error('figma fake: resolveForConsumer is not simulated (the fake has no explicit variable modes on nodes)');
  }

  valuesByModeForCollectionAsync(collection: VariableCollection): Promise<{ [modeId: string]: VariableValue }> {
    return this.store.world.scheduler.later(() => {
      if (collection.id !== this.collection.id) throw new Error('in valuesByModeForCollectionAsync: the collection does not hold this variable');
      return this.valuesByMode;
    });
  }

  removeOverrideForMode(_extendedModeId: string): void {
    throw new Error('in removeOverrideForMode: The variable is not in an extended collection');
  }

  remove(): void {
    this.assertLive('remove');
    this.store.world.faults.check('removeVariable');
    this.live = false;
    this.store.world.journal.record({ op: 'removeVariable', targetId: this.id }, () => (this.live = true));
  }


  /** The designer editing the variable in Figma's variables panel: validated like the API, never journaled. */
  designerEdit(change: {
    name?: string;
    description?: string;
    value?: VariableValue;
    scopes?: VariableScope[];
    pluginData?: Record<string, string>;
    /** Keyed `namespace.key`, e.g. `chorus.review`. */
    sharedPluginData?: Record<string, string>;
  }): void {
    this.assertLive('edit');
    if (change.name !== undefined) {
      this.store.requireFreeName(this.collection, change.name, 'set_name', this);
      this.currentName = change.name;
    }
    if (change.description !== undefined) this.currentDescription = change.description;
    if (change.value !== undefined) {
      this.values = { ...this.values, [this.collection.defaultModeId]: this.store.checkValue(change.value, this, 'setValueForMode') };
    }
    if (change.scopes !== undefined) this.currentScopes = checkScopes(change.scopes, this.resolvedType);
    for (const [key, value] of Object.entries(change.pluginData ?? {})) this.data.write(key, value);
    this.data.writeSharedEntries(change.sharedPluginData ?? {});
  }

  get isLive(): boolean {
    return this.live && this.collection.live;
  }

  private assertLive(operation: string): void {
    if (!this.isLive) throw new Error(`in ${operation}: The variable with id ${JSON.stringify(this.id)} does not exist`);
  }
}

/** Plain data of one live variable, for before/after comparisons. */
export interface VariableSnapshot {
  id: string;
  name: string;
  collectionId: string;
  resolvedType: VariableResolvedDataType;
  description: string;
  scopes: VariableScope[];
  valuesByMode: { [modeId: string]: VariableValue };
  pluginData: Record<string, string>;
  /** Keyed `namespace.key`. */
  sharedPluginData: Record<string, string>;
}

export interface CollectionSnapshot {
  id: string;
  name: string;
  defaultModeId: string;
  modes: { modeId: string; name: string }[];
  pluginData: Record<string, string>;
  /** Keyed `namespace.key`. */
  sharedPluginData: Record<string, string>;
}

/** The document's local variables and collections, and figma.variables over them. */
export class VariableStore {
  private readonly collections: FakeVariableCollection[] = [];
  private readonly variables: FakeVariable[] = [];
  private nextId = 1;

  constructor(readonly world: VariableWorld) {}

  liveCollections(): FakeVariableCollection[] {
    return this.collections.filter((c) => c.live);
  }

  liveVariables(): FakeVariable[] {
    return this.variables.filter((v) => v.isLive);
  }

  /** `figma.variables`, as far as the fake simulates it. */
  readonly api = {
    getVariableByIdAsync: (id: string): Promise<Variable | null> => this.world.scheduler.later(() => this.variableById(id)),
    getVariableById: (id: string): Variable | null => {
      this.requireFullAccess('getVariableById', 'getVariableByIdAsync');
      return this.variableById(id);
    },
    getVariableCollectionByIdAsync: (id: string): Promise<VariableCollection | null> => this.world.scheduler.later(() => this.collectionById(id)),
    getVariableCollectionById: (id: string): VariableCollection | null => {
      this.requireFullAccess('getVariableCollectionById', 'getVariableCollectionByIdAsync');
      return this.collectionById(id);
    },
    getLocalVariablesAsync: (type?: VariableResolvedDataType): Promise<Variable[]> =>
      this.world.scheduler.later(() => {
        this.world.faults.check('getLocalVariablesAsync');
        return this.localVariables(type);
      }),
    getLocalVariables: (type?: VariableResolvedDataType): Variable[] => {
      this.requireFullAccess('getLocalVariables', 'getLocalVariablesAsync');
      return this.localVariables(type);
    },
    getLocalVariableCollectionsAsync: (): Promise<VariableCollection[]> =>
      this.world.scheduler.later(() => {
        this.world.faults.check('getLocalVariableCollectionsAsync');
        return this.liveCollections().filter((c) => !c.remote);
      }),
    /** A variable of an enabled library, by its key; rejects for a key no enabled library has. */
    importVariableByKeyAsync: (key: string): Promise<Variable> =>
      this.world.scheduler.later(() => {
        const found = this.importByKey?.(key);
        if (!found) throw new Error(`in importVariableByKeyAsync: No variable with key ${JSON.stringify(key)} in the enabled libraries`);
        return found;
      }),
    getLocalVariableCollections: (): VariableCollection[] => {
      this.requireFullAccess('getLocalVariableCollections', 'getLocalVariableCollectionsAsync');
      return this.liveCollections();
    },
    createVariableCollection: (name: string): VariableCollection => {
      requireString(name, 'createVariableCollection', 'name');
      this.world.faults.check('createVariableCollection');
      const collection = this.newCollection(name);
      this.world.journal.record({ op: 'createVariableCollection', targetId: collection.id }, () => (collection.live = false));
      return collection;
    },
    createVariable: (name: string, collection: VariableCollection | string, resolvedType: VariableResolvedDataType): Variable => {
      let target: FakeVariableCollection | null;
      if (typeof collection === 'string') {
        if (this.world.dynamicPage) {
          throw new Error('in createVariable: Cannot call with documentAccess: dynamic-page with a collection id. Pass the collection node instead.');
        }
        target = this.collectionById(collection);
      } else {
        target = this.collections.find((c) => c === collection || c.id === collection.id) ?? null;
      }
      if (!target || !target.live) throw new Error('in createVariable: The variable collection does not exist');
      requireString(name, 'createVariable', 'name');
      if (name.trim() === '') throw new Error('in createVariable: Variable name cannot be empty');
      if (!isSimulated(resolvedType)) {
        throw new Error(`figma fake: createVariable simulates BOOLEAN, FLOAT, STRING and COLOR variables, not ${JSON.stringify(resolvedType)}`);
      }
      this.requireFreeName(target, name, 'createVariable');
      this.world.faults.check('createVariable');
      const variable = new FakeVariable(`VariableID:1:${this.nextId++}`, name, resolvedType, target, this);
      this.variables.push(variable);
      this.world.journal.record({ op: 'createVariable', targetId: variable.id }, () => (variable.live = false));
      return variable;
    },
    createVariableAlias: (variable: Variable): VariableAlias => ({ type: 'VARIABLE_ALIAS', id: this.requireVariable(variable, 'createVariableAlias').id }),
    createVariableAliasByIdAsync: (variableId: string): Promise<VariableAlias> =>
      this.world.scheduler.later(() => {
        const variable = this.variableById(variableId);
        if (!variable) throw new Error(`in createVariableAliasByIdAsync: The variable with id ${JSON.stringify(variableId)} does not exist`);
        return { type: 'VARIABLE_ALIAS' as const, id: variable.id };
      }),
    setBoundVariableForPaint: (paint: SolidPaint, field: VariableBindablePaintField, variable: Variable | null): SolidPaint => {
      if (typeof paint !== 'object' || paint === null || paint.type !== 'SOLID') {
        throw new Error('in setBoundVariableForPaint: Expected "paint" to be a SolidPaint');
      }
      if (field !== 'color') throw new Error(`in setBoundVariableForPaint: Expected "field" to be "color" but got ${JSON.stringify(field)}`);
      this.world.faults.check('setBoundVariableForPaint');
      const { color: _unbound, ...otherBindings } = paint.boundVariables ?? {};
      const copy = structuredClone({ ...paint, boundVariables: otherBindings }) as SolidPaint;
      if (variable === null) return copy;
      const bound = this.requireVariable(variable, 'setBoundVariableForPaint');
      if (bound.resolvedType !== 'COLOR') {
        throw new Error(`in setBoundVariableForPaint: Expected a COLOR variable but ${JSON.stringify(bound.name)} is ${bound.resolvedType}`);
      }
      // The fake keeps the colour the plugin passed; it does not resolve the variable into it.
      return { ...copy, boundVariables: { ...otherBindings, color: { type: 'VARIABLE_ALIAS', id: bound.id } } };
    },
  };

  /** A collection the designer made (not journaled). */
  addCollection(name: string): FakeVariableCollection {
    return this.newCollection(name);
  }

  /** A variable the designer made (not journaled). */
  addVariable(collection: FakeVariableCollection, name: string, resolvedType: SimulatedType): FakeVariable {
    this.requireFreeName(collection, name, 'createVariable');
    const variable = new FakeVariable(`VariableID:1:${this.nextId++}`, name, resolvedType, collection, this);
    this.variables.push(variable);
    return variable;
  }

  fakeVariable(variable: Variable): FakeVariable {
    const found = this.variables.find((v) => v === variable || v.id === variable.id);
    if (!found) throw new Error(`figma fake: ${variable.id} is not a variable of this fake`);
    return found;
  }

  snapshot(): { collections: CollectionSnapshot[]; variables: VariableSnapshot[] } {
    return {
      collections: this.liveCollections().map((c) => ({
        id: c.id,
        name: c.name,
        defaultModeId: c.defaultModeId,
        modes: structuredClone(c.modes),
        pluginData: pluginDataOf(c),
        sharedPluginData: c.sharedEntries(),
      })),
      variables: this.liveVariables().map((v) => ({
        id: v.id,
        name: v.name,
        collectionId: v.variableCollectionId,
        resolvedType: v.resolvedType,
        description: v.description,
        scopes: v.scopes,
        valuesByMode: structuredClone(v.valuesByMode),
        pluginData: pluginDataOf(v),
        sharedPluginData: v.sharedEntries(),
      })),
    };
  }

  requireFreeName(collection: FakeVariableCollection, name: string, operation: string, self?: FakeVariable): void {
    const taken = this.liveVariables().some((v) => v !== self && v.variableCollectionId === collection.id && v.name === name);
    if (taken) throw new Error(`in ${operation}: duplicate variable name`);
  }

  /** Checks a value for `variable` as setValueForMode does; returns what is stored. */
  checkValue(value: unknown, variable: FakeVariable, operation: string): VariableValue {
    const fail = (message: string): never => {
      throw new Error(`in ${operation}: ${message}`);
    };
    if (isRecord(value) && value['type'] === 'VARIABLE_ALIAS') {
      const target = typeof value['id'] === 'string' ? this.variableById(value['id']) : null;
      if (!target) return fail('Expected "newValue" to alias a variable that exists');
      if (target.id === variable.id) return fail('A variable cannot alias itself');
      if (target.resolvedType !== variable.resolvedType) return fail(`Cannot alias a ${target.resolvedType} variable from a ${variable.resolvedType} variable`);
      return { type: 'VARIABLE_ALIAS', id: target.id };
    }
    switch (variable.resolvedType) {
      case 'COLOR': {
        if (!isRecord(value)) return fail(`Expected "newValue" to be an RGB or RGBA colour but got ${typeName(value)}`);
        const unknown = Object.keys(value).filter((key) => !['r', 'g', 'b', 'a'].includes(key));
        if (unknown.length > 0) fail(`Unrecognized key(s) in object: ${unknown.map((k) => `'${k}'`).join(', ')} at "newValue"`);
        const channel = (key: string): number => {
          const n = value[key];
          if (typeof n !== 'number' || Number.isNaN(n)) return fail(`Expected "newValue.${key}" to have type number but got ${typeName(n)} instead`);
          if (n < 0) fail(`Expected "newValue.${key}" to have value >= 0 but got ${n} instead`);
          if (n > 1) fail(`Expected "newValue.${key}" to have value <= 1 but got ${n} instead`);
          return Math.fround(n);
        };
        return { r: channel('r'), g: channel('g'), b: channel('b'), a: value['a'] === undefined ? 1 : channel('a') };
      }
      case 'FLOAT':
        if (typeof value !== 'number' || !Number.isFinite(value)) return fail(`Expected "newValue" to have type number but got ${typeName(value)}`);
        return Math.fround(value);
      case 'STRING':
        if (typeof value !== 'string') return fail(`Expected "newValue" to have type string but got ${typeName(value)}`);
        return value;
      case 'BOOLEAN':
        if (typeof value !== 'boolean') return fail(`Expected "newValue" to have type boolean but got ${typeName(value)}`);
        return value;
    }
  }

  private newCollection(name: string): FakeVariableCollection {
    const n = this.nextId++;
    const collection = new FakeVariableCollection(`VariableCollectionId:1:${n}`, name, `1:${n}`, this);
    this.collections.push(collection);
    return collection;
  }

  private variableById(id: string): FakeVariable | null {
    return this.liveVariables().find((v) => v.id === id) ?? null;
  }

  private collectionById(id: string): FakeVariableCollection | null {
    return this.liveCollections().find((c) => c.id === id) ?? null;
  }

  private localVariables(type: VariableResolvedDataType | undefined): FakeVariable[] {
    return this.liveVariables().filter((v) => !v.remote && (type === undefined || v.resolvedType === type));
  }

  /** What importVariableByKeyAsync resolves a library key to; set by the fake's team library. */
  importByKey: ((key: string) => FakeVariable | undefined) | undefined;

  private requireVariable(variable: Variable, operation: string): FakeVariable {
    const found = typeof variable === 'object' && variable !== null ? this.variableById(variable.id) : null;
    if (!found) throw new Error(`in ${operation}: Expected a variable that exists`);
    return found;
  }

  private requireFullAccess(api: string, instead: string): void {
    if (this.world.dynamicPage) {
      throw new Error(`in ${api}: Cannot call with documentAccess: dynamic-page. Use figma.variables.${instead} instead.`);
    }
  }
}

function checkScopes(value: unknown, type: SimulatedType): VariableScope[] {
  const fail = (message: string): never => {
    throw new Error(`in set_scopes: ${message}`);
  };
  if (!Array.isArray(value)) return fail('Expected "scopes" to have type array');
  const scopes = [...new Set(value as unknown[])];
  const valid = SCOPES_BY_TYPE[type];
  for (const scope of scopes) {
    if (typeof scope !== 'string' || !(VARIABLE_SCOPES as readonly string[]).includes(scope)) {
      fail(`Expected every scope to be a VariableScope but got ${JSON.stringify(scope)}`);
    }
    if (!valid.has(scope as string)) fail(`${String(scope)} is not a valid scope for a ${type} variable`);
  }
  if (scopes.includes('ALL_SCOPES') && scopes.length > 1) fail('If ALL_SCOPES is set, no additional scopes can be set');
  if (scopes.includes('ALL_FILLS') && scopes.some((s) => FILL_SCOPES.has(s as string))) {
    fail('If ALL_FILLS is set, no additional fill scopes can be set');
  }
  return scopes as VariableScope[];
}

function initialValue(type: SimulatedType): VariableValue {
  switch (type) {
    case 'COLOR':
      return { r: 0, g: 0, b: 0, a: 1 };
    case 'FLOAT':
      return 0;
    case 'STRING':
      return '';
    case 'BOOLEAN':
      return false;
  }
}

function pluginDataOf(owner: { getPluginDataKeys(): string[]; getPluginData(key: string): string }): Record<string, string> {
  const data: Record<string, string> = {};
  for (const key of owner.getPluginDataKeys().sort()) data[key] = owner.getPluginData(key);
  return data;
}

function requireString(value: unknown, operation: string, field: string): void {
  if (typeof value !== 'string') {
    throw new Error(`in ${operation}: Expected "${field}" to have type string but got ${value === null ? 'null' : typeof value} instead`);
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number' && Number.isNaN(value)) return 'NaN';
  return typeof value;
}
