import { Jimp } from 'jimp';
import type { ColorVote } from '../../core/vote/color-vote.ts';
import { sha256Hex } from '../cache/cache-key.ts';
import { loadExtractorsFile } from '../config/load-extractors-file.ts';
import { decodeImage } from '../decode/decode-image.ts';
import { createExtractors, type ExtractorEnv } from '../extractors/create-extractors.ts';
import { ExtractorFailure, type Extractor, type RunImage } from '../orchestrator/extractor.ts';

/** The probe screen: a 320 × 200 dark page with a light card and a purple button, the colours CV would measure. */
const PROBE = { width: 320, height: 200, background: 0x282a36ff, surface: 0x44475aff, primary: 0xbd93f9ff } as const;

/** What the probe's CV would have measured, so each model gets the prompt it gets in a real run. */
const MEASURED: readonly ColorVote[] = [
  { extractor: 'flat-regions', weight: 1, hex: '#282a36', role: 'background', share: 0.7, measured: true },
  { extractor: 'flat-regions', weight: 1, hex: '#44475a', role: 'surface', share: 0.25, measured: true },
  { extractor: 'flat-regions', weight: 1, hex: '#bd93f9', role: 'primary', share: 0.05, measured: true },
];

export interface CheckOutput {
  readonly stdout: (text: string) => void;
}

/**
 * `npm run check:providers`: one small real call per configured model (the probe screen and the real
 * prompt), printing model, latency, tokens, cost and whether the answer validated; models without a
 * key or URL are listed as off with the reason. Spends real money (a fraction of a cent per model) and
 * books nothing in the ledger. Resolves with the exit code: 0 when every configured model answered
 * validly (or none is configured), 1 otherwise.
 */
export async function runCheckProviders(env: ExtractorEnv, out: CheckOutput): Promise<number> {
  const extractors = createExtractors(loadExtractorsFile(env.CHORUS_EXTRACTORS_CONFIG ?? undefined), env).filter((e) => e.kind !== 'cv');
  const probe = await probeImage();
  const live = extractors.filter((e) => !e.unavailable);
  const estimate = live.reduce((sum, e) => sum + e.estimateCost([probe.rgba]), 0);
  out.stdout(`Checking ${live.length} of ${extractors.length} model extractor(s) with one ${PROBE.width} × ${PROBE.height} probe each (at most $${estimate.toFixed(4)} in all).\n`);
  let failures = 0;
  for (const extractor of extractors) {
    const line = await checkOne(extractor, probe);
    if (line.failed) failures++;
    out.stdout(`${line.text}\n`);
  }
  return failures > 0 ? 1 : 0;
}

async function checkOne(extractor: Extractor, probe: RunImage): Promise<{ text: string; failed: boolean }> {
  const name = `${extractor.id} (${extractor.model ?? 'no model'}, tier ${extractor.tier})`;
  if (extractor.unavailable) return { text: `off    ${name}: ${extractor.unavailable.code}: ${extractor.unavailable.reason}`, failed: false };
  const started = performance.now();
  try {
    const output = await extractor.run({ images: [probe], measured: MEASURED, signal: AbortSignal.timeout(extractor.timeoutMs) });
    const ms = Math.round(performance.now() - started);
    const tokens = output.usage ? `${output.usage.inputTokens} in / ${output.usage.outputTokens} out` : 'no usage reported';
    const roles = output.votes.filter((v) => v.role).map((v) => `${v.role} ${v.hex}`).join(', ');
    return { text: `ok     ${name}: ${ms} ms, ${tokens}, $${output.cost.toFixed(6)}, valid answer: ${output.votes.length} colour(s) (${roles})${output.note ? `; ${output.note}` : ''}`, failed: false };
  } catch (error) {
    const ms = Math.round(performance.now() - started);
    const failure = error instanceof ExtractorFailure ? error : new ExtractorFailure('FAILED', error instanceof Error ? error.message : String(error));
    const validated = failure.code === 'INVALID_OUTPUT' ? 'answer did not validate' : 'no answer';
    return { text: `FAILED ${name}: ${ms} ms, $${failure.cost.toFixed(6)}, ${validated}: ${failure.code}: ${failure.message}`, failed: true };
  }
}

async function probeImage(): Promise<RunImage> {
  const image = new Jimp({ width: PROBE.width, height: PROBE.height, color: PROBE.background });
  for (let y = 20; y < 180; y++) for (let x = 60; x < 260; x++) image.setPixelColor(y > 140 && y < 165 && x > 120 && x < 200 ? PROBE.primary : PROBE.surface, x, y);
  const bytes = new Uint8Array(await image.getBuffer('image/png'));
  return { bytes, base64: Buffer.from(bytes).toString('base64'), mediaType: 'image/png', rgba: await decodeImage(bytes), sha256: await sha256Hex(bytes) };
}
