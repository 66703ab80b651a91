import { FaultPlan, type FaultOp } from './fake-faults.ts';
import { FakeDocument, FakePage, FakeSceneNode, type ExportCall } from './fake-nodes.ts';
import { FakeLayerNode, type LayerSpec } from './fake-layers.ts';
import { FakeTeamLibrary, type LibraryInit } from './fake-team-library.ts';
import { FakePaintStyle } from './fake-paint-style.ts';
import { FakeScheduler } from './fake-scheduler.ts';
import { UndoJournal, type JournalEntry, type UndoStep } from './fake-undo-journal.ts';
import { VariableStore, type CollectionSnapshot, type FakeVariable, type FakeVariableCollection, type VariableSnapshot } from './fake-variables.ts';

export type { ExportCall } from './fake-nodes.ts';
export { FakeLayerNode, type LayerSpec, type TextRangeSpec } from './fake-layers.ts';
export { FakePage, FakeSceneNode } from './fake-nodes.ts';
export type { FaultOp } from './fake-faults.ts';
export type { JournalEntry, UndoStep } from './fake-undo-journal.ts';
export { VARIABLE_SCOPES } from './fake-variables.ts';
export type { CollectionSnapshot, FakeVariable, FakeVariableCollection, VariableSnapshot } from './fake-variables.ts';

/**
 * An in-memory `figma` global that behaves like Figma's Plugin API where Chorus touches it, for
 * vitest (Node) and for a browser page (no Node APIs in here: only setTimeout, structuredClone and
 * TextEncoder, which both have).
 *
 * Rule of the fake: a test that passes against it should pass in Figma. Where Figma's behaviour is
 * documented the fake copies it (dynamic-page access, plugin data, paint validation, frozen paint
 * arrays, local variables and their scopes (fake-variables.ts), pages with their own selections,
 * async delivery of messages and events, 100-character notifications); where it is not
 * documented the fake is the stricter of the plausible behaviours, and says so.
 */

export interface FigmaFakeOptions {
  /** As in manifest.json. Chorus ships "dynamic-page", so that is the default. */
  documentAccess?: 'dynamic-page' | 'full';
  /** Name of the first page (the current one when the plugin starts). */
  pageName?: string;
  /** Modes a variable collection may have, as the file's plan allows; Starter's 1 by default. */
  modeLimit?: number;
  /**
   * `figma.root.documentColorProfile`. Paint and variable RGB values are in this profile, and so
   * are the hex colours the designer helpers take (addPaintStyle, editStyle, addColorVariable…).
   * Default 'SRGB'; 'LEGACY' is a file from before colour management (read as sRGB).
   */
  documentColorProfile?: 'LEGACY' | 'SRGB' | 'DISPLAY_P3';
}

export interface FrameInit {
  name: string;
  /** Size in Figma px (> 0). */
  width: number;
  height: number;
  /** What `exportAsync` resolves with (a copy each time). Defaults to a 1×1 white PNG. */
  png?: Uint8Array;
  /** Node type reported to the plugin. Defaults to 'FRAME'. */
  type?: 'FRAME' | 'GROUP' | 'COMPONENT' | 'INSTANCE' | 'SECTION' | 'RECTANGLE';
  visible?: boolean;
  /** The page it is on; defaults to the first page. */
  page?: FakePage;
}

/**
 * A node with no `exportAsync` at all. Every SceneNode in today's typings has one, so this is the
 * defensive case (a node kind added later, another editor); it lets tests prove Chorus checks.
 */
export interface UnexportableNodeInit {
  name: string;
  width?: number;
  height?: number;
  type?: string;
}

export interface PaintStyleInit {
  name: string;
  /** A solid colour, `#rrggbb`; or give `paints`. */
  hex?: string;
  paints?: readonly Paint[];
  description?: string;
  pluginData?: Record<string, string>;
  /** Shared plugin data keyed `namespace.key`, e.g. `chorus.slot`. */
  sharedPluginData?: Record<string, string>;
}

/** A designer's edit in Figma's UI (not the plugin's, so not on the plugin's undo journal). */
export interface DesignerStyleEdit {
  name?: string;
  description?: string;
  /** A solid colour, `#rrggbb`; or give `paints`. */
  hex?: string;
  paints?: readonly Paint[];
  pluginData?: Record<string, string>;
  /** Shared plugin data keyed `namespace.key`, e.g. `chorus.review`. */
  sharedPluginData?: Record<string, string>;
}

/** Plain data of one live local paint style, for `expect(...).toEqual` before/after comparisons. */
export interface StyleSnapshot {
  id: string;
  name: string;
  description: string;
  paints: Paint[];
  pluginData: Record<string, string>;
  /** Shared plugin data keyed `namespace.key` (Chorus's: `chorus.slot`, `chorus.hex`, …). */
  sharedPluginData: Record<string, string>;
}

/** A designer's edit of a variable in Figma's variables panel (not on the plugin's undo journal). */
export interface DesignerVariableEdit {
  name?: string;
  description?: string;
  /** A colour for the default mode, `#rrggbb`; or give `value`. */
  hex?: string;
  value?: VariableValue;
  scopes?: VariableScope[];
  pluginData?: Record<string, string>;
  /** Shared plugin data keyed `namespace.key`. */
  sharedPluginData?: Record<string, string>;
}

/** Plain data of the document's local variables and collections. */
export interface VariablesSnapshot {
  collections: CollectionSnapshot[];
  variables: VariableSnapshot[];
}

export interface Notification {
  /** As the plugin passed it. */
  message: string;
  /** What the designer sees: Figma cuts messages at 100 characters. */
  shown: string;
  options: NotificationOptions | undefined;
  cancelled: boolean;
}

export interface UiState {
  /** showUI was called and the plugin was not closed. */
  readonly open: boolean;
  readonly visible: boolean;
  readonly html: string | undefined;
  readonly options: ShowUIOptions | undefined;
}

export interface UndoControls {
  /** Times the plugin called `figma.commitUndo()`. */
  readonly commits: number;
  /** Committed steps, oldest first. */
  readonly steps: readonly UndoStep[];
  /** Changes since the last `commitUndo()`. */
  readonly pending: readonly JournalEntry[];
  /** The designer's Ctrl+Z: reverts the pending changes if any, else the last step. */
  undo(): UndoStep | undefined;
}

export interface FigmaFake {
  /** The fake, typed as the real API (a structural subset, cast once below). */
  readonly figma: PluginAPI;

  /** Adds a frame (or another exportable node) to a page; the designer has not selected it yet. */
  addFrame(init: FrameInit): FakeSceneNode;
  addUnexportableNode(init: UnexportableNodeInit): FakeSceneNode;
  /** Enables a team library in the file: its colour variables become reachable through figma.teamLibrary. */
  enableLibrary(init: LibraryInit): void;
  /** Adds a tree of layers (frames, shapes, text with ranges) to a page; returns its root. */
  addLayers(spec: LayerSpec, page?: FakePage): FakeLayerNode;
  /** Adds a page after the others; the current page stays the current one. */
  addPage(name: string): FakePage;
  /** The designer deleting a node: it leaves its page, and getNodeByIdAsync no longer finds it. */
  removeNode(node: FakeSceneNode): void;
  /** The designer selecting nodes: sets `figma.currentPage.selection`, which fires `selectionchange` later. */
  select(nodes: readonly FakeSceneNode[]): void;
  /** The nodes of every `figma.viewport.scrollAndZoomIntoView` call, by id, oldest first. */
  readonly viewportCalls: readonly (readonly string[])[];
  /** Makes every later `exportAsync` of `node` reject with `message` (as Figma does for, say, an empty group). */
  failExport(node: FakeSceneNode, message?: string): void;
  /** Every `exportAsync` call, oldest first. */
  readonly exports: readonly ExportCall[];

  /** A style the designer already has (not on the plugin's undo journal). */
  addPaintStyle(init: PaintStyleInit): PaintStyle;
  /** The designer editing a style by hand in Figma. */
  editStyle(style: PaintStyle, edit: DesignerStyleEdit): void;
  /** Live local paint styles in document order (what getLocalPaintStylesAsync resolves). */
  listPaintStyles(): PaintStyle[];
  snapshotStyles(): StyleSnapshot[];

  /** A collection the designer made (not on the plugin's undo journal). */
  addVariableCollection(name: string): FakeVariableCollection;
  /** A COLOR variable the designer made, with `hex` in the default mode (not on the plugin's undo journal). */
  addColorVariable(collection: FakeVariableCollection, name: string, hex: string): FakeVariable;
  /** The designer editing a variable in Figma. */
  editVariable(variable: Variable, edit: DesignerVariableEdit): void;
  /** Live local variables, in creation order. */
  listVariables(): FakeVariable[];
  listVariableCollections(): FakeVariableCollection[];
  snapshotVariables(): VariablesSnapshot;
  /** Writes plugin data on `figma.root` as something other than this plugin run would (an older Chorus, a damaged file). */
  seedDocumentPluginData(key: string, value: string): void;

  /**
   * Publishing under a Figma-assigned id (or any change of plugin id): every private plugin data
   * entry the plugin wrote becomes unreachable (setPluginData docs); shared plugin data stays.
   */
  changePluginId(): void;
  /** Makes the (after + 1)-th next call of `op` throw (once). */
  failNext(op: FaultOp, options?: { message?: string; after?: number }): void;

  readonly ui: UiState;
  /** Every message the plugin posted to the UI (structured clones), oldest first. */
  readonly posted: readonly unknown[];
  /** Calls `listener` with a structured clone of each message the plugin posts from now on. Returns an unsubscribe. */
  onPost(listener: (message: unknown) => void): () => void;
  /**
   * Delivers `message` to the plugin as Figma does with an iframe's `parent.postMessage({ pluginMessage }, '*')`:
   * a structured clone, later, to `figma.ui.onmessage` and every `figma.ui.on('message')` handler.
   * Resolves when the handlers (and any promise they return) are done; their errors go to `uncaughtErrors`.
   */
  sendToPlugin(message: unknown, origin?: string): Promise<void>;
  /** `sendToPlugin`, then `settle`, then the first message posted since with `id === message.id`. Rejects if none. */
  request(message: { readonly id: string; readonly [field: string]: unknown }): Promise<unknown>;
  /** Resolves when no delivery, event, async API call or handler of the fake is still running. */
  settle(): Promise<void>;

  readonly notifications: readonly Notification[];
  readonly undo: UndoControls;
  /** The plugin's clientStorage, to seed or inspect (values as stored; reads give clones). */
  readonly clientStorage: Map<string, unknown>;
  /** Set once the plugin called `figma.closePlugin`. */
  readonly closed: { readonly message: string | undefined } | undefined;
  /**
   * The designer closing the plugin and running it again on the same file: the document (pages,
   * styles, variables, plugin data, undo history), clientStorage and the log of posted messages stay;
   * the old run's UI, message handlers and event listeners are gone. Start the plugin again after this.
   */
  relaunch(): void;
  /** Errors thrown by the plugin's message and event handlers (Figma prints them to the console). */
  readonly uncaughtErrors: readonly unknown[];
}

/** Figma cuts notifications at this many characters (figma.notify docs). */
const NOTIFY_MAX_CHARS = 100;

type Listener = (...args: never[]) => unknown;
// Any event name Figma knows; the fake fires selectionchange and close, and stores the rest.
type PluginEvent = string;

export function createFigmaFake(options: FigmaFakeOptions = {}): FigmaFake {
  const dynamicPage = (options.documentAccess ?? 'dynamic-page') === 'dynamic-page';
  const scheduler = new FakeScheduler();
  const journal = new UndoJournal();
  const faults = new FaultPlan();
  const exports: ExportCall[] = [];
  const styles: FakePaintStyle[] = [];
  const nodes = new Map<string, FakeSceneNode>();
  const viewportCalls: string[][] = [];
  const storage = new Map<string, unknown>();
  const posted: unknown[] = [];
  const postListeners = new Set<(message: unknown) => void>();
  const notifications: Notification[] = [];
  const events = new Map<string, { callback: Listener; once: boolean }[]>();
  const messageHandlers: { callback: MessageEventHandler; once: boolean }[] = [];
  let onmessage: MessageEventHandler | undefined;
  let ui: { html: string; options: ShowUIOptions | undefined; visible: boolean } | undefined;
  let closed: { message: string | undefined } | undefined;
  let allPagesLoaded = false;
  let nextNode = 2;
  let nextStyle = 1;
  let nextPage = 1;

  const world = { journal, faults, scheduler, dynamicPage, exports, ...(options.modeLimit !== undefined ? { modeLimit: options.modeLimit } : {}) };
  const variables = new VariableStore(world);
  const teamLibrary = new FakeTeamLibrary(variables, scheduler, (hex) => rgbaOf(hex));
  const pages: FakePage[] = [];
  const document = new FakeDocument('Fake file', pages, world, options.documentColorProfile);
  let currentPage = newPage(options.pageName ?? 'Page 1');

  function newPage(name: string): FakePage {
    const page = new FakePage(`0:${nextPage++}`, name, world, (changed) => {
      if (changed === currentPage) emit('selectionchange');
    });
    page.parent = document;
    pages.push(page);
    return page;
  }

  function requirePage(value: unknown, api: string): FakePage {
    const page = pages.find((p) => p === value);
    if (!page) throw new Error(`in ${api}: Expected a page of this document`);
    return page;
  }

  function emit(type: string, ...args: unknown[]): void {
    const listeners = events.get(type) ?? [];
    events.set(type, listeners.filter((l) => !l.once));
    for (const { callback } of listeners) {
      void scheduler.deliver(() => (callback as (...a: unknown[]) => unknown)(...args));
    }
  }

  function requireFullAccess(api: string, instead: string): void {
    if (dynamicPage) {
      throw new Error(`in ${api}: Cannot call with documentAccess: dynamic-page. Use figma.${instead} instead.`);
    }
  }

  function liveStyles(): FakePaintStyle[] {
    return styles.filter((s) => s.live);
  }

  function fakeStyle(style: PaintStyle): FakePaintStyle {
    const found = styles.find((s) => s === style || s.id === style.id);
    if (!found) throw new Error(`figma fake: ${style.id} is not a style of this fake`);
    return found;
  }

  function newStyleId(): string {
    // Local style ids look like `S:<40 hex>,` in Figma; opaque to plugins either way.
    return `S:${(nextStyle++).toString(16).padStart(40, '0')},`;
  }

  function addNode(init: ConstructorParameters<typeof FakeSceneNode>[0], page: FakePage = pages[0]!): FakeSceneNode {
    const node = new FakeSceneNode(init, world);
    nodes.set(node.id, node);
    requirePage(page, 'addFrame').append(node);
    return node;
  }

  function nodeById(id: string): FakeSceneNode | FakePage | FakeDocument | null {
    if (id === document.id) return document;
    return pages.find((p) => p.id === id) ?? nodes.get(id) ?? null;
  }

  function addEvent(type: string, callback: Listener, once: boolean): void {
    if (type === 'documentchange' && dynamicPage && !allPagesLoaded) {
      throw new Error('in on: Cannot register a "documentchange" handler with documentAccess: dynamic-page before calling figma.loadAllPagesAsync()');
    }
    const listeners = events.get(type) ?? [];
    listeners.push({ callback, once });
    events.set(type, listeners);
  }

  const uiApi = {
    get onmessage(): MessageEventHandler | undefined {
      return onmessage;
    },
    set onmessage(handler: MessageEventHandler | undefined) {
      onmessage = handler;
    },
    on(type: 'message', callback: MessageEventHandler): void {
      requireMessageEvent(type);
      messageHandlers.push({ callback, once: false });
    },
    once(type: 'message', callback: MessageEventHandler): void {
      requireMessageEvent(type);
      messageHandlers.push({ callback, once: true });
    },
    off(type: 'message', callback: MessageEventHandler): void {
      requireMessageEvent(type);
      const index = messageHandlers.findIndex((h) => h.callback === callback);
      if (index >= 0) messageHandlers.splice(index, 1);
    },
    postMessage(pluginMessage: unknown, _options?: UIPostMessageOptions): void {
      // Stricter than Figma may be: a message with no UI to receive it is a bug in the plugin.
      if (!ui || closed) throw new Error('figma.ui.postMessage: no UI is open (call figma.showUI first)');
      // Figma structured-clones the message (functions and class prototypes do not survive).
      const clone = structuredClone(pluginMessage);
      posted.push(clone);
      for (const listener of postListeners) listener(structuredClone(clone));
    },
    show(): void {
      if (ui) ui.visible = true;
    },
    hide(): void {
      if (ui) ui.visible = false;
    },
    resize(_width: number, _height: number): void {},
    close(): void {
      ui = undefined;
    },
  };

  const clientStorageApi: ClientStorageAPI = {
    getAsync(key: string): Promise<unknown> {
      return scheduler.later(() => {
        requireKey(key);
        faults.check('clientStorage.getAsync');
        return structuredClone(storage.get(key));
      });
    },
    setAsync(key: string, value: unknown): Promise<void> {
      return scheduler.later(() => {
        requireKey(key);
        assertStorable(value);
        faults.check('clientStorage.setAsync');
        storage.set(key, structuredClone(value));
      });
    },
    deleteAsync(key: string): Promise<void> {
      return scheduler.later(() => {
        requireKey(key);
        storage.delete(key);
      });
    },
    keysAsync(): Promise<string[]> {
      return scheduler.later(() => [...storage.keys()]);
    },
  };

  // Figma's `figma.mixed`: what a property reads when its value differs across a node's parts.
  const mixed = Symbol('figma.mixed');

  function buildLayer(spec: LayerSpec): FakeLayerNode {
    const node = new FakeLayerNode(spec, `1:${nextNode++}`, world, mixed);
    nodes.set(node.id, node);
    for (const child of spec.children ?? []) node.adopt(buildLayer(child));
    return node;
  }

  const api = {
    apiVersion: '1.0.0' as const,
    mixed,
    editorType: 'figma' as const,
    mode: 'default' as const,
    command: '',
    pluginId: 'chorus-colour-tokens',
    root: document,
    get currentPage(): FakePage {
      return currentPage;
    },
    set currentPage(value: FakePage) {
      if (dynamicPage) {
        throw new Error('in set_currentPage: Cannot set currentPage with documentAccess: dynamic-page. Use figma.setCurrentPageAsync instead.');
      }
      switchTo(requirePage(value, 'set_currentPage'));
    },
    /** Loads the page (dynamic-page) and makes it current; `currentpagechange` fires later. */
    setCurrentPageAsync(value: FakePage): Promise<void> {
      return scheduler.later(() => {
        faults.check('setCurrentPageAsync');
        switchTo(requirePage(value, 'setCurrentPageAsync'));
      });
    },
    viewport: {
      center: { x: 0, y: 0 },
      zoom: 1,
      bounds: { x: 0, y: 0, width: 1440, height: 900 },
      /** Like pressing Shift-1: the nodes must be on the current page (stricter than the docs say). */
      scrollAndZoomIntoView(shown: ReadonlyArray<BaseNode>): void {
        if (!Array.isArray(shown)) throw new Error('in scrollAndZoomIntoView: Expected "nodes" to have type array');
        for (const node of shown as readonly unknown[]) {
          if (!(node instanceof FakeSceneNode) || node.parent !== currentPage) {
            throw new Error('in scrollAndZoomIntoView: Expected every node to be a scene node on the current page');
          }
        }
        viewportCalls.push((shown as readonly FakeSceneNode[]).map((node) => node.id));
      },
    },
    variables: variables.api,
    teamLibrary: teamLibrary.api,
    loadAllPagesAsync(): Promise<void> {
      return scheduler.later(() => {
        allPagesLoaded = true;
      });
    },

    showUI(html: string, showOptions?: ShowUIOptions): void {
      if (typeof html !== 'string') throw new Error('in showUI: Expected "html" to have type string');
      ui = { html, options: showOptions, visible: showOptions?.visible ?? true };
    },
    ui: uiApi,
    notify(message: string, notifyOptions?: NotificationOptions): NotificationHandler {
      if (typeof message !== 'string') throw new Error('in notify: Expected "message" to have type string');
      const note: Notification = {
        message,
        shown: message.slice(0, NOTIFY_MAX_CHARS),
        options: notifyOptions,
        cancelled: false,
      };
      notifications.push(note);
      return { cancel: () => void (note.cancelled = true) };
    },
    commitUndo(): void {
      journal.commit();
    },
    closePlugin(message?: string): void {
      if (closed) return;
      closed = { message };
      ui = undefined;
      emit('close');
    },
    clientStorage: clientStorageApi,

    on(type: PluginEvent, callback: Listener): void {
      addEvent(type, callback, false);
    },
    once(type: PluginEvent, callback: Listener): void {
      addEvent(type, callback, true);
    },
    off(type: PluginEvent, callback: Listener): void {
      const listeners = events.get(type) ?? [];
      const index = listeners.findIndex((l) => l.callback === callback);
      if (index >= 0) listeners.splice(index, 1);
    },

    // Sync getters throw under dynamic-page, as the typings' @deprecated notes say.
    getLocalPaintStyles(): PaintStyle[] {
      requireFullAccess('getLocalPaintStyles', 'getLocalPaintStylesAsync');
      return liveStyles();
    },
    getLocalPaintStylesAsync(): Promise<PaintStyle[]> {
      return scheduler.later(() => {
        faults.check('getLocalPaintStylesAsync');
        return liveStyles();
      });
    },
    getStyleById(id: string): BaseStyle | null {
      requireFullAccess('getStyleById', 'getStyleByIdAsync');
      return liveStyles().find((s) => s.id === id) ?? null;
    },
    getStyleByIdAsync(id: string): Promise<BaseStyle | null> {
      return scheduler.later(() => liveStyles().find((s) => s.id === id) ?? null);
    },
    getNodeById(id: string): FakeSceneNode | FakePage | FakeDocument | null {
      requireFullAccess('getNodeById', 'getNodeByIdAsync');
      return nodeById(id);
    },
    /** Loads the node's page if needed (dynamic-page); null for an id that names no node (or a deleted one). */
    getNodeByIdAsync(id: string): Promise<FakeSceneNode | FakePage | FakeDocument | null> {
      return scheduler.later(() => nodeById(id));
    },
    createPaintStyle(): PaintStyle {
      faults.check('createPaintStyle');
      const style = new FakePaintStyle(newStyleId(), world);
      styles.push(style);
      journal.record({ op: 'createPaintStyle', targetId: style.id }, () => (style.live = false));
      return style;
    },
  };

  function switchTo(page: FakePage): void {
    if (page === currentPage) return;
    const selectionBefore = currentPage.selection;
    currentPage = page;
    emit('currentpagechange');
    // The selection shown is now the new page's own.
    if (selectionBefore.length > 0 || page.selection.length > 0) emit('selectionchange');
  }

  function sendToPlugin(message: unknown, origin = 'null'): Promise<void> {
    if (closed) return Promise.reject(new Error('figma fake: the plugin is closed; nothing receives messages'));
    const clone = structuredClone(message);
    return scheduler.deliver(() => {
      const handlers = [...(onmessage ? [onmessage] : []), ...messageHandlers.map((h) => h.callback)];
      for (let i = messageHandlers.length - 1; i >= 0; i--) if (messageHandlers[i]!.once) messageHandlers.splice(i, 1);
      const results = handlers.map((handler) => {
        try {
          return Promise.resolve(handler(clone, { origin }) as unknown);
        } catch (error) {
          return Promise.reject(error);
        }
      });
      // Each handler's failure is its own uncaught error, as in Figma's console.
      return Promise.all(results.map((r) => r.catch((error: unknown) => void scheduler.uncaughtErrors.push(error))));
    });
  }

  // Compile-time proof that `api` is a structural subset of PluginAPI: no member Figma lacks, and
  // these members with exactly Figma's signatures (nodes and pages are the fake's own classes).
  const onlyRealMembers: { [K in keyof typeof api]: K extends keyof PluginAPI ? unknown : never } = api;
  const exactMembers: Pick<
    PluginAPI,
    | 'apiVersion'
    | 'editorType'
    | 'showUI'
    | 'notify'
    | 'commitUndo'
    | 'closePlugin'
    | 'clientStorage'
    | 'on'
    | 'once'
    | 'off'
    | 'loadAllPagesAsync'
    | 'getLocalPaintStyles'
    | 'getLocalPaintStylesAsync'
    | 'getStyleById'
    | 'getStyleByIdAsync'
    | 'createPaintStyle'
  > & { ui: Pick<UIAPI, 'onmessage' | 'on' | 'once' | 'off' | 'postMessage' | 'show' | 'hide' | 'resize' | 'close'> } = api;
  void onlyRealMembers;
  void exactMembers;
  // The one cast.
  const figma = api as unknown as PluginAPI;

  return {
    figma,

    addFrame(init) {
      if (!(init.width > 0 && init.height > 0)) throw new Error('figma fake: a frame needs a width and height > 0');
      return addNode(
        {
        id: `1:${nextNode++}`,
        type: init.type ?? 'FRAME',
        name: init.name,
        width: init.width,
        height: init.height,
        visible: init.visible ?? true,
        png: init.png,
        exportable: true,
        },
        init.page,
      );
    },
    addUnexportableNode(init) {
      return addNode({
        id: `1:${nextNode++}`,
        type: init.type ?? 'WIDGET',
        name: init.name,
        width: init.width ?? 100,
        height: init.height ?? 100,
        visible: true,
        png: undefined,
        exportable: false,
      });
    },
    enableLibrary(init) {
      teamLibrary.enable(init);
    },
    addLayers(spec, page = pages[0]!) {
      const root = buildLayer(spec);
      requirePage(page, 'addLayers').append(root);
      return root;
    },
    addPage(name) {
      return newPage(name);
    },
    removeNode(node) {
      const found = nodes.get(node.id);
      if (!found) throw new Error(`figma fake: ${node.id} is not a node of this fake`);
      found.parent?.detach(found);
      nodes.delete(node.id);
    },
    select(selected) {
      currentPage.selection = selected;
    },
    viewportCalls,
    failExport(node, message = 'Failed to export node. This node may not have any visible layers.') {
      node.exportFailure = message;
    },
    exports,

    addPaintStyle(init) {
      const style = new FakePaintStyle(newStyleId(), world);
      style.designerEdit({
        name: init.name,
        description: init.description ?? '',
        paints: paintsOf(init) ?? [],
        pluginData: init.pluginData ?? {},
        sharedPluginData: init.sharedPluginData ?? {},
      });
      styles.push(style);
      return style;
    },
    editStyle(style, edit) {
      const paints = paintsOf(edit);
      fakeStyle(style).designerEdit({ ...edit, ...(paints ? { paints } : {}) });
    },
    listPaintStyles: liveStyles,
    snapshotStyles() {
      return liveStyles().map((style) => {
        const pluginData: Record<string, string> = {};
        for (const key of style.getPluginDataKeys().sort()) pluginData[key] = style.getPluginData(key);
        return {
          id: style.id,
          name: style.name,
          description: style.description,
          paints: structuredClone(style.paints) as Paint[],
          pluginData,
          sharedPluginData: style.sharedEntries(),
        };
      });
    },
    addVariableCollection(name) {
      return variables.addCollection(name);
    },
    addColorVariable(collection, name, hex) {
      const variable = variables.addVariable(collection, name, 'COLOR');
      variable.designerEdit({ value: rgbaOf(hex) });
      return variable;
    },
    editVariable(variable, edit) {
      const { hex, ...rest } = edit;
      variables.fakeVariable(variable).designerEdit({ ...rest, ...(hex !== undefined ? { value: rgbaOf(hex) } : {}) });
    },
    listVariables: () => variables.liveVariables(),
    listVariableCollections: () => variables.liveCollections(),
    snapshotVariables: () => variables.snapshot(),
    seedDocumentPluginData(key, value) {
      document.seedPluginData(key, value);
    },

    changePluginId() {
      for (const style of styles) style.forgetPrivatePluginData();
      for (const variable of variables.liveVariables()) variable.forgetPrivatePluginData();
      for (const collection of variables.liveCollections()) collection.forgetPrivatePluginData();
      document.forgetPrivatePluginData();
    },
    failNext(op, failOptions = {}) {
      faults.add(op, failOptions.message ?? `figma fake: injected failure of ${op}`, failOptions.after ?? 0);
    },

    ui: {
      get open() {
        return ui !== undefined;
      },
      get visible() {
        return ui?.visible ?? false;
      },
      get html() {
        return ui?.html;
      },
      get options() {
        return ui?.options;
      },
    },
    posted,
    onPost(listener) {
      postListeners.add(listener);
      return () => void postListeners.delete(listener);
    },
    sendToPlugin,
    async request(message) {
      const from = posted.length;
      await sendToPlugin(message);
      await scheduler.settle();
      const reply = posted
        .slice(from)
        .find((m) => typeof m === 'object' && m !== null && (m as { id?: unknown }).id === message.id);
      if (reply === undefined) throw new Error(`figma fake: the plugin posted no reply with id ${JSON.stringify(message.id)}`);
      return reply;
    },
    settle: () => scheduler.settle(),

    notifications,
    undo: {
      get commits() {
        return journal.commits;
      },
      get steps() {
        return journal.steps;
      },
      get pending() {
        return journal.pendingEntries;
      },
      undo: () => journal.undo(),
    },
    clientStorage: storage,
    get closed() {
      return closed;
    },
    relaunch() {
      ui = undefined;
      closed = undefined;
      onmessage = undefined;
      messageHandlers.length = 0;
      events.clear();
      allPagesLoaded = false;
    },
    uncaughtErrors: scheduler.uncaughtErrors,
  };
}

function requireMessageEvent(type: string): void {
  if (type !== 'message') throw new Error(`in figma.ui.on: unknown event "${type}"; the only UI event is "message"`);
}

function requireKey(key: unknown): void {
  if (typeof key !== 'string') throw new Error('in clientStorage: Expected "key" to have type string');
}

/** figma.clientStorage stores objects, arrays, strings, numbers, booleans, null, undefined and Uint8Array. */
function assertStorable(value: unknown, path = 'value'): void {
  if (value === null || value === undefined) return;
  const type = typeof value;
  if (type === 'string' || type === 'number' || type === 'boolean') return;
  // By tag, not instanceof: the plugin's values come from its own realm (run-built-plugin.ts), whose
  // Uint8Array and Object.prototype are not this module's.
  if (Object.prototype.toString.call(value) === '[object Uint8Array]') return;
  if (Array.isArray(value)) {
    value.forEach((item, i) => assertStorable(item, `${path}[${i}]`));
    return;
  }
  if (type === 'object' && isPlainObject(value)) {
    for (const [key, item] of Object.entries(value as Record<string, unknown>)) assertStorable(item, `${path}.${key}`);
    return;
  }
  throw new Error(`in clientStorage.setAsync: ${path} cannot be stored (only objects, arrays, strings, numbers, booleans, null, undefined and Uint8Array can)`);
}

/** An object literal of any realm: its prototype is null or that realm's Object.prototype. */
function isPlainObject(value: object): boolean {
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === null || (typeof proto === 'object' && Object.getPrototypeOf(proto) === null && Object.prototype.toString.call(value) === '[object Object]');
}

/** `#rrggbb` → a SOLID paint in Figma's 0–1 units; the fake's own conversion, independent of the plugin's. */
function paintsOf(init: { hex?: string; paints?: readonly Paint[] }): readonly Paint[] | undefined {
  if (init.paints) return init.paints;
  if (init.hex === undefined) return undefined;
  const { r, g, b } = rgbaOf(init.hex);
  return [{ type: 'SOLID', color: { r, g, b } }];
}

/** `#rrggbb` → an opaque RGBA in Figma's 0–1 units. */
function rgbaOf(hex: string): RGBA {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!match) throw new Error(`figma fake: ${hex} is not #rrggbb`);
  const [r, g, b] = [match[1]!, match[2]!, match[3]!].map((h) => parseInt(h, 16) / 255) as [number, number, number];
  return { r, g, b, a: 1 };
}
