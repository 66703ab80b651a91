import { createCpuPool } from '../server/run/cpu-pool.ts';
import { createExtractors } from '../server/extractors/create-extractors.ts';
import { loadExtractorsFile } from '../server/config/load-extractors-file.ts';
import { loadFixtures } from '../test/fixtures/load-fixtures.ts';
const fx = loadFixtures();
const keep = setInterval(() => {}, 1000);
const pool = createCpuPool({ size: 2 });
await pool.allReady;
const cv = pool.offload(createExtractors(loadExtractorsFile(), {}).filter((e) => e.kind === 'cv'));
async function run(i: number, t0: number) {
  const png = new Uint8Array(fx[i % fx.length]!.png);
  const rgba = await pool.decode(png);
  const images = [{ bytes: png, base64: '', mediaType: 'image/png' as const, rgba, sha256: '' }];
  const input = { images, measured: [], signal: new AbortController().signal };
  await Promise.all(cv.filter((e) => e.tier === 1).map((e) => e.run(input)));
  const t1 = performance.now() - t0;
  await Promise.all(cv.filter((e) => e.tier === 2).map((e) => e.run(input)));
  return t1;
}
for (const n of [4, 4, 50, 50, 200]) {
  const t0 = performance.now();
  const t1 = (await Promise.all(Array.from({ length: n }, (_, i) => run(i, t0)))).sort((a, b) => a - b);
  console.log(n, 'tier1 p50', t1[Math.floor(n / 2)]!.toFixed(0), 'all', (performance.now() - t0).toFixed(0));
}
await pool.close(); clearInterval(keep);
