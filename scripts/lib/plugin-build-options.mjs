// esbuild's options for the sandbox bundle, dist/plugin.js: shared by scripts/build.mjs and the
// tests that run the bundle in a realm with only Figma's main-thread globals
// (test/fakes/run-built-plugin.ts), so what is tested is what ships.
import path from 'node:path';

/**
 * The sandbox, lowered to ES2017: Figma's current runtime takes ES2020+, but designers on older
 * desktop builds and review tooling still meet the ES2017 floor, and lowering costs nothing.
 * `platform: 'neutral'`: the sandbox is neither a browser nor Node, so no shims of either.
 * @param {string} root the repository root
 * @param {{ minify?: boolean }} [options]
 */
export function pluginBuildOptions(root, options = {}) {
  return {
    entryPoints: [path.join(root, 'plugin/main.ts')],
    outfile: path.join(root, 'dist', 'plugin.js'),
    bundle: true,
    format: 'iife',
    target: 'es2017',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    minify: options.minify ?? true,
    logLevel: 'warning',
  };
}
