import { buildSync } from 'esbuild';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import { pluginBuildOptions } from '../../scripts/lib/plugin-build-options.mjs';
import type { FigmaFake } from './figma-fake.ts';

/**
 * Runs the sandbox bundle as Figma does: the code scripts/build.mjs ships as dist/plugin.js, built
 * with the same options (in memory, so a test never runs a stale dist/), evaluated in its own
 * realm (a `node:vm` context) whose only globals are the ones Figma documents for the main thread:
 * `figma`, `__html__`, `console`, the timers and `fetch`, besides the language's own built-ins.
 * A use of `URL`, `TextEncoder`, `structuredClone`, `atob`, the DOM or Node fails there as it
 * would in Figma (a ReferenceError, or a TypeError on `undefined`).
 */

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * Globals a browser or Node has and Figma's main thread does not. Reading one, even with
 * `typeof` (feature detection that then takes another path), is recorded in `globalsRead`, so a
 * test can show the bundle does not depend on any of them; the read gives `undefined`, as in Figma.
 */
export const FOREIGN_GLOBALS = [
  'URL', 'URLSearchParams', 'TextEncoder', 'TextDecoder', 'structuredClone', 'atob', 'btoa',
  'window', 'self', 'document', 'navigator', 'location', 'localStorage', 'XMLHttpRequest', 'WebSocket',
  'Blob', 'File', 'FileReader', 'Image', 'OffscreenCanvas', 'crypto', 'performance', 'requestAnimationFrame',
  'process', 'Buffer', 'require', 'module', 'global', 'setImmediate', 'queueMicrotask',
] as const;

export interface BuiltPluginRun {
  /** Every foreign global the bundle read, in order of first read. */
  readonly globalsRead: readonly string[];
  /** Evaluates `code` in the plugin's realm (to check the realm itself). */
  evaluate(code: string): unknown;
}

let bundle: string | undefined;

/** The minified sandbox bundle, built once per test process. */
export function builtPluginCode(): string {
  if (bundle === undefined) {
    const result = buildSync({ ...pluginBuildOptions(root), write: false, logLevel: 'silent' });
    const file = result.outputFiles?.[0];
    if (!file) throw new Error('run-built-plugin: esbuild produced no sandbox bundle');
    bundle = file.text;
  }
  return bundle;
}

/** Evaluates the built bundle against `fake` (as Figma starts a plugin) and returns what it read. */
export function runBuiltPlugin(fake: FigmaFake, html = '<p>ui</p>'): BuiltPluginRun {
  const globalsRead: string[] = [];
  const context: Record<string, unknown> = {
    figma: fake.figma,
    __html__: html,
    console,
    setTimeout,
    clearTimeout,
    setInterval,
    clearInterval,
    fetch,
  };
  for (const name of FOREIGN_GLOBALS) {
    Object.defineProperty(context, name, {
      get() {
        if (!globalsRead.includes(name)) globalsRead.push(name);
        return undefined;
      },
      configurable: true,
    });
  }
  const realm = vm.createContext(context);
  vm.runInContext(builtPluginCode(), realm, { filename: 'dist/plugin.js' });
  return { globalsRead, evaluate: (code) => vm.runInContext(code, realm) };
}
