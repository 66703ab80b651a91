import { describe, expect, it } from 'vitest';
import { createFigmaFake } from './figma-fake.ts';

describe('figma fake: paints', () => {
  it('accepts colour channels and opacity in 0–1 and reads them back with Figma’s defaults', () => {
    const { figma } = createFigmaFake();
    const style = figma.createPaintStyle();
    style.paints = [{ type: 'SOLID', color: { r: 1, g: 0.5, b: 0 }, opacity: 0.25 }];
    expect(style.paints).toEqual([
      { type: 'SOLID', visible: true, opacity: 0.25, blendMode: 'NORMAL', color: { r: 1, g: 0.5, b: 0 }, boundVariables: {} },
    ]);
  });

  it.each([
    ['a channel above 1 (0–255 units)', { type: 'SOLID', color: { r: 255, g: 0, b: 0 } }, /color\.r" to have value <= 1/],
    ['a negative channel', { type: 'SOLID', color: { r: 0, g: -0.1, b: 0 } }, /color\.g" to have value >= 0/],
    ['NaN', { type: 'SOLID', color: { r: 0, g: 0, b: Number.NaN } }, /color\.b" to have type number but got NaN/],
    ['a string channel', { type: 'SOLID', color: { r: '1', g: 0, b: 0 } }, /color\.r" to have type number but got string/],
    ['an alpha in the colour', { type: 'SOLID', color: { r: 0, g: 0, b: 0, a: 1 } }, /Unrecognized key\(s\) in object: 'a'/],
    ['opacity above 1', { type: 'SOLID', color: { r: 0, g: 0, b: 0 }, opacity: 2 }, /opacity" to have value <= 1/],
    ['an unknown paint type', { type: 'SOLID_COLOR', color: { r: 0, g: 0, b: 0 } }, /type" to be one of/],
  ])('throws like Figma on %s, and keeps the old paints', (_, paint, message) => {
    const fake = createFigmaFake();
    const style = fake.addPaintStyle({ name: 'Brand/primary', hex: '#336699' });
    const before = style.paints;
    expect(() => {
      style.paints = [paint as unknown as Paint];
    }).toThrow(message);
    expect(style.paints).toEqual(before);
  });

  it('returns a frozen copy: mutating it throws, assigning a new array is the way', () => {
    const fake = createFigmaFake();
    const style = fake.addPaintStyle({ name: 'Brand/primary', hex: '#336699' });
    const paints = style.paints as Paint[];
    expect(() => paints.push({ type: 'SOLID', color: { r: 0, g: 0, b: 0 } })).toThrow(TypeError);
    expect(() => ((paints[0] as { opacity: number }).opacity = 0.5)).toThrow(TypeError);
    expect(style.paints).not.toBe(style.paints);
    style.paints = [...paints, { type: 'SOLID', color: { r: 0, g: 0, b: 0 } }];
    expect(style.paints).toHaveLength(2);
  });

  it('stores channels as 32-bit floats, so exact float comparison of a written colour fails', () => {
    const { figma } = createFigmaFake();
    const style = figma.createPaintStyle();
    const r = 51 / 255;
    style.paints = [{ type: 'SOLID', color: { r, g: 0, b: 0 } }];
    const read = (style.paints[0] as SolidPaint).color.r;
    expect(read).not.toBe(r);
    expect(Math.round(read * 255)).toBe(51);
  });
});

describe('figma fake: plugin data', () => {
  it('returns "" for a missing key, and setting "" removes the key', () => {
    const { figma } = createFigmaFake();
    const style = figma.createPaintStyle();
    expect(style.getPluginData('chorus.slot')).toBe('');
    style.setPluginData('chorus.slot', 'primary');
    expect(style.getPluginData('chorus.slot')).toBe('primary');
    expect(style.getPluginDataKeys()).toEqual(['chorus.slot']);
    style.setPluginData('chorus.slot', '');
    expect(style.getPluginDataKeys()).toEqual([]);
  });

  it('takes strings only and refuses an entry over 100 kB', () => {
    const { figma } = createFigmaFake();
    const style = figma.createPaintStyle();
    expect(() => style.setPluginData('n', 1 as unknown as string)).toThrow(/to have type string/);
    expect(() => style.setPluginData('big', 'x'.repeat(100 * 1024))).toThrow(/limit/);
  });

  it('keeps shared plugin data per namespace, journaled like private data, and checks the namespace', () => {
    const fake = createFigmaFake();
    const style = fake.figma.createPaintStyle();
    fake.figma.commitUndo();
    style.setSharedPluginData('chorus', 'slot', 'primary');
    expect(style.getSharedPluginData('chorus', 'slot')).toBe('primary');
    expect(style.getSharedPluginData('other', 'slot')).toBe('');
    expect(style.getSharedPluginDataKeys('chorus')).toEqual(['slot']);
    expect(fake.undo.pending).toEqual([{ op: 'setSharedPluginData', targetId: style.id, key: 'chorus.slot' }]);
    fake.undo.undo();
    expect(style.getSharedPluginData('chorus', 'slot')).toBe('');
    expect(() => style.setSharedPluginData('ab', 'k', 'v')).toThrow(/at least 3/);
    fake.failNext('setSharedPluginData');
    expect(() => fake.figma.root.setSharedPluginData('chorus', 'k', 'v')).toThrow(/injected/);
  });

  it('loses private data and keeps shared data when the plugin id changes', () => {
    const fake = createFigmaFake();
    const style = fake.figma.createPaintStyle();
    style.setPluginData('chorus.slot', 'primary');
    style.setSharedPluginData('chorus', 'slot', 'primary');
    fake.figma.root.setPluginData('chorus.learning', '{}');
    fake.changePluginId();
    expect(style.getPluginData('chorus.slot')).toBe('');
    expect(fake.figma.root.getPluginData('chorus.learning')).toBe('');
    expect(style.getSharedPluginData('chorus', 'slot')).toBe('primary');
  });
});

describe('figma fake: dynamic-page document access', () => {
  it('throws from the sync getters and answers the async ones', async () => {
    const fake = createFigmaFake();
    const style = fake.addPaintStyle({ name: 'Brand/primary', hex: '#336699' });
    const frame = fake.addFrame({ name: 'Home', width: 10, height: 10 });
    const { figma } = fake;
    expect(() => figma.getLocalPaintStyles()).toThrow(/dynamic-page.*getLocalPaintStylesAsync/);
    expect(() => figma.getStyleById(style.id)).toThrow(/getStyleByIdAsync/);
    expect(() => figma.getNodeById(frame.id)).toThrow(/getNodeByIdAsync/);
    expect(() => style.consumers).toThrow(/getStyleConsumersAsync/);
    expect(() => figma.on('documentchange', () => {})).toThrow(/loadAllPagesAsync/);
    expect((await figma.getLocalPaintStylesAsync()).map((s) => s.id)).toEqual([style.id]);
    expect((await figma.getStyleByIdAsync(style.id))?.name).toBe('Brand/primary');
    expect((await figma.getNodeByIdAsync(frame.id))?.name).toBe('Home');
    await figma.loadAllPagesAsync();
    expect(() => figma.on('documentchange', () => {})).not.toThrow();
  });

  it('lets the sync getters work when the manifest asks for full access', () => {
    const fake = createFigmaFake({ documentAccess: 'full' });
    fake.addPaintStyle({ name: 'Brand/primary', hex: '#336699' });
    expect(fake.figma.getLocalPaintStyles()).toHaveLength(1);
  });
});

describe('figma fake: styles and the undo journal', () => {
  it('creates styles with S: ids, names, descriptions and remove()', async () => {
    const { figma } = createFigmaFake();
    const style = figma.createPaintStyle();
    style.name = 'Chorus/primary';
    style.description = 'from a vote';
    expect(style.id).toMatch(/^S:[0-9a-f]{40},$/);
    expect(style.type).toBe('PAINT');
    style.remove();
    expect(await figma.getLocalPaintStylesAsync()).toEqual([]);
    expect(await figma.getStyleByIdAsync(style.id)).toBeNull();
    expect(() => (style.name = 'again')).toThrow(/removed/);
  });

  it('groups the plugin’s changes into one step per commitUndo, and undo() reverts the last step', () => {
    const fake = createFigmaFake();
    const mine = fake.addPaintStyle({ name: 'Mine', hex: '#000000' });
    const before = fake.snapshotStyles();
    const { figma } = fake;
    const style = figma.createPaintStyle();
    style.name = 'Chorus/primary';
    style.paints = [{ type: 'SOLID', color: { r: 1, g: 0, b: 0 } }];
    mine.paints = [{ type: 'SOLID', color: { r: 0, g: 0, b: 1 } }];
    figma.commitUndo();
    expect(fake.undo.commits).toBe(1);
    expect(fake.undo.steps).toHaveLength(1);
    expect(fake.undo.steps[0]!.entries.map((e) => e.op)).toEqual(['createPaintStyle', 'setName', 'setPaints', 'setPaints']);
    expect(fake.undo.pending).toEqual([]);
    fake.undo.undo();
    expect(fake.snapshotStyles()).toEqual(before);
  });

  it('does not journal what the designer does through the test controls', () => {
    const fake = createFigmaFake();
    const style = fake.addPaintStyle({ name: 'Mine', hex: '#000000' });
    fake.editStyle(style, { hex: '#ffffff', name: 'Renamed' });
    expect(fake.undo.pending).toEqual([]);
    expect(style.name).toBe('Renamed');
  });

  it('fails an operation once on request', () => {
    const fake = createFigmaFake();
    fake.failNext('createPaintStyle', { after: 1, message: 'boom' });
    expect(() => fake.figma.createPaintStyle()).not.toThrow();
    expect(() => fake.figma.createPaintStyle()).toThrow('boom');
    expect(() => fake.figma.createPaintStyle()).not.toThrow();
  });
});

describe('figma fake: selection, export and events', () => {
  it('fires selectionchange later, not inside the assignment', async () => {
    const fake = createFigmaFake();
    const frame = fake.addFrame({ name: 'Home', width: 100, height: 50 });
    const seen: string[][] = [];
    fake.figma.on('selectionchange', () => seen.push(fake.figma.currentPage.selection.map((n) => n.name)));
    fake.select([frame]);
    expect(seen).toEqual([]);
    await fake.settle();
    expect(seen).toEqual([['Home']]);
  });

  it('refuses to select a node that is not on the page', () => {
    const fake = createFigmaFake();
    expect(() => (fake.figma.currentPage.selection = [{ id: '9:9' } as SceneNode])).toThrow(/current page/);
  });

  it('exports the node’s bytes, checks the settings and records the output size', async () => {
    const fake = createFigmaFake();
    const png = Uint8Array.from([137, 80, 78, 71, 1, 2, 3]);
    const frame = fake.addFrame({ name: 'Home', width: 4000, height: 1000, png });
    fake.select([frame]);
    const node = fake.figma.currentPage.selection[0]!;
    const bytes = await node.exportAsync({ format: 'PNG', constraint: { type: 'WIDTH', value: 2048 } });
    expect(bytes).toEqual(png);
    expect(fake.exports[0]).toMatchObject({ nodeId: frame.id, outputWidth: 2048, outputHeight: 512 });
    await expect(node.exportAsync({ format: 'PNG', scale: 2 } as unknown as ExportSettingsImage)).rejects.toThrow(/Unrecognized key/);
    fake.failExport(frame, 'no visible layers');
    await expect(node.exportAsync({ format: 'PNG' })).rejects.toThrow('no visible layers');
  });

  it('gives an unexportable node no exportAsync at all', () => {
    const fake = createFigmaFake();
    const node = fake.addUnexportableNode({ name: 'Widget' });
    expect('exportAsync' in node).toBe(false);
  });
});

describe('figma fake: UI bridge, notify, clientStorage', () => {
  it('delivers UI messages later as structured clones, to onmessage and on("message")', async () => {
    const fake = createFigmaFake();
    const { figma } = fake;
    figma.showUI('<p>ui</p>', { width: 100, height: 100 });
    const received: unknown[] = [];
    figma.ui.onmessage = (message) => received.push(message);
    figma.ui.on('message', (message, props) => received.push(props.origin));
    const message = { type: 'hello', bytes: new Uint8Array([1, 2]) };
    const delivery = fake.sendToPlugin(message);
    expect(received).toEqual([]);
    await delivery;
    expect(received).toEqual([{ type: 'hello', bytes: new Uint8Array([1, 2]) }, 'null']);
    expect(received[0]).not.toBe(message);
  });

  it('captures posted messages as clones and relays them to listeners', () => {
    const fake = createFigmaFake();
    const relayed: unknown[] = [];
    fake.onPost((message) => relayed.push(message));
    expect(() => fake.figma.ui.postMessage({ type: 'early' })).toThrow(/showUI/);
    fake.figma.showUI('<p>ui</p>');
    const message = { type: 'x', nested: { a: 1 } };
    fake.figma.ui.postMessage(message);
    message.nested.a = 2;
    expect(fake.posted).toEqual([{ type: 'x', nested: { a: 1 } }]);
    expect(relayed).toEqual([{ type: 'x', nested: { a: 1 } }]);
    expect(() => fake.figma.ui.postMessage({ fn: () => 1 })).toThrow();
  });

  it('records notifications as the designer sees them (cut at 100 characters)', () => {
    const fake = createFigmaFake();
    fake.figma.notify('x'.repeat(120), { error: true });
    expect(fake.notifications[0]!.shown).toHaveLength(100);
    expect(fake.notifications[0]!.options).toEqual({ error: true });
  });

  it('keeps clientStorage values as clones and refuses what Figma cannot store', async () => {
    const fake = createFigmaFake();
    const storage = fake.figma.clientStorage;
    expect(await storage.getAsync('missing')).toBeUndefined();
    const value = { prefix: 'Chorus', list: [1, 2] };
    await storage.setAsync('settings', value);
    value.list.push(3);
    expect(await storage.getAsync('settings')).toEqual({ prefix: 'Chorus', list: [1, 2] });
    await expect(storage.setAsync('bad', new Map())).rejects.toThrow(/cannot be stored/);
    expect(fake.clientStorage.get('settings')).toEqual({ prefix: 'Chorus', list: [1, 2] });
  });

  it('closes: fires close, hides the UI, stops delivering messages', async () => {
    const fake = createFigmaFake();
    let closedEvents = 0;
    fake.figma.on('close', () => closedEvents++);
    fake.figma.showUI('<p>ui</p>');
    fake.figma.closePlugin('done');
    await fake.settle();
    expect(closedEvents).toBe(1);
    expect(fake.closed).toEqual({ message: 'done' });
    expect(fake.ui.open).toBe(false);
    await expect(fake.sendToPlugin({})).rejects.toThrow(/closed/);
  });
});

describe('figma fake: variables', () => {
  it('creates a collection with one default mode and COLOR variables valued in 0–1 RGBA', async () => {
    const fake = createFigmaFake();
    const { variables } = fake.figma;
    const collection = variables.createVariableCollection('Chorus');
    expect(collection.id).toMatch(/^VariableCollectionId:/);
    expect(collection.modes).toEqual([{ modeId: collection.defaultModeId, name: 'Mode 1' }]);
    const variable = variables.createVariable('Chorus/primary', collection, 'COLOR');
    expect(variable.id).toMatch(/^VariableID:/);
    expect(variable.resolvedType).toBe('COLOR');
    expect(variable.variableCollectionId).toBe(collection.id);
    expect(variable.scopes).toEqual(['ALL_SCOPES']);
    variable.setValueForMode(collection.defaultModeId, { r: 0.2, g: 0.4, b: 1, a: 1 });
    const value = variable.valuesByMode[collection.defaultModeId] as RGBA;
    expect(Math.round(value.r * 255)).toBe(51);
    expect(value.a).toBe(1);
    expect(Object.isFrozen(value)).toBe(true);
    variable.setValueForMode(collection.defaultModeId, { r: 1, g: 1, b: 1 });
    expect(variable.valuesByMode[collection.defaultModeId]).toEqual({ r: 1, g: 1, b: 1, a: 1 });
    expect(collection.variableIds).toEqual([variable.id]);
    expect((await variables.getLocalVariablesAsync('COLOR')).map((v) => v.id)).toEqual([variable.id]);
    expect((await variables.getLocalVariablesAsync('FLOAT')).map((v) => v.id)).toEqual([]);
    expect((await variables.getLocalVariableCollectionsAsync()).map((c) => c.id)).toEqual([collection.id]);
    expect((await variables.getVariableByIdAsync(variable.id))?.name).toBe('Chorus/primary');
    expect(await variables.getVariableByIdAsync('VariableID:9:9')).toBeNull();
  });

  it.each([
    ['0–255 channels', { r: 255, g: 0, b: 0, a: 1 }, /newValue\.r" to have value <= 1/],
    ['a negative alpha', { r: 0, g: 0, b: 0, a: -1 }, /newValue\.a" to have value >= 0/],
    ['an unknown key', { r: 0, g: 0, b: 0, alpha: 1 }, /Unrecognized key/],
    ['a string', '#ff0000', /RGB or RGBA/],
  ])('refuses %s as a COLOR value, and keeps the old one', (_, value, message) => {
    const fake = createFigmaFake();
    const collection = fake.figma.variables.createVariableCollection('C');
    const variable = fake.figma.variables.createVariable('v', collection, 'COLOR');
    const before = variable.valuesByMode;
    expect(() => variable.setValueForMode(collection.defaultModeId, value as unknown as VariableValue)).toThrow(message);
    expect(variable.valuesByMode).toEqual(before);
  });

  it('refuses a mode of another collection, a duplicate name, and a collection id under dynamic-page', () => {
    const fake = createFigmaFake();
    const { variables } = fake.figma;
    const a = variables.createVariableCollection('A');
    const b = variables.createVariableCollection('B');
    const variable = variables.createVariable('x', a, 'COLOR');
    expect(() => variable.setValueForMode(b.defaultModeId, { r: 0, g: 0, b: 0 })).toThrow(/not in the variable's collection/);
    expect(() => variables.createVariable('x', a, 'COLOR')).toThrow(/duplicate variable name/);
    expect(() => variables.createVariable('x', b, 'COLOR')).not.toThrow();
    expect(() => variables.createVariable('y', a.id, 'COLOR')).toThrow(/dynamic-page/);
    expect(() => a.addMode('Dark')).toThrow(/Limited to 1 modes only/);
  });

  it('validates scopes against Figma’s list for the type', () => {
    const fake = createFigmaFake();
    const collection = fake.figma.variables.createVariableCollection('C');
    const variable = fake.figma.variables.createVariable('v', collection, 'COLOR');
    variable.scopes = ['TEXT_FILL'];
    expect(variable.scopes).toEqual(['TEXT_FILL']);
    variable.scopes = ['ALL_FILLS', 'STROKE_COLOR'];
    expect(() => (variable.scopes = ['GAP'])).toThrow(/not a valid scope for a COLOR variable/);
    expect(() => (variable.scopes = ['TEXT_FILLS' as VariableScope])).toThrow(/VariableScope/);
    expect(() => (variable.scopes = ['ALL_SCOPES', 'TEXT_FILL'])).toThrow(/ALL_SCOPES/);
    expect(() => (variable.scopes = ['ALL_FILLS', 'FRAME_FILL'])).toThrow(/ALL_FILLS/);
    expect(variable.scopes).toEqual(['ALL_FILLS', 'STROKE_COLOR']);
  });

  it('keeps plugin data on variables and collections, "" for a missing key', () => {
    const fake = createFigmaFake();
    const collection = fake.figma.variables.createVariableCollection('C');
    const variable = fake.figma.variables.createVariable('v', collection, 'COLOR');
    expect(variable.getPluginData('chorus.slot')).toBe('');
    variable.setPluginData('chorus.slot', 'primary');
    collection.setPluginData('chorus.collection', '1');
    expect(variable.getPluginData('chorus.slot')).toBe('primary');
    expect(collection.getPluginDataKeys()).toEqual(['chorus.collection']);
  });

  it('removes variables, and a collection with its variables; removed ones are not found and refuse changes', async () => {
    const fake = createFigmaFake();
    const { variables } = fake.figma;
    const collection = variables.createVariableCollection('C');
    const one = variables.createVariable('one', collection, 'COLOR');
    const two = variables.createVariable('two', collection, 'COLOR');
    one.remove();
    expect(await variables.getVariableByIdAsync(one.id)).toBeNull();
    expect(() => (one.name = 'again')).toThrow(/does not exist/);
    collection.remove();
    expect(await variables.getLocalVariablesAsync()).toEqual([]);
    expect(await variables.getLocalVariableCollectionsAsync()).toEqual([]);
    expect(() => two.setValueForMode(collection.defaultModeId, { r: 0, g: 0, b: 0 })).toThrow(/does not exist/);
  });

  it('throws from the sync getters under dynamic-page, and not with full access', () => {
    const fake = createFigmaFake();
    expect(() => fake.figma.variables.getLocalVariables()).toThrow(/getLocalVariablesAsync/);
    expect(() => fake.figma.variables.getLocalVariableCollections()).toThrow(/getLocalVariableCollectionsAsync/);
    expect(() => fake.figma.variables.getVariableById('x')).toThrow(/getVariableByIdAsync/);
    const full = createFigmaFake({ documentAccess: 'full' });
    expect(full.figma.variables.getLocalVariables()).toEqual([]);
  });

  it('binds a paint with setBoundVariableForPaint: a new paint, the input untouched, COLOR variables only', () => {
    const fake = createFigmaFake();
    const { variables } = fake.figma;
    const collection = variables.createVariableCollection('C');
    const color = variables.createVariable('c', collection, 'COLOR');
    const float = variables.createVariable('f', collection, 'FLOAT');
    const paint: SolidPaint = { type: 'SOLID', color: { r: 1, g: 0, b: 0 } };
    const bound = variables.setBoundVariableForPaint(paint, 'color', color);
    expect(bound).not.toBe(paint);
    expect(bound.boundVariables).toEqual({ color: { type: 'VARIABLE_ALIAS', id: color.id } });
    expect(paint.boundVariables).toBeUndefined();
    expect(variables.setBoundVariableForPaint(bound, 'color', null).boundVariables).toEqual({});
    expect(() => variables.setBoundVariableForPaint(paint, 'color', float)).toThrow(/COLOR variable/);

    const style = fake.figma.createPaintStyle();
    style.paints = [bound];
    expect((style.paints[0] as SolidPaint).boundVariables).toEqual({ color: { type: 'VARIABLE_ALIAS', id: color.id } });
    expect(style.boundVariables).toEqual({ paints: [{ type: 'VARIABLE_ALIAS', id: color.id }] });
    expect(() => (style.paints = [{ ...paint, boundVariables: { color: { id: color.id } as VariableAlias } }])).toThrow(/VariableAlias/);
  });

  it('journals variable changes for undo, and fails a variable operation once on request', () => {
    const fake = createFigmaFake();
    const { variables } = fake.figma;
    const collection = variables.createVariableCollection('C');
    const variable = variables.createVariable('v', collection, 'COLOR');
    variable.setValueForMode(collection.defaultModeId, { r: 1, g: 0, b: 0 });
    fake.figma.commitUndo();
    const before = fake.snapshotVariables();
    variable.setValueForMode(collection.defaultModeId, { r: 0, g: 0, b: 1 });
    variable.scopes = ['TEXT_FILL'];
    variable.description = 'blue';
    variable.setPluginData('k', 'v');
    fake.figma.commitUndo();
    expect(fake.undo.steps.at(-1)!.entries.map((e) => e.op)).toEqual(['setValueForMode', 'setScopes', 'setVariableDescription', 'setPluginData']);
    fake.undo.undo();
    expect(fake.snapshotVariables()).toEqual(before);
    fake.undo.undo();
    expect(fake.snapshotVariables()).toEqual({ collections: [], variables: [] });

    fake.failNext('setValueForMode', { message: 'no' });
    const again = variables.createVariableCollection('D');
    const v = variables.createVariable('v', again, 'COLOR');
    expect(() => v.setValueForMode(again.defaultModeId, { r: 1, g: 1, b: 1 })).toThrow('no');
    expect(() => v.setValueForMode(again.defaultModeId, { r: 1, g: 1, b: 1 })).not.toThrow();
  });

  it('lets the designer edit a variable without journaling it', () => {
    const fake = createFigmaFake();
    const collection = fake.addVariableCollection('Theirs');
    const variable = fake.addColorVariable(collection, 'brand', '#336699');
    fake.editVariable(variable, { hex: '#ffffff', name: 'brand/white' });
    expect(fake.undo.pending).toEqual([]);
    expect(variable.name).toBe('brand/white');
    expect(variable.valuesByMode[collection.defaultModeId]).toEqual({ r: 1, g: 1, b: 1, a: 1 });
  });
});

describe('figma fake: the document and its pages', () => {
  it('keeps plugin data on figma.root, journaled like any other', () => {
    const fake = createFigmaFake();
    expect(fake.figma.root.getPluginData('chorus.learning')).toBe('');
    fake.figma.root.setPluginData('chorus.learning', '{}');
    expect(fake.undo.pending).toEqual([{ op: 'setPluginData', targetId: '0:0', key: 'chorus.learning' }]);
    fake.seedDocumentPluginData('other', 'x');
    expect(fake.figma.root.getPluginData('other')).toBe('x');
  });

  it('switches pages with setCurrentPageAsync only under dynamic-page, and each page keeps its selection', async () => {
    const fake = createFigmaFake();
    const { figma } = fake;
    const second = fake.addPage('Marketing');
    const home = fake.addFrame({ name: 'Home', width: 10, height: 10 });
    const ad = fake.addFrame({ name: 'Ad', width: 10, height: 10, page: second });
    expect(figma.root.children.map((p) => p.name)).toEqual(['Page 1', 'Marketing']);
    fake.select([home]);
    expect(() => (figma.currentPage.selection = [ad as unknown as SceneNode])).toThrow(/current page/);
    expect(() => (figma.currentPage = second as unknown as PageNode)).toThrow(/setCurrentPageAsync/);
    const changes: string[] = [];
    figma.on('currentpagechange', () => changes.push(figma.currentPage.name));
    await figma.setCurrentPageAsync(second as unknown as PageNode);
    expect(figma.currentPage.name).toBe('Marketing');
    expect(figma.currentPage.selection).toEqual([]);
    figma.currentPage.selection = [ad as unknown as SceneNode];
    await fake.settle();
    expect(changes).toEqual(['Marketing']);
    expect((await figma.getNodeByIdAsync(ad.id))?.parent?.id).toBe(second.id);
    expect(second.selection.map((n) => n.name)).toEqual(['Ad']);
  });

  it('records scrollAndZoomIntoView, for nodes on the current page only', () => {
    const fake = createFigmaFake();
    const other = fake.addPage('Other');
    const home = fake.addFrame({ name: 'Home', width: 10, height: 10 });
    const away = fake.addFrame({ name: 'Away', width: 10, height: 10, page: other });
    fake.figma.viewport.scrollAndZoomIntoView([home as unknown as SceneNode]);
    expect(fake.viewportCalls).toEqual([[home.id]]);
    expect(() => fake.figma.viewport.scrollAndZoomIntoView([away as unknown as SceneNode])).toThrow(/current page/);
  });

  it('forgets a removed node', async () => {
    const fake = createFigmaFake();
    const home = fake.addFrame({ name: 'Home', width: 10, height: 10 });
    fake.select([home]);
    fake.removeNode(home);
    expect(await fake.figma.getNodeByIdAsync(home.id)).toBeNull();
    expect(fake.figma.currentPage.selection).toEqual([]);
  });

  it('relaunches the plugin on the same document: the old handlers are gone, the file stays', async () => {
    const fake = createFigmaFake();
    fake.figma.showUI('<p>ui</p>');
    const received: unknown[] = [];
    fake.figma.ui.onmessage = (message) => received.push(message);
    const style = fake.figma.createPaintStyle();
    fake.relaunch();
    expect(fake.ui.open).toBe(false);
    fake.figma.showUI('<p>ui</p>');
    await fake.sendToPlugin({ type: 'hello' });
    expect(received).toEqual([]);
    expect(fake.listPaintStyles().map((s) => s.id)).toEqual([style.id]);
  });
});
