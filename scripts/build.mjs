// Builds the two bundles Figma loads, dist/plugin.js (the sandbox) and dist/ui.html (the iframe),
// and the browser playground the backend serves at `/`: dist/playground.html and dist/playground.js.
// Also dist/manifest.json, the manifest to import in Figma: for a team's own backend,
// `CHORUS_BACKEND_URL=https://chorus.example.com npm run build` allows its https and wss origins.
// `node scripts/build.mjs [--watch]`
import { build, context } from 'esbuild';
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { builtManifest, reachableDomains } from './lib/built-manifest.mjs';
import { pluginBuildOptions } from './lib/plugin-build-options.mjs';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const dist = path.join(root, 'dist');
const watch = process.argv.includes('--watch');

const pluginOptions = pluginBuildOptions(root, { minify: !watch });
const manifest = builtManifest(JSON.parse(await readFile(path.join(root, 'manifest.json'), 'utf8')), process.env.CHORUS_BACKEND_URL);

/** The iframe: one self-contained HTML file, because Figma injects `__html__` as a string. */
const uiOptions = {
  entryPoints: [path.join(root, 'ui/main.tsx')],
  bundle: true,
  write: false,
  format: 'iife',
  target: 'es2020',
  platform: 'browser',
  jsx: 'automatic',
  jsxImportSource: 'preact',
  minify: !watch,
  loader: { '.css': 'text' },
  // The UI warns when the designer's server address is one Figma would block (ui/host/create-figma-host.ts).
  define: { 'process.env.NODE_ENV': '"production"', __CHORUS_REACHABLE_DOMAINS__: JSON.stringify(reachableDomains(manifest)) },
  logLevel: 'warning',
};

/**
 * The playground: the same App as the iframe, on a browser host (ui/playground.tsx). A separate
 * script rather than inlined like ui.html, so the server can send it under a Content-Security-Policy
 * that allows scripts from itself only.
 */
const playgroundOptions = {
  ...uiOptions,
  entryPoints: [path.join(root, 'ui/playground.tsx')],
  outfile: path.join(dist, 'playground.js'),
  write: true,
};

async function writeUiHtml(result) {
  const js = result.outputFiles.find((f) => f.path.endsWith('.js'));
  if (!js) throw new Error('esbuild produced no UI script');
  const template = await readFile(path.join(root, 'ui/index.html'), 'utf8');
  // A literal `</script>` inside the bundle would end the inline script early.
  const script = js.text.replace(/<\/script/gi, '<\\/script');
  const html = template.replace('<!-- UI_SCRIPT -->', () => `<script>${script}</script>`);
  await writeFile(path.join(dist, 'ui.html'), html);
}

await mkdir(dist, { recursive: true });
await writeFile(path.join(dist, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
if (watch) {
  const plugin = await context(pluginOptions);
  const ui = await context({
    ...uiOptions,
    outfile: path.join(dist, 'ui.js'),
    plugins: [{ name: 'inline-html', setup: (b) => b.onEnd((r) => (r.errors.length ? undefined : writeUiHtml(r))) }],
  });
  const playground = await context(playgroundOptions);
  await copyFile(path.join(root, 'ui/playground.html'), path.join(dist, 'playground.html'));
  await Promise.all([plugin.watch(), ui.watch(), playground.watch()]);
  console.log('watching plugin/ and ui/ …');
} else {
  const [, ui] = await Promise.all([
    build(pluginOptions),
    build({ ...uiOptions, outfile: path.join(dist, 'ui.js') }),
    build(playgroundOptions),
    copyFile(path.join(root, 'ui/playground.html'), path.join(dist, 'playground.html')),
  ]);
  await writeUiHtml(ui);
  console.log(`built dist/plugin.js, dist/ui.html, dist/manifest.json (allows ${manifest.networkAccess.allowedDomains.join(', ')}) and the playground (dist/playground.html, dist/playground.js)`);
}
