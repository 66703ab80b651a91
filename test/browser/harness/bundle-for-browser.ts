import { build } from 'esbuild';

/**
 * Bundles a browser entry in memory with the UI's settings (scripts/build.mjs): iife, es2020,
 * the `browser` export conditions (so jimp resolves to its browser build), JSX for Preact.
 * Returns the script's text, with an inline source map for readable stack traces.
 */
export async function bundleForBrowser(entryPoint: string): Promise<string> {
  const result = await build({
    entryPoints: [entryPoint],
    bundle: true,
    write: false,
    format: 'iife',
    target: 'es2020',
    platform: 'browser',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    loader: { '.css': 'text' },
    define: { 'process.env.NODE_ENV': '"production"' },
    sourcemap: 'inline',
    logLevel: 'silent',
  });
  const script = result.outputFiles[0];
  if (!script) throw new Error(`esbuild produced no script for ${entryPoint}`);
  return script.text;
}
