import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PlaygroundAssets } from '../routes/playground.ts';

/** Where scripts/build.mjs writes the playground: the repository's dist/. */
export const DEFAULT_PLAYGROUND_DIR = fileURLToPath(new URL('../../dist/', import.meta.url));

/** The playground's files in `dir`, read from disk on each call; a missing file is `undefined`, any other error throws. */
export function readPlaygroundAssets(dir: string = DEFAULT_PLAYGROUND_DIR): PlaygroundAssets {
  const read = (file: string) => async (): Promise<string | undefined> => {
    try {
      return await readFile(path.join(dir, file), 'utf8');
    } catch (error) {
      if (isMissing(error)) return undefined;
      throw error;
    }
  };
  return { html: read('playground.html'), script: read('playground.js') };
}

function isMissing(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === 'ENOENT';
}
