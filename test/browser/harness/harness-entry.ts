// The parent page of the browser test: the real plugin code on the fake `figma`, and Chorus's UI
// (dist/ui.html, handed to figma.showUI) in a sandboxed iframe with a null origin, as Figma hosts
// it. Messages are relayed the way Figma relays them: figma.ui.postMessage(m) → `{ pluginMessage: m }`
// in the iframe, and the iframe's parent.postMessage({ pluginMessage }) → figma.ui.onmessage.
import { SETTINGS_STORAGE_KEY } from '../../../plugin/load-settings.ts';
import { startPlugin } from '../../../plugin/start-plugin.ts';
import { createFigmaFake } from '../../fakes/figma-fake.ts';
import { buildScreenLayers } from '../../fakes/screen-layers.ts';
import { BROKEN_FRAME_NAME, FRAME_NAME, type ChorusHarness } from './harness-api.ts';

/** Figma's default plugin window, used when showUI gives no size. */
const DEFAULT_UI_SIZE = { width: 300, height: 200 };

async function boot(): Promise<void> {
  const [png, html] = await Promise.all([
    fetch('/fixture.png').then(async (response) => new Uint8Array(await response.arrayBuffer())),
    fetch('/ui.html').then((response) => response.text()),
  ]);
  const size = pngSize(png);
  const params = new URLSearchParams(location.search);
  // `?modeLimit=N`: the file's plan allows N modes per collection (Starter's 1 otherwise).
  const modeLimit = params.get('modeLimit');
  const fake = createFigmaFake(modeLimit === null ? {} : { modeLimit: Number(modeLimit) });
  // `?serverUrl=…` seeds the settings a designer saved before (empty: no backend), so no test
  // reaches for whatever happens to listen on the default port.
  const serverUrl = new URLSearchParams(location.search).get('serverUrl');
  if (serverUrl !== null) fake.clientStorage.set(SETTINGS_STORAGE_KEY, { prefix: 'Chorus', serverUrl });
  // `?designSystem=1`: the file already has Primer's colours, as variables, a style and a library.
  if (new URLSearchParams(location.search).get('designSystem') === '1') {
    const brand = fake.addVariableCollection('Brand');
    fake.addColorVariable(brand, 'accent/emphasis', '#0969da');
    fake.addColorVariable(brand, 'accent/emphasis-hover', '#0550ae');
    fake.addPaintStyle({ name: 'fg/default', hex: '#1f2328' });
    fake.enableLibrary({ libraryName: 'Primer', collectionName: 'Base', variables: [{ name: 'canvas/default', hex: '#ffffff' }] });
  }
  const frame = fake.addFrame({ name: FRAME_NAME, width: size.width, height: size.height, png });
  // A PNG cut off after its header: right signature and size, no pixels.
  // The fixture's palette (GitHub Primer light) as a designer builds the screen in layers.
  const layered = fake.addLayers({
    ...buildScreenLayers({
      name: 'Login — layers',
      width: size.width,
      height: size.height,
      colors: [
        { hex: '#ffffff', roles: ['background', 'onPrimary'], share: 0.82 },
        { hex: '#f6f8fa', roles: ['surface'], share: 0.14 },
        { hex: '#0969da', roles: ['primary'], share: 0.013 },
        { hex: '#d0d7de', roles: ['border'], share: 0.004 },
        { hex: '#1f2328', roles: ['text'], share: 0.01 },
        { hex: '#656d76', roles: ['muted'], share: 0.004 },
      ],
    }),
    png,
  });
  // `?darkFrame=1`: a dark version of a screen beside the light one (/fixture-dark.png), for modes.
  const darkPng = params.get('darkFrame') === '1' ? new Uint8Array(await (await fetch('/fixture-dark.png')).arrayBuffer()) : undefined;
  const darkFrame = darkPng ? fake.addFrame({ name: 'Dashboard — dark', ...pngSize(darkPng), png: darkPng }) : undefined;
  const broken = fake.addFrame({ name: BROKEN_FRAME_NAME, width: size.width, height: size.height, png: png.slice(0, 64) });

  const iframe = document.createElement('iframe');
  iframe.title = 'Chorus';
  // Only scripts: no same-origin, so the UI runs with a null origin like Figma's.
  iframe.setAttribute('sandbox', 'allow-scripts');
  const loaded = new Promise<void>((resolve) => iframe.addEventListener('load', () => resolve(), { once: true }));

  // Until the UI has loaded there is no window to post to; hold the plugin's messages as Figma does.
  const held: unknown[] = [];
  let uiWindow: Window | null = null;
  const toUi = (message: unknown): void => {
    if (uiWindow) uiWindow.postMessage({ pluginMessage: message, pluginId: fake.figma.pluginId }, '*');
    else held.push(message);
  };
  fake.onPost(toUi);
  window.addEventListener('message', (event: MessageEvent<unknown>) => {
    if (event.source !== iframe.contentWindow) return;
    const data = event.data;
    if (typeof data === 'object' && data !== null && 'pluginMessage' in data) {
      void fake.sendToPlugin(data.pluginMessage, 'null');
    }
  });

  startPlugin(fake.figma, html);
  const shown = fake.ui.html;
  if (!fake.ui.open || shown === undefined) throw new Error('startPlugin did not call figma.showUI');
  const options = fake.ui.options;
  iframe.width = String(options?.width ?? DEFAULT_UI_SIZE.width);
  iframe.height = String(options?.height ?? DEFAULT_UI_SIZE.height);
  // The html the plugin passed to showUI, as Figma loads it (srcdoc in a sandbox: a null origin).
  iframe.srcdoc = shown;
  document.body.append(iframe);
  await loaded;
  uiWindow = iframe.contentWindow;
  for (const message of held.splice(0)) toUi(message);

  const harness: ChorusHarness = {
    selectFrame: () => fake.select([frame]),
    selectNothing: () => fake.select([]),
    selectLayeredFrame: () => fake.select([layered]),
    layerBindings: () => {
      let bound = 0;
      const visit = (node: (typeof layered)['children'][number] | typeof layered): void => {
        for (const paints of [node.fills, node.strokes]) {
          if (Array.isArray(paints)) bound += (paints as readonly Paint[]).filter((p) => p.type === 'SOLID' && p.boundVariables?.color).length;
        }
        node.children.forEach(visit);
      };
      visit(layered);
      return bound;
    },
    undoOnce: () => void fake.undo.undo(),
    selectLightAndDark: () => {
      if (!darkFrame) throw new Error('open the harness with ?darkFrame=1');
      fake.select([frame, darkFrame]);
    },
    frameId: () => frame.id,
    selection: () => fake.figma.currentPage.selection.map((node) => node.id),
    selectBrokenFrame: () => fake.select([broken]),
    styles: () => fake.snapshotStyles(),
    variables: () => fake.snapshotVariables(),
    editStyleByHand(styleId, hex) {
      const style = fake.listPaintStyles().find((s) => s.id === styleId);
      if (!style) throw new Error(`no paint style ${styleId}`);
      fake.editStyle(style, { hex });
    },
    clientStorageText: () => JSON.stringify([...fake.clientStorage]),
    undoCommits: () => fake.undo.commits,
    undoSteps: () => fake.undo.steps.length,
    uncaughtErrors: () => fake.uncaughtErrors.map((error) => (error instanceof Error ? error.stack ?? error.message : String(error))),
    settle: () => fake.settle(),
  };
  window.chorusHarness = harness;
}

/** Width and height from the PNG's IHDR chunk (bytes 16–23, big-endian). */
function pngSize(png: Uint8Array): { width: number; height: number } {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

boot().catch((error: unknown) => {
  window.chorusHarnessFailure = error instanceof Error ? (error.stack ?? error.message) : String(error);
  console.error('Chorus harness failed to start:', error);
});
