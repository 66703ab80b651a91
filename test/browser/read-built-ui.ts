import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';

/** dist/ui.html as built by scripts/build.mjs; refuses a missing or stale build rather than test old code. */
export function readBuiltUi(repoRoot: string): Promise<string> {
  return readBuilt(repoRoot, 'dist/ui.html');
}

/** A file scripts/build.mjs writes from ui/ and core/ (`dist/ui.html`, `dist/playground.js`…); refuses a missing or stale one. */
export async function readBuilt(repoRoot: string, file: string): Promise<string> {
  const built = path.join(repoRoot, file);
  const builtAt = await stat(built).then(
    (s) => s.mtimeMs,
    () => undefined,
  );
  const newest = await newestSource([path.join(repoRoot, 'ui'), path.join(repoRoot, 'core')]);
  if (builtAt === undefined || builtAt < newest.mtimeMs) {
    const why = builtAt === undefined ? 'is missing' : `is older than ${path.relative(repoRoot, newest.file)}`;
    throw new Error(`${file} ${why}: run \`node scripts/build.mjs\` first (\`npm test\` does).`);
  }
  return readFile(built, 'utf8');
}

/** The most recently changed file that goes into the UI bundle (tests and test helpers excluded). */
async function newestSource(dirs: readonly string[]): Promise<{ file: string; mtimeMs: number }> {
  let newest = { file: '', mtimeMs: 0 };
  for (const dir of dirs) {
    for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile() || !/\.(ts|tsx|css|html)$/.test(entry.name) || /\.test\.ts$/.test(entry.name)) continue;
      const file = path.join(entry.parentPath, entry.name);
      // Test helpers (`testing/` folders) are never bundled.
      if (file.split(path.sep).includes('testing')) continue;
      const { mtimeMs } = await stat(file);
      if (mtimeMs > newest.mtimeMs) newest = { file, mtimeMs };
    }
  }
  return newest;
}
